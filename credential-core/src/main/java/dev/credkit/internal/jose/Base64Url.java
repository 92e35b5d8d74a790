package dev.credkit.internal.jose;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.util.Base64;

/**
 * Strict base64url (RFC 7515 §2): the URL-safe alphabet only, no padding, no whitespace, and
 * the unused low bits of the last character must be zero, so every byte string has exactly one
 * encoding and a token cannot be altered without changing its bytes.
 */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final boolean[] ALPHABET = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALPHABET[c] = true;
        }
        ALPHABET['-'] = true;
        ALPHABET['_'] = true;
    }

    private Base64Url() {
    }

    public static String encode(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    /** True when {@code c} belongs to the base64url alphabet. */
    public static boolean isAlphabet(char c) {
        return c < 128 && ALPHABET[c];
    }

    /** Decodes {@code text[from, to)}; {@code what} names the part in the error message. */
    public static byte[] decode(String text, int from, int to, String what) throws CredentialException {
        int length = to - from;
        if (length % 4 == 1) {
            throw malformed(what + " is not valid base64url (impossible length)");
        }
        for (int i = from; i < to; i++) {
            if (!isAlphabet(text.charAt(i))) {
                throw malformed(what + " is not base64url without padding (character at offset " + (i - from) + ")");
            }
        }
        if (length % 4 != 0) {
            // Non-canonical encodings carry data in bits that decoders ignore: refuse them.
            int last = value(text.charAt(to - 1));
            int unusedBits = length % 4 == 2 ? 4 : 2;
            if ((last & ((1 << unusedBits) - 1)) != 0) {
                throw malformed(what + " is not canonical base64url (non-zero trailing bits)");
            }
        }
        return DECODER.decode(text.substring(from, to));
    }

    public static byte[] decode(String text, String what) throws CredentialException {
        return decode(text, 0, text.length(), what);
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    private static CredentialException malformed(String message) {
        return new CredentialException(ProblemCode.MALFORMED, message);
    }
}
