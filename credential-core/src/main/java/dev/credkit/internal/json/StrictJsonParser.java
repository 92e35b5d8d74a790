package dev.credkit.internal.json;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNull;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.json.JsonWriter;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Jackson-backed strict parser producing credkit's immutable tree. One instance per reader
 * configuration; immutable and thread-safe (the private {@link JsonFactory} is thread-safe once
 * built).
 *
 * <p>The bytes are validated as strict UTF-8 by {@link #validateUtf8} before Jackson sees them:
 * Jackson's own byte parser is lenient about some malformed sequences and would auto-detect
 * UTF-16/32. After validation the input contains no NUL byte, so Jackson's detection can only
 * choose UTF-8. One leading UTF-8 BOM is skipped before Jackson starts.
 */
public final class StrictJsonParser {
    /**
     * Largest accepted |scale| of a number. A short text such as {@code 1e-999999999} is a finite
     * double (0) but as a BigDecimal it would make {@code toPlainString()} and friends allocate
     * gigabytes downstream. Every double, written with its 17 significant digits, fits well inside.
     */
    static final int MAX_NUMBER_SCALE = 1_100;
    /**
     * Most digits (integer, fraction and exponent, as Jackson counts them) in one number's text,
     * whatever the significant-digit limit: zeros cost parsing time too. An accepted number has
     * at most 309 integer digits (it fits a double) and 1,100 fraction digits (the scale bound),
     * so any form JsonWriter or Jcs gives it, plain or with an exponent, fits in 1,409 + 4.
     */
    static final int MAX_NUMBER_TEXT_DIGITS = 1_500;
    /** Longest excerpt of a member name quoted in an error message. */
    static final int MAX_NAME_IN_MESSAGE = 40;
    private static final int MAX_MESSAGE = 200;
    private static final int BOM_LENGTH = 3;
    /** A long has at most 19 digits: a limit at least that high cannot refuse one. */
    private static final int MAX_LONG_DIGITS = 19;
    /** Jackson's hints about features and constraint getters, meaningless to credkit's users. */
    private static final Pattern JACKSON_ADVICE = Pattern.compile(
            ", from `StreamReadConstraints[^`]*`|: enable `JsonReadFeature[^`]*` to allow"
                    + "| \\(not recognized as one since Feature '[^']*' not enabled for parser\\)");
    /** How much of an offending token Jackson may quote in a message. */
    private static final int MAX_ERROR_TOKEN = 40;

    private final JsonFactory factory;
    private final int maxDepth;
    private final int maxSignificantDigits;
    private final TreeFactory trees;

    /** A parser without a document length limit that builds the tree through the public factories. */
    public StrictJsonParser(int maxDepth, int maxStringLength, int maxSignificantDigits) {
        this(maxDepth, maxStringLength, maxSignificantDigits, Integer.MAX_VALUE, TreeFactory.COPYING);
    }

    /**
     * A parser with all limits; {@code trees} makes the object and array nodes. Numbers are
     * limited by their significant digits (zeros before the first and after the last non-zero
     * digit do not count), so that the same value written in another form is accepted too.
     */
    public StrictJsonParser(int maxDepth, int maxStringLength, int maxSignificantDigits, int maxBytes, TreeFactory trees) {
        this.maxDepth = maxDepth;
        this.maxSignificantDigits = maxSignificantDigits;
        this.trees = Objects.requireNonNull(trees, "trees");
        JsonFactoryBuilder builder = new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxStringLength)
                        .maxNumberLength(MAX_NUMBER_TEXT_DIGITS)
                        .maxNameLength(Math.min(maxStringLength, 50_000))
                        .maxDocumentLength(maxBytes)
                        .build())
                .errorReportConfiguration(ErrorReportConfiguration.builder()
                        .maxErrorTokenLength(MAX_ERROR_TOKEN)
                        .maxRawContentLength(0)
                        .build())
                // duplicates are detected while building the tree (cheaper, shorter message)
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                // untrusted names must not grow the JVM's string table
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .enable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW);
        for (JsonReadFeature lenient : JsonReadFeature.values()) {
            builder.disable(lenient); // every JsonReadFeature relaxes RFC 8259: none is wanted
        }
        this.factory = builder.build();
    }

    /** Parses one JSON value from UTF-8 bytes (the caller enforces the byte cap). */
    public JsonValue parse(byte[] utf8) throws CredentialException {
        boolean mayHaveEscapedSurrogates = validateUtf8(utf8);
        // BOM policy: skip one leading UTF-8 BOM here rather than leave it to Jackson, which
        // would skip a second one too and misreads a BOM that is the whole input.
        int start = 0;
        if (startsWithBom(utf8, 0)) {
            start = BOM_LENGTH;
            if (startsWithBom(utf8, BOM_LENGTH)) {
                throw new CredentialException(ProblemCode.MALFORMED, "invalid JSON at line 1, column 4: a second byte order mark");
            }
        }
        JsonParser p = null;
        try {
            p = factory.createParser(utf8, start, utf8.length - start);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new CredentialException(ProblemCode.MALFORMED, "invalid JSON: empty input, expected a JSON value");
            }
            JsonValue value = new TreeBuilder(p, maxDepth, maxSignificantDigits, mayHaveEscapedSurrogates, trees)
                    .readValue(first, 0);
            if (p.nextToken() != null) {
                throw malformed("trailing content after the JSON value", p.currentTokenLocation());
            }
            return value;
        } catch (JsonProcessingException e) {
            // constraint violations come without a location: the parser knows where it stopped
            JsonLocation where = e.getLocation() != null ? e.getLocation() : p != null ? p.currentLocation() : null;
            throw malformed(describe(e.getOriginalMessage()), where);
        } catch (IOException | RuntimeException e) {
            // Jackson reports some failures (symbol table overflow...) as unchecked exceptions:
            // untrusted input must never crash the caller.
            throw new CredentialException(ProblemCode.MALFORMED, "invalid JSON: " + shorten(e.getMessage()));
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // a byte-array source cannot fail to close
                }
            }
        }
    }

    /**
     * Jackson's message without advice that does not apply here (the features it names are off
     * on purpose) and without misleading claims: the input was already validated as UTF-8, so
     * Jackson's "Invalid UTF-8" means a non-ASCII character where JSON allows none.
     */
    static String describe(String jacksonMessage) {
        if (jacksonMessage == null) {
            return "unknown error";
        }
        if (jacksonMessage.startsWith("Invalid UTF-8")) {
            return "unexpected non-ASCII character outside a string";
        }
        String m = JACKSON_ADVICE.matcher(jacksonMessage).replaceAll("");
        return shorten(m);
    }

    private static boolean startsWithBom(byte[] b, int at) {
        return b.length >= at + BOM_LENGTH && b[at] == (byte) 0xEF && b[at + 1] == (byte) 0xBB && b[at + 2] == (byte) 0xBF;
    }

    /**
     * Strict UTF-8 (RFC 3629): rejects invalid bytes, truncated sequences, overlong forms,
     * UTF-8-encoded surrogates, code points above U+10FFFF, and NUL bytes (never valid in JSON
     * text, and the mark of UTF-16/32 input).
     *
     * @return whether the input contains a backslash, {@code u} and {@code d}/{@code D} in a row, i.e.
     *         whether a string may hold an escaped (possibly lone) surrogate
     */
    static boolean validateUtf8(byte[] b) throws CredentialException {
        boolean escapedSurrogate = false;
        int n = b.length;
        int i = 0;
        while (i < n) {
            int c = b[i];
            if (c > 0) { // ASCII, the hot path
                if (c == '\\' && i + 2 < n && b[i + 1] == 'u' && (b[i + 2] | 0x20) == 'd') {
                    escapedSurrogate = true;
                }
                i++;
                continue;
            }
            if (c == 0) {
                throw invalidUtf8(b, i, "NUL byte (UTF-16 and UTF-32 input is not accepted)");
            }
            c &= 0xFF;
            int length;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                length = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                length = 3;
                if (c == 0xE0) {
                    min2 = 0xA0; // overlong below U+0800
                } else if (c == 0xED) {
                    max2 = 0x9F; // U+D800..U+DFFF are surrogates, not characters
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                length = 4;
                if (c == 0xF0) {
                    min2 = 0x90; // overlong below U+10000
                } else if (c == 0xF4) {
                    max2 = 0x8F; // above U+10FFFF
                }
            } else {
                throw invalidUtf8(b, i, c >= 0xC0 && c <= 0xC1 ? "overlong encoding" : "invalid byte 0x" + Integer.toHexString(c));
            }
            if (i + length > n) {
                throw invalidUtf8(b, i, "truncated multi-byte sequence");
            }
            int c2 = b[i + 1] & 0xFF;
            if (c2 < min2 || c2 > max2) {
                String why = c == 0xED && c2 >= 0xA0 && c2 <= 0xBF ? "UTF-8-encoded surrogate"
                        : (c == 0xE0 || c == 0xF0) && c2 >= 0x80 && c2 < min2 ? "overlong encoding"
                        : c == 0xF4 && c2 >= 0x90 && c2 <= 0xBF ? "code point above U+10FFFF"
                        : "invalid continuation byte";
                throw invalidUtf8(b, i, why);
            }
            for (int k = 2; k < length; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    throw invalidUtf8(b, i, "invalid continuation byte");
                }
            }
            i += length;
        }
        return escapedSurrogate;
    }

    private static CredentialException invalidUtf8(byte[] b, int offset, String why) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new CredentialException(ProblemCode.MALFORMED, "invalid JSON at line " + line + ", column "
                + (offset - lineStart + 1) + " (byte offset " + offset + "): not valid UTF-8: " + why);
    }

    private static CredentialException malformed(String what, JsonLocation loc) {
        String where = loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return new CredentialException(ProblemCode.MALFORMED, "invalid JSON" + where + ": " + what);
    }

    /** One line, at most {@value #MAX_MESSAGE} characters: messages never echo large input. */
    static String shorten(String message) {
        if (message == null) {
            return "unknown error";
        }
        String head = message.length() > 4 * MAX_MESSAGE ? message.substring(0, 4 * MAX_MESSAGE) : message;
        String oneLine = head.replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE - 3) + "..." : oneLine;
    }

    /** A member name fit for an error message: quoted, escaped, truncated. */
    static String nameForMessage(String name) {
        StringBuilder sb = new StringBuilder(MAX_NAME_IN_MESSAGE + 8);
        boolean truncated = name.length() > MAX_NAME_IN_MESSAGE;
        int end = truncated ? MAX_NAME_IN_MESSAGE : name.length();
        if (truncated && Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        JsonWriter.quote(name.substring(0, end), sb);
        if (truncated) {
            sb.append("... (").append(name.length()).append(" chars)");
        }
        return sb.toString();
    }

    /**
     * Significant digits of a JSON number's text: from the first to the last non-zero digit of
     * its mantissa (the exponent aside); 1 for zero. A writer may move the point or the exponent
     * and add or drop zeros on either side, never change this count.
     */
    static int significantDigits(char[] text, int offset, int length) {
        int digits = 0;
        int first = -1;
        int last = -1;
        for (int i = offset; i < offset + length; i++) {
            char c = text[i];
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    if (first < 0) {
                        first = digits;
                    }
                    last = digits;
                }
                digits++;
            }
        }
        return first < 0 ? 1 : last - first + 1;
    }

    /** Builds the tree; depth is bounded by Jackson's constraint and checked again here. */
    private static final class TreeBuilder {
        private final JsonParser p;
        private final int maxDepth;
        private final int maxSignificantDigits;
        private final boolean checkSurrogates;
        private final TreeFactory trees;

        TreeBuilder(JsonParser p, int maxDepth, int maxSignificantDigits, boolean checkSurrogates, TreeFactory trees) {
            this.p = p;
            this.maxDepth = maxDepth;
            this.maxSignificantDigits = maxSignificantDigits;
            this.checkSurrogates = checkSurrogates;
            this.trees = trees;
        }

        JsonValue readValue(JsonToken token, int depth) throws IOException, CredentialException {
            switch (token) {
                case START_OBJECT: {
                    checkDepth(depth);
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_OBJECT) {
                        return JsonObject.empty();
                    }
                    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                    for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                        String name = p.currentName();
                        if (checkSurrogates) {
                            requireNoLoneSurrogate(name, "member name");
                        }
                        JsonValue v = readValue(p.nextToken(), depth + 1);
                        if (members.putIfAbsent(name, v) != null) {
                            throw malformed("duplicate member name " + nameForMessage(name), p.currentTokenLocation());
                        }
                    }
                    return trees.object(members);
                }
                case START_ARRAY: {
                    checkDepth(depth);
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        return JsonArray.empty();
                    }
                    ArrayList<JsonValue> elements = new ArrayList<>();
                    for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        elements.add(readValue(t, depth + 1));
                    }
                    return trees.array(elements);
                }
                case VALUE_STRING: {
                    String s = p.getText();
                    if (checkSurrogates) {
                        requireNoLoneSurrogate(s, "string");
                    }
                    return new JsonString(s);
                }
                case VALUE_NUMBER_INT:
                    if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        if (maxSignificantDigits < MAX_LONG_DIGITS) {
                            checkSignificantDigits();
                        }
                        return new JsonNumber(BigDecimal.valueOf(p.getLongValue()));
                    }
                    return number();
                case VALUE_NUMBER_FLOAT:
                    return number();
                case VALUE_TRUE:
                    return JsonBoolean.TRUE;
                case VALUE_FALSE:
                    return JsonBoolean.FALSE;
                case VALUE_NULL:
                    return JsonNull.INSTANCE;
                default:
                    throw malformed("unexpected token " + token, p.currentTokenLocation());
            }
        }

        private JsonNumber number() throws IOException, CredentialException {
            checkSignificantDigits(); // before BigDecimal's parse, which is quadratic in the digits
            BigDecimal d;
            try {
                d = new BigDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } catch (NumberFormatException e) { // exponent beyond int range
                throw malformed("number out of range", p.currentTokenLocation());
            }
            if (Math.abs((long) d.scale()) > MAX_NUMBER_SCALE) {
                throw malformed("number exponent out of range", p.currentTokenLocation());
            }
            // below 10^308 a number is surely finite; only near the top must the double be computed
            long adjustedExponent = (long) d.precision() - d.scale() - 1;
            if (adjustedExponent >= 308 && !Double.isFinite(d.doubleValue())) {
                throw malformed("number out of range (overflows a double)", p.currentTokenLocation());
            }
            return new JsonNumber(d);
        }

        private void checkSignificantDigits() throws IOException, CredentialException {
            int digits = significantDigits(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (digits > maxSignificantDigits) {
                throw malformed("number has " + digits + " significant digits, more than the limit of "
                        + maxSignificantDigits, p.currentTokenLocation());
            }
        }

        private void requireNoLoneSurrogate(String s, String what) throws CredentialException {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        i++;
                    } else {
                        throw malformed(what + " contains an unpaired surrogate \\u" + Integer.toHexString(c),
                                p.currentTokenLocation());
                    }
                }
            }
        }

        private void checkDepth(int depth) throws CredentialException {
            if (depth >= maxDepth) {
                throw malformed("nesting depth exceeds the maximum of " + maxDepth, p.currentTokenLocation());
            }
        }
    }
}
