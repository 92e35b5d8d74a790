package dev.credkit.internal.keys;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Base58Test {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** The textbook definition, to cross-check the limb arithmetic. */
    private static String reference(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        return "1".repeat(zeros) + sb.reverse();
    }

    @Test
    void agreesWithTheReferenceForEveryLengthAndLeadingZeros() throws Exception {
        Random random = new Random(7);
        for (int length = 0; length <= 140; length++) {
            for (int round = 0; round < 20; round++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                int leadingZeros = round % 4 == 0 ? Math.min(length, round / 4) : 0;
                for (int i = 0; i < leadingZeros; i++) {
                    bytes[i] = 0;
                }
                if (round == 19) {
                    java.util.Arrays.fill(bytes, (byte) 0xff);
                }
                String expected = reference(bytes);
                assertThat(Base58.encode(bytes)).as("length %d round %d", length, round).isEqualTo(expected);
                assertThat(Base58.decode(expected)).isEqualTo(bytes);
            }
        }
    }

    @Test
    void decodesEveryDigitPattern() throws Exception {
        Random random = new Random(11);
        for (int length = 1; length < 120; length++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(58)));
            }
            String text = sb.toString();
            byte[] decoded = Base58.decode(text);
            assertThat(Base58.encode(decoded)).isEqualTo(text);
        }
        assertThat(Base58.decode("")).isEmpty();
        assertThat(Base58.decode("1")).containsExactly(0);
        assertThat(Base58.decode("z")).containsExactly(57);
        assertThat(Base58.decode("21")).containsExactly(58);
    }
}
