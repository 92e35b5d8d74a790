package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every builder refuses a missing REQUIRED member with a message that names it. */
class ModelBuilderTest {

    private static void refused(Executable build, String message) {
        assertThatThrownBy(build::execute)
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL))
                .hasMessageContaining(message);
    }

    @Test
    void profile() throws Exception {
        refused(() -> Profile.builder().name("X").build(), "Profile.id is REQUIRED");
        refused(() -> Profile.builder().id("no scheme").build(), "Profile.id must be an absolute URI");
        refused(() -> Profile.builder().id("https://x.example").url("x y").build(), "Profile.url");
        refused(() -> Profile.builder().id("https://x.example").email("nobody").build(), "Profile.email");
        Profile p = Profile.builder().id("https://x.example/issuer").name("X").image(Image.of("https://x.example/l.png"))
                .build();
        assertThat(p.toJson().toJson()).isEqualTo("{\"id\":\"https://x.example/issuer\",\"type\":[\"Profile\"],"
                + "\"name\":\"X\",\"image\":{\"id\":\"https://x.example/l.png\",\"type\":\"Image\"}}");
        assertThat(Profile.read(p.toJson())).isEqualTo(p);
    }

    @Test
    void imageAndCriteria() throws Exception {
        refused(() -> Image.of(null), "Image.id is REQUIRED");
        refused(() -> Image.of("logo.png"), "Image.id must be an absolute URI");
        assertThat(Image.of("data:image/png;base64,iVBORw0KGgo=").id()).startsWith("data:");
        refused(() -> Criteria.of(null, null), "Criteria needs an id (criteria URL) or a narrative");
        refused(() -> Criteria.of(null, "  "), "Criteria needs an id");
        assertThat(Criteria.of("https://x.example/c", "Pass.").toJson().keys()).containsExactly("id", "narrative");
    }

    @Test
    void alignment() throws Exception {
        refused(() -> Alignment.builder().targetUrl("https://x.example/s").build(), "Alignment.targetName is REQUIRED");
        refused(() -> Alignment.builder().targetName("S").build(), "Alignment.targetUrl is REQUIRED");
        refused(() -> Alignment.builder().targetName("S").targetUrl("https://x.example/s").targetType("Skill").build(),
                "Alignment.targetType 'Skill' is not in the Open Badges 3.0 vocabulary");
        Alignment a = Alignment.builder().targetName("S").targetUrl("https://x.example/s").targetType("ext:Skill")
                .build();
        assertThat(Alignment.read(a.toJson())).isEqualTo(a);
    }

    @Test
    void evidence() throws Exception {
        refused(() -> Evidence.builder().genre("x").build(), "Evidence needs an id, a name or a narrative");
        Evidence e = Evidence.builder().name("Project").narrative("Built a compiler.").build();
        assertThat(e.toJson().array("type").orElseThrow().strings().orElseThrow()).containsExactly("Evidence");
        assertThat(Evidence.read(e.toJson())).isEqualTo(e);
    }

    @Test
    void rubricLevelAndResult() throws Exception {
        refused(() -> RubricCriterionLevel.builder().name("Good").build(), "RubricCriterionLevel.id is REQUIRED");
        refused(() -> RubricCriterionLevel.builder().id("urn:x:1").build(), "RubricCriterionLevel.name is REQUIRED");
        refused(() -> Result.builder().build(), "Result needs a value, an achievedLevel or a status");
        refused(() -> Result.builder().value("1").status("Passed").build(), "Result.status 'Passed'");
        refused(() -> Result.builder().value("1").resultDescription("nope").build(),
                "Result.resultDescription must be an absolute URI");
    }

    @Test
    void resultDescription() throws Exception {
        refused(() -> ResultDescription.builder().name("n").resultType("Percent").build(),
                "ResultDescription.id is REQUIRED");
        refused(() -> ResultDescription.builder().id("urn:x:1").resultType("Percent").build(),
                "ResultDescription.name is REQUIRED");
        refused(() -> ResultDescription.builder().id("urn:x:1").name("n").build(),
                "ResultDescription.resultType is REQUIRED");
        refused(() -> ResultDescription.builder().id("urn:x:1").name("n").resultType("Grade").build(),
                "resultType 'Grade' is not in the Open Badges 3.0 vocabulary");
        refused(() -> ResultDescription.builder().id("urn:x:1").name("n").resultType("RawScore")
                .valueMin("10").valueMax("5").build(), "valueMin must not exceed valueMax");
        refused(() -> ResultDescription.builder().id("urn:x:1").name("n").resultType("RawScore")
                .valueMin("low").build(), "valueMin/valueMax must be numbers");
        refused(() -> ResultDescription.builder().id("urn:x:1").name("n").resultType("RawScore")
                .range(BigDecimal.ZERO, BigDecimal.TEN).requiredValue("11").build(),
                "requiredValue must lie within valueMin..valueMax");
        refused(() -> ResultDescription.builder().id("urn:x:1").name("n").resultType("LetterGrade")
                .allowedValues(List.of("B", "A")).requiredValue("C").build(),
                "requiredValue must be one of its allowedValue");
        refused(() -> ResultDescription.builder().id("urn:x:1").name("n").resultType("LetterGrade")
                .allowedValues(List.of("A", "A")).build(), "allowedValue entries must be unique");
        refused(() -> ResultDescription.builder().id("urn:x:1").name("n").resultType("RubricCriterion")
                .requiredLevel("urn:x:level").build(), "requiredLevel must be the id of one of its rubricCriterionLevel");
        RubricCriterionLevel l = RubricCriterionLevel.builder().id("urn:x:l").name("L").build();
        refused(() -> ResultDescription.builder().id("urn:x:1").name("n").resultType("RubricCriterion")
                .level(l).level(l).build(), "rubricCriterionLevel ids must be unique");
        ResultDescription ok = ResultDescription.builder().id("urn:x:1").name("n").resultType("ext:Stars").build();
        assertThat(ResultDescription.read(ok.toJson())).isEqualTo(ok);
    }

    @Test
    void achievement() throws Exception {
        Criteria c = Criteria.narrative("Do it.");
        refused(() -> Achievement.builder().name("n").description("d").criteria(c).build(), "Achievement.id is REQUIRED");
        refused(() -> Achievement.builder().id("urn:x:a").description("d").criteria(c).build(),
                "Achievement.name is REQUIRED");
        refused(() -> Achievement.builder().id("urn:x:a").name("n").criteria(c).build(),
                "Achievement.description is REQUIRED");
        refused(() -> Achievement.builder().id("urn:x:a").name("n").description("d").build(),
                "Achievement.criteria is REQUIRED");
        refused(() -> Achievement.builder().id("urn:x:a").name(" ").description("d").criteria(c).build(),
                "Achievement.name must not be blank");
        refused(() -> Achievement.builder().id("urn:x:a").name("n").description("d").criteria(c)
                .achievementType("Bootcamp").build(), "achievementType 'Bootcamp'");
        refused(() -> Achievement.builder().id("urn:x:a").name("n").description("d").criteria(c)
                .creditsAvailable(BigDecimal.valueOf(-1)).build(), "creditsAvailable must not be negative");
        ResultDescription rd = Fixtures.percent("urn:x:rd", "Final", "50");
        refused(() -> Achievement.builder().id("urn:x:a").name("n").description("d").criteria(c)
                .resultDescription(rd).resultDescription(rd).build(), "resultDescription ids must be unique");
        Achievement a = Achievement.builder().id("urn:x:a").name("n").description("d").criteria(c)
                .achievementType("ext:Bootcamp").creditsAvailable(new BigDecimal("3.5")).tag("java").build();
        assertThat(Achievement.read(a.toJson())).isEqualTo(a);
        assertThat(a.toJson().toJson()).contains("\"creditsAvailable\":3.5");
    }

    @Test
    void achievementSubject() throws Exception {
        Achievement a = Achievement.builder().id("urn:x:a").name("n").description("d")
                .criteria(Criteria.narrative("Do it.")).resultDescription(Fixtures.percent("urn:x:rd", "F", "50"))
                .build();
        IdentityObject name = IdentityObject.plaintext("name", "Ada");
        refused(() -> AchievementSubject.builder().identifier(name).build(), "AchievementSubject.achievement is REQUIRED");
        refused(() -> AchievementSubject.builder().achievement(a).build(),
                "AchievementSubject needs an id or at least one identifier");
        refused(() -> AchievementSubject.builder().achievement(a).identifier(name)
                .result(Result.builder().resultDescription("urn:x:other").value("1").build()).build(),
                "must be the id of a ResultDescription of the achievement");
        refused(() -> AchievementSubject.builder().achievement(a).identifier(name)
                .result(Result.builder().resultDescription("urn:x:rd").value("101").build()).build(),
                "is outside valueMin..valueMax");
        refused(() -> AchievementSubject.builder().achievement(a).identifier(name)
                .activityStartDate(Instant.parse("2025-02-01T00:00:00Z"))
                .activityEndDate(Instant.parse("2025-01-01T00:00:00Z")).build(),
                "activityEndDate must not be before activityStartDate");
        AchievementSubject s = AchievementSubject.builder().id("did:example:123").achievement(a).build();
        assertThat(AchievementSubject.read(s.toJson())).isEqualTo(s);
    }

    @Test
    void identityObject() throws Exception {
        refused(() -> IdentityObject.plaintext("nickname", "Ada"), "identityType 'nickname'");
        refused(() -> IdentityObject.plaintext("name", " "), "IdentityObject.identityHash must not be blank");
        refused(() -> IdentityObject.hashedEmail("not-an-email", "s"), "needs an e-mail address");
        assertThat(IdentityObject.plaintext("ext:passport", "X").identityType()).isEqualTo("ext:passport");
    }

    @Test
    void credential() throws Exception {
        AchievementSubject s = AchievementSubject.builder().id("did:example:1").achievement(
                Achievement.builder().id("urn:x:a").name("n").description("d").criteria(Criteria.narrative("x"))
                        .build()).build();
        Profile issuer = Fixtures.institution();
        Instant t = Fixtures.NOW;
        refused(() -> OpenBadgeCredential.builder().name("n").issuer(issuer).validFrom(t).credentialSubject(s).build(),
                "OpenBadgeCredential.id is REQUIRED");
        refused(() -> OpenBadgeCredential.builder().id("urn:x:c").issuer(issuer).validFrom(t).credentialSubject(s)
                .build(), "OpenBadgeCredential.name is REQUIRED");
        refused(() -> OpenBadgeCredential.builder().id("urn:x:c").name("n").validFrom(t).credentialSubject(s).build(),
                "OpenBadgeCredential.issuer is REQUIRED");
        refused(() -> OpenBadgeCredential.builder().id("urn:x:c").name("n").issuer(issuer).credentialSubject(s).build(),
                "OpenBadgeCredential.validFrom is REQUIRED");
        refused(() -> OpenBadgeCredential.builder().id("urn:x:c").name("n").issuer(issuer).validFrom(t).build(),
                "OpenBadgeCredential.credentialSubject is REQUIRED");
        refused(() -> OpenBadgeCredential.builder().id("urn:x:c").name("n").issuer(issuer).validFrom(t)
                .validUntil(t.minusSeconds(1)).credentialSubject(s).build(), "validUntil must not be before validFrom");
        refused(() -> OpenBadgeCredential.builder().id("urn:x:c").name("n").issuer(issuer).validFrom(t)
                .credentialSubject(s).credentialStatus(dev.credkit.json.JsonObject.builder()
                        .put("id", "https://x.example/s#1").build()).build(), "credentialStatus.type is REQUIRED");
        OpenBadgeCredential c = OpenBadgeCredential.builder().id("urn:x:c").name("n").issuer(issuer)
                .validFrom(t.plusNanos(123)).credentialSubject(s).build();
        assertThat(c.validFrom()).isEqualTo("2025-03-01T10:15:30Z");
        assertThat(OpenBadgeCredential.read(c.toJson())).isEqualTo(c);
        assertThat(c.toJson().keys()).startsWith("@context", "id", "type", "name");
    }
}
