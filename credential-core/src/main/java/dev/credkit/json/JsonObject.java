package dev.credkit.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable JSON object that keeps member order as written. Modifications return copies, so
 * a document received for verification is never changed behind the caller's back.
 */
public final class JsonObject implements JsonValue {
    private static final JsonObject EMPTY = new JsonObject(Map.of());

    private final Map<String, JsonValue> members;

    private JsonObject(Map<String, JsonValue> members) {
        this.members = members;
    }

    public static JsonObject empty() {
        return EMPTY;
    }

    public static JsonObject of(Map<String, ? extends JsonValue> members) {
        Map<String, JsonValue> copy = new LinkedHashMap<>();
        members.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
        return new JsonObject(Collections.unmodifiableMap(copy));
    }


    /** Wraps {@code members} without copying; the caller must never touch the map again. */
    static JsonObject adopt(LinkedHashMap<String, JsonValue> members) {
        return new JsonObject(Collections.unmodifiableMap(members));
    }

    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** A builder that starts with this object's members, in order. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(members));
    }

    public Map<String, JsonValue> members() {
        return members;
    }

    public Set<String> keys() {
        return members.keySet();
    }

    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    public Optional<JsonValue> get(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** The member if it is a string. */
    public Optional<String> string(String name) {
        return members.get(name) instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
    }

    /** The member if it is an object. */
    public Optional<JsonObject> object(String name) {
        return members.get(name) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    /** The member if it is an array. */
    public Optional<JsonArray> array(String name) {
        return members.get(name) instanceof JsonArray a ? Optional.of(a) : Optional.empty();
    }

    /** A copy with {@code name} set to {@code value} (replacing in place, or appended). */
    public JsonObject with(String name, JsonValue value) {
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(members);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
        return adopt(copy);
    }

    /** A copy with {@code name} set to a string. */
    public JsonObject with(String name, String value) {
        return with(name, new JsonString(value));
    }

    /** A copy without {@code name}. */
    public JsonObject without(String name) {
        if (!members.containsKey(name)) {
            return this;
        }
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(members);
        copy.remove(name);
        return adopt(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && members.equals(other.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Builds an object member by member, keeping insertion order. */
    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> members;

        private Builder(LinkedHashMap<String, JsonValue> members) {
            this.members = members;
        }

        public Builder put(String name, JsonValue value) {
            members.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, new JsonString(value));
        }

        public Builder put(String name, long value) {
            return put(name, JsonNumber.of(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, JsonBoolean.of(value));
        }

        /** Sets {@code name} only when {@code value} is not null. */
        public Builder putIfPresent(String name, JsonValue value) {
            return value == null ? this : put(name, value);
        }

        /** Sets {@code name} only when {@code value} is not null. */
        public Builder putIfPresent(String name, String value) {
            return value == null ? this : put(name, value);
        }

        public Builder remove(String name) {
            members.remove(name);
            return this;
        }

        public boolean has(String name) {
            return members.containsKey(name);
        }

        public JsonObject build() {
            return new JsonObject(Collections.unmodifiableMap(new LinkedHashMap<>(members)));
        }
    }
}
