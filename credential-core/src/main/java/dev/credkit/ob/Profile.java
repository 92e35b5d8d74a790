package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges 3.0 {@code Profile}: an issuer (institution) or another party. {@code id} (a URL
 * or DID: for an issuer, the identifier its keys are bound to) and {@code type "Profile"} are
 * REQUIRED; {@code name}, {@code url}, {@code email}, {@code phone}, {@code description},
 * {@code image} and {@code official} are optional.
 */
public final class Profile implements ObValue {
    private static final String OWNER = "Profile";

    private final String id;
    private final String name;
    private final String url;
    private final String email;
    private final String phone;
    private final String description;
    private final Image image;
    private final String official;
    private final JsonObject json;

    private Profile(Builder b, JsonObject json) {
        this.id = b.id;
        this.name = b.name;
        this.url = b.url;
        this.email = b.email;
        this.phone = b.phone;
        this.description = b.description;
        this.image = b.image;
        this.official = b.official;
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a Profile object. An issuer given as a bare URL string (allowed by the VC data
     * model, not by Open Badges) is refused with the Open Badges rule.
     */
    public static Profile read(JsonValue value) throws CredentialException {
        if (value instanceof JsonString) {
            throw ObJson.invalid("Profile must be an object with id and type 'Profile' (Open Badges 3.0), not a URL");
        }
        if (!(value instanceof JsonObject o)) {
            throw ObJson.invalid("Profile must be an object");
        }
        ObJson.requireType(o, OWNER, "Profile");
        Builder b = new Builder()
                .id(ObJson.requireString(o, OWNER, "id"))
                .name(ObJson.string(o, OWNER, "name"))
                .url(ObJson.string(o, OWNER, "url"))
                .email(ObJson.string(o, OWNER, "email"))
                .phone(ObJson.string(o, OWNER, "phone"))
                .description(ObJson.string(o, OWNER, "description"))
                .official(ObJson.string(o, OWNER, "official"));
        JsonValue image = o.get("image").orElse(null);
        if (image != null) {
            b.image(Image.read(image));
        }
        b.validate();
        return new Profile(b, o);
    }

    public String id() {
        return id;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<Image> image() {
        return Optional.ofNullable(image);
    }

    public Optional<String> official() {
        return Optional.ofNullable(official);
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "Profile[" + id + (name == null ? "" : ", " + name) + "]";
    }

    /** Collects a Profile; {@link #build()} refuses a missing or malformed {@code id}. */
    public static final class Builder {
        private String id;
        private String name;
        private String url;
        private String email;
        private String phone;
        private String description;
        private Image image;
        private String official;

        private Builder() {
        }

        /** A URL or DID; for an issuer, the identifier its signing keys belong to. */
        public Builder id(String v) {
            this.id = v;
            return this;
        }

        public Builder name(String v) {
            this.name = v;
            return this;
        }

        /** The homepage. */
        public Builder url(String v) {
            this.url = v;
            return this;
        }

        public Builder email(String v) {
            this.email = v;
            return this;
        }

        public Builder phone(String v) {
            this.phone = v;
            return this;
        }

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        /** A logo. */
        public Builder image(Image v) {
            this.image = v;
            return this;
        }

        /** The name of an authorised official (e.g. the registrar who signs certificates). */
        public Builder official(String v) {
            this.official = v;
            return this;
        }

        private void validate() throws CredentialException {
            ObJson.checkNotBlank(id, OWNER, "id");
            ObJson.checkUri(id, OWNER, "id");
            ObJson.checkUri(url, OWNER, "url");
        }

        public Profile build() throws CredentialException {
            validate();
            if (name != null && name.isBlank()) {
                throw ObJson.invalid("Profile.name must not be blank");
            }
            if (email != null && email.indexOf('@') < 1) {
                throw ObJson.invalid("Profile.email must be an e-mail address");
            }
            JsonObject.Builder b = JsonObject.builder()
                    .put("id", id)
                    .put("type", ObJson.typeArray("Profile"));
            b.putIfPresent("name", name);
            b.putIfPresent("url", url);
            b.putIfPresent("email", email);
            b.putIfPresent("phone", phone);
            b.putIfPresent("description", description);
            b.putIfPresent("image", image == null ? null : image.toJson());
            b.putIfPresent("official", official);
            return new Profile(this, b.build());
        }
    }
}
