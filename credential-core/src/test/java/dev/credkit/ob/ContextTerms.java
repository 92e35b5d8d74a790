package dev.credkit.ob;

import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small model of JSON-LD term resolution for VC 2.0 + Open Badges 3.0.3: top-level terms plus
 * the (non-propagating) type-scoped terms of each node's types. Used to prove that every
 * property the builders write is defined, so JSON-LD processing would not drop it.
 */
final class ContextTerms {
    private final Set<String> topLevel = new HashSet<>();
    private final Map<String, Set<String>> scoped = new HashMap<>();

    ContextTerms(String... resources) throws Exception {
        for (String r : resources) {
            try (InputStream in = ContextTerms.class.getResourceAsStream("/dev/credkit/jsonld/contexts/" + r)) {
                JsonObject ctx = JsonReader.defaults().readObject(in.readAllBytes()).object("@context").orElseThrow();
                for (Map.Entry<String, JsonValue> e : ctx.members().entrySet()) {
                    topLevel.add(e.getKey());
                    if (e.getValue() instanceof JsonObject def && def.object("@context").isPresent()) {
                        scoped.computeIfAbsent(e.getKey(), k -> new HashSet<>())
                                .addAll(def.object("@context").get().keys());
                    }
                }
            }
        }
    }

    static ContextTerms ob303() throws Exception {
        return new ContextTerms("credentials-v2.jsonld", "ob-v3p0-context-3.0.3.json");
    }

    /** Paths of properties with no definition; empty when the document is fully defined. */
    List<String> undefined(JsonObject doc) {
        List<String> out = new ArrayList<>();
        walk(doc, "$", out);
        return out;
    }

    private void walk(JsonObject node, String path, List<String> out) {
        Set<String> active = new HashSet<>(topLevel);
        for (String t : types(node)) {
            active.addAll(scoped.getOrDefault(t, Set.of()));
        }
        for (Map.Entry<String, JsonValue> e : node.members().entrySet()) {
            String key = e.getKey();
            if (key.equals("@context")) {
                continue;
            }
            if (!active.contains(key)) {
                out.add(path + "." + key);
            }
            visit(e.getValue(), path + "." + key, out);
        }
    }

    private void visit(JsonValue v, String path, List<String> out) {
        if (v instanceof JsonObject o) {
            walk(o, path, out);
        } else if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                visit(a.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static List<String> types(JsonObject node) {
        JsonValue t = node.get("type").orElse(null);
        if (t instanceof JsonString s) {
            return List.of(s.value());
        }
        if (t instanceof JsonArray a) {
            return a.strings().orElse(List.of());
        }
        return List.of();
    }
}
