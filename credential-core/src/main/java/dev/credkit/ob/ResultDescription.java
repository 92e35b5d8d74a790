package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Open Badges 3.0 {@code ResultDescription}: a possible result of an achievement (a final grade,
 * one assignment's score, a rubric criterion). {@code id}, {@code type}, {@code name} and
 * {@code resultType} are REQUIRED. Values may be constrained by {@code allowedValue} (ordered
 * from low to high), or by {@code valueMin}/{@code valueMax}; {@code requiredValue} or
 * {@code requiredLevel} say what passes.
 *
 * <p>{@link #check(Result)} validates a result against this description and {@link
 * #passed(Result)} derives pass/fail when the description says what passes. Rubric levels are
 * taken as listed from lowest to highest, like {@code allowedValue}.
 */
public final class ResultDescription implements ObValue {
    private static final String OWNER = "ResultDescription";

    private final String id;
    private final String name;
    private final String resultType;
    private final List<String> allowedValues;
    private final String requiredValue;
    private final String requiredLevel;
    private final List<RubricCriterionLevel> levels;
    private final String valueMin;
    private final String valueMax;
    private final List<Alignment> alignments;
    private final JsonObject json;

    private ResultDescription(Builder b, JsonObject json) {
        this.id = b.id;
        this.name = b.name;
        this.resultType = b.resultType;
        this.allowedValues = List.copyOf(b.allowedValues);
        this.requiredValue = b.requiredValue;
        this.requiredLevel = b.requiredLevel;
        this.levels = List.copyOf(b.levels);
        this.valueMin = b.valueMin;
        this.valueMax = b.valueMax;
        this.alignments = List.copyOf(b.alignments);
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ResultDescription read(JsonObject o) throws CredentialException {
        ObJson.requireType(o, OWNER, "ResultDescription");
        Builder b = new Builder()
                .id(ObJson.requireString(o, OWNER, "id"))
                .name(ObJson.requireString(o, OWNER, "name"))
                .resultType(ObJson.requireString(o, OWNER, "resultType"))
                .requiredValue(ObJson.string(o, OWNER, "requiredValue"))
                .requiredLevel(ObJson.string(o, OWNER, "requiredLevel"))
                .valueMin(ObJson.string(o, OWNER, "valueMin"))
                .valueMax(ObJson.string(o, OWNER, "valueMax"));
        b.allowedValues.addAll(ObJson.strings(o, OWNER, "allowedValue"));
        for (JsonObject l : ObJson.objects(o, OWNER, "rubricCriterionLevel")) {
            b.level(RubricCriterionLevel.read(l));
        }
        for (JsonObject a : ObJson.objects(o, OWNER, "alignment")) {
            b.alignment(Alignment.read(a));
        }
        b.validate(false);
        return new ResultDescription(b, o);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String resultType() {
        return resultType;
    }

    /** Allowed values, ordered from low to high; empty when unconstrained. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    public Optional<String> requiredValue() {
        return Optional.ofNullable(requiredValue);
    }

    public Optional<String> requiredLevel() {
        return Optional.ofNullable(requiredLevel);
    }

    public List<RubricCriterionLevel> rubricCriterionLevels() {
        return levels;
    }

    public Optional<String> valueMin() {
        return Optional.ofNullable(valueMin);
    }

    public Optional<String> valueMax() {
        return Optional.ofNullable(valueMax);
    }

    public List<Alignment> alignments() {
        return alignments;
    }

    /**
     * Checks a result against this description: the value is one of {@code allowedValue}, or a
     * number within {@code valueMin}..{@code valueMax}; an {@code achievedLevel} is one of the
     * rubric levels; a {@code Status} description needs a {@code status}.
     */
    public void check(Result result) throws CredentialException {
        String value = result.value().orElse(null);
        if (value != null) {
            if (!allowedValues.isEmpty()) {
                if (!allowedValues.contains(value)) {
                    throw ObJson.invalid("Result.value for '" + ObVocabulary.shorten(name)
                            + "' is not one of its allowedValue");
                }
            } else if (valueMin != null || valueMax != null) {
                BigDecimal v = decimal(value);
                if (v == null) {
                    throw ObJson.invalid("Result.value for '" + ObVocabulary.shorten(name) + "' must be a number");
                }
                BigDecimal min = decimal(valueMin);
                BigDecimal max = decimal(valueMax);
                if ((min != null && v.compareTo(min) < 0) || (max != null && v.compareTo(max) > 0)) {
                    throw ObJson.invalid("Result.value for '" + ObVocabulary.shorten(name)
                            + "' is outside valueMin..valueMax");
                }
            }
        }
        String achieved = result.achievedLevel().orElse(null);
        if (achieved != null && levelIndex(achieved) < 0) {
            throw ObJson.invalid("Result.achievedLevel for '" + ObVocabulary.shorten(name)
                    + "' is not the id of one of its rubricCriterionLevel");
        }
        if (resultType.equals("Status") && result.status().isEmpty()) {
            throw ObJson.invalid("Result.status is REQUIRED when the ResultDescription's resultType is Status");
        }
    }

    /**
     * Pass or fail, when this description says what passes: the achieved level against
     * {@code requiredLevel}, the value against {@code requiredValue} (by position in
     * {@code allowedValue}, else numerically), or for a {@code Status} description the status
     * ({@code Completed} passes, {@code Failed} fails). Empty when it cannot be told.
     */
    public Optional<Boolean> passed(Result result) {
        if (requiredLevel != null && result.achievedLevel().isPresent()) {
            int required = levelIndex(requiredLevel);
            int achieved = levelIndex(result.achievedLevel().get());
            if (required >= 0 && achieved >= 0) {
                return Optional.of(achieved >= required);
            }
        }
        if (requiredValue != null && result.value().isPresent()) {
            String value = result.value().get();
            if (!allowedValues.isEmpty()) {
                int required = allowedValues.indexOf(requiredValue);
                int actual = allowedValues.indexOf(value);
                if (required >= 0 && actual >= 0) {
                    return Optional.of(actual >= required);
                }
            } else {
                BigDecimal required = decimal(requiredValue);
                BigDecimal actual = decimal(value);
                if (required != null && actual != null) {
                    return Optional.of(actual.compareTo(required) >= 0);
                }
            }
        }
        if (resultType.equals("Status") && result.status().isPresent()) {
            String status = result.status().get();
            if (status.equals("Completed")) {
                return Optional.of(true);
            }
            if (status.equals("Failed")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    private int levelIndex(String levelId) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).id().equals(levelId)) {
                return i;
            }
        }
        return -1;
    }

    static BigDecimal decimal(String s) {
        if (s == null || s.isBlank() || s.length() > 64) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultDescription other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "ResultDescription[" + id + ", " + name + "]";
    }

    /** Collects a ResultDescription; {@link #build()} checks the REQUIRED members and their consistency. */
    public static final class Builder {
        private String id;
        private String name;
        private String resultType;
        private final List<String> allowedValues = new ArrayList<>();
        private String requiredValue;
        private String requiredLevel;
        private final List<RubricCriterionLevel> levels = new ArrayList<>();
        private String valueMin;
        private String valueMax;
        private final List<Alignment> alignments = new ArrayList<>();

        private Builder() {
        }

        public Builder id(String v) {
            this.id = v;
            return this;
        }

        public Builder name(String v) {
            this.name = v;
            return this;
        }

        /** A ResultType term (LetterGrade, Percent, RawScore, RubricCriterion, Status...) or {@code ext:Name}. */
        public Builder resultType(String v) {
            this.resultType = v;
            return this;
        }

        /** Allowed values ordered from low to high (e.g. F, D, C, B, A). */
        public Builder allowedValues(List<String> values) {
            this.allowedValues.clear();
            this.allowedValues.addAll(ObJson.copy(values, OWNER, "allowedValue"));
            return this;
        }

        public Builder requiredValue(String v) {
            this.requiredValue = v;
            return this;
        }

        /** The {@code id} of the rubric level required to pass. */
        public Builder requiredLevel(String v) {
            this.requiredLevel = v;
            return this;
        }

        /** Adds a rubric level; add them from lowest to highest. */
        public Builder level(RubricCriterionLevel v) {
            this.levels.add(Objects.requireNonNull(v, "rubricCriterionLevel"));
            return this;
        }

        public Builder valueMin(String v) {
            this.valueMin = v;
            return this;
        }

        public Builder valueMax(String v) {
            this.valueMax = v;
            return this;
        }

        /** Numeric range as decimal strings (Open Badges carries valueMin/valueMax as strings). */
        public Builder range(BigDecimal min, BigDecimal max) {
            this.valueMin = min == null ? null : min.toPlainString();
            this.valueMax = max == null ? null : max.toPlainString();
            return this;
        }

        public Builder alignment(Alignment v) {
            this.alignments.add(Objects.requireNonNull(v, "alignment"));
            return this;
        }

        private void validate(boolean strict) throws CredentialException {
            ObJson.checkNotBlank(id, OWNER, "id");
            ObJson.checkUri(id, OWNER, "id");
            ObJson.checkNotBlank(name, OWNER, "name");
            ObJson.checkNotBlank(resultType, OWNER, "resultType");
            if (!strict) {
                return;
            }
            ObVocabulary.check(ObVocabulary.RESULT_TYPES, resultType, OWNER, "resultType");
            Set<String> seen = new HashSet<>();
            for (RubricCriterionLevel l : levels) {
                if (!seen.add(l.id())) {
                    throw ObJson.invalid("ResultDescription.rubricCriterionLevel ids must be unique");
                }
            }
            if (new HashSet<>(allowedValues).size() != allowedValues.size()) {
                throw ObJson.invalid("ResultDescription.allowedValue entries must be unique");
            }
            if (requiredLevel != null && !seen.contains(requiredLevel)) {
                throw ObJson.invalid("ResultDescription.requiredLevel must be the id of one of its rubricCriterionLevel");
            }
            BigDecimal min = decimal(valueMin);
            BigDecimal max = decimal(valueMax);
            if ((valueMin != null && min == null) || (valueMax != null && max == null)) {
                throw ObJson.invalid("ResultDescription.valueMin/valueMax must be numbers");
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw ObJson.invalid("ResultDescription.valueMin must not exceed valueMax");
            }
            if (requiredValue != null) {
                if (!allowedValues.isEmpty()) {
                    if (!allowedValues.contains(requiredValue)) {
                        throw ObJson.invalid("ResultDescription.requiredValue must be one of its allowedValue");
                    }
                } else if (min != null || max != null) {
                    BigDecimal required = decimal(requiredValue);
                    if (required == null || (min != null && required.compareTo(min) < 0)
                            || (max != null && required.compareTo(max) > 0)) {
                        throw ObJson.invalid("ResultDescription.requiredValue must lie within valueMin..valueMax");
                    }
                }
            }
        }

        public ResultDescription build() throws CredentialException {
            validate(true);
            JsonObject.Builder b = JsonObject.builder()
                    .put("id", id)
                    .put("type", ObJson.typeArray("ResultDescription"))
                    .put("name", name)
                    .put("resultType", resultType);
            if (!allowedValues.isEmpty()) {
                b.put("allowedValue", ObJson.stringArray(allowedValues));
            }
            b.putIfPresent("requiredValue", requiredValue);
            b.putIfPresent("requiredLevel", requiredLevel);
            if (!levels.isEmpty()) {
                b.put("rubricCriterionLevel", ObJson.array(levels));
            }
            b.putIfPresent("valueMin", valueMin);
            b.putIfPresent("valueMax", valueMax);
            if (!alignments.isEmpty()) {
                b.put("alignment", ObJson.array(alignments));
            }
            return new ResultDescription(this, b.build());
        }
    }
}
