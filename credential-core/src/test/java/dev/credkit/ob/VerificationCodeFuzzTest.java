package dev.credkit.ob;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.core.ProblemCode;
import dev.credkit.testing.FuzzChecks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes verification-code parsing (typed by people, pasted into a verify page). A code that
 * parses is 15 symbols of the alphabet, reads back from its own value and its display form, and
 * {@link VerificationCode#isValid} agrees with {@link VerificationCode#parse}.
 */
class VerificationCodeFuzzTest {
    private static final Duration TIME = Duration.ofSeconds(1);
    private static final long MEMORY = 1L << 20;

    @FuzzTest(maxDuration = "20s")
    void parseVerificationCode(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        FuzzChecks.Outcome<VerificationCode> parsed = FuzzChecks.bounded(TIME, MEMORY, () -> VerificationCode.parse(text));
        assertThat(VerificationCode.isValid(text)).isEqualTo(parsed.ok());
        if (!parsed.ok()) {
            assertThat(parsed.error().code()).isEqualTo(ProblemCode.MALFORMED);
            return;
        }
        VerificationCode code = parsed.value();
        assertThat(code.value()).hasSize(VerificationCode.LENGTH);
        assertThat(code.value().chars()).allMatch(c -> VerificationCode.ALPHABET.indexOf(c) >= 0);
        assertThat(FuzzChecks.bounded(TIME, MEMORY, () -> VerificationCode.parse(code.value())).value()).isEqualTo(code);
        assertThat(FuzzChecks.bounded(TIME, MEMORY, () -> VerificationCode.parse(code.toString())).value()).isEqualTo(code);
    }
}
