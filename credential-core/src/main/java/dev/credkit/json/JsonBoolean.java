package dev.credkit.json;

/** JSON {@code true} or {@code false}. */
public enum JsonBoolean implements JsonValue {
    TRUE, FALSE;

    public static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public boolean value() {
        return this == TRUE;
    }
}
