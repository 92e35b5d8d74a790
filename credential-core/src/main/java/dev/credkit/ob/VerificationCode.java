package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * A short, human-typable code that names one issued credential, e.g. {@code 7KQ4M-XW9RT-HC3PD}.
 *
 * <p>Alphabet: the 30 symbols {@code 23456789ABCDEFGHJKMNPQRSTVWXYZ} (Crockford's base 32
 * without 0, 1, I, L, O and U), so that no two symbols are easily confused. A code is 14 random
 * symbols followed by one check symbol: the weighted sum {@code Σ (i+1)·d(i)} of the random
 * symbols' values modulo the prime 31. Random parts whose sum would be 30 (no symbol) are drawn
 * again, which leaves 14 × log2 30 − log2(31/30) ≈ 68.6 bits of randomness. Because 31 is prime
 * and the weights are distinct, non-zero and never −1, every single-symbol substitution and
 * every transposition of two adjacent symbols (the check symbol included) is detected. It is
 * shown in three groups of five.
 *
 * <p>{@link #parse(String)} accepts any case, dashes and spaces, and fails with a message that
 * says which character is wrong or that the check symbol does not match (a typo).
 */
public final class VerificationCode {
    /** The code alphabet, in value order. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Number of random symbols. */
    public static final int RANDOM_SYMBOLS = 14;
    /** Random symbols plus the check symbol. */
    public static final int LENGTH = RANDOM_SYMBOLS + 1;
    private static final int RADIX = ALPHABET.length();
    private static final int CHECK_MODULUS = 31;
    private static final int GROUP = 5;
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < RADIX; i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private final String value;

    private VerificationCode(String value) {
        this.value = value;
    }

    /** A fresh random code. */
    public static VerificationCode generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        char[] chars = new char[LENGTH];
        int[] digits = new int[RANDOM_SYMBOLS];
        int check;
        do {
            for (int i = 0; i < RANDOM_SYMBOLS; i++) {
                digits[i] = random.nextInt(RADIX);
                chars[i] = ALPHABET.charAt(digits[i]);
            }
            check = checkValue(digits, RANDOM_SYMBOLS);
        } while (check >= RADIX);
        chars[RANDOM_SYMBOLS] = ALPHABET.charAt(check);
        return new VerificationCode(new String(chars));
    }

    /**
     * Parses a code as a person may type it: case-insensitive, dashes and spaces ignored. Fails
     * with {@code MALFORMED} for a wrong length, a character outside the alphabet, or a check
     * symbol that does not match.
     */
    public static VerificationCode parse(String text) throws CredentialException {
        if (text == null) {
            throw new CredentialException(ProblemCode.MALFORMED, "verification code is missing");
        }
        if (text.length() > 64) {
            throw new CredentialException(ProblemCode.MALFORMED, "verification code is too long");
        }
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == ' ' || c == '\u00a0' || c == '\t') {
                continue;
            }
            char upper = Character.toUpperCase(c);
            if (upper >= 128 || VALUES[upper] < 0) {
                String shown = c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
                String hint = "0O1IL".indexOf(upper) >= 0
                        ? " (codes never use 0, O, 1, I or L)" : "";
                throw new CredentialException(ProblemCode.MALFORMED,
                        "verification code contains " + shown + ", which is not a code character" + hint);
            }
            sb.append(upper);
        }
        if (sb.length() != LENGTH) {
            throw new CredentialException(ProblemCode.MALFORMED,
                    "verification code must have " + LENGTH + " characters, got " + sb.length());
        }
        int[] digits = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            digits[i] = VALUES[sb.charAt(i)];
        }
        if (checkValue(digits, RANDOM_SYMBOLS) != digits[RANDOM_SYMBOLS]) {
            throw new CredentialException(ProblemCode.MALFORMED,
                    "verification code has a typo: its check character does not match");
        }
        return new VerificationCode(sb.toString());
    }

    /** Whether {@code text} parses as a valid code. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (CredentialException e) {
            return false;
        }
    }

    /** {@code Σ (i+1)·d(i) mod 31} over the first {@code count} symbol values; 30 has no symbol. */
    static int checkValue(int[] digits, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (i + 1) * digits[i];
        }
        return sum % CHECK_MODULUS;
    }

    /** The 15 symbols without separators, upper case. */
    public String value() {
        return value;
    }

    /** Grouped for reading and printing: {@code XXXXX-XXXXX-XXXXX}. */
    public String display() {
        StringBuilder sb = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && i % GROUP == 0) {
                sb.append('-');
            }
            sb.append(value.charAt(i));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The grouped form, as {@link #display()}. */
    @Override
    public String toString() {
        return display();
    }
}
