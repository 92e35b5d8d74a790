package dev.credkit.keys;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import org.junit.jupiter.api.Test;

import static dev.credkit.keys.Ed25519KeyPairTest.W3C_PUBLIC;
import static dev.credkit.keys.Ed25519KeyPairTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

class DidDocumentTest {
    private static final Ed25519PublicKey K1 = Ed25519KeyPair.generate().publicKey();
    private static final Ed25519PublicKey K2 = Ed25519KeyPair.generate().publicKey();
    private static final Ed25519PublicKey K3 = Ed25519KeyPair.generate().publicKey();
    private static final Ed25519PublicKey K4 = Ed25519KeyPair.generate().publicKey();

    private static JsonObject json(String text) throws Exception {
        return JsonReader.defaults().readObject(text.replace('\'', '"'));
    }

    @Test
    void readsEveryEd25519MethodTypeAndSkipsOthers() throws Exception {
        JsonObject doc = json("""
                {'@context': ['https://www.w3.org/ns/did/v1'],
                 'id': 'did:web:example.edu',
                 'verificationMethod': [
                   {'id': '#multikey', 'type': 'Multikey', 'controller': 'did:web:example.edu', 'publicKeyMultibase': '%s'},
                   {'id': 'did:web:example.edu#ed2020', 'type': 'Ed25519VerificationKey2020', 'controller': 'did:web:example.edu', 'publicKeyMultibase': '%s'},
                   {'id': '#ed2018', 'type': 'Ed25519VerificationKey2018', 'controller': 'did:web:example.edu', 'publicKeyBase58': '%s'},
                   {'id': '#jwk', 'type': 'JsonWebKey2020', 'controller': 'did:web:example.edu', 'publicKeyJwk': %s},
                   {'id': '#p256', 'type': 'Multikey', 'controller': 'did:web:example.edu', 'publicKeyMultibase': 'zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169'},
                   {'id': '#x25519', 'type': 'X25519KeyAgreementKey2020', 'controller': 'did:web:example.edu', 'publicKeyMultibase': 'z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc'},
                   {'id': '#ec', 'type': 'JsonWebKey', 'controller': 'did:web:example.edu', 'publicKeyJwk': {'kty': 'EC', 'crv': 'P-256', 'x': 'AA', 'y': 'AA'}},
                   {'id': '#rsa', 'type': 'RsaVerificationKey2018', 'controller': 'did:web:example.edu', 'publicKeyPem': '...'}
                 ],
                 'assertionMethod': ['#multikey', 'did:web:example.edu#ed2020', '#jwk',
                   {'id': '#embedded', 'type': 'Multikey', 'controller': 'did:web:example.edu', 'publicKeyMultibase': '%s'}],
                 'authentication': ['#ed2018'],
                 'keyAgreement': ['#x25519']
                }""".formatted(K1.multibase(), K2.multibase(), Multibase.base58(K3.raw()), K4.toJwk().toJson().replace('"', '\''),
                W3C_PUBLIC));
        DidDocument d = DidDocument.parse(doc);
        String id = "did:web:example.edu";
        assertThat(d.id()).isEqualTo(id);
        assertThat(d.verificationMethods()).extracting(VerificationMethod::id)
                .containsExactly(id + "#multikey", id + "#ed2020", id + "#ed2018", id + "#jwk", id + "#embedded");
        assertThat(d.method("#multikey").orElseThrow().publicKey()).isEqualTo(K1);
        assertThat(d.method(id + "#ed2020").orElseThrow().publicKey()).isEqualTo(K2);
        assertThat(d.method("#ed2018").orElseThrow().publicKey()).isEqualTo(K3);
        assertThat(d.method("#jwk").orElseThrow()).isEqualTo(new VerificationMethod(id + "#jwk", "JsonWebKey2020", id, K4));
        assertThat(d.method("#embedded").orElseThrow().publicKey()).isEqualTo(Ed25519PublicKey.fromMultibase(W3C_PUBLIC));
        assertThat(d.method("#p256")).isEmpty();
        assertThat(d.method("#rsa")).isEmpty();

        assertThat(d.isAuthorized("#multikey", "assertionMethod")).isTrue();
        assertThat(d.isAuthorized(id + "#multikey", "assertionMethod")).isTrue();
        assertThat(d.isAuthorized("#embedded", "assertionMethod")).isTrue();
        assertThat(d.isAuthorized("#jwk", "assertionMethod")).isTrue();
        assertThat(d.isAuthorized("#ed2018", "assertionMethod")).isFalse();
        assertThat(d.isAuthorized("#ed2018", "authentication")).isTrue();
        assertThat(d.isAuthorized("#multikey", "capabilityInvocation")).isFalse();
        assertThat(d.isAuthorized("#multikey", "unknownRelationship")).isFalse();
        assertThat(d.toJson()).isSameAs(doc);

        // written back as its type expects
        assertThat(d.method("#ed2018").orElseThrow().toJson().string("publicKeyBase58")).contains(Multibase.base58(K3.raw()));
        assertThat(d.method("#jwk").orElseThrow().toJson().object("publicKeyJwk")).contains(K4.toJwk());
    }

