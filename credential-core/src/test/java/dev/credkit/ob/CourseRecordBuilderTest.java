package dev.credkit.ob;

import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CourseRecordBuilderTest {
    private static final String FINAL = "urn:uuid:6c0f1b2e-0000-4000-8000-100000000001";
    private static final String HW1 = "urn:uuid:6c0f1b2e-0000-4000-8000-100000000002";
    private static final String HW2 = "urn:uuid:6c0f1b2e-0000-4000-8000-100000000003";
    private static final String PROJECT = "urn:uuid:6c0f1b2e-0000-4000-8000-100000000004";

    static CourseRecordBuilder record() throws Exception {
        ResultDescription project = ResultDescription.builder().id(PROJECT).name("Capstone project")
                .resultType("RubricCriterion")
                .level(RubricCriterionLevel.builder().id(PROJECT + "-1").name("Below expectations").points("0").build())
                .level(RubricCriterionLevel.builder().id(PROJECT + "-2").name("Meets expectations").points("5").build())
                .level(RubricCriterionLevel.builder().id(PROJECT + "-3").name("Exceeds expectations").points("10").build())
                .requiredLevel(PROJECT + "-2")
                .build();
        return CourseRecordBuilder.create(Fixtures.CLOCK, Fixtures.random())
                .issuer(Fixtures.institution())
                .verifyBaseUrl("https://certs.example.edu")
                .verificationCode(Fixtures.code())
                .learnerName("Ada Lovelace")
                .learnerStudentId("20250042")
                .courseName("CS 201: Introduction to Data Structures")
                .courseCode("CS 201")
                .syllabus("Arrays, lists, trees and graphs.")
                .workloadHours(120)
                .finalGrade(Fixtures.percent(FINAL, "Final grade", "60"), "82")
                .assignment(Fixtures.letter(HW1, "Assignment 1: linked lists"), "A")
                .assignment(Fixtures.percent(HW2, "Assignment 2: hash tables", "50"), "45")
                .assignment(project, Result.builder().resultDescription(PROJECT).achievedLevel(PROJECT + "-3").build());
    }

    @Test
    void resultsPointToTheAchievementsResultDescriptions() throws Exception {
        OpenBadgeCredential c = record().build();
        Achievement a = c.achievement();
        assertThat(a.achievementType()).contains("Course");
        assertThat(a.resultDescriptions()).extracting(ResultDescription::id).containsExactly(FINAL, HW1, HW2, PROJECT);
        List<Result> results = c.credentialSubject().results();
        assertThat(results).extracting(r -> r.resultDescription().orElseThrow()).containsExactly(FINAL, HW1, HW2,
                PROJECT);
        assertThat(results.get(0).value()).contains("82");
        // pass/fail derived from each description's requiredValue / requiredLevel
        assertThat(results).extracting(r -> c.credentialSubject().passed(r).orElseThrow())
                .containsExactly(true, true, false, true);
        assertThat(c.credentialSubject().identifier("sisSourcedId").orElseThrow().matches("20250042")).isTrue();
        assertThat(c.toJson().toJson()).doesNotContain("20250042");
        assertThat(OpenBadgeCredential.read(c.toJson()).toJson()).isEqualTo(c.toJson());
    }

    @Test
    void everyPropertyIsDefinedInTheContexts() throws Exception {
        JsonObject json = record().build().toJson();
        assertThat(ContextTerms.ob303().undefined(json)).isEmpty();
    }

    @Test
    void valuesAreCheckedAgainstTheirDescriptions() throws Exception {
        assertThatThrownBy(() -> record().assignment(Fixtures.percent("urn:x:quiz", "Quiz", "50"), "120").build())
                .hasMessageContaining("Result.value for 'Quiz' is outside valueMin..valueMax");
        assertThatThrownBy(() -> record().assignment(Fixtures.letter("urn:x:essay", "Essay"), "A+").build())
                .hasMessageContaining("Result.value for 'Essay' is not one of its allowedValue");
        assertThatThrownBy(() -> record().assignment(Fixtures.letter(HW1, "Again"), "A").build())
                .hasMessageContaining("resultDescription ids must be unique");
        ResultDescription quiz = Fixtures.percent("urn:x:quiz", "Quiz", "50");
        assertThatThrownBy(() -> record().assignment(quiz,
                Result.builder().resultDescription("urn:x:other").value("1").build()).build())
                .hasMessageContaining("Result.resultDescription must be the id of its ResultDescription (Quiz)");
    }

    @Test
    void aFinalGradeIsRequired() throws Exception {
        CourseRecordBuilder b = CourseRecordBuilder.create(Fixtures.CLOCK, Fixtures.random())
                .issuer(Fixtures.institution()).verifyBaseUrl("https://certs.example.edu")
                .verificationCode(Fixtures.code()).learnerName("Ada").courseName("CS 201");
        assertThatThrownBy(b::build).hasMessageContaining("a course record needs a final grade");
        OpenBadgeCredential minimal = b.finalGrade(Fixtures.letter(FINAL, "Final"), "B").build();
        assertThat(minimal.achievement().description()).isEqualTo("Record of the results obtained in CS 201.");
        assertThat(minimal.achievement().criteria().narrative()).isPresent();
    }
}
