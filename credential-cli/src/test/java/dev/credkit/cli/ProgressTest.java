package dev.credkit.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    @Test
    void withoutATerminalPrintsPlainLinesAtTheInterval() {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), false, "rows", 200, 0);
        p.update(50, 2);
        p.update(100, 3);
        p.finish();
        assertThat(text.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("credkit: ").doesNotContain("\r"));
        assertThat(text.toString()).contains("50/200 rows (25%), 2 failed").contains("100/200 rows (50%), 3 failed");
    }

    @Test
    void withoutATerminalStaysQuietBetweenIntervals() {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), false, "rows", 200, Long.MAX_VALUE);
        p.update(50, 0);
        p.println(new PrintWriter(text), "row 3: bad");
        p.finish();
        assertThat(text.toString()).isEqualTo("row 3: bad" + System.lineSeparator());
    }

    @Test
    void statusLineSaysDoneTotalFailuresRateAndTimeLeft() {
        Progress p = new Progress(new PrintWriter(new StringWriter()), true, "credentials", 10_000, 0);
        p.update(4_512, 12);
        String status = p.status(System.nanoTime() + 1_000_000_000L);
        assertThat(status).startsWith("4,512/10,000 credentials (45%), 12 failed, ").contains("/s").endsWith(" left");
        assertThat(Progress.duration(75)).isEqualTo("1:15 min");
        assertThat(Progress.duration(7260)).isEqualTo("2:01 h");
    }
}
