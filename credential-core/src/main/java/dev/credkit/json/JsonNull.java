package dev.credkit.json;

/** JSON {@code null}. */
public enum JsonNull implements JsonValue {
    INSTANCE
}
