package dev.credkit.internal.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet (the multibase {@code z} encoding), strict on decoding.
 * The conversion is quadratic in the length, so input is capped: base58 only ever carries keys
 * and signatures.
 */
public final class Base58 {
    /** Longest base58 text accepted; a 64-byte signature needs 88 characters. */
    public static final int MAX_ENCODED_LENGTH = 1024;

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // log(256) / log(58) < 1.38: enough digits for the result
        byte[] digits = new byte[input.length * 138 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < input.length; i++) {
            int carry = input[i] & 0xff;
            int j = 0;
            for (; j < length || carry != 0; j++) {
                carry += (digits[j] & 0xff) * 256;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            length = j;
        }
        char[] out = new char[zeros + length];
        Arrays.fill(out, 0, zeros, ALPHABET[0]);
        for (int i = 0; i < length; i++) {
            out[zeros + i] = ALPHABET[digits[length - 1 - i]];
        }
        return new String(out);
    }

    /** Decodes base58btc text (without a multibase prefix). */
    public static byte[] decode(CharSequence input) throws CredentialException {
        int n = input.length();
        if (n > MAX_ENCODED_LENGTH) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED,
                    "base58 value is longer than " + MAX_ENCODED_LENGTH + " characters");
        }
        int zeros = 0;
        while (zeros < n && input.charAt(zeros) == ALPHABET[0]) {
            zeros++;
        }
        // log(58) / log(256) < 0.733
        byte[] bytes = new byte[n * 733 / 1000 + 1];
        int length = 0;
        for (int i = zeros; i < n; i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new CredentialException(ProblemCode.MALFORMED,
                        "invalid base58btc character at position " + (i + 1));
            }
            int carry = digit;
            int j = 0;
            for (; j < length || carry != 0; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            length = j;
        }
        byte[] out = new byte[zeros + length];
        for (int i = 0; i < length; i++) {
            out[zeros + i] = bytes[length - 1 - i];
        }
        return out;
    }
}
