package dev.credkit.internal.jsonld;

import com.apicatalog.jsonld.lang.BlankNode;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.lang.LanguageTag;
import com.apicatalog.jsonld.uri.UriUtils;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Safe-mode checks on Titanium's expanded form, before it is turned into RDF: everything the
 * JSON-LD to RDF algorithm would skip is an error here instead. That is relative or reserved
 * {@code @id}s (RELATIVE_IRI, JSON_LD_DATA_LOSS), relative {@code @type}s and datatypes
 * (UNDEFINED_TERM), blank-node or relative predicates, ill-formed language tags,
 * {@code @direction} (no rdfDirection is set), and node objects without statements where they
 * would float free (JSON_LD_DATA_LOSS).
 */
final class ExpandedFormCheck {
    /** JavaScript (and so JSON-LD) turns integers at or beyond 10^21 into doubles; Titanium does not for negatives. */
    private static final BigDecimal NEGATIVE_DOUBLE_LIMIT = BigDecimal.ONE.movePointRight(21).negate();

    private ExpandedFormCheck() {
    }

    /** Checks the top-level expanded array (after unwrapping a lone top-level {@code @graph}). */
    static void check(JsonArray expanded) throws CredentialException {
        if (expanded.isEmpty()) {
            throw loss("the document makes no statements");
        }
        for (JsonValue item : expanded) {
            freeFloating(item, "top level");
        }
    }

    private static void freeFloating(JsonValue item, String where) throws CredentialException {
        if (!(item instanceof JsonObject o) || o.containsKey(Keywords.VALUE) || o.containsKey(Keywords.LIST)) {
            throw loss("a free-floating value at " + where + " would be dropped");
        }
        boolean statements = false;
        for (String key : o.keySet()) {
            if (!Keywords.ID.equals(key) && !Keywords.INDEX.equals(key)) {
                statements = true;
                break;
            }
        }
        if (!statements) {
            throw loss("an object without properties at " + where + " would be dropped");
        }
        node(o);
    }

    private static void node(JsonObject node) throws CredentialException {
        for (Map.Entry<String, JsonValue> member : node.entrySet()) {
            String key = member.getKey();
            JsonValue value = member.getValue();
            switch (key) {
                case Keywords.ID -> id(value);
                case Keywords.TYPE -> types(value);
                case Keywords.INDEX -> {
                    // not part of the RDF form by definition (JSON-LD safe mode allows it)
                }
                case Keywords.GRAPH -> {
                    for (JsonValue item : asArray(value)) {
                        freeFloating(item, "@graph");
                    }
                }
                case Keywords.INCLUDED -> {
                    for (JsonValue item : asArray(value)) {
                        freeFloating(item, "@included");
                    }
                }
                case Keywords.REVERSE -> {
                    if (!(value instanceof JsonObject reverse)) {
                        throw invalid("@reverse is not an object");
                    }
                    for (Map.Entry<String, JsonValue> property : reverse.entrySet()) {
                        predicate(property.getKey());
                        for (JsonValue item : asArray(property.getValue())) {
                            if (!(item instanceof JsonObject o)) {
                                throw invalid("a @reverse value is not a node");
                            }
                            node(o);
                        }
                    }
                }
                default -> {
                    if (key.startsWith("@")) {
                        throw loss(key + " in a node object would be dropped");
                    }
                    predicate(key);
                    for (JsonValue item : asArray(value)) {
                        object(item);
                    }
                }
            }
        }
    }

    /** A property value: node object or reference, value object, or list object. */
    private static void object(JsonValue item) throws CredentialException {
        if (!(item instanceof JsonObject o)) {
            throw invalid("an expanded property value is not an object");
        }
        if (o.containsKey(Keywords.VALUE)) {
            value(o);
        } else if (o.containsKey(Keywords.LIST)) {
            for (JsonValue element : asArray(o.get(Keywords.LIST))) {
                object(element);
            }
        } else {
            node(o);
        }
    }

    private static void value(JsonObject value) throws CredentialException {
        JsonValue type = value.get(Keywords.TYPE);
        if (type != null) {
            if (!(type instanceof JsonString s)) {
                throw invalid("a value's @type is not a string");
            }
            if (!Keywords.JSON.equals(s.getString()) && !isAbsolute(s.getString())) {
                throw new CredentialException(ProblemCode.UNDEFINED_TERM,
                        "datatype '" + InputSafetyCheck.abbreviate(s.getString()) + "' is not an absolute IRI");
            }
        }
        JsonValue language = value.get(Keywords.LANGUAGE);
        if (language != null && (!(language instanceof JsonString s) || !LanguageTag.isWellFormed(s.getString()))) {
            throw loss("an ill-formed @language value would drop the value");
        }
        if (value.containsKey(Keywords.DIRECTION)) {
            throw loss("@direction cannot be represented (rdfDirection is not set)");
        }
        if (value.get(Keywords.VALUE) instanceof JsonNumber n
                && (type == null || !Keywords.JSON.equals(((JsonString) type).getString()))
                && n.bigDecimalValue().compareTo(NEGATIVE_DOUBLE_LIMIT) <= 0) {
            throw invalid("numbers at or below -1e21 are not supported");
        }
    }

    private static void id(JsonValue id) throws CredentialException {
        if (!(id instanceof JsonString s)) {
            throw loss("an @id value that has the form of a keyword, or is not a string, would be dropped");
        }
        String iri = s.getString();
        if (!BlankNode.hasPrefix(iri) && !isAbsolute(iri)) {
            throw new CredentialException(ProblemCode.RELATIVE_IRI,
                    "'" + InputSafetyCheck.abbreviate(iri) + "' is not an absolute IRI (there is no base IRI)");
        }
    }

    private static void types(JsonValue types) throws CredentialException {
        for (JsonValue type : asArray(types)) {
            if (!(type instanceof JsonString s)) {
                throw invalid("a @type value is not a string");
            }
            String iri = s.getString();
            if (!BlankNode.hasPrefix(iri) && !isAbsolute(iri)) {
                throw new CredentialException(ProblemCode.UNDEFINED_TERM,
                        "type '" + InputSafetyCheck.abbreviate(iri) + "' is undefined or relative");
            }
        }
    }

    private static void predicate(String iri) throws CredentialException {
        if (BlankNode.hasPrefix(iri)) {
            throw loss("property '" + InputSafetyCheck.abbreviate(iri) + "' maps to a blank node, which cannot be a predicate");
        }
        if (!isAbsolute(iri)) {
            throw new CredentialException(ProblemCode.RELATIVE_IRI,
                    "property '" + InputSafetyCheck.abbreviate(iri) + "' does not expand to an absolute IRI");
        }
    }

    /** The same test JSON-LD to RDF applies before emitting an IRI. */
    private static boolean isAbsolute(String iri) {
        return UriUtils.isAbsoluteUri(iri, UriValidationPolicy.Full);
    }

    /** Expanded form keeps most values in arrays; tolerate a lone value too. */
    private static List<JsonValue> asArray(JsonValue value) throws CredentialException {
        if (value instanceof JsonArray a) {
            return a;
        }
        if (value == null) {
            throw invalid("missing value");
        }
        return List.of(value);
    }

    private static CredentialException loss(String message) {
        return new CredentialException(ProblemCode.JSON_LD_DATA_LOSS, message);
    }

    private static CredentialException invalid(String message) {
        return new CredentialException(ProblemCode.INVALID_JSON_LD, message);
    }
}
