package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key material with a member missing or out of shape: a clear error naming it, never a crash. */
class KeyEdgesTest {
    private static final Ed25519KeyPair PAIR = Ed25519KeyPair.generate();

    private static JsonObject json(String text) throws Exception {
        return JsonReader.defaults().readObject(text.replace('\'', '"'));
    }

    private static JsonObject document(String method) throws Exception {
        return json("{'id': 'did:web:x', 'verificationMethod': [" + method + "]}");
    }

    @Test
    void controllerDocumentMembersThatAreMissing() throws Exception {
        refused(() -> DidDocument.parse(json("{'id': '#x'}")), ProblemCode.MALFORMED, "without a fragment");
        refused(() -> DidDocument.parse(json("{'id': ''}")), ProblemCode.MALFORMED, "non-empty");
        refused(() -> DidDocument.parse(json("{'id': 'did:web:x', 'assertionMethod': [{'type': 'Multikey'}]}")),
                ProblemCode.MALFORMED, "embedded verification method in assertionMethod has no \"id\"");
        refused(() -> DidDocument.parse(document("{'id': '#a', 'controller': 'did:web:x'}")),
                ProblemCode.MALFORMED, "verification method has no \"type\"");
        refused(() -> DidDocument.parse(document("{'id': '#a', 'type': 'JsonWebKey2020', 'controller': 'did:web:x'}")),
                ProblemCode.MALFORMED, "JsonWebKey2020 method has no \"publicKeyJwk\" object");
        refused(() -> DidDocument.parse(document("{'id': '#a', 'type': 'Ed25519VerificationKey2018', 'controller': 'did:web:x'}")),
                ProblemCode.MALFORMED, "Ed25519VerificationKey2018 method has no string \"publicKeyBase58\"");
        refused(() -> DidDocument.parse(document("{'id': '#a', 'type': 'Ed25519VerificationKey2020', 'controller': 'did:web:x'}")),
                ProblemCode.MALFORMED, "Ed25519VerificationKey2020 method has no string \"publicKeyMultibase\"");
    }

    @Test
    void authorizationOfNothingIsRefused() throws Exception {
        DidDocument d = DidDocument.parse(document("{'id': '#a', 'type': 'Multikey', 'publicKeyMultibase': '"
                + PAIR.publicKey().multibase() + "'}").with("assertionMethod", "#a"));
        assertThat(d.isAuthorized("#a", "assertionMethod")).isTrue();
        assertThat(d.isAuthorized(null, "assertionMethod")).isFalse();
        assertThat(d.isAuthorized("#a", null)).isFalse();
        assertThat(d.method(null)).isEmpty();
    }

    @Test
    void jwkMembersThatAreMissing() {
        JsonObject publicJwk = PAIR.publicKey().toJwk();
        JsonObject privateJwk = PAIR.exportPrivateJwk();
        refused(() -> Ed25519PublicKey.fromJwk(publicJwk.without("x")), ProblemCode.INVALID_KEY, "Ed25519 JWK has no \"x\"");
        refused(() -> Ed25519PublicKey.fromJwk(publicJwk.without("kty")), ProblemCode.INVALID_KEY, "JWK has no \"kty\"");
        refused(() -> Ed25519PublicKey.fromJwk(publicJwk.without("crv")), ProblemCode.INVALID_KEY, "OKP JWK has no \"crv\"");
        refused(() -> Ed25519KeyPair.fromJwk(privateJwk.without("x")), ProblemCode.INVALID_KEY, "Ed25519 JWK has no \"x\"");
        refused(() -> Ed25519KeyPair.fromJwk(privateJwk.without("d")), ProblemCode.INVALID_KEY, "no private key \"d\"");
    }

    @Test
    void multicodecPrefixesThatAreNotThere() {
        // four continuation bytes: no varint of at most three bytes
        String noPrefix = Multibase.encodeBase58Btc(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01, 1, 2});
        refused(() -> Ed25519KeyPair.fromSecretMultibase(noPrefix), ProblemCode.INVALID_KEY, "found no multicodec prefix");
        refused(() -> Ed25519PublicKey.fromMultibase(noPrefix), ProblemCode.INVALID_KEY, "found no multicodec prefix");
        String p256 = Multibase.encodeBase58Btc(new byte[] {(byte) 0x80, 0x24, 1, 2, 3});
        refused(() -> Ed25519PublicKey.fromMultibase(p256), ProblemCode.INVALID_KEY, "found p256-pub (0x1200)");
        byte[] short31 = new byte[33];
        short31[0] = (byte) 0xed;
        short31[1] = 0x01;
        refused(() -> Ed25519PublicKey.fromMultibase(Multibase.encodeBase58Btc(short31)), ProblemCode.INVALID_KEY, "got 31");
    }

    /** Characters quoted in messages are printable ASCII or escaped: no control character reaches a log. */
    @Test
    void multibasePrefixesAreQuotedSafely() {
        refused(() -> Multibase.decode("~abc"), ProblemCode.MALFORMED, "prefix '~'");
        refused(() -> Multibase.decode(" abc"), ProblemCode.MALFORMED, "prefix ' '");
        refused(() -> Multibase.decode("\u001fabc"), ProblemCode.MALFORMED, "prefix '\\u001f'");
        refused(() -> Multibase.decode("\u007fabc"), ProblemCode.MALFORMED, "prefix '\\u007f'");
        refused(() -> Multibase.decodeBase58Btc("\nabc"), ProblemCode.MALFORMED, "prefix '\\u000a'");
        refused(() -> Multibase.fromBase64Url("=AAA"), ProblemCode.MALFORMED, "must not be padded");
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void refused(Call call, ProblemCode code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
