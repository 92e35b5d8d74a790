package dev.credkit.ob;

import dev.credkit.core.CredentialException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a certificate and a course record have in common: the institution, the learner, the
 * course, and the verify URL that becomes the credential's {@code id}. Subclasses add their own
 * content; both build unsigned VC 2.0 OpenBadgeCredentials.
 *
 * <p>Learner: a display name (an unhashed {@code name} identity, as Open Badges displayers
 * show it), plus an e-mail address and/or a student id, always hashed with a fresh random salt
 * ({@code emailAddress} and {@code sisSourcedId} identities), and optionally a DID or URL as the
 * subject {@code id}.
 *
 * @param <B> the concrete builder, for chaining
 */
public abstract class CourseCredentialBuilder<B extends CourseCredentialBuilder<B>> {
    private static final Pattern CODE_SAFE = Pattern.compile("[A-Z0-9-]+");

    final Clock clock;
    final SecureRandom random;
    Profile issuer;
    String verifyBaseUrl;
    VerificationCode code;
    String learnerName;
    String learnerEmail;
    String learnerStudentId;
    String learnerId;
    String courseId;
    String courseName;
    String courseCode;
    String syllabus;
    BigDecimal workloadHours;
    BigDecimal credits;
    String criteriaUrl;
    String criteriaNarrative;
    String fieldOfStudy;
    String term;
    Image courseImage;
    LocalDate activityStart;
    LocalDate activityEnd;
    Instant issuedAt;
    Instant validUntil;
    String identityCheckMethod;
    LocalDate identityCheckDate;

