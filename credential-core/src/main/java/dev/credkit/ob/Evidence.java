package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges 3.0 {@code Evidence}: {@code type "Evidence"} is REQUIRED; {@code id} (URL of the
 * evidence), {@code name}, {@code description}, {@code narrative}, {@code genre} and
 * {@code audience} are optional. A built Evidence must say something (id, name or narrative).
 */
public final class Evidence implements ObValue {
    private static final String OWNER = "Evidence";

    private final String id;
    private final String name;
    private final String description;
    private final String narrative;
    private final String genre;
    private final String audience;
    private final JsonObject json;

    private Evidence(Builder b, JsonObject json) {
        this.id = b.id;
        this.name = b.name;
        this.description = b.description;
        this.narrative = b.narrative;
        this.genre = b.genre;
        this.audience = b.audience;
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Evidence read(JsonObject o) throws CredentialException {
        ObJson.requireType(o, OWNER, "Evidence");
        Builder b = new Builder()
                .id(ObJson.string(o, OWNER, "id"))
                .name(ObJson.string(o, OWNER, "name"))
                .description(ObJson.string(o, OWNER, "description"))
                .narrative(ObJson.string(o, OWNER, "narrative"))
                .genre(ObJson.string(o, OWNER, "genre"))
                .audience(ObJson.string(o, OWNER, "audience"));
        ObJson.checkUri(b.id, OWNER, "id");
        return new Evidence(b, o);
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<String> narrative() {
        return Optional.ofNullable(narrative);
    }

    public Optional<String> genre() {
        return Optional.ofNullable(genre);
    }

    public Optional<String> audience() {
        return Optional.ofNullable(audience);
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "Evidence[" + (name != null ? name : id) + "]";
    }

    /** Collects an Evidence entry. */
    public static final class Builder {
        private String id;
        private String name;
        private String description;
        private String narrative;
        private String genre;
        private String audience;

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

        public Builder narrative(String v) {
            this.narrative = v;
            return this;
        }

        public Builder genre(String v) {
            this.genre = v;
            return this;
        }

        public Builder audience(String v) {
            this.audience = v;
            return this;
        }

        public Evidence build() throws CredentialException {
            ObJson.checkUri(id, OWNER, "id");
            if (id == null && isBlank(name) && isBlank(narrative)) {
                throw ObJson.invalid("Evidence needs an id, a name or a narrative");
            }
            JsonObject.Builder b = JsonObject.builder();
            b.putIfPresent("id", id);
            b.put("type", ObJson.typeArray("Evidence"));
            b.putIfPresent("name", name);
            b.putIfPresent("description", description);
            b.putIfPresent("narrative", narrative);
            b.putIfPresent("genre", genre);
            b.putIfPresent("audience", audience);
            return new Evidence(this, b.build());
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }
}
