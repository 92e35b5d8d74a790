package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges 3.0 {@code AchievementSubject}: the learner and what they achieved.
 * {@code type "AchievementSubject"} and {@code achievement} are REQUIRED, and either {@code id}
 * (e.g. the learner's DID) or at least one {@code identifier} (an {@link IdentityObject}) MUST be
 * supplied. Every {@code result} that names a {@code resultDescription} must name one of the
 * achievement's ResultDescriptions.
 */
public final class AchievementSubject implements ObValue {
    private static final String OWNER = "AchievementSubject";

    private final String id;
    private final List<IdentityObject> identifiers;
    private final Achievement achievement;
    private final List<Result> results;
    private final BigDecimal creditsEarned;
    private final String activityStartDate;
    private final String activityEndDate;
    private final Image image;
    private final String licenseNumber;
    private final String role;
    private final String term;
    private final String narrative;
    private final JsonObject json;

    private AchievementSubject(Builder b, JsonObject json) {
        this.id = b.id;
        this.identifiers = List.copyOf(b.identifiers);
        this.achievement = b.achievement;
        this.results = List.copyOf(b.results);
        this.creditsEarned = b.creditsEarned;
        this.activityStartDate = b.activityStartDate;
        this.activityEndDate = b.activityEndDate;
        this.image = b.image;
        this.licenseNumber = b.licenseNumber;
        this.role = b.role;
        this.term = b.term;
        this.narrative = b.narrative;
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static AchievementSubject read(JsonObject o) throws CredentialException {
        ObJson.requireType(o, OWNER, "AchievementSubject");
        Builder b = new Builder()
                .id(ObJson.string(o, OWNER, "id"))
                .creditsEarned(ObJson.number(o, OWNER, "creditsEarned"))
                .licenseNumber(ObJson.string(o, OWNER, "licenseNumber"))
                .role(ObJson.string(o, OWNER, "role"))
                .term(ObJson.string(o, OWNER, "term"))
                .narrative(ObJson.string(o, OWNER, "narrative"));
        b.activityStartDate = ObJson.string(o, OWNER, "activityStartDate");
        b.activityEndDate = ObJson.string(o, OWNER, "activityEndDate");
        ObJson.checkDateOrDateTime(b.activityStartDate, OWNER, "activityStartDate");
        ObJson.checkDateOrDateTime(b.activityEndDate, OWNER, "activityEndDate");
        JsonObject achievement = ObJson.object(o, OWNER, "achievement");
        if (achievement == null) {
            throw ObJson.required(OWNER, "achievement");
        }
        b.achievement(Achievement.read(achievement));
        for (JsonObject i : ObJson.objects(o, OWNER, "identifier")) {
            b.identifier(IdentityObject.read(i));
        }
        for (JsonObject r : ObJson.objects(o, OWNER, "result")) {
            b.result(Result.read(r));
        }
        JsonValue image = o.get("image").orElse(null);
        if (image != null) {
            b.image(Image.read(image));
        }
        b.validate(false);
        return new AchievementSubject(b, o);
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public List<IdentityObject> identifiers() {
        return identifiers;
    }

    /** The first identifier of the given type, e.g. {@code "name"} or {@code "emailAddress"}. */
    public Optional<IdentityObject> identifier(String identityType) {
        for (IdentityObject i : identifiers) {
            if (i.identityType().equals(identityType)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The learner's display name: the unhashed identifier of type {@code name}, if any. */
    public Optional<String> displayName() {
        for (IdentityObject i : identifiers) {
            if (i.identityType().equals("name") && !i.hashed()) {
                return Optional.of(i.identityHash());
            }
        }
        return Optional.empty();
    }

    public Achievement achievement() {
        return achievement;
    }

    public List<Result> results() {
        return results;
    }

    /** Pass/fail of one result, derived from its ResultDescription (see {@link ResultDescription#passed}). */
    public Optional<Boolean> passed(Result result) {
        return result.resultDescription()
                .flatMap(achievement::resultDescription)
                .flatMap(rd -> rd.passed(result));
    }

    public Optional<BigDecimal> creditsEarned() {
        return Optional.ofNullable(creditsEarned);
    }

    public Optional<String> activityStartDate() {
        return Optional.ofNullable(activityStartDate);
    }

    public Optional<String> activityEndDate() {
        return Optional.ofNullable(activityEndDate);
    }

    public Optional<Image> image() {
        return Optional.ofNullable(image);
    }

    public Optional<String> licenseNumber() {
        return Optional.ofNullable(licenseNumber);
    }

    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    public Optional<String> term() {
        return Optional.ofNullable(term);
    }

    public Optional<String> narrative() {
        return Optional.ofNullable(narrative);
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AchievementSubject other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "AchievementSubject[" + (id == null ? identifiers.size() + " identifiers" : id) + ", "
                + achievement.name() + "]";
    }

    /** Collects an AchievementSubject; {@link #build()} checks the REQUIRED members and every result. */
    public static final class Builder {
        private String id;
        private final List<IdentityObject> identifiers = new ArrayList<>();
        private Achievement achievement;
        private final List<Result> results = new ArrayList<>();
        private BigDecimal creditsEarned;
        private String activityStartDate;
        private String activityEndDate;
        private Image image;
        private String licenseNumber;
        private String role;
        private String term;
        private String narrative;

        private Builder() {
        }

        /** The learner's identifier (a DID or URL), when they have one. */
        public Builder id(String v) {
            this.id = v;
            return this;
        }

        public Builder identifier(IdentityObject v) {
            this.identifiers.add(Objects.requireNonNull(v, "identifier"));
            return this;
        }

        public Builder achievement(Achievement v) {
            this.achievement = v;
            return this;
        }

        public Builder result(Result v) {
            this.results.add(Objects.requireNonNull(v, "result"));
            return this;
        }

        public Builder creditsEarned(BigDecimal v) {
            this.creditsEarned = v;
            return this;
        }

        public Builder activityStartDate(Instant v) {
            this.activityStartDate = v == null ? null : ObJson.format(v);
            return this;
        }

        public Builder activityEndDate(Instant v) {
            this.activityEndDate = v == null ? null : ObJson.format(v);
            return this;
        }

        public Builder image(Image v) {
            this.image = v;
            return this;
        }

        public Builder licenseNumber(String v) {
            this.licenseNumber = v;
            return this;
        }

        public Builder role(String v) {
            this.role = v;
            return this;
        }

        /** The academic term, e.g. {@code Fall 2024}. */
        public Builder term(String v) {
            this.term = v;
            return this;
        }

        public Builder narrative(String v) {
            this.narrative = v;
            return this;
        }

        private void validate(boolean strict) throws CredentialException {
            if (achievement == null) {
                throw ObJson.required(OWNER, "achievement");
            }
            if (id == null && identifiers.isEmpty()) {
                throw ObJson.invalid("AchievementSubject needs an id or at least one identifier (Open Badges 3.0)");
            }
            ObJson.checkUri(id, OWNER, "id");
            for (Result r : results) {
                String rdId = r.resultDescription().orElse(null);
                if (rdId == null) {
                    continue;
                }
                Optional<ResultDescription> rd = achievement.resultDescription(rdId);
                if (rd.isEmpty()) {
                    throw ObJson.invalid("Result.resultDescription must be the id of a ResultDescription of the"
                            + " achievement (" + ObVocabulary.shorten(rdId) + ")");
                }
                if (strict) {
                    rd.get().check(r);
                }
            }
            if (strict) {
                if (creditsEarned != null && creditsEarned.signum() < 0) {
                    throw ObJson.invalid("AchievementSubject.creditsEarned must not be negative");
                }
                if (activityStartDate != null && activityEndDate != null
                        && ObJson.parseInstant(activityEndDate).isBefore(ObJson.parseInstant(activityStartDate))) {
                    throw ObJson.invalid("AchievementSubject.activityEndDate must not be before activityStartDate");
                }
            }
        }

        public AchievementSubject build() throws CredentialException {
            validate(true);
            JsonObject.Builder b = JsonObject.builder();
            b.putIfPresent("id", id);
            b.put("type", ObJson.typeArray("AchievementSubject"));
            if (!identifiers.isEmpty()) {
                b.put("identifier", ObJson.array(identifiers));
            }
            b.put("achievement", achievement.toJson());
            if (!results.isEmpty()) {
                b.put("result", ObJson.array(results));
            }
            b.putIfPresent("creditsEarned", creditsEarned == null ? null : new JsonNumber(creditsEarned));
            b.putIfPresent("activityStartDate", activityStartDate);
            b.putIfPresent("activityEndDate", activityEndDate);
            b.putIfPresent("image", image == null ? null : image.toJson());
            b.putIfPresent("licenseNumber", licenseNumber);
            b.putIfPresent("role", role);
            b.putIfPresent("term", term);
            b.putIfPresent("narrative", narrative);
            return new AchievementSubject(this, b.build());
        }
    }
}
