package dev.credkit.internal.jsonld;

import com.apicatalog.jsonld.lang.Keywords;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNull;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.util.Map;
import java.util.Set;

/**
 * Safe-mode checks on the compacted input for data that JSON-LD expansion drops without a
 * trace (so they cannot be seen in the expanded output): reserved-looking keys, {@code @value:
 * null}, objects with only {@code @language}, free-floating values in {@code @graph} and
 * {@code @included}, and inline context definitions that would make later data vanish
 * (reserved term names, blank-node or relative {@code @vocab}, aliases of keywords other than
 * {@code @id}/{@code @type}, {@code @base}). Mirrors jsonld.js "safe mode" event codes.
 *
 * <p>Purely syntactic and so slightly conservative: {@code "id"} is taken as the usual alias of
 * {@code @id} and keys are checked inside {@code @json} literals too. That can only reject, never
 * let a drop through.
 */
final class InputSafetyCheck {
    /** Keywords that are meaningful as keys of a JSON-LD document (outside contexts). */
    private static final Set<String> DOCUMENT_KEYWORDS = Set.of(
            "@context", "@id", "@type", "@value", "@language", "@direction", "@index", "@list", "@set",
            "@reverse", "@graph", "@included", "@nest", "@none");

    /** The only keywords an inline context may alias (the ones every VC context aliases). */
    private static final Set<String> ALIASABLE = Set.of("@id", "@type");

    private static final Set<String> ID_KEYS = Set.of("@id", "id", "@index", "@context");

    private InputSafetyCheck() {
    }

    static void check(JsonObject document) throws CredentialException {
        object(document, 0);
    }

    private static void value(JsonValue value, int depth) throws CredentialException {
        if (value instanceof JsonObject o) {
            object(o, depth);
        } else if (value instanceof JsonArray a) {
            checkDepth(depth);
            for (JsonValue element : a) {
                value(element, depth + 1);
            }
        }
    }

    private static void checkDepth(int depth) throws CredentialException {
        if (depth >= JakartaJson.MAX_DEPTH) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "JSON nesting deeper than " + JakartaJson.MAX_DEPTH);
        }
    }

    private static void object(JsonObject object, int depth) throws CredentialException {
        checkDepth(depth);
        boolean onlyLanguage = false;
        int size = 0;
        for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
            String key = member.getKey();
            JsonValue v = member.getValue();
            if ("@context".equals(key)) {
                contextValue(v, depth + 1);
                continue;
            }
            size++;
            if (key.startsWith("@")) {
                if (hasKeywordForm(key) && !DOCUMENT_KEYWORDS.contains(key)) {
                    throw loss("'" + abbreviate(key) + "' is a reserved or unsupported keyword and would be dropped");
                }
                onlyLanguage = "@language".equals(key);
            }
            if ("@value".equals(key) && v instanceof JsonNull) {
                throw loss("an @value of null would be dropped");
            }
            if ("@type".equals(key) || "type".equals(key)) {
                typeValue(v);
            }
            if ("@graph".equals(key) || "@included".equals(key)) {
                freeFloating(v, key);
            }
            value(v, depth + 1);
        }
        if (size == 1 && onlyLanguage) {
            throw loss("an object with only @language would be dropped");
        }
    }

    private static void typeValue(JsonValue v) throws CredentialException {
        if (v instanceof JsonString s) {
            if (hasKeywordForm(s.value()) && !Keywords.contains(s.value())) {
                throw loss("type '" + abbreviate(s.value()) + "' has the form of a keyword and would be dropped");
            }
        } else if (v instanceof JsonArray a) {
            for (JsonValue element : a) {
                typeValue(element);
            }
        }
    }

    /** Values directly in @graph or @included are dropped unless they are node objects with data. */
    private static void freeFloating(JsonValue v, String key) throws CredentialException {
        if (v instanceof JsonArray a) {
            for (JsonValue element : a) {
                freeFloating(element, key);
            }
        } else if (v instanceof JsonObject o) {
            if (o.has("@value") || o.has("@list")) {
                throw loss("a free-floating value or list in " + key + " would be dropped");
            }
            if (!o.has("@set") && ID_KEYS.containsAll(o.keys())) {
                throw loss("an object with no properties in " + key + " would be dropped");
            }
        } else if (!(v instanceof JsonNull)) {
            throw loss("a free-floating scalar in " + key + " would be dropped");
        }
    }

    private static void contextValue(JsonValue v, int depth) throws CredentialException {
        checkDepth(depth);
        if (v instanceof JsonObject definition) {
            contextDefinition(definition, depth + 1);
        } else if (v instanceof JsonArray a) {
            for (JsonValue element : a) {
                if (element instanceof JsonObject definition) {
                    contextDefinition(definition, depth + 1);
                }
            }
        }
    }

    private static void contextDefinition(JsonObject definition, int depth) throws CredentialException {
        checkDepth(depth);
        for (Map.Entry<String, JsonValue> member : definition.members().entrySet()) {
            String key = member.getKey();
            JsonValue v = member.getValue();
            switch (key) {
                case "@vocab" -> vocab(v);
                case "@base" -> {
                    if (!(v instanceof JsonNull)) {
                        throw new CredentialException(ProblemCode.RELATIVE_IRI,
                                "@base is not supported: relative IRIs are never resolved");
                    }
                }
                default -> {
                    if (hasKeywordForm(key) && !Keywords.contains(key)) {
                        throw loss("term '" + abbreviate(key) + "' has the form of a keyword and would be ignored");
                    }
                    termDefinition(v, depth + 1);
                }
            }
        }
    }

    private static void vocab(JsonValue v) throws CredentialException {
        if (v instanceof JsonString s) {
            if (s.value().startsWith("_:")) {
                throw loss("@vocab maps terms to blank nodes, which cannot be predicates");
            }
            if (s.value().indexOf(':') < 0) {
                throw loss("@vocab '" + abbreviate(s.value()) + "' is relative");
            }
        }
    }

    private static void termDefinition(JsonValue v, int depth) throws CredentialException {
        if (v instanceof JsonString s) {
            termTarget(s.value());
        } else if (v instanceof JsonObject o) {
            if (o.members().get("@id") instanceof JsonString s) {
                termTarget(s.value());
            }
            if (o.members().get("@reverse") instanceof JsonString s && hasKeywordForm(s.value())) {
                throw loss("@reverse value '" + abbreviate(s.value()) + "' has the form of a keyword");
            }
            JsonValue scoped = o.members().get("@context");
            if (scoped != null) {
                contextValue(scoped, depth + 1);
            }
        }
    }

    private static void termTarget(String target) throws CredentialException {
        if (!hasKeywordForm(target)) {
            return;
        }
        if (!Keywords.contains(target)) {
            throw loss("term maps to '" + abbreviate(target) + "', which has the form of a keyword");
        }
        if (!ALIASABLE.contains(target)) {
            throw loss("an alias of " + target + " is not supported in safe mode");
        }
    }

    /** {@code "@" 1*ALPHA}, the form JSON-LD reserves for keywords (Titanium's reading of it). */
    static boolean hasKeywordForm(String s) {
        return Keywords.matchForm(s);
    }

    private static CredentialException loss(String message) {
        return new CredentialException(ProblemCode.JSON_LD_DATA_LOSS, message);
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
