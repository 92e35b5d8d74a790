package dev.credkit.internal.status;

import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url without padding (RFC 4648 §5): only the URL-safe alphabet, no '=', no
 * whitespace, and the unused low bits of the last character must be zero, so every byte string
 * has exactly one accepted encoding.
 */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes {@code text[from..]}.
     *
     * @return the bytes, or {@code null} when the text is not canonical unpadded base64url
     */
    public static byte[] decode(CharSequence text, int from) {
        int n = text.length() - from;
        if (n < 0 || n % 4 == 1) {
            return null;
        }
        byte[] out = new byte[(int) ((long) n * 3 / 4)];
        int o = 0;
        int i = from;
        int end = text.length();
        int fullEnd = from + (n / 4) * 4;
        while (i < fullEnd) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            int c = value(text.charAt(i + 2));
            int d = value(text.charAt(i + 3));
            if ((a | b | c | d) < 0) {
                return null;
            }
            int bits = (a << 18) | (b << 12) | (c << 6) | d;
            out[o++] = (byte) (bits >> 16);
            out[o++] = (byte) (bits >> 8);
            out[o++] = (byte) bits;
            i += 4;
        }
        int rest = end - i;
        if (rest == 2) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            if ((a | b) < 0 || (b & 0x0f) != 0) {
                return null;
            }
            out[o] = (byte) ((a << 2) | (b >> 4));
        } else if (rest == 3) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            int c = value(text.charAt(i + 2));
            if ((a | b | c) < 0 || (c & 0x03) != 0) {
                return null;
            }
            out[o++] = (byte) ((a << 2) | (b >> 4));
            out[o] = (byte) ((b << 4) | (c >> 2));
        }
        return out;
    }

    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }
}
