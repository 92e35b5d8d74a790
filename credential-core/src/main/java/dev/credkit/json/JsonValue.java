package dev.credkit.json;

/**
 * An immutable JSON value, as read by {@link JsonReader}. Every later step (JSON-LD, JCS, JWT
 * payloads, the credential model) works on this tree; raw bytes are parsed exactly once.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** Compact JSON text of this value. */
    default String toJson() {
        return JsonWriter.compact(this);
    }
}
