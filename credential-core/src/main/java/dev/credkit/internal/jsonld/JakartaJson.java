package dev.credkit.internal.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNull;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Converts credkit's JSON tree to jakarta.json values for Titanium. Numbers follow JSON-LD's
 * (JavaScript's) view: an integral value below 10^21 in magnitude becomes an integer (scale 0,
 * so {@code 1.0} is the integer 1 and maps to xsd:integer), anything else a double.
 */
public final class JakartaJson {
    /** Deeper documents are refused before Titanium's recursive algorithms see them. */
    public static final int MAX_DEPTH = 128;

    private static final BigDecimal INTEGER_LIMIT = BigDecimal.ONE.movePointRight(21);

    private final JsonProvider provider;

    public JakartaJson(JsonProvider provider) {
        this.provider = provider;
    }

    /** Converts a whole value; deeper than {@link #MAX_DEPTH} is {@code LIMIT_EXCEEDED}. */
    public jakarta.json.JsonValue convert(JsonValue value) throws CredentialException {
        return convert(value, 0);
    }

    /** Converts an object, leaving out one member (e.g. the top-level {@code @context}). */
    public jakarta.json.JsonObject convertWithout(JsonObject object, String skippedKey) throws CredentialException {
        JsonObjectBuilder builder = provider.createObjectBuilder();
        for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
            if (!member.getKey().equals(skippedKey)) {
                builder.add(member.getKey(), convert(member.getValue(), 1));
            }
        }
        return builder.build();
    }

    private jakarta.json.JsonValue convert(JsonValue value, int depth) throws CredentialException {
        if (value instanceof JsonString s) {
            return provider.createValue(s.value());
        } else if (value instanceof JsonObject o) {
            checkDepth(depth);
            JsonObjectBuilder builder = provider.createObjectBuilder();
            for (Map.Entry<String, JsonValue> member : o.members().entrySet()) {
                builder.add(member.getKey(), convert(member.getValue(), depth + 1));
            }
            return builder.build();
        } else if (value instanceof JsonArray a) {
            checkDepth(depth);
            JsonArrayBuilder builder = provider.createArrayBuilder();
            for (JsonValue element : a) {
                builder.add(convert(element, depth + 1));
            }
            return builder.build();
        } else if (value instanceof JsonNumber n) {
            return number(n);
        } else if (value instanceof JsonBoolean b) {
            return b.value() ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE;
        } else if (value instanceof JsonNull) {
            return jakarta.json.JsonValue.NULL;
        }
        throw new IllegalArgumentException("unknown JSON value type");
    }

    private jakarta.json.JsonNumber number(JsonNumber number) {
        BigDecimal v = number.value();
        if (number.isIntegral() && v.abs().compareTo(INTEGER_LIMIT) < 0) {
            return provider.createValue(v.toBigIntegerExact());
        }
        return provider.createValue(v.doubleValue());
    }

    private static void checkDepth(int depth) throws CredentialException {
        if (depth >= MAX_DEPTH) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "JSON nesting deeper than " + MAX_DEPTH);
        }
    }
}
