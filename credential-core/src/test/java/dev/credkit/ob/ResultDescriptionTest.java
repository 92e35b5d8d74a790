package dev.credkit.ob;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultDescriptionTest {

    @Test
    void numericRangeAndPassMark() throws Exception {
        ResultDescription rd = Fixtures.percent("urn:x:final", "Final grade", "50");
        rd.check(Result.of(rd, "0"));
        rd.check(Result.of(rd, "100"));
        rd.check(Result.of(rd, "72.5"));
        assertThatThrownBy(() -> rd.check(Result.of(rd, "100.5"))).hasMessageContaining("outside valueMin..valueMax");
        assertThatThrownBy(() -> rd.check(Result.of(rd, "-1"))).hasMessageContaining("outside");
        assertThatThrownBy(() -> rd.check(Result.of(rd, "A"))).hasMessageContaining("must be a number");
        assertThat(rd.passed(Result.of(rd, "50"))).contains(true);
        assertThat(rd.passed(Result.of(rd, "49.9"))).contains(false);
    }

    @Test
    void allowedValuesAreOrderedLowToHigh() throws Exception {
        ResultDescription rd = Fixtures.letter("urn:x:letter", "Letter grade");
        rd.check(Result.of(rd, "B"));
        assertThatThrownBy(() -> rd.check(Result.of(rd, "E"))).hasMessageContaining("not one of its allowedValue");
        assertThat(rd.passed(Result.of(rd, "C"))).contains(true);
        assertThat(rd.passed(Result.of(rd, "A"))).contains(true);
        assertThat(rd.passed(Result.of(rd, "D"))).contains(false);
    }

    @Test
    void rubricLevels() throws Exception {
        ResultDescription rd = ResultDescription.builder().id("urn:x:essay").name("Essay").resultType("RubricCriterion")
                .level(RubricCriterionLevel.builder().id("urn:x:novice").name("Novice").build())
                .level(RubricCriterionLevel.builder().id("urn:x:competent").name("Competent").build())
                .level(RubricCriterionLevel.builder().id("urn:x:expert").name("Expert").build())
                .requiredLevel("urn:x:competent")
                .build();
        Result expert = Result.builder().resultDescription(rd.id()).achievedLevel("urn:x:expert").build();
        Result novice = Result.builder().resultDescription(rd.id()).achievedLevel("urn:x:novice").build();
        rd.check(expert);
        assertThat(rd.passed(expert)).contains(true);
        assertThat(rd.passed(novice)).contains(false);
        Result unknown = Result.builder().resultDescription(rd.id()).achievedLevel("urn:x:guru").build();
        assertThatThrownBy(() -> rd.check(unknown)).hasMessageContaining("achievedLevel");
    }

    @Test
    void statusResults() throws Exception {
        ResultDescription rd = ResultDescription.builder().id("urn:x:s").name("Completion").resultType("Status").build();
        assertThatThrownBy(() -> rd.check(Result.builder().resultDescription(rd.id()).value("done").build()))
                .hasMessageContaining("Result.status is REQUIRED when the ResultDescription's resultType is Status");
        Result completed = Result.builder().resultDescription(rd.id()).status("Completed").build();
        rd.check(completed);
        assertThat(rd.passed(completed)).contains(true);
        assertThat(rd.passed(Result.builder().resultDescription(rd.id()).status("Failed").build())).contains(false);
        assertThat(rd.passed(Result.builder().resultDescription(rd.id()).status("InProgress").build())).isEmpty();
    }

    @Test
    void noPassMarkMeansUnknown() throws Exception {
        ResultDescription rd = ResultDescription.builder().id("urn:x:r").name("Raw").resultType("RawScore").build();
        assertThat(rd.passed(Result.of(rd, "12"))).isEmpty();
    }
}
