package dev.credkit.ob;

import dev.credkit.core.CredentialException;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Issues a Verified Certificate: the institution certifies that the learner completed a course.
 * The result is an unsigned Open Badges 3.0 OpenBadgeCredential on VC Data Model 2.0 whose
 * {@code id} is the public verify URL.
 *
 * <p>Where things land (all standard Open Badges 3.0 fields, so any displayer shows them):
 * <ul>
 *   <li>course name: {@code Achievement.name}; course code: {@code Achievement.humanCode};
 *       {@code achievementType} is {@code CertificateOfCompletion};</li>
 *   <li>syllabus summary and workload: {@code Achievement.description}, the syllabus followed by
 *       a line {@code Workload: N hours.} (Open Badges has no field for hours of study, and
 *       {@code creditsAvailable} means academic credits, which are written there only when
 *       {@link #credits} is given);</li>
 *   <li>criteria: {@code Achievement.criteria} (URL and/or narrative; one is REQUIRED);</li>
 *   <li>learner: {@code credentialSubject.identifier}: the display name unhashed, e-mail and
 *       student id salted and hashed; course dates: {@code activityStartDate}/{@code activityEndDate};</li>
 *   <li>identity check: an {@code evidence} entry with the method and date only.</li>
 * </ul>
 * Syllabus, workload and criteria are REQUIRED for a certificate.
 */
public final class CertificateBuilder extends CourseCredentialBuilder<CertificateBuilder> {

    private CertificateBuilder(Clock clock, SecureRandom random) {
        super(clock, random);
    }

    /** A builder; {@code random} makes the salts of hashed identities. */
    public static CertificateBuilder create(Clock clock, SecureRandom random) {
        return new CertificateBuilder(clock, random);
    }

    @Override
    CertificateBuilder self() {
        return this;
    }

    /** Checks every rule and builds the unsigned credential. */
    public OpenBadgeCredential build() throws CredentialException {
        checkCommon();
        ObJson.checkNotBlank(syllabus, "course", "syllabus");
        if (workloadHours == null) {
            throw ObJson.invalid("course workload (hours) is REQUIRED for a certificate");
        }
        Achievement achievement = achievementBase("CertificateOfCompletion", achievementDescription(null))
                .criteria(criteria(null))
                .build();
        AchievementSubject subject = subjectBase(achievement).build();
        String institution = issuer.name().orElseThrow();
        return credentialBase(courseName.strip() + " - Verified Certificate",
                institution + " certifies that the learner completed " + courseName.strip() + ".", subject)
                .build();
    }
}
