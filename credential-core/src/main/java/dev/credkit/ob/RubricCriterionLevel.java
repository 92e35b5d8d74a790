package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges 3.0 {@code RubricCriterionLevel}: one level of a rubric criterion. {@code id},
 * {@code type} and {@code name} are REQUIRED; {@code description}, {@code level},
 * {@code points} and {@code alignment} optional.
 */
public final class RubricCriterionLevel implements ObValue {
    private static final String OWNER = "RubricCriterionLevel";

    private final String id;
    private final String name;
    private final String description;
    private final String level;
    private final String points;
    private final List<Alignment> alignments;
    private final JsonObject json;

    private RubricCriterionLevel(Builder b, JsonObject json) {
        this.id = b.id;
        this.name = b.name;
        this.description = b.description;
        this.level = b.level;
        this.points = b.points;
        this.alignments = List.copyOf(b.alignments);
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RubricCriterionLevel read(JsonObject o) throws CredentialException {
        ObJson.requireType(o, OWNER, "RubricCriterionLevel");
        Builder b = new Builder()
                .id(ObJson.requireString(o, OWNER, "id"))
                .name(ObJson.requireString(o, OWNER, "name"))
                .description(ObJson.string(o, OWNER, "description"))
                .level(ObJson.string(o, OWNER, "level"))
                .points(ObJson.string(o, OWNER, "points"));
        for (JsonObject a : ObJson.objects(o, OWNER, "alignment")) {
            b.alignment(Alignment.read(a));
        }
        b.validate();
        return new RubricCriterionLevel(b, o);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<String> level() {
        return Optional.ofNullable(level);
    }

    public Optional<String> points() {
        return Optional.ofNullable(points);
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
        return o instanceof RubricCriterionLevel other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "RubricCriterionLevel[" + id + ", " + name + "]";
    }

    /** Collects a rubric level; {@link #build()} refuses a missing REQUIRED member. */
    public static final class Builder {
        private String id;
        private String name;
        private String description;
        private String level;
        private String points;
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

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        public Builder level(String v) {
            this.level = v;
            return this;
        }

        public Builder points(String v) {
            this.points = v;
            return this;
        }

        public Builder alignment(Alignment v) {
            this.alignments.add(Objects.requireNonNull(v, "alignment"));
            return this;
        }

        private void validate() throws CredentialException {
            ObJson.checkNotBlank(id, OWNER, "id");
            ObJson.checkUri(id, OWNER, "id");
            ObJson.checkNotBlank(name, OWNER, "name");
        }

        public RubricCriterionLevel build() throws CredentialException {
            validate();
            JsonObject.Builder b = JsonObject.builder()
                    .put("id", id)
                    .put("type", ObJson.typeArray("RubricCriterionLevel"))
                    .put("name", name);
            b.putIfPresent("description", description);
            b.putIfPresent("level", level);
            b.putIfPresent("points", points);
            if (!alignments.isEmpty()) {
                b.put("alignment", ObJson.array(alignments));
            }
            return new RubricCriterionLevel(this, b.build());
        }
    }
}
