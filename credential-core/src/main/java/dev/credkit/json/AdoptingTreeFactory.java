package dev.credkit.json;

import dev.credkit.internal.json.TreeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Lets the parser hand its freshly filled collections to the tree without a second copy. Package
 * private: nobody outside can obtain nodes that share a collection with its creator.
 */
final class AdoptingTreeFactory implements TreeFactory {
    static final AdoptingTreeFactory INSTANCE = new AdoptingTreeFactory();

    private AdoptingTreeFactory() {
    }

    @Override
    public JsonObject object(LinkedHashMap<String, JsonValue> members) {
        return JsonObject.adopt(members);
    }

    @Override
    public JsonArray array(ArrayList<JsonValue> elements) {
        return JsonArray.adopt(elements);
    }
}
