package dev.credkit.keys;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.credkit.keys.Ed25519KeyPairTest.W3C_PUBLIC;
import static dev.credkit.keys.Ed25519KeyPairTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

class Ed25519PublicKeyTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void multibaseIsEd25519MulticodecInBase58btc() throws Exception {
        Ed25519PublicKey key = Ed25519PublicKey.fromMultibase(W3C_PUBLIC);
        byte[] decoded = Multibase.decode(W3C_PUBLIC);
        assertThat(decoded).hasSize(34);
        assertThat(Arrays.copyOf(decoded, 2)).containsExactly(0xed, 0x01);
        assertThat(key.raw()).isEqualTo(Arrays.copyOfRange(decoded, 2, 34));
        assertThat(Ed25519PublicKey.fromRaw(key.raw()).multibase()).isEqualTo(W3C_PUBLIC);
        assertThat(key.toString()).isEqualTo("Ed25519PublicKey[" + W3C_PUBLIC + "]");
    }

    @Test
    void everyEncodingRoundTrips() throws Exception {
        Ed25519PublicKey key = Ed25519KeyPair.generate().publicKey();
        assertThat(Ed25519PublicKey.fromRaw(key.raw())).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(Ed25519PublicKey.fromMultibase(key.multibase())).isEqualTo(key);
        assertThat(Ed25519PublicKey.fromJwk(key.toJwk())).isEqualTo(key);
        assertThat(Ed25519PublicKey.fromSpki(key.toSpki())).isEqualTo(key);
        assertThat(Ed25519PublicKey.fromPem(key.toPem())).isEqualTo(key);
        assertThat(key.toJwk().keys()).containsExactly("kty", "crv", "x");
        assertThat(key.toPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    @Test
    void rawIsACopy() throws Exception {
        Ed25519PublicKey key = Ed25519PublicKey.fromMultibase(W3C_PUBLIC);
        byte[] raw = key.raw();
        raw[0] ^= 1;
        assertThat(key.raw()).isNotEqualTo(raw);
        assertThat(key.multibase()).isEqualTo(W3C_PUBLIC);
    }

    @Test
    void jwkThumbprintMatchesRfc8037() throws Exception {
        // RFC 8037 Appendix A.3
        JsonObject jwk = JsonObject.builder().put("kty", "OKP").put("crv", "Ed25519")
                .put("x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo").build();
        Ed25519PublicKey key = Ed25519PublicKey.fromJwk(jwk);
        assertThat(key.jwkThumbprint()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
        assertThat(key.toJwk()).isEqualTo(jwk);
        // a private part is ignored, an alg must be EdDSA
        assertThat(Ed25519PublicKey.fromJwk(jwk.with("d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"))).isEqualTo(key);
        assertThat(Ed25519PublicKey.fromJwk(jwk.with("alg", "EdDSA"))).isEqualTo(key);
        assertCode(() -> Ed25519PublicKey.fromJwk(jwk.with("alg", "ES256")), ProblemCode.INVALID_KEY);
    }

    @Test
    void rejectsOtherMulticodecsAndLengths() {
        byte[] raw = new byte[32];
        raw[0] = 9;
        // X25519 prefix 0xec 0x01
        assertCode(() -> Ed25519PublicKey.fromMultibase(Multibase.encodeBase58Btc(concat(new byte[] {(byte) 0xec, 0x01}, raw))),
                ProblemCode.INVALID_KEY);
        // P-256 prefix 0x80 0x24 (33-byte compressed key)
        assertCode(() -> Ed25519PublicKey.fromMultibase(Multibase.encodeBase58Btc(concat(new byte[] {(byte) 0x80, 0x24}, new byte[33]))),
                ProblemCode.INVALID_KEY);
        // right prefix, wrong lengths
        assertCode(() -> Ed25519PublicKey.fromMultibase(Multibase.encodeBase58Btc(concat(new byte[] {(byte) 0xed, 0x01}, new byte[31]))),
                ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromMultibase(Multibase.encodeBase58Btc(concat(new byte[] {(byte) 0xed, 0x01}, new byte[33]))),
                ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromMultibase(Multibase.encodeBase58Btc(new byte[] {(byte) 0xed})), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromMultibase("z"), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromRaw(new byte[31]), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromRaw(new byte[33]), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromRaw(null), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromJwk(JsonObject.builder().put("kty", "OKP").put("crv", "Ed25519")
                .put("x", Multibase.base64Url(new byte[31])).build()), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromJwk(JsonObject.builder().put("kty", "OKP").put("crv", "X25519")
                .put("x", Multibase.base64Url(raw)).build()), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromJwk(JsonObject.builder().put("kty", "EC").put("crv", "P-256").build()),
                ProblemCode.INVALID_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ0", // '0' is not base58
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQl", // 'l' is not base58
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ+",
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQé",
            "6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", // no multibase prefix
            "uAe0BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // base64url is not allowed for keys
            ""})
    void rejectsMalformedMultibase(String multibase) {
        assertCode(() -> Ed25519PublicKey.fromMultibase(multibase), ProblemCode.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0100000000000000000000000000000000000000000000000000000000000000", // neutral element
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2
            "0000000000000000000000000000000000000000000000000000000000000080", // order 4
            "0000000000000000000000000000000000000000000000000000000000000000", // order 4
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8
            "0100000000000000000000000000000000000000000000000000000000000080", // neutral, x sign bit set
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p + 1
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = 2^255 - 1
            "0200000000000000000000000000000000000000000000000000000000000000"}) // y = 2: not on the curve
    void rejectsSmallOrderNonCanonicalAndOffCurveKeys(String hex) {
        assertCode(() -> Ed25519PublicKey.fromRaw(KeyVectors.hex(hex)), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519PublicKey.fromMultibase(Multibase.encodeBase58Btc(concat(new byte[] {(byte) 0xed, 0x01}, KeyVectors.hex(hex)))),
                ProblemCode.INVALID_KEY);
    }

    @Test
    void rejectsEveryNonCanonicalEncodingOfAValidPoint() throws Exception {
        // y and y + p name the same point; only y < p is canonical
        int checked = 0;
        for (int y = 2; y < 19; y++) {
            byte[] canonical = littleEndian(BigInteger.valueOf(y));
            boolean onCurve;
            try {
                Ed25519PublicKey.fromRaw(canonical);
                onCurve = true;
            } catch (Exception e) {
                onCurve = false;
            }
            if (onCurve) {
                checked++;
                byte[] nonCanonical = littleEndian(P.add(BigInteger.valueOf(y)));
                assertCode(() -> Ed25519PublicKey.fromRaw(nonCanonical), ProblemCode.INVALID_KEY);
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void verifyIsStrictAndNeverThrows() throws Exception {
        Ed25519KeyPair pair = Ed25519KeyPair.generate();
        Ed25519PublicKey key = pair.publicKey();
        byte[] msg = "transcript".getBytes(StandardCharsets.UTF_8);
        byte[] sig = pair.sign(msg);
        assertThat(key.verify(msg, sig)).isTrue();

        assertThat(key.verify(msg, Arrays.copyOf(sig, 65))).as("65 bytes").isFalse();
        assertThat(key.verify(msg, Arrays.copyOf(sig, 63))).as("63 bytes").isFalse();
        assertThat(key.verify(msg, new byte[0])).isFalse();
        assertThat(key.verify(msg, new byte[64])).isFalse();
        assertThat(key.verify(msg, null)).isFalse();
        assertThat(key.verify(null, sig)).isFalse();

        // S + L: the same value modulo L, but not canonical
        BigInteger s = new BigInteger(1, reverse(Arrays.copyOfRange(sig, 32, 64)));
        byte[] malleable = sig.clone();
        System.arraycopy(littleEndian(s.add(L)), 0, malleable, 32, 32);
        assertThat(key.verify(msg, malleable)).as("non-canonical S").isFalse();
        // S = L exactly
        byte[] sEqualsL = sig.clone();
        System.arraycopy(littleEndian(L), 0, sEqualsL, 32, 32);
        assertThat(key.verify(msg, sEqualsL)).isFalse();

        for (int i = 0; i < 64; i++) {
            byte[] flipped = sig.clone();
            flipped[i] ^= 0x40;
            assertThat(key.verify(msg, flipped)).as("bit flipped in byte " + i).isFalse();
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] littleEndian(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, be.length); i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    static byte[] reverse(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[b.length - 1 - i];
        }
        return out;
    }
}