    CourseCredentialBuilder(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    abstract B self();

    /** The institution; its {@code id} must be the identifier its signing keys belong to, and it needs a name. */
    public B issuer(Profile v) {
        this.issuer = v;
        return self();
    }

    /**
     * The origin of the issuer's public verify pages, e.g. {@code https://certs.example.edu}: the
     * credential id becomes {@code https://certs.example.edu/verify/<CODE>}.
     */
    public B verifyBaseUrl(String v) {
        this.verifyBaseUrl = v;
        return self();
    }

    /** The credential's verification code (generate with {@link VerificationCode#generate}, store it). */
    public B verificationCode(VerificationCode v) {
        this.code = v;
        return self();
    }

    /** The learner's name as it should appear on the certificate. */
    public B learnerName(String v) {
        this.learnerName = v;
        return self();
    }

    /** The learner's e-mail address: written only as a salted SHA-256 hash. */
    public B learnerEmail(String v) {
        this.learnerEmail = v;
        return self();
    }

    /** The learner's student number: written only as a salted SHA-256 hash ({@code sisSourcedId}). */
    public B learnerStudentId(String v) {
        this.learnerStudentId = v;
        return self();
    }

    /** The learner's DID or URL, when they have one (becomes {@code credentialSubject.id}). */
    public B learnerId(String v) {
        this.learnerId = v;
        return self();
    }

    /** A stable URI for the course; by default a name-based {@code urn:uuid} of issuer and course name. */
    public B courseId(String v) {
        this.courseId = v;
        return self();
    }

    public B courseName(String v) {
        this.courseName = v;
        return self();
    }

    /** The catalogue code, e.g. {@code CS 201} (Achievement.humanCode). */
    public B courseCode(String v) {
        this.courseCode = v;
        return self();
    }

    /** A summary of the syllabus: what the course covered (Achievement.description). */
    public B syllabus(String v) {
        this.syllabus = v;
        return self();
    }

    /** The workload in hours of study. */
    public B workloadHours(BigDecimal v) {
        this.workloadHours = v;
        return self();
    }

    public B workloadHours(long hours) {
        return workloadHours(BigDecimal.valueOf(hours));
    }

    /** Academic credits, when the course carries them (creditsAvailable / creditsEarned). */
    public B credits(BigDecimal v) {
        this.credits = v;
        return self();
    }

    /** A page describing what the learner had to do (Criteria.id). */
    public B criteriaUrl(String v) {
        this.criteriaUrl = v;
        return self();
    }

    /** What the learner had to do, in words or Markdown (Criteria.narrative). */
    public B criteriaNarrative(String v) {
        this.criteriaNarrative = v;
        return self();
    }

    public B fieldOfStudy(String v) {
        this.fieldOfStudy = v;
        return self();
    }

    /** The academic term, e.g. {@code Spring 2025}. */
    public B term(String v) {
        this.term = v;
        return self();
    }

    /** The course's badge image. */
    public B courseImage(Image v) {
        this.courseImage = v;
        return self();
    }

    public B activityStart(LocalDate v) {
        this.activityStart = v;
        return self();
    }

    public B activityEnd(LocalDate v) {
        this.activityEnd = v;
        return self();
    }

    /** The issue instant ({@code validFrom}); by default the clock's now. */
    public B issuedAt(Instant v) {
        this.issuedAt = v;
        return self();
    }

    public B validUntil(Instant v) {
        this.validUntil = v;
        return self();
    }

    /**
     * Records that the learner's identity was checked: the method (e.g. "photo ID checked by a
     * proctor") and the date, written as an Evidence entry. Record only the method and date:
     * never biometric data, document numbers or images.
     */
    public B identityVerified(String method, LocalDate date) {
        this.identityCheckMethod = method;
        this.identityCheckDate = date;
        return self();
    }

    /** {@code <base>/verify/<CODE>}, checking that the base is an https origin (http only for localhost). */
    public static String verifyUrl(String baseUrl, VerificationCode code) throws CredentialException {
        if (baseUrl == null || code == null) {
            throw ObJson.invalid("a verify base URL and a verification code are REQUIRED for the credential id");
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        boolean https = base.startsWith("https://") && base.length() > "https://".length();
        boolean local = base.startsWith("http://localhost") || base.startsWith("http://127.0.0.1");
        if (!(https || local) || base.indexOf('?') >= 0 || base.indexOf('#') >= 0 || !ObJson.isUri(base)) {
            throw ObJson.invalid("verify base URL must be an https URL without query or fragment");
        }
        String display = code.display();
        if (!CODE_SAFE.matcher(display).matches()) {
            throw new IllegalStateException("unexpected code form");
        }
        return base + "/verify/" + display;
    }

    // ---- shared assembly

    void checkCommon() throws CredentialException {
        if (issuer == null) {
            throw ObJson.invalid("the issuing institution (issuer Profile) is REQUIRED");
        }
        if (issuer.name().isEmpty()) {
            throw ObJson.invalid("the issuing institution needs a name (Profile.name)");
        }
        if (code == null) {
            throw ObJson.invalid("a verification code is REQUIRED");
        }
        ObJson.checkNotBlank(learnerName, "learner", "name");
        ObJson.checkNotBlank(courseName, "course", "name");
        if (workloadHours != null && workloadHours.signum() <= 0) {
            throw ObJson.invalid("course workload must be a positive number of hours");
        }
        if (activityStart != null && activityEnd != null && activityEnd.isBefore(activityStart)) {
            throw ObJson.invalid("course end date must not be before its start date");
        }
        if (identityCheckMethod != null || identityCheckDate != null) {
            ObJson.checkNotBlank(identityCheckMethod, "identity verification", "method");
            if (identityCheckDate == null) {
                throw ObJson.required("identity verification", "date");
            }
            if (identityCheckMethod.length() > 200 || identityCheckMethod.indexOf('\n') >= 0
                    || identityCheckMethod.regionMatches(true, 0, "data:", 0, 5)) {
                throw ObJson.invalid("identity verification method must be a short description (no data)");
            }
        }
    }

    String achievementId() {
        if (courseId != null) {
            return courseId;
        }
        String seed = issuer.id() + "\n" + courseName;
        return "urn:uuid:" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** Syllabus, then the workload in words, so that any Open Badges displayer shows both. */
    String achievementDescription(String fallback) {
        StringBuilder sb = new StringBuilder();
        sb.append(syllabus != null && !syllabus.isBlank() ? syllabus.strip() : fallback);
        if (workloadHours != null) {
            sb.append("\n\nWorkload: ").append(workloadHours.stripTrailingZeros().toPlainString())
                    .append(workloadHours.compareTo(BigDecimal.ONE) == 0 ? " hour." : " hours.");
        }
        return sb.toString();
    }

    Criteria criteria(String fallbackNarrative) throws CredentialException {
        if (criteriaUrl == null && (criteriaNarrative == null || criteriaNarrative.isBlank())) {
            if (fallbackNarrative == null) {
                throw ObJson.invalid("course criteria are REQUIRED: give a criteria URL or a narrative");
            }
            return Criteria.narrative(fallbackNarrative);
        }
        return Criteria.of(criteriaUrl, criteriaNarrative);
    }

    Achievement.Builder achievementBase(String achievementType, String description) {
        return Achievement.builder()
                .id(achievementId())
                .name(courseName)
                .description(description)
                .achievementType(achievementType)
                .humanCode(courseCode)
                .creditsAvailable(credits)
                .fieldOfStudy(fieldOfStudy)
                .image(courseImage)
                .creator(issuer);
    }

    AchievementSubject.Builder subjectBase(Achievement achievement) throws CredentialException {
        AchievementSubject.Builder s = AchievementSubject.builder()
                .id(learnerId)
                .identifier(IdentityObject.plaintext("name", learnerName.strip()))
                .achievement(achievement)
                .creditsEarned(credits)
                .term(term)
                .activityStartDate(startOfDay(activityStart))
                .activityEndDate(startOfDay(activityEnd));
        if (learnerEmail != null) {
            s.identifier(IdentityObject.hashedEmail(learnerEmail, IdentityObject.newSalt(random)));
        }
        if (learnerStudentId != null) {
            s.identifier(IdentityObject.hashed("sisSourcedId", learnerStudentId.strip(), IdentityObject.newSalt(random)));
        }
        return s;
    }

    List<Evidence> evidence() throws CredentialException {
        List<Evidence> out = new ArrayList<>();
        if (identityCheckMethod != null) {
            out.add(Evidence.builder()
                    .name("Identity verification")
                    .description("The learner's identity was verified on " + identityCheckDate + " by "
                            + identityCheckMethod.strip() + ".")
                    .genre("Identity verification")
                    .build());
        }
        return out;
    }

    OpenBadgeCredential.Builder credentialBase(String name, String description, AchievementSubject subject)
            throws CredentialException {
        Instant from = issuedAt != null ? issuedAt : clock.instant();
        OpenBadgeCredential.Builder c = OpenBadgeCredential.builder()
                .id(verifyUrl(verifyBaseUrl, code))
                .name(name)
                .description(description)
                .issuer(issuer)
                .validFrom(from)
                .validUntil(validUntil)
                .credentialSubject(subject);
        for (Evidence e : evidence()) {
            c.evidence(e);
        }
        return c;
    }

    static Instant startOfDay(LocalDate d) {
        return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
