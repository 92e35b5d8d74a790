package dev.credkit.model;

import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** Reading helpers for the "one value or an array of values" members of the data model. */
final class Members {
    private Members() {
    }

    /** The member as objects: one object, or the object elements of an array (others skipped). */
    static List<JsonObject> objects(JsonObject json, String name) {
        JsonValue value = json.members().get(name);
        if (value instanceof JsonObject o) {
            return List.of(o);
        }
        if (value instanceof JsonArray a) {
            List<JsonObject> out = new ArrayList<>(a.size());
            for (JsonValue v : a) {
                if (v instanceof JsonObject o) {
                    out.add(o);
                }
            }
            return List.copyOf(out);
        }
        return List.of();
    }

    /** The member as strings: one string, or the string elements of an array (others skipped). */
    static List<String> strings(JsonObject json, String name) {
        JsonValue value = json.members().get(name);
        if (value instanceof JsonString s) {
            return List.of(s.value());
        }
        if (value instanceof JsonArray a) {
            List<String> out = new ArrayList<>(a.size());
            for (JsonValue v : a) {
                if (v instanceof JsonString s) {
                    out.add(s.value());
                }
            }
            return List.copyOf(out);
        }
        return List.of();
    }

    /** The id of a "URL or object with an id" member ({@code issuer}, {@code holder}). */
    static String urlOrId(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.value();
        }
        if (value instanceof JsonObject o) {
            return o.string("id").orElse(null);
        }
        return null;
    }
}
