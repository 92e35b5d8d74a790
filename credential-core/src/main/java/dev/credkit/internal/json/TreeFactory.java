package dev.credkit.internal.json;

import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * How {@link StrictJsonParser} turns the collections it filled into immutable tree nodes.
 * {@link dev.credkit.json.JsonReader} passes one that adopts the collections without copying
 * (only that package can make such nodes); {@link #COPYING} works for anyone else.
 */
public interface TreeFactory {
    /** An object made of {@code members}, which the parser never touches again. */
    JsonObject object(LinkedHashMap<String, JsonValue> members);

    /** An array made of {@code elements}, which the parser never touches again. */
    JsonArray array(ArrayList<JsonValue> elements);

    /** Copies through the public factories. */
    TreeFactory COPYING = new TreeFactory() {
        @Override
        public JsonObject object(LinkedHashMap<String, JsonValue> members) {
            return JsonObject.of(members);
        }

        @Override
        public JsonArray array(ArrayList<JsonValue> elements) {
            return JsonArray.of(elements);
        }
    };
}
