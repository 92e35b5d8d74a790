package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges 3.0 {@code Result}: what the learner achieved against one
 * {@link ResultDescription} of the achievement. Only {@code type "Result"} is REQUIRED;
 * {@code resultDescription} is the {@code id} of a ResultDescription of the same achievement,
 * {@code value} the score or grade, {@code achievedLevel} the {@code id} of a
 * RubricCriterionLevel, {@code status} a ResultStatusType.
 */
public final class Result implements ObValue {
    private static final String OWNER = "Result";

    private final String resultDescription;
    private final String value;
    private final String achievedLevel;
    private final String status;
    private final List<Alignment> alignments;
    private final JsonObject json;

    private Result(Builder b, JsonObject json) {
        this.resultDescription = b.resultDescription;
        this.value = b.value;
        this.achievedLevel = b.achievedLevel;
        this.status = b.status;
        this.alignments = List.copyOf(b.alignments);
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A result with a value for the given description. */
    public static Result of(ResultDescription description, String value) throws CredentialException {
        return builder().resultDescription(description.id()).value(value).build();
    }

    public static Result read(JsonObject o) throws CredentialException {
        ObJson.requireType(o, OWNER, "Result");
        Builder b = new Builder()
                .resultDescription(ObJson.string(o, OWNER, "resultDescription"))
                .value(ObJson.string(o, OWNER, "value"))
                .achievedLevel(ObJson.string(o, OWNER, "achievedLevel"))
                .status(ObJson.string(o, OWNER, "status"));
        for (JsonObject a : ObJson.objects(o, OWNER, "alignment")) {
            b.alignment(Alignment.read(a));
        }
        b.validate(false);
        return new Result(b, o);
    }

    public Optional<String> resultDescription() {
        return Optional.ofNullable(resultDescription);
    }

    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    public Optional<String> achievedLevel() {
        return Optional.ofNullable(achievedLevel);
    }

    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    public List<Alignment> alignments() {
        return alignments;
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Result other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "Result" + json;
    }

    /** Collects a Result. */
    public static final class Builder {
        private String resultDescription;
        private String value;
        private String achievedLevel;
        private String status;
        private final List<Alignment> alignments = new ArrayList<>();

        private Builder() {
        }

        /** The {@code id} of the ResultDescription this result is for. */
        public Builder resultDescription(String v) {
            this.resultDescription = v;
            return this;
        }

        public Builder value(String v) {
            this.value = v;
            return this;
        }

        /** The {@code id} of the RubricCriterionLevel reached. */
        public Builder achievedLevel(String v) {
            this.achievedLevel = v;
            return this;
        }

        /** A ResultStatusType: Completed, Enrolled, Failed, InProgress, OnHold, Provisional, Withdrew. */
        public Builder status(String v) {
            this.status = v;
            return this;
        }

        public Builder alignment(Alignment v) {
            this.alignments.add(Objects.requireNonNull(v, "alignment"));
            return this;
        }

        private void validate(boolean strict) throws CredentialException {
            ObJson.checkUri(resultDescription, OWNER, "resultDescription");
            ObJson.checkUri(achievedLevel, OWNER, "achievedLevel");
            if (strict) {
                ObVocabulary.checkClosed(ObVocabulary.RESULT_STATUSES, status, OWNER, "status");
                if (value == null && achievedLevel == null && status == null) {
                    throw ObJson.invalid("Result needs a value, an achievedLevel or a status");
                }
            }
        }

        public Result build() throws CredentialException {
            validate(true);
            JsonObject.Builder b = JsonObject.builder().put("type", ObJson.typeArray("Result"));
            b.putIfPresent("resultDescription", resultDescription);
            b.putIfPresent("value", value);
            b.putIfPresent("achievedLevel", achievedLevel);
            b.putIfPresent("status", status);
            if (!alignments.isEmpty()) {
                b.put("alignment", ObJson.array(alignments));
            }
            return new Result(this, b.build());
        }
    }
}
