package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Shared reading and writing helpers for the Open Badges model; every rule message is short. */
final class ObJson {
    /** An absolute URI: a scheme, a colon, and no whitespace (IRIs allowed, so no strict RFC 3986 check). */
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]+");

    private ObJson() {
    }

    static CredentialException invalid(String message) {
        return new CredentialException(ProblemCode.INVALID_DATA_MODEL, message);
    }

    static CredentialException required(String owner, String field) {
        return invalid(owner + "." + field + " is REQUIRED (Open Badges 3.0 " + owner + ")");
    }

    /** The {@code type} values, a string or an array of strings; absent gives an empty list. */
    static List<String> types(JsonObject o, String owner) throws CredentialException {
        JsonValue v = o.get("type").orElse(null);
        if (v == null) {
            return List.of();
        }
        if (v instanceof JsonString s) {
            return List.of(s.value());
        }
        if (v instanceof JsonArray a) {
            return a.strings().orElseThrow(() -> invalid(owner + ".type must be a string or an array of strings"));
        }
        throw invalid(owner + ".type must be a string or an array of strings");
    }

    static void requireType(JsonObject o, String owner, String expected) throws CredentialException {
        List<String> types = types(o, owner);
        if (types.isEmpty()) {
            throw required(owner, "type");
        }
        if (!types.contains(expected)) {
            throw invalid(owner + ".type MUST include '" + expected + "'");
        }
    }

    static String string(JsonObject o, String owner, String field) throws CredentialException {
        JsonValue v = o.get(field).orElse(null);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw invalid(owner + "." + field + " must be a string");
    }

    static String requireString(JsonObject o, String owner, String field) throws CredentialException {
        String s = string(o, owner, field);
        if (s == null) {
            throw required(owner, field);
        }
        return s;
    }

    static Boolean bool(JsonObject o, String owner, String field) throws CredentialException {
        JsonValue v = o.get(field).orElse(null);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonBoolean b) {
            return b.value();
        }
        throw invalid(owner + "." + field + " must be a boolean");
    }

    static BigDecimal number(JsonObject o, String owner, String field) throws CredentialException {
        JsonValue v = o.get(field).orElse(null);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.value();
        }
        throw invalid(owner + "." + field + " must be a number");
    }

    /** A member that holds one object or an array of objects; absent gives an empty list. */
    static List<JsonObject> objects(JsonObject o, String owner, String field) throws CredentialException {
        JsonValue v = o.get(field).orElse(null);
        if (v == null) {
            return List.of();
        }
        if (v instanceof JsonObject single) {
            return List.of(single);
        }
        if (v instanceof JsonArray a) {
            List<JsonObject> out = new ArrayList<>(a.size());
            for (JsonValue e : a) {
                if (!(e instanceof JsonObject eo)) {
                    throw invalid(owner + "." + field + " must contain objects");
                }
                out.add(eo);
            }
            return out;
        }
        throw invalid(owner + "." + field + " must be an object or an array of objects");
    }

    /** A member that holds one string or an array of strings; absent gives an empty list. */
    static List<String> strings(JsonObject o, String owner, String field) throws CredentialException {
        JsonValue v = o.get(field).orElse(null);
        if (v == null) {
            return List.of();
        }
        if (v instanceof JsonString s) {
            return List.of(s.value());
        }
        if (v instanceof JsonArray a) {
            return a.strings().orElseThrow(() -> invalid(owner + "." + field + " must contain strings"));
        }
        throw invalid(owner + "." + field + " must be a string or an array of strings");
    }

    static JsonObject object(JsonObject o, String owner, String field) throws CredentialException {
        JsonValue v = o.get(field).orElse(null);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonObject obj) {
            return obj;
        }
        throw invalid(owner + "." + field + " must be an object");
    }

    static boolean isUri(String s) {
        return s != null && URI.matcher(s).matches();
    }

    static void checkUri(String value, String owner, String field) throws CredentialException {
        if (value != null && !isUri(value)) {
            throw invalid(owner + "." + field + " must be an absolute URI");
        }
    }

    static void checkNotBlank(String value, String owner, String field) throws CredentialException {
        if (value == null) {
            throw required(owner, field);
        }
        if (value.isBlank()) {
            throw invalid(owner + "." + field + " must not be blank");
        }
    }

    /** An XML Schema dateTimeStamp (a date-time with a time zone), as VC 2.0 requires. */
    static boolean isDateTimeStamp(String s) {
        try {
            OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static void checkDateTimeStamp(String value, String owner, String field) throws CredentialException {
        if (value != null && !isDateTimeStamp(value)) {
            throw invalid(owner + "." + field + " must be a date-time with a time zone (e.g. 2025-01-15T00:00:00Z)");
        }
    }

    /** A date-time or a plain date (Open Badges files in the wild use both for activity dates). */
    static void checkDateOrDateTime(String value, String owner, String field) throws CredentialException {
        if (value == null) {
            return;
        }
        try {
            java.time.LocalDate.parse(value);
            return;
        } catch (DateTimeParseException e) {
            // not a plain date: try a date-time
        }
        try {
            java.time.LocalDateTime.parse(value.replaceFirst("(Z|[+-]\\d\\d:\\d\\d)$", ""));
        } catch (DateTimeParseException e) {
            throw invalid(owner + "." + field + " must be an ISO 8601 date or date-time");
        }
    }

    static Instant parseInstant(String s) {
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The canonical way credkit writes an instant: UTC, whole seconds, trailing Z. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static JsonArray typeArray(String... types) {
        List<JsonValue> values = new ArrayList<>(types.length);
        for (String t : types) {
            values.add(new JsonString(t));
        }
        return JsonArray.of(values);
    }

    static JsonArray array(Collection<? extends ObValue> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        for (ObValue v : values) {
            out.add(v.toJson());
        }
        return JsonArray.of(out);
    }

    static JsonArray stringArray(Collection<String> values) {
        return JsonArray.ofStrings(values);
    }

    /** Refuses a null element with a clear message (builders take lists from hosts). */
    static <T> List<T> copy(Collection<T> values, String owner, String field) {
        List<T> out = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) {
                throw new NullPointerException(owner + "." + field + " contains null");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }
}