    @Test
    void methodWithoutControllerBelongsToTheDocument() throws Exception {
        DidDocument d = DidDocument.parse(json("""
                {'id': 'https://example.edu/issuers/565049',
                 'verificationMethod': [{'id': '#k', 'type': 'Multikey', 'publicKeyMultibase': '%s'}],
                 'assertionMethod': '#k'}""".formatted(K1.multibase())));
        VerificationMethod m = d.method("https://example.edu/issuers/565049#k").orElseThrow();
        assertThat(m.controller()).isEqualTo("https://example.edu/issuers/565049");
        assertThat(d.isAuthorized("#k", "assertionMethod")).isTrue();
    }

    @Test
    void rejectsMalformedDocumentsAndBadEd25519Keys() {
        assertCode(() -> DidDocument.parse(json("{'verificationMethod': []}")), ProblemCode.MALFORMED);
        assertCode(() -> DidDocument.parse(json("{'id': 'did:web:x#frag'}")), ProblemCode.MALFORMED);
        assertCode(() -> DidDocument.parse(json("{'id': 'did:web:x', 'verificationMethod': ['#a']}")), ProblemCode.MALFORMED);
        assertCode(() -> DidDocument.parse(json("{'id': 'did:web:x', 'verificationMethod': {'type': 'Multikey'}}")), ProblemCode.MALFORMED);
        assertCode(() -> DidDocument.parse(json("{'id': 'did:web:x', 'assertionMethod': [42]}")), ProblemCode.MALFORMED);
        assertCode(() -> DidDocument.parse(json("{'id': 'did:web:x', 'assertionMethod': 42}")), ProblemCode.MALFORMED);
        assertCode(() -> DidDocument.parse(null), ProblemCode.MALFORMED);
        // an Ed25519 method whose key is bad is an error, not a skip
        assertCode(() -> DidDocument.parse(json("""
                {'id': 'did:web:x', 'verificationMethod': [{'id': '#a', 'type': 'Ed25519VerificationKey2020', 'controller': 'did:web:x',
                  'publicKeyMultibase': 'z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc'}]}""")), ProblemCode.INVALID_KEY);
        assertCode(() -> DidDocument.parse(json("""
                {'id': 'did:web:x', 'verificationMethod': [{'id': '#a', 'type': 'Ed25519VerificationKey2018', 'controller': 'did:web:x',
                  'publicKeyBase58': '11111111111111111111111111111111'}]}""")), ProblemCode.INVALID_KEY);
        assertCode(() -> DidDocument.parse(json("""
                {'id': 'did:web:x', 'verificationMethod': [{'id': '#a', 'type': 'JsonWebKey2020', 'controller': 'did:web:x',
                  'publicKeyJwk': %s}]}""".formatted(Ed25519KeyPair.generate().exportPrivateJwk().toJson().replace('"', '\'')))),
                ProblemCode.INVALID_KEY);
        // one id, two keys
        assertCode(() -> DidDocument.parse(json("""
                {'id': 'did:web:x', 'verificationMethod': [
                  {'id': '#a', 'type': 'Multikey', 'controller': 'did:web:x', 'publicKeyMultibase': '%s'},
                  {'id': 'did:web:x#a', 'type': 'Multikey', 'controller': 'did:web:x', 'publicKeyMultibase': '%s'}]}"""
                .formatted(K1.multibase(), K2.multibase()))), ProblemCode.MALFORMED);
    }
}
