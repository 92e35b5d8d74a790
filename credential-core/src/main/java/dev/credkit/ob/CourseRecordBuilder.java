package dev.credkit.ob;

import dev.credkit.core.CredentialException;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Issues a Course Record: the learner's final grade in a course plus the result of every
 * assignment. The result is an unsigned Open Badges 3.0 OpenBadgeCredential on VC Data Model 2.0.
 *
 * <p>Each grade is a {@link Result} in {@code credentialSubject.result} whose
 * {@code resultDescription} is the id of a {@link ResultDescription} in the achievement's
 * {@code resultDescription} list (added by this builder). The final grade comes first. Every value
 * is checked against its description ({@code allowedValue}, {@code valueMin}/{@code valueMax},
 * rubric levels, status), and pass/fail can be derived with
 * {@link AchievementSubject#passed(Result)} when the description has a {@code requiredValue} or
 * {@code requiredLevel}. The achievement is of type {@code Course}.
 */
public final class CourseRecordBuilder extends CourseCredentialBuilder<CourseRecordBuilder> {
    private ResultDescription finalDescription;
    private Result finalResult;
    private final List<ResultDescription> assignmentDescriptions = new ArrayList<>();
    private final List<Result> assignmentResults = new ArrayList<>();

    private CourseRecordBuilder(Clock clock, SecureRandom random) {
        super(clock, random);
    }

    /** A builder; {@code random} makes the salts of hashed identities. */
    public static CourseRecordBuilder create(Clock clock, SecureRandom random) {
        return new CourseRecordBuilder(clock, random);
    }

    @Override
    CourseRecordBuilder self() {
        return this;
    }

    /** The final grade: its description (scale, pass mark) and the value reached. */
    public CourseRecordBuilder finalGrade(ResultDescription description, String value) throws CredentialException {
        return finalGrade(description, Result.builder().resultDescription(description.id()).value(value).build());
    }

    /** The final grade as a full Result (e.g. with a rubric level or a status). */
    public CourseRecordBuilder finalGrade(ResultDescription description, Result result) {
        this.finalDescription = Objects.requireNonNull(description, "description");
        this.finalResult = Objects.requireNonNull(result, "result");
        return this;
    }

    /** One assignment: its description and the value reached. */
    public CourseRecordBuilder assignment(ResultDescription description, String value) throws CredentialException {
        return assignment(description, Result.builder().resultDescription(description.id()).value(value).build());
    }

    /** One assignment as a full Result. */
    public CourseRecordBuilder assignment(ResultDescription description, Result result) {
        assignmentDescriptions.add(Objects.requireNonNull(description, "description"));
        assignmentResults.add(Objects.requireNonNull(result, "result"));
        return this;
    }

    /** Checks every rule (each value against its description) and builds the unsigned credential. */
    public OpenBadgeCredential build() throws CredentialException {
        checkCommon();
        if (finalDescription == null) {
            throw ObJson.invalid("a course record needs a final grade");
        }
        List<ResultDescription> descriptions = new ArrayList<>();
        descriptions.add(finalDescription);
        descriptions.addAll(assignmentDescriptions);
        List<Result> results = new ArrayList<>();
        results.add(finalResult);
        results.addAll(assignmentResults);
        for (int i = 0; i < results.size(); i++) {
            String linked = results.get(i).resultDescription().orElse(null);
            if (!descriptions.get(i).id().equals(linked)) {
                throw ObJson.invalid("Result.resultDescription must be the id of its ResultDescription ("
                        + ObVocabulary.shorten(descriptions.get(i).name()) + ")");
            }
        }
        Achievement.Builder a = achievementBase("Course",
                achievementDescription("Record of the results obtained in " + courseName.strip() + "."))
                .criteria(criteria("Results as recorded by the institution for each graded part of the course."));
        for (ResultDescription rd : descriptions) {
            a.resultDescription(rd);
        }
        AchievementSubject.Builder s = subjectBase(a.build());
        for (Result r : results) {
            s.result(r);
        }
        AchievementSubject subject = s.build();
        String institution = issuer.name().orElseThrow();
        return credentialBase(courseName.strip() + " - Course Record",
                institution + " records the learner's results in " + courseName.strip() + ".", subject)
                .build();
    }
}
