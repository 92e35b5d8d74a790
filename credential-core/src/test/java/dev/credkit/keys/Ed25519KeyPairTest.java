package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519KeyPairTest {
    static final String W3C_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    static final String W3C_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    // RFC 8032 §7.1, TEST 1 and TEST 2
    static final String RFC_SEED_1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC_PUBLIC_1 = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String RFC_SIG_1 = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    static final String RFC_SEED_2 = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    static final String RFC_SIG_2 = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    @Test
    void w3cVectorSeedGivesItsPublicKey() throws Exception {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSecretMultibase(W3C_SECRET);
        assertThat(pair.publicKey().multibase()).isEqualTo(W3C_PUBLIC);
        assertThat(pair.exportSecretMultibase()).isEqualTo(W3C_SECRET);
        JsonObject file = KeyVectors.json("vc-di-eddsa/keyPair.json");
        assertThat(file.string("publicKeyMultibase")).contains(pair.publicKey().multibase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eddsa-rdfc-2022/%sDataInt.txt", "eddsa-jcs-2022/%sJCS.txt", "Ed25519Signature2020/%sEdSig.txt"})
    void w3cSignaturesVerifyOverTheCombinedHashAndSigningReproducesThem(String pattern) throws Exception {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSecretMultibase(W3C_SECRET);
        byte[] combined = KeyVectors.hex(KeyVectors.text("vc-di-eddsa/" + pattern.formatted("combinedHash")));
        byte[] sig = KeyVectors.hex(KeyVectors.text("vc-di-eddsa/" + pattern.formatted("sigHex")));
        assertThat(combined).hasSize(64);
        assertThat(Ed25519PublicKey.fromMultibase(W3C_PUBLIC).verify(combined, sig)).isTrue();
        assertThat(pair.sign(combined)).isEqualTo(sig);
        assertThat(Multibase.decode(KeyVectors.text("vc-di-eddsa/" + pattern.formatted("sigBTC58")))).isEqualTo(sig);

        byte[] tampered = combined.clone();
        tampered[0] ^= 1;
        assertThat(pair.publicKey().verify(tampered, sig)).isFalse();
    }

    @Test
    void ob3VectorKeyWith64ByteSecretReads() throws Exception {
        JsonObject key = KeyVectors.json("ob3-eddsa-rdfc-2022/key.json");
        Ed25519KeyPair pair = Ed25519KeyPair.fromSecretMultibase(key.string("secretKeyMultibase").orElseThrow());
        assertThat(pair.publicKey().multibase()).isEqualTo(key.string("publicKeyMultibase").orElseThrow());
        assertThat(KeyVectors.hex(pair.publicKey().raw())).isEqualTo(key.string("publicKeyHex").orElseThrow());
        assertThat(KeyVectors.hex(pair.exportSeed())).isEqualTo(key.string("secretKeyHex").orElseThrow().substring(0, 64));

        // hashes.txt: the signature is over proofHash || documentHash
        String hashes = KeyVectors.text("ob3-eddsa-rdfc-2022/hashes.txt");
        byte[] signed = KeyVectors.hex(value(hashes, "proofHash") + value(hashes, "documentHash"));
        byte[] sig = KeyVectors.hex(value(hashes, "signatureHex"));
        assertThat(pair.publicKey().verify(signed, sig)).isTrue();
        assertThat(pair.sign(signed)).isEqualTo(sig);
        assertThat(Multibase.decode(value(hashes, "proofValue"))).isEqualTo(sig);
    }

    private static String value(String lines, String name) {
        return lines.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow().substring(name.length() + 1).trim();
    }

    @Test
    void proofSetChainKeyPairsRead() throws Exception {
        JsonObject pairs = KeyVectors.json("vc-di-eddsa/proof-set-chain/multiKeyPairs.json");
        assertThat(pairs.keys()).hasSize(4);
        for (String name : pairs.keys()) {
            JsonObject p = pairs.object(name).orElseThrow();
            Ed25519KeyPair pair = Ed25519KeyPair.fromSecretMultibase(p.string("privateKeyMultibase").orElseThrow());
            assertThat(pair.publicKey().multibase()).as(name).isEqualTo(p.string("publicKeyMultibase").orElseThrow());
            assertThat(KeyFile.parse(p).publicKey()).isEqualTo(pair.publicKey());
        }
    }

    @Test
    void rfc8032VectorsSignDeterministically() throws Exception {
        Ed25519KeyPair one = Ed25519KeyPair.fromSeed(KeyVectors.hex(RFC_SEED_1));
        assertThat(KeyVectors.hex(one.publicKey().raw())).isEqualTo(RFC_PUBLIC_1);
        assertThat(KeyVectors.hex(one.sign(new byte[0]))).isEqualTo(RFC_SIG_1);
        Ed25519KeyPair two = Ed25519KeyPair.fromSeed(KeyVectors.hex(RFC_SEED_2));
        assertThat(KeyVectors.hex(two.sign(new byte[] {0x72}))).isEqualTo(RFC_SIG_2);
        assertThat(two.publicKey().verify(new byte[] {0x72}, KeyVectors.hex(RFC_SIG_2))).isTrue();
        assertThat(one.publicKey().verify(new byte[] {0x72}, KeyVectors.hex(RFC_SIG_2))).isFalse();
    }

    @Test
    void generatedKeysAreFreshAndSignVerifiably() {
        Ed25519KeyPair a = Ed25519KeyPair.generate();
        Ed25519KeyPair b = Ed25519KeyPair.generate(new SecureRandom());
        assertThat(a).isNotEqualTo(b);
        assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
        byte[] msg = "course record".getBytes(StandardCharsets.UTF_8);
        assertThat(a.publicKey().verify(msg, a.sign(msg))).isTrue();
        assertThat(b.publicKey().verify(msg, a.sign(msg))).isFalse();
    }

    @Test
    void everyEncodingRoundTrips() throws Exception {
        Ed25519KeyPair pair = Ed25519KeyPair.generate();
        assertThat(Ed25519KeyPair.fromSeed(pair.exportSeed())).isEqualTo(pair);
        assertThat(Ed25519KeyPair.fromSecretMultibase(pair.exportSecretMultibase())).isEqualTo(pair);
        assertThat(Ed25519KeyPair.fromJwk(pair.exportPrivateJwk())).isEqualTo(pair);
        assertThat(Ed25519KeyPair.fromPkcs8(pair.exportPkcs8())).isEqualTo(pair);
        assertThat(Ed25519KeyPair.fromPkcs8Pem(pair.exportPkcs8Pem())).isEqualTo(pair);
        assertThat(pair.exportPrivateJwk().keys()).containsExactly("kty", "crv", "x", "d");
        assertThat(pair.exportPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    }

    @Test
    void rfc8037PrivateJwkReadsAndSignsItsExample() throws Exception {
        // RFC 8037 Appendix A.1 and A.4
        JsonObject jwk = JsonObject.builder().put("kty", "OKP").put("crv", "Ed25519")
                .put("d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")
                .put("x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo").build();
        Ed25519KeyPair pair = Ed25519KeyPair.fromJwk(jwk);
        byte[] signingInput = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc".getBytes(StandardCharsets.US_ASCII);
        assertThat(Multibase.base64Url(pair.sign(signingInput))).isEqualTo(
                "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
        assertThat(pair.exportPrivateJwk()).isEqualTo(jwk);
    }

    @Test
    void rejectsBadSecrets() throws Exception {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSecretMultibase(W3C_SECRET);
        byte[] seed = pair.exportSeed();
        assertCode(() -> Ed25519KeyPair.fromSeed(new byte[31]), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519KeyPair.fromSeed(null), ProblemCode.INVALID_KEY);
        // the public key instead of the secret
        assertCode(() -> Ed25519KeyPair.fromSecretMultibase(W3C_PUBLIC), ProblemCode.INVALID_KEY);
        // wrong lengths after the 0x8026 prefix
        assertCode(() -> Ed25519KeyPair.fromSecretMultibase(Multibase.encodeBase58Btc(prefixed(new byte[33]))), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519KeyPair.fromSecretMultibase(Multibase.encodeBase58Btc(prefixed(new byte[0]))), ProblemCode.INVALID_KEY);
        // 64-byte form whose public half is not the seed's
        byte[] mismatched = new byte[64];
        System.arraycopy(seed, 0, mismatched, 0, 32);
        System.arraycopy(Ed25519KeyPair.generate().publicKey().raw(), 0, mismatched, 32, 32);
        assertCode(() -> Ed25519KeyPair.fromSecretMultibase(Multibase.encodeBase58Btc(prefixed(mismatched))), ProblemCode.INVALID_KEY);
        // bad base58, other bases
        assertCode(() -> Ed25519KeyPair.fromSecretMultibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjx0"), ProblemCode.MALFORMED);
        assertCode(() -> Ed25519KeyPair.fromSecretMultibase("u" + Multibase.base64Url(prefixed(seed))), ProblemCode.MALFORMED);
        // JWK: d of the wrong length, x that does not match, wrong curve
        JsonObject jwk = pair.exportPrivateJwk();
        assertCode(() -> Ed25519KeyPair.fromJwk(jwk.with("d", Multibase.base64Url(new byte[31]))), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519KeyPair.fromJwk(jwk.with("x", Ed25519KeyPair.generate().publicKey().toJwk().string("x").orElseThrow())),
                ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519KeyPair.fromJwk(jwk.with("crv", "X25519")), ProblemCode.INVALID_KEY);
        assertCode(() -> Ed25519KeyPair.fromJwk(jwk.without("d")), ProblemCode.INVALID_KEY);
    }

    @Test
    void secretNeverInToStringOrErrors() throws Exception {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSecretMultibase(W3C_SECRET);
        String seedHex = KeyVectors.hex(pair.exportSeed());
        String d = pair.exportPrivateJwk().string("d").orElseThrow();
        assertThat(pair.toString())
                .isEqualTo("Ed25519KeyPair[public=" + W3C_PUBLIC + "]")
                .doesNotContain(W3C_SECRET, seedHex, d);
        assertThat(KeyFile.of(pair).toString()).doesNotContain(W3C_SECRET, seedHex, d);
        // a secret with one bad character: the message does not echo it
        String broken = W3C_SECRET.substring(0, 20) + "0" + W3C_SECRET.substring(21);
        assertThatThrownBy(() -> Ed25519KeyPair.fromSecretMultibase(broken))
                .isInstanceOf(CredentialException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(W3C_SECRET.substring(1, 12)));
    }

    @Test
    void equalityIsBySecret() throws Exception {
        Ed25519KeyPair a = Ed25519KeyPair.fromSecretMultibase(W3C_SECRET);
        Ed25519KeyPair b = Ed25519KeyPair.fromSeed(a.exportSeed());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Ed25519KeyPair.generate()).isNotEqualTo(a.publicKey());
    }

    static byte[] prefixed(byte[] body) {
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0x80;
        out[1] = 0x26;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertCode(Call call, ProblemCode code) {
        assertThatThrownBy(call::run)
                .isInstanceOf(CredentialException.class)
                .satisfies(e -> assertThat(((CredentialException) e).code()).isEqualTo(code))
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
    }
}
