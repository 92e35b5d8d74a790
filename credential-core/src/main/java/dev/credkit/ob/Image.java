package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges 3.0 {@code Image}: {@code id} (the image URL or a data: URI) and {@code type
 * "Image"} are REQUIRED, {@code caption} optional.
 */
public final class Image implements ObValue {
    private final String id;
    private final String caption;
    private final JsonObject json;

    private Image(String id, String caption, JsonObject json) {
        this.id = id;
        this.caption = caption;
        this.json = json;
    }

    /** An image by URL or data: URI, with an optional caption (null for none). */
    public static Image of(String id, String caption) throws CredentialException {
        ObJson.checkNotBlank(id, "Image", "id");
        ObJson.checkUri(id, "Image", "id");
        JsonObject.Builder b = JsonObject.builder().put("id", id).put("type", "Image");
        b.putIfPresent("caption", caption);
        return new Image(id, caption, b.build());
    }

    public static Image of(String id) throws CredentialException {
        return of(id, null);
    }

    /** Reads an Image object; a bare URL string (seen in the wild) is accepted as the id. */
    public static Image read(JsonValue value) throws CredentialException {
        if (value instanceof JsonString s) {
            ObJson.checkUri(s.value(), "Image", "id");
            return new Image(s.value(), null, JsonObject.builder().put("id", s.value()).build());
        }
        if (!(value instanceof JsonObject o)) {
            throw ObJson.invalid("Image must be an object");
        }
        ObJson.requireType(o, "Image", "Image");
        String id = ObJson.requireString(o, "Image", "id");
        ObJson.checkUri(id, "Image", "id");
        return new Image(id, ObJson.string(o, "Image", "caption"), o);
    }

    public String id() {
        return id;
    }

    public Optional<String> caption() {
        return Optional.ofNullable(caption);
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "Image[" + ObVocabulary.shorten(id) + "]";
    }
}
