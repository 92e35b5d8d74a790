package dev.credkit.json;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.json.StrictJsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The front door for untrusted JSON: every byte credkit reads from outside enters here.
 *
 * <p>Immutable and thread-safe; configure once and share. Defaults: 1 MiB of input, nesting
 * depth 64, strings up to 1 MiB (member names up to 50,000 chars), numbers up to 100 significant
 * digits (see {@link Builder#maxNumberLength}).
 *
 * <p>Always, whatever the limits (RFC 8259 without any leniency, plus I-JSON's RFC 7493 rules):
 * <ul>
 *   <li>strict UTF-8: invalid bytes, truncated sequences, overlong forms, UTF-8-encoded
 *       surrogates, code points above U+10FFFF and NUL bytes are rejected;</li>
 *   <li>BOM policy: one leading UTF-8 byte order mark is skipped (RFC 8259 §8.1 lets a parser
 *       ignore it); a second one is an unexpected character; UTF-16/32 input (with or without a
 *       BOM) is rejected as not UTF-8;</li>
 *   <li>strings and member names with an unpaired surrogate, written as a <code>&#92;uXXXX</code> escape or
 *       (for {@link #read(String)}) present in the text, are rejected;</li>
 *   <li>duplicate member names, trailing content, comments, single quotes, unquoted names,
 *       trailing commas, missing values, unescaped control characters, unknown escapes, leading
 *       zeros, leading {@code +} or {@code .}, trailing {@code .}, NaN and Infinity are
 *       rejected;</li>
 *   <li>numbers are kept exactly as {@link java.math.BigDecimal}; those that overflow a double
 *       to infinity, and those with an exponent (BigDecimal scale) beyond ±1100 (e.g.
 *       {@code 1e-999999999}, a memory bomb for later {@code toPlainString()}), are rejected;
 *       a number's text may hold at most 1,500 digits, zeros included.</li>
 * </ul>
 *
 * <p>Errors are {@link CredentialException}s: {@link ProblemCode#LIMIT_EXCEEDED} when the input
 * is larger than {@link #maxBytes()}, {@link ProblemCode#MALFORMED} for everything else
 * (including the depth, string and number limits), with the line and column (counted in bytes)
 * where known. Messages are one line and short: they never echo large input, and member names
 * in them are truncated.
 */
public final class JsonReader {
    public static final int DEFAULT_MAX_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final int DEFAULT_MAX_STRING_LENGTH = 1 << 20;
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;

    private static final JsonReader DEFAULTS = builder().build();

    private final int maxBytes;
    private final int maxDepth;
    private final int maxStringLength;
    private final int maxNumberLength;
    private final StrictJsonParser parser;

    private JsonReader(Builder b) {
        this.maxBytes = b.maxBytes;
        this.maxDepth = b.maxDepth;
        this.maxStringLength = b.maxStringLength;
        this.maxNumberLength = b.maxNumberLength;
        this.parser = new StrictJsonParser(maxDepth, maxStringLength, maxNumberLength, maxBytes, AdoptingTreeFactory.INSTANCE);
    }

    /** The reader with default limits. */
    public static JsonReader defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxBytes() {
        return maxBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** Reads one JSON value from UTF-8 bytes. */
    public JsonValue read(byte[] utf8) throws CredentialException {
        if (utf8.length > maxBytes) {
            throw tooLarge(utf8.length);
        }
        return parser.parse(utf8);
    }

    /**
     * Reads one JSON value from text (already decoded). The byte cap applies to its UTF-8 form;
     * a lone surrogate is rejected (encoding it would silently turn it into '?').
     */
    public JsonValue read(String json) throws CredentialException {
        if (json.length() > maxBytes) { // every char is at least one UTF-8 byte
            throw tooLarge(-1);
        }
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                    i++;
                } else {
                    throw new CredentialException(ProblemCode.MALFORMED, "invalid JSON text: unpaired surrogate at char offset " + i);
                }
            }
        }
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one JSON value from a stream, reading at most {@link #maxBytes()} + 1 bytes; the stream is not closed. */
    public JsonValue read(InputStream in) throws CredentialException {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
        } catch (IOException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "could not read input: " + e.getClass().getSimpleName(), e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(-1);
        }
        return parser.parse(bytes);
    }

    /** Reads a JSON object (a credential, presentation, key or DID document). */
    public JsonObject readObject(byte[] utf8) throws CredentialException {
        return requireObject(read(utf8));
    }

    /** Reads a JSON object from text. */
    public JsonObject readObject(String json) throws CredentialException {
        return requireObject(read(json));
    }

    private static JsonObject requireObject(JsonValue value) throws CredentialException {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw new CredentialException(ProblemCode.MALFORMED, "expected a JSON object at the top level");
    }

    private CredentialException tooLarge(int size) {
        return new CredentialException(ProblemCode.LIMIT_EXCEEDED,
                "input is larger than the limit of " + maxBytes + " bytes" + (size >= 0 ? " (" + size + " bytes)" : ""));
    }

    /** Configures a {@link JsonReader}; refuses non-positive limits. */
    public static final class Builder {
        private int maxBytes = DEFAULT_MAX_BYTES;
        private int maxDepth = DEFAULT_MAX_DEPTH;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
        private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;

        private Builder() {
        }

        public Builder maxBytes(int maxBytes) {
            this.maxBytes = positive(maxBytes, "maxBytes");
            return this;
        }

        /** Maximum nesting of arrays and objects; at most 900 (credentials are shallow). */
        public Builder maxDepth(int maxDepth) {
            if (maxDepth > 900) {
                throw new IllegalArgumentException("maxDepth must be at most 900");
            }
            this.maxDepth = positive(maxDepth, "maxDepth");
            return this;
        }

        public Builder maxStringLength(int maxStringLength) {
            this.maxStringLength = positive(maxStringLength, "maxStringLength");
            return this;
        }

        /**
         * Most significant digits in a number: those from the first to the last non-zero digit,
         * so {@code 0.00012300}, {@code 123} and {@code 1.23e-4} all count 3. Zeros outside them
         * and the exponent do not count, so whatever is accepted is accepted again however it is
         * written back ({@link JsonWriter}, {@link Jcs}). Default {@value JsonReader#DEFAULT_MAX_NUMBER_LENGTH}.
         */
        public Builder maxNumberLength(int maxNumberLength) {
            this.maxNumberLength = positive(maxNumberLength, "maxNumberLength");
            return this;
        }

        public JsonReader build() {
            return new JsonReader(this);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
