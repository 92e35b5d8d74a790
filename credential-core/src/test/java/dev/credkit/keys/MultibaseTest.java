package dev.credkit.keys;

import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static dev.credkit.keys.Ed25519KeyPairTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

class MultibaseTest {

    @ParameterizedTest
    @CsvSource({
            // multibase spec test vectors (test/base58btc.csv, base64url.csv, leading zeros)
            "'Decentralize everything!!', zUXE7GvtEk8XTXs1GF8HSGbVA9FCX9SEBPe, uRGVjZW50cmFsaXplIGV2ZXJ5dGhpbmchIQ",
            "'yes mani !', z7paNL19xttacUY, ueWVzIG1hbmkgIQ",
            "'hello world', zStV1DL6CwTryKyV, uaGVsbG8gd29ybGQ"})
    void encodesTheMultibaseSpecVectors(String text, String base58, String base64) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Multibase.encodeBase58Btc(bytes)).isEqualTo(base58);
        assertThat(Multibase.encodeBase64Url(bytes)).isEqualTo(base64);
        assertThat(Multibase.decode(base58)).isEqualTo(bytes);
        assertThat(Multibase.decode(base64)).isEqualTo(bytes);
    }

    @Test
    void leadingZerosSurvive() throws Exception {
        byte[] bytes = "\0\0yes mani !".getBytes(StandardCharsets.UTF_8);
        assertThat(Multibase.encodeBase58Btc(bytes)).isEqualTo("z117paNL19xttacUY");
        assertThat(Multibase.decode("z117paNL19xttacUY")).isEqualTo(bytes);
        assertThat(Multibase.encodeBase58Btc(new byte[0])).isEqualTo("z");
        assertThat(Multibase.decode("z")).isEmpty();
        assertThat(Multibase.decode("z111")).containsExactly(0, 0, 0);
    }

    @Test
    void randomRoundTrips() throws Exception {
        Random random = new Random(42);
        for (int length = 0; length < 100; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            if (length > 2) {
                bytes[0] = 0;
            }
            assertThat(Multibase.decode(Multibase.encodeBase58Btc(bytes))).isEqualTo(bytes);
            assertThat(Multibase.decode(Multibase.encodeBase64Url(bytes))).isEqualTo(bytes);
            assertThat(Multibase.fromBase58(Multibase.base58(bytes))).isEqualTo(bytes);
            assertThat(Multibase.fromBase64Url(Multibase.base64Url(bytes))).isEqualTo(bytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "f68656c6c6f", "m aGVsbG8", "z0OIl", "zabc def", "uaGVsbG8=", "uaGVs+G8", "uaGVs/G8", "ua", "uaGVsbG9"})
    void rejectsMalformedText(String text) {
        // "uaGVsbG9": the last character carries a stray low bit ("hello" is "uaGVsbG8")
        assertCode(() -> Multibase.decode(text), ProblemCode.MALFORMED);
    }

    @Test
    void base58IsCapped() {
        assertCode(() -> Multibase.decode("z" + "2".repeat(5000)), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void decodeBase58BtcRequiresTheZPrefix() throws Exception {
        assertThat(Multibase.decodeBase58Btc("zStV1DL6CwTryKyV")).isEqualTo("hello world".getBytes(StandardCharsets.UTF_8));
        assertCode(() -> Multibase.decodeBase58Btc("uaGVsbG8gd29ybGQ"), ProblemCode.MALFORMED);
        assertCode(() -> Multibase.decodeBase58Btc(null), ProblemCode.MALFORMED);
    }
}
