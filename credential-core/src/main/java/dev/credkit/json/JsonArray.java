package dev.credkit.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** An immutable JSON array. */
public final class JsonArray implements JsonValue, Iterable<JsonValue> {
    private static final JsonArray EMPTY = new JsonArray(List.of());

    private final List<JsonValue> elements;

    private JsonArray(List<JsonValue> elements) {
        this.elements = elements;
    }

    public static JsonArray empty() {
        return EMPTY;
    }

    public static JsonArray of(JsonValue... elements) {
        return new JsonArray(List.of(elements));
    }

    public static JsonArray of(Collection<? extends JsonValue> elements) {
        return new JsonArray(List.copyOf(elements));
    }

    /** Wraps {@code elements} without copying; the caller must never touch the list again. */
    static JsonArray adopt(ArrayList<JsonValue> elements) {
        return new JsonArray(java.util.Collections.unmodifiableList(elements));
    }

    /** Array of strings. */
    public static JsonArray ofStrings(Collection<String> strings) {
        return new JsonArray(strings.stream().map(s -> (JsonValue) new JsonString(s)).toList());
    }


    public List<JsonValue> elements() {
        return elements;
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public JsonValue get(int index) {
        return elements.get(index);
    }

    public Stream<JsonValue> stream() {
        return elements.stream();
    }

    /** A copy with {@code value} appended. */
    public JsonArray with(JsonValue value) {
        List<JsonValue> copy = new ArrayList<>(elements.size() + 1);
        copy.addAll(elements);
        copy.add(value);
        return new JsonArray(java.util.Collections.unmodifiableList(copy));
    }

    /** The elements that are strings, in order; empty when any element is not a string. */
    public Optional<List<String>> strings() {
        List<String> out = new ArrayList<>(elements.size());
        for (JsonValue v : elements) {
            if (!(v instanceof JsonString s)) {
                return Optional.empty();
            }
            out.add(s.value());
        }
        return Optional.of(List.copyOf(out));
    }

    @Override
    public Iterator<JsonValue> iterator() {
        return elements.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonArray other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
