package dev.credkit.internal.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet (the multibase {@code z} encoding), strict on decoding.
 * Five digits per 64-bit multiply-add over 32-bit limbs: a signature's {@code proofValue} is
 * decoded on every verification. The conversion is quadratic in the length, so input is capped:
 * base58 only ever carries keys and signatures.
 */
public final class Base58 {
    /** Longest base58 text accepted; a 64-byte signature needs 88 characters. */
    public static final int MAX_ENCODED_LENGTH = 1024;

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];
    private static final long[] POW58 = {1, 58, 58 * 58, 58 * 58 * 58, 58L * 58 * 58 * 58, 58L * 58 * 58 * 58 * 58};

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // the number as 32-bit limbs, most significant first
        int byteCount = input.length - zeros;
        int[] limbs = new int[(byteCount + 3) / 4];
        for (int i = 0; i < byteCount; i++) {
            int fromEnd = byteCount - 1 - i;
            limbs[limbs.length - 1 - fromEnd / 4] |= (input[zeros + i] & 0xff) << (8 * (fromEnd % 4));
        }
        // divide by 58^5 repeatedly: five digits per pass
        char[] digits = new char[byteCount * 138 / 100 + 5];
        int pos = digits.length;
        int first = 0;
        while (first < limbs.length) {
            long remainder = 0;
            for (int j = first; j < limbs.length; j++) {
                long current = (remainder << 32) | (limbs[j] & 0xffffffffL);
                limbs[j] = (int) (current / POW58[5]);
                remainder = current % POW58[5];
            }
            while (first < limbs.length && limbs[first] == 0) {
                first++;
            }
            for (int k = 0; k < 5; k++) {
                digits[--pos] = ALPHABET[(int) (remainder % 58)];
                remainder /= 58;
            }
        }
        while (pos < digits.length && digits[pos] == ALPHABET[0]) {
            pos++; // leading zero digits of the last pass
        }
        StringBuilder sb = new StringBuilder(zeros + digits.length - pos);
        sb.append(String.valueOf(ALPHABET[0]).repeat(zeros));
        sb.append(digits, pos, digits.length - pos);
        return sb.toString();
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
        // the number as 32-bit limbs, least significant first; five digits per multiply-add
        int[] limbs = new int[(n - zeros) * 733 / 4000 + 2];
        int used = 0;
        for (int i = zeros; i < n; ) {
            int group = Math.min(5, n - i);
            long carry = 0;
            for (int k = 0; k < group; k++, i++) {
                char c = input.charAt(i);
                int digit = c < 128 ? INDEXES[c] : -1;
                if (digit < 0) {
                    throw new CredentialException(ProblemCode.MALFORMED,
                            "invalid base58btc character at position " + (i + 1));
                }
                carry = carry * 58 + digit;
            }
            long multiplier = POW58[group];
            for (int j = 0; j < used; j++) {
                long x = (limbs[j] & 0xffffffffL) * multiplier + carry;
                limbs[j] = (int) x;
                carry = x >>> 32;
            }
            if (carry != 0) {
                limbs[used++] = (int) carry;
            }
        }
        int significant = used * 4;
        while (significant > 0 && byteAt(limbs, significant - 1) == 0) {
            significant--;
        }
        byte[] out = new byte[zeros + significant];
        for (int k = 0; k < significant; k++) {
            out[zeros + k] = (byte) byteAt(limbs, significant - 1 - k);
        }
        return out;
    }

    /** Byte {@code index} (0 = least significant) of a little-endian limb array. */
    private static int byteAt(int[] limbs, int index) {
        return (limbs[index >>> 2] >>> (8 * (index & 3))) & 0xff;
    }
}
