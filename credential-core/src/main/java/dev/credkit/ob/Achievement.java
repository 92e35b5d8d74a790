package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Open Badges 3.0 {@code Achievement}: what was accomplished (a course, a certificate, a
 * degree). {@code id}, {@code type "Achievement"}, {@code name}, {@code description} and
 * {@code criteria} are REQUIRED; the rest is optional. The {@code resultDescription} entries
 * describe the results (grades, scores) a credential for this achievement may report.
 */
public final class Achievement implements ObValue {
    private static final String OWNER = "Achievement";

    private final String id;
    private final String name;
    private final String description;
    private final Criteria criteria;
    private final String achievementType;
    private final String humanCode;
    private final BigDecimal creditsAvailable;
    private final String fieldOfStudy;
    private final String specialization;
    private final Image image;
    private final Profile creator;
    private final List<Alignment> alignments;
    private final List<ResultDescription> resultDescriptions;
    private final List<String> tags;
    private final String version;
    private final String inLanguage;
    private final JsonObject json;

    private Achievement(Builder b, JsonObject json) {
        this.id = b.id;
        this.name = b.name;
        this.description = b.description;
        this.criteria = b.criteria;
        this.achievementType = b.achievementType;
        this.humanCode = b.humanCode;
        this.creditsAvailable = b.creditsAvailable;
        this.fieldOfStudy = b.fieldOfStudy;
        this.specialization = b.specialization;
        this.image = b.image;
        this.creator = b.creator;
        this.alignments = List.copyOf(b.alignments);
        this.resultDescriptions = List.copyOf(b.resultDescriptions);
        this.tags = List.copyOf(b.tags);
        this.version = b.version;
        this.inLanguage = b.inLanguage;
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Achievement read(JsonObject o) throws CredentialException {
        ObJson.requireType(o, OWNER, "Achievement");
        Builder b = new Builder()
                .id(ObJson.requireString(o, OWNER, "id"))
                .name(ObJson.requireString(o, OWNER, "name"))
                .description(ObJson.requireString(o, OWNER, "description"))
                .achievementType(ObJson.string(o, OWNER, "achievementType"))
                .humanCode(ObJson.string(o, OWNER, "humanCode"))
                .creditsAvailable(ObJson.number(o, OWNER, "creditsAvailable"))
                .fieldOfStudy(ObJson.string(o, OWNER, "fieldOfStudy"))
                .specialization(ObJson.string(o, OWNER, "specialization"))
                .version(ObJson.string(o, OWNER, "version"))
                .inLanguage(ObJson.string(o, OWNER, "inLanguage"));
        JsonObject criteria = ObJson.object(o, OWNER, "criteria");
        if (criteria == null) {
            throw ObJson.required(OWNER, "criteria");
        }
        b.criteria(Criteria.read(criteria));
        JsonValue image = o.get("image").orElse(null);
        if (image != null) {
            b.image(Image.read(image));
        }
        JsonValue creator = o.get("creator").orElse(null);
        if (creator != null) {
            b.creator(Profile.read(creator));
        }
        for (JsonObject a : ObJson.objects(o, OWNER, "alignment")) {
            b.alignment(Alignment.read(a));
        }
        for (JsonObject rd : ObJson.objects(o, OWNER, "resultDescription")) {
            b.resultDescription(ResultDescription.read(rd));
        }
        b.tags.addAll(ObJson.strings(o, OWNER, "tag"));
        b.validate(false);
        return new Achievement(b, o);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Criteria criteria() {
        return criteria;
    }

    public Optional<String> achievementType() {
        return Optional.ofNullable(achievementType);
    }

    /** The human-readable code, e.g. a course code such as {@code CS 201}. */
    public Optional<String> humanCode() {
        return Optional.ofNullable(humanCode);
    }

    public Optional<BigDecimal> creditsAvailable() {
        return Optional.ofNullable(creditsAvailable);
    }

    public Optional<String> fieldOfStudy() {
        return Optional.ofNullable(fieldOfStudy);
    }

    public Optional<String> specialization() {
        return Optional.ofNullable(specialization);
    }

    public Optional<Image> image() {
        return Optional.ofNullable(image);
    }

    public Optional<Profile> creator() {
        return Optional.ofNullable(creator);
    }

    public List<Alignment> alignments() {
        return alignments;
    }

    public List<ResultDescription> resultDescriptions() {
        return resultDescriptions;
    }

    /** The result description with this {@code id}. */
    public Optional<ResultDescription> resultDescription(String id) {
        for (ResultDescription rd : resultDescriptions) {
            if (rd.id().equals(id)) {
                return Optional.of(rd);
            }
        }
        return Optional.empty();
    }

    public List<String> tags() {
        return tags;
    }

    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public Optional<String> inLanguage() {
        return Optional.ofNullable(inLanguage);
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Achievement other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "Achievement[" + id + ", " + name + "]";
    }

    /** Collects an Achievement; {@link #build()} refuses a missing REQUIRED member. */
    public static final class Builder {
        private String id;
        private String name;
        private String description;
        private Criteria criteria;
        private String achievementType;
        private String humanCode;
        private BigDecimal creditsAvailable;
        private String fieldOfStudy;
        private String specialization;
        private Image image;
        private Profile creator;
        private final List<Alignment> alignments = new ArrayList<>();
        private final List<ResultDescription> resultDescriptions = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private String version;
        private String inLanguage;

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

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        public Builder criteria(Criteria v) {
            this.criteria = v;
            return this;
        }

        /** An AchievementType term (Course, Certificate, CertificateOfCompletion...) or {@code ext:Name}. */
        public Builder achievementType(String v) {
            this.achievementType = v;
            return this;
        }

        public Builder humanCode(String v) {
            this.humanCode = v;
            return this;
        }

        /** Credit hours associated with the achievement (e.g. 3.0, or ECTS credits). */
        public Builder creditsAvailable(BigDecimal v) {
            this.creditsAvailable = v;
            return this;
        }

        public Builder fieldOfStudy(String v) {
            this.fieldOfStudy = v;
            return this;
        }

        public Builder specialization(String v) {
            this.specialization = v;
            return this;
        }

        public Builder image(Image v) {
            this.image = v;
            return this;
        }

        public Builder creator(Profile v) {
            this.creator = v;
            return this;
        }

        public Builder alignment(Alignment v) {
            this.alignments.add(Objects.requireNonNull(v, "alignment"));
            return this;
        }

        public Builder resultDescription(ResultDescription v) {
            this.resultDescriptions.add(Objects.requireNonNull(v, "resultDescription"));
            return this;
        }

        public Builder tag(String v) {
            this.tags.add(Objects.requireNonNull(v, "tag"));
            return this;
        }

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        /** A BCP 47 language tag for the achievement's texts. */
        public Builder inLanguage(String v) {
            this.inLanguage = v;
            return this;
        }

        private void validate(boolean strict) throws CredentialException {
            ObJson.checkNotBlank(id, OWNER, "id");
            ObJson.checkUri(id, OWNER, "id");
            if (name == null) {
                throw ObJson.required(OWNER, "name");
            }
            if (description == null) {
                throw ObJson.required(OWNER, "description");
            }
            if (criteria == null) {
                throw ObJson.required(OWNER, "criteria");
            }
            Set<String> ids = new HashSet<>();
            for (ResultDescription rd : resultDescriptions) {
                if (!ids.add(rd.id())) {
                    throw ObJson.invalid("Achievement.resultDescription ids must be unique");
                }
            }
            if (strict) {
                ObJson.checkNotBlank(name, OWNER, "name");
                ObJson.checkNotBlank(description, OWNER, "description");
                ObVocabulary.check(ObVocabulary.ACHIEVEMENT_TYPES, achievementType, OWNER, "achievementType");
                if (creditsAvailable != null && creditsAvailable.signum() < 0) {
                    throw ObJson.invalid("Achievement.creditsAvailable must not be negative");
                }
            }
        }

        public Achievement build() throws CredentialException {
            validate(true);
            JsonObject.Builder b = JsonObject.builder()
                    .put("id", id)
                    .put("type", ObJson.typeArray("Achievement"))
                    .put("name", name)
                    .put("description", description)
                    .put("criteria", criteria.toJson());
            b.putIfPresent("achievementType", achievementType);
            b.putIfPresent("humanCode", humanCode);
            b.putIfPresent("creditsAvailable", creditsAvailable == null ? null : new JsonNumber(creditsAvailable));
            b.putIfPresent("fieldOfStudy", fieldOfStudy);
            b.putIfPresent("specialization", specialization);
            b.putIfPresent("image", image == null ? null : image.toJson());
            b.putIfPresent("creator", creator == null ? null : creator.toJson());
            if (!alignments.isEmpty()) {
                b.put("alignment", ObJson.array(alignments));
            }
            if (!resultDescriptions.isEmpty()) {
                b.put("resultDescription", ObJson.array(resultDescriptions));
            }
            if (!tags.isEmpty()) {
                b.put("tag", ObJson.stringArray(tags));
            }
            b.putIfPresent("version", version);
            b.putIfPresent("inLanguage", inLanguage);
            return new Achievement(this, b.build());
        }
    }
}
