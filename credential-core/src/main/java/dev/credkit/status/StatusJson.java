package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Small shared readers for the status documents; every failure is INVALID_STATUS_LIST. */
final class StatusJson {
    private StatusJson() {
    }

    static CredentialException invalid(String message) {
        return new CredentialException(ProblemCode.INVALID_STATUS_LIST, message);
    }

    static String requiredString(JsonObject o, String where, String name) throws CredentialException {
        JsonValue v = o.get(name).orElse(null);
        if (v == null) {
            throw invalid(where + " has no " + name);
        }
        if (!(v instanceof JsonString s)) {
            throw invalid(where + "." + name + " must be a string");
        }
        if (s.value().isEmpty()) {
            throw invalid(where + "." + name + " must not be empty");
        }
        return s.value();
    }

    static String optionalString(JsonObject o, String where, String name) throws CredentialException {
        JsonValue v = o.get(name).orElse(null);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw invalid(where + "." + name + " must be a string");
        }
        return s.value();
    }

    static String requiredUrl(JsonObject o, String where, String name) throws CredentialException {
        String value = requiredString(o, where, name);
        if (!isAbsoluteUrl(value)) {
            throw invalid(where + "." + name + " must be an absolute URL");
        }
        return value;
    }

    static boolean isAbsoluteUrl(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** True when {@code type} is {@code expected} or an array of strings containing it. */
    static boolean hasType(JsonValue type, String expected) {
        if (type instanceof JsonString s) {
            return s.value().equals(expected);
        }
        if (type instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonString s && s.value().equals(expected)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One string, or a non-empty array of strings. */
    static List<String> stringOrStrings(JsonValue v, String what) throws CredentialException {
        if (v instanceof JsonString s) {
            return List.of(s.value());
        }
        if (v instanceof JsonArray a && !a.isEmpty()) {
            List<String> out = new ArrayList<>(a.size());
            for (JsonValue e : a) {
                if (!(e instanceof JsonString s)) {
                    throw invalid(what + " must be a string or an array of strings");
                }
                out.add(s.value());
            }
            return List.copyOf(out);
        }
        throw invalid(what + " must be a string or a non-empty array of strings");
    }

    /** A non-negative integral JSON number that fits in a long, or null when absent. */
    static Long optionalNonNegativeInteger(JsonObject o, String where, String name) throws CredentialException {
        JsonValue v = o.get(name).orElse(null);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.value().signum() < 0) {
            throw invalid(where + "." + name + " must be a non-negative integer");
        }
        BigDecimal value = n.value();
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalid(where + "." + name + " is too large");
        }
        return value.longValue();
    }
}
