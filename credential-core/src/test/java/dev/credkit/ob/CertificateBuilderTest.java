package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateBuilderTest {

    @Test
    void buildsAVc20OpenBadgeCredential() throws Exception {
        VerificationCode code = Fixtures.code();
        OpenBadgeCredential c = Fixtures.certificate().verificationCode(code).build();
        JsonObject json = c.toJson();

        assertThat(c.contexts()).containsExactly(ObContexts.VC_V2, ObContexts.OB_3_0_3);
        assertThat(c.types()).containsExactly("VerifiableCredential", "OpenBadgeCredential");
        assertThat(c.id()).isEqualTo("https://certs.example.edu/verify/" + code.display());
        assertThat(c.name()).isEqualTo("CS 201: Introduction to Data Structures - Verified Certificate");
        assertThat(c.validFrom()).isEqualTo("2025-03-01T10:15:30Z");
        assertThat(c.issuer().name()).contains("Example State University");

        Achievement a = c.achievement();
        assertThat(a.id()).isEqualTo("https://example.edu/courses/cs201");
        assertThat(a.achievementType()).contains("CertificateOfCompletion");
        assertThat(a.humanCode()).contains("CS 201");
        assertThat(a.description()).startsWith("Arrays, linked lists").endsWith("\n\nWorkload: 120 hours.");
        assertThat(a.criteria().narrative()).contains(
                "Complete all ten programming assignments and pass the final examination.");

        AchievementSubject s = c.credentialSubject();
        assertThat(s.displayName()).contains("Ada Lovelace");
        IdentityObject email = s.identifier("emailAddress").orElseThrow();
        assertThat(email.hashed()).isTrue();
        assertThat(email.matchesEmail("ada@example.org")).isTrue();
        assertThat(json.toJson()).doesNotContainIgnoringCase("ada@example.org");
        assertThat(s.activityStartDate()).contains("2024-09-02T00:00:00Z");
        assertThat(s.activityEndDate()).contains("2024-12-20T00:00:00Z");

        // the built document reads back as a valid Open Badges 3.0 credential, unchanged
        assertThat(OpenBadgeCredential.read(json).toJson()).isEqualTo(json);
    }

    @Test
    void everyPropertyIsDefinedInTheContexts() throws Exception {
        JsonObject json = Fixtures.certificate()
                .learnerStudentId("S-1234")
                .learnerId("did:example:ebfeb1f712ebc6f1c276e12ec21")
                .credits(new java.math.BigDecimal("5"))
                .fieldOfStudy("Computer Science")
                .term("Fall 2024")
                .courseImage(Image.of("https://example.edu/badges/cs201.png", "CS 201 badge"))
                .criteriaUrl("https://example.edu/courses/cs201/criteria")
                .identityVerified("photo ID checked by a proctor", LocalDate.of(2024, 12, 18))
                .validUntil(Fixtures.NOW.plusSeconds(86_400L * 365))
                .build().toJson();
        assertThat(ContextTerms.ob303().undefined(json)).isEmpty();
    }

    @Test
    void identityVerificationBecomesEvidenceWithMethodAndDateOnly() throws Exception {
        OpenBadgeCredential c = Fixtures.certificate()
                .identityVerified("government ID checked by video call", LocalDate.of(2024, 12, 18))
                .build();
        assertThat(c.evidence()).singleElement().satisfies(e -> {
            assertThat(e.name()).contains("Identity verification");
            assertThat(e.description()).contains(
                    "The learner's identity was verified on 2024-12-18 by government ID checked by video call.");
        });
        assertThatThrownBy(() -> Fixtures.certificate().identityVerified("data:image/jpeg;base64,/9j/4AAQ",
                LocalDate.of(2024, 1, 1)).build()).hasMessageContaining("short description");
        assertThatThrownBy(() -> Fixtures.certificate().identityVerified("proctor", null).build())
                .hasMessageContaining("identity verification.date is REQUIRED");
    }

    @Test
    void defaultAchievementIdIsStablePerIssuerAndCourse() throws Exception {
        String a = Fixtures.certificate().courseId(null).build().achievement().id();
        String b = Fixtures.certificate().courseId(null).learnerName("Grace Hopper").build().achievement().id();
        String other = Fixtures.certificate().courseId(null).courseName("CS 301").build().achievement().id();
        assertThat(a).startsWith("urn:uuid:").isEqualTo(b).isNotEqualTo(other);
    }

    @Test
    void eachMissingInputIsNamed() throws Exception {
        assertRefused(Fixtures.certificate().issuer(null), "issuing institution (issuer Profile) is REQUIRED");
        assertRefused(Fixtures.certificate().issuer(Profile.builder().id("https://x.example").build()),
                "institution needs a name");
        assertRefused(Fixtures.certificate().verificationCode(null), "verification code is REQUIRED");
        assertRefused(Fixtures.certificate().verifyBaseUrl(null), "verify base URL");
        assertRefused(Fixtures.certificate().verifyBaseUrl("http://certs.example.edu"), "https URL");
        assertRefused(Fixtures.certificate().verifyBaseUrl("https://certs.example.edu/?x=1"), "without query");
        assertRefused(Fixtures.certificate().learnerName(null), "learner.name is REQUIRED");
        assertRefused(Fixtures.certificate().courseName(" "), "course.name must not be blank");
        assertRefused(Fixtures.certificate().syllabus(null), "course.syllabus is REQUIRED");
        assertRefused(Fixtures.certificate().workloadHours(null), "workload (hours) is REQUIRED");
        assertRefused(Fixtures.certificate().workloadHours(0), "workload must be a positive number");
        assertRefused(Fixtures.certificate().criteriaNarrative(null), "criteria are REQUIRED");
        assertRefused(Fixtures.certificate().activityEnd(LocalDate.of(2024, 1, 1)), "end date must not be before");
        assertRefused(Fixtures.certificate().learnerId("not a uri"), "AchievementSubject.id must be an absolute URI");
        assertRefused(Fixtures.certificate().validUntil(Fixtures.NOW.minusSeconds(1)),
                "validUntil must not be before validFrom");
    }

    @Test
    void verifyUrlTrimsTrailingSlashAndAllowsLocalhost() throws Exception {
        VerificationCode code = Fixtures.code();
        assertThat(CourseCredentialBuilder.verifyUrl("https://c.example.edu/", code))
                .isEqualTo("https://c.example.edu/verify/" + code.display());
        assertThat(CourseCredentialBuilder.verifyUrl("http://localhost:8080", code)).startsWith("http://localhost:8080/verify/");
    }

    @Test
    void linkedInLinkForTheCertificate() throws Exception {
        VerificationCode code = Fixtures.code();
        OpenBadgeCredential c = Fixtures.certificate().verificationCode(code).build();
        String url = LinkedInAddToProfile.forCredential(c, code).url();
        assertThat(url).isEqualTo("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
                + "&name=CS%20201%3A%20Introduction%20to%20Data%20Structures"
                + "&organizationName=Example%20State%20University&issueYear=2025&issueMonth=3"
                + "&certUrl=https%3A%2F%2Fcerts.example.edu%2Fverify%2F" + code.display()
                + "&certId=" + code.display());
    }

    private static void assertRefused(CertificateBuilder b, String message) {
        assertThatThrownBy(b::build)
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL))
                .hasMessageContaining(message);
    }
}
