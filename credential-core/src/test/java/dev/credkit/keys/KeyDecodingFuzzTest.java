package dev.credkit.keys;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.testing.FuzzChecks;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every decoder of key material an attacker can hand a verifier: {@code did:key},
 * multibase (base58btc checked against a {@link BigInteger} reference, base64url against
 * re-encoding), public JWKs, PEM and DER public keys, DID documents, and key files. Keys that
 * decode are valid Ed25519 keys that encode back to what was read.
 */
class KeyDecodingFuzzTest {
    private static final String BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final Duration TIME = Duration.ofSeconds(2);
    private static final long MEMORY = 16L << 20;

    /** Input: byte 0 picks the decoder, the rest is its input (text as UTF-8). */
    @FuzzTest(maxDuration = "30s")
    void decodeKeyMaterial(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] payload = Arrays.copyOfRange(input, 1, input.length);
        String text = new String(payload, StandardCharsets.UTF_8);
        switch ((input[0] & 0xff) % 8) {
            case 0 -> didKey(text);
            case 1 -> multibase(text);
            case 2 -> base58(text);
            case 3 -> jwk(payload);
            case 4 -> pem(text);
            case 5 -> spki(payload);
            case 6 -> didDocument(payload);
            default -> keyFile(payload);
        }
    }

    private static void didKey(String did) {
        FuzzChecks.Outcome<DidDocument> resolved = FuzzChecks.bounded(TIME, MEMORY, () -> DidKey.resolve(did));
        if (!resolved.ok()) {
            assertThat(resolved.error().code()).isIn(ProblemCode.MALFORMED, ProblemCode.INVALID_KEY, ProblemCode.LIMIT_EXCEEDED);
            return;
        }
        Ed25519PublicKey key = resolved.value().verificationMethods().get(0).publicKey();
        String expected = did.substring(0, did.indexOf('#') < 0 ? did.length() : did.indexOf('#'));
        assertThat(DidKey.did(key)).isEqualTo(expected);
        assertThat(resolved.value().isAuthorized(DidKey.verificationMethodId(key), "assertionMethod")).isTrue();
    }

    private static void multibase(String text) {
        FuzzChecks.Outcome<byte[]> decoded = FuzzChecks.bounded(TIME, MEMORY, () -> Multibase.decode(text));
        if (!decoded.ok()) {
            assertThat(decoded.error().code()).isIn(ProblemCode.MALFORMED, ProblemCode.LIMIT_EXCEEDED);
            return;
        }
        String again = text.charAt(0) == Multibase.BASE58BTC
                ? Multibase.encodeBase58Btc(decoded.value()) : Multibase.encodeBase64Url(decoded.value());
        assertThat(again).as("multibase decoding is canonical").isEqualTo(text);
        FuzzChecks.Outcome<Ed25519PublicKey> key = FuzzChecks.bounded(TIME, MEMORY, () -> Ed25519PublicKey.fromMultibase(text));
        if (key.ok()) {
            assertThat(key.value().multibase()).isEqualTo(text);
            assertThat(FuzzChecks.bounded(TIME, MEMORY, () -> Ed25519PublicKey.fromRaw(key.value().raw())).value())
                    .isEqualTo(key.value());
        }
    }

    private static void base58(String text) {
        FuzzChecks.Outcome<byte[]> decoded = FuzzChecks.bounded(TIME, MEMORY, () -> Multibase.fromBase58(text));
        byte[] reference = referenceBase58(text);
        if (reference == null || text.length() > 1024) {
            assertThat(decoded.ok()).as("invalid or overlong base58 is refused").isFalse();
            return;
        }
        assertThat(decoded.value()).as("base58 decodes as the BigInteger reference does").isEqualTo(reference);
        assertThat(Multibase.base58(decoded.value())).isEqualTo(text);
    }

    private static void jwk(byte[] json) {
        FuzzChecks.Outcome<Ed25519PublicKey> key = FuzzChecks.bounded(TIME, MEMORY,
                () -> Ed25519PublicKey.fromJwk(JsonReader.defaults().readObject(json)));
        if (key.ok()) {
            JsonObject jwk = key.value().toJwk();
            assertThat(FuzzChecks.bounded(TIME, MEMORY, () -> Ed25519PublicKey.fromJwk(jwk)).value()).isEqualTo(key.value());
        }
        FuzzChecks.bounded(TIME, MEMORY, () -> Ed25519KeyPair.fromJwk(JsonReader.defaults().readObject(json)));
    }

    private static void pem(String text) {
        FuzzChecks.Outcome<Ed25519PublicKey> key = FuzzChecks.bounded(TIME, MEMORY, () -> Ed25519PublicKey.fromPem(text));
        if (key.ok()) {
            assertThat(FuzzChecks.bounded(TIME, MEMORY, () -> Ed25519PublicKey.fromPem(key.value().toPem())).value())
                    .isEqualTo(key.value());
        }
        FuzzChecks.bounded(TIME, MEMORY, () -> Ed25519KeyPair.fromPkcs8Pem(text));
    }

    private static void spki(byte[] der) {
        FuzzChecks.Outcome<Ed25519PublicKey> key = FuzzChecks.bounded(TIME, MEMORY, () -> Ed25519PublicKey.fromSpki(der));
        if (key.ok()) {
            assertThat(key.value().toSpki()).as("only the canonical DER form is read").isEqualTo(der);
        }
        FuzzChecks.bounded(TIME, MEMORY, () -> Ed25519KeyPair.fromPkcs8(der));
    }

    private static void didDocument(byte[] json) {
        FuzzChecks.Outcome<DidDocument> doc = FuzzChecks.bounded(TIME, MEMORY,
                () -> DidDocument.parse(JsonReader.defaults().readObject(json)));
        if (doc.ok()) {
            for (VerificationMethod m : doc.value().verificationMethods()) {
                assertThat(doc.value().method(m.id())).isPresent();
            }
        }
    }

    private static void keyFile(byte[] content) {
        FuzzChecks.Outcome<KeyFile> file = FuzzChecks.bounded(TIME, MEMORY, () -> KeyFile.parse(content));
        if (!file.ok()) {
            // the content may be a secret: no message may quote it
            String text = new String(content, StandardCharsets.UTF_8).strip();
            if (text.length() >= 16) {
                assertThat(file.error().getMessage()).doesNotContain(text);
            }
        }
    }

    /** Base58btc by the book, or null for a character outside the alphabet. */
    private static byte[] referenceBase58(String text) {
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        if (text.length() > 2048) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            int digit = BASE58_ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                return null;
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
        return out;
    }
}
