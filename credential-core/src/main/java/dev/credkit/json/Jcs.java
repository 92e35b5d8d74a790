package dev.credkit.json;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.util.Arrays;
import java.util.Map;

/**
 * JSON Canonicalization Scheme (RFC 8785): ECMAScript number serialization, member names
 * sorted by UTF-16 code units, no insignificant white space, minimal string escaping, UTF-8.
 *
 * <p>Stateless and thread-safe. Output goes straight into one growing byte buffer; no
 * intermediate strings are built. Strings and member names with an unpaired surrogate are
 * rejected ({@link ProblemCode#MALFORMED}): RFC 8785 §3.2.2.2 requires it, and they have no
 * UTF-8 form. Numbers are converted to the nearest double first (RFC 8785 §3.2.2.3 works on
 * IEEE-754 doubles), so e.g. {@code 4.50} becomes {@code 4.5} and {@code 1E30} {@code 1e+30}.
 */
public final class Jcs {
    /**
     * Deepest nesting accepted. {@link JsonReader} never produces more than 900 levels; this
     * only stops trees built by code from overflowing the stack.
     */
    static final int MAX_DEPTH = 1000;

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private Jcs() {
    }

    /**
     * The canonical UTF-8 bytes of {@code value}.
     *
     * @throws CredentialException {@link ProblemCode#MALFORMED} for a string or member name with
     *         an unpaired surrogate; {@link ProblemCode#LIMIT_EXCEEDED} for nesting deeper than
     *         1000 levels
     */
    public static byte[] canonicalize(JsonValue value) throws CredentialException {
        Sink out = new Sink(512);
        write(value, out, 0);
        return out.toByteArray();
    }

    /**
     * ECMAScript {@code Number.prototype.toString} of a finite double (RFC 8785 §3.2.2.3): the
     * shortest digits that read back as {@code value}, in plain notation from 1e-6 up to below
     * 1e21 and in exponent form ({@code 1e+21}, {@code 1e-7}) outside; {@code -0} gives "0".
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot represent
     */
    public static String serializeNumber(double value) {
        return EcmaNumber.toString(value);
    }

    private static void write(JsonValue value, Sink out, int depth) throws CredentialException {
        if (value instanceof JsonString s) {
            writeString(s.value(), out);
        } else if (value instanceof JsonObject o) {
            checkDepth(depth);
            writeObject(o, out, depth);
        } else if (value instanceof JsonArray a) {
            checkDepth(depth);
            out.put((byte) '[');
            int n = a.size();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.put((byte) ',');
                }
                write(a.get(i), out, depth + 1);
            }
            out.put((byte) ']');
        } else if (value instanceof JsonNumber n) {
            // JsonReader only produces numbers that fit a double; one built by code may not.
            double d = n.value().doubleValue();
            if (!Double.isFinite(d)) {
                throw new CredentialException(ProblemCode.MALFORMED, "number out of the range of a double");
            }
            out.ensure(EcmaNumber.MAX_LENGTH);
            out.length = EcmaNumber.format(d, out.bytes, out.length);
        } else if (value instanceof JsonBoolean b) {
            out.put(b.value() ? TRUE : FALSE);
        } else {
            out.put(NULL);
        }
    }

    private static void writeObject(JsonObject o, Sink out, int depth) throws CredentialException {
        Map<String, JsonValue> members = o.members();
        out.put((byte) '{');
        if (!members.isEmpty()) {
            String[] names = members.keySet().toArray(new String[0]);
            Arrays.sort(names); // String.compareTo: UTF-16 code units, as RFC 8785 §3.2.3 asks
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    out.put((byte) ',');
                }
                writeString(names[i], out);
                out.put((byte) ':');
                write(members.get(names[i]), out, depth + 1);
            }
        }
        out.put((byte) '}');
    }

    private static void checkDepth(int depth) throws CredentialException {
        if (depth >= MAX_DEPTH) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "JSON nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** RFC 8785 §3.2.2.2: escape only '"', '\\' and controls; everything else literal UTF-8. */
    private static void writeString(String s, Sink out) throws CredentialException {
        int n = s.length();
        out.ensure(n + 2);
        out.bytes[out.length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    out.put((byte) c);
                } else {
                    writeEscape(c, out);
                }
            } else if (c < 0x800) {
                out.ensure(2);
                out.bytes[out.length++] = (byte) (0xC0 | (c >> 6));
                out.bytes[out.length++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                out.ensure(3);
                out.bytes[out.length++] = (byte) (0xE0 | (c >> 12));
                out.bytes[out.length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out.bytes[out.length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.ensure(4);
                out.bytes[out.length++] = (byte) (0xF0 | (cp >> 18));
                out.bytes[out.length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out.bytes[out.length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out.bytes[out.length++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                throw new CredentialException(ProblemCode.MALFORMED,
                        "string contains an unpaired surrogate at index " + i + ": JCS cannot canonicalize it");
            }
        }
        out.put((byte) '"');
    }

    private static void writeEscape(char c, Sink out) {
        out.ensure(6);
        byte[] b = out.bytes;
        int p = out.length;
        b[p++] = '\\';
        switch (c) {
            case '"' -> b[p++] = '"';
            case '\\' -> b[p++] = '\\';
            case '\b' -> b[p++] = 'b';
            case '\f' -> b[p++] = 'f';
            case '\n' -> b[p++] = 'n';
            case '\r' -> b[p++] = 'r';
            case '\t' -> b[p++] = 't';
            default -> {
                b[p++] = 'u';
                b[p++] = '0';
                b[p++] = '0';
                b[p++] = HEX[c >> 4];
                b[p++] = HEX[c & 0xF];
            }
        }
        out.length = p;
    }

    /** A growable byte buffer: the one allocation that the output lives in. */
    private static final class Sink {
        byte[] bytes;
        int length;

        Sink(int capacity) {
            bytes = new byte[capacity];
        }

        void ensure(int more) {
            if (bytes.length - length < more) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void put(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
