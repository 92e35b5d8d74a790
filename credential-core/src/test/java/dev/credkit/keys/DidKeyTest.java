package dev.credkit.keys;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.credkit.keys.Ed25519KeyPairTest.W3C_PUBLIC;
import static dev.credkit.keys.Ed25519KeyPairTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

class DidKeyTest {
    private static final String DID = "did:key:" + W3C_PUBLIC;
    private static final String VM = DID + "#" + W3C_PUBLIC;

    @Test
    void createsTheDidAndMethodIdOfAKey() throws Exception {
        Ed25519PublicKey key = Ed25519PublicKey.fromMultibase(W3C_PUBLIC);
        assertThat(DidKey.did(key)).isEqualTo(DID);
        assertThat(DidKey.verificationMethodId(key)).isEqualTo(VM);
        assertThat(DidKey.isDidKey(VM)).isTrue();
        assertThat(DidKey.isDidKey("did:web:example.edu")).isFalse();
        assertThat(DidKey.isDidKey(null)).isFalse();
        assertThat(DidKey.publicKey(VM)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {DID, VM})
    void resolvesOfflineToOneMultikeyMethodInEveryRelationship(String didOrUrl) throws Exception {
        DidDocument doc = DidKey.resolve(didOrUrl);
        assertThat(doc.id()).isEqualTo(DID);
        assertThat(doc.verificationMethods()).containsExactly(
                new VerificationMethod(VM, "Multikey", DID, Ed25519PublicKey.fromMultibase(W3C_PUBLIC)));
        assertThat(doc.method(VM)).isPresent();
        assertThat(doc.method("#" + W3C_PUBLIC)).isPresent();
        assertThat(doc.method(DID + "#other")).isEmpty();
        for (String relationship : List.of("assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation")) {
            assertThat(doc.isAuthorized(VM, relationship)).as(relationship).isTrue();
            assertThat(doc.isAuthorized("#" + W3C_PUBLIC, relationship)).as(relationship).isTrue();
        }
        assertThat(doc.isAuthorized(VM, "keyAgreement")).isFalse();

        JsonObject json = doc.toJson();
        assertThat(json.array("@context").orElseThrow().strings().orElseThrow())
                .containsExactly("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1");
        assertThat(json.string("id")).contains(DID);
        JsonObject method = (JsonObject) json.array("verificationMethod").orElseThrow().get(0);
        assertThat(method).isEqualTo(JsonObject.builder().put("id", VM).put("type", "Multikey")
                .put("controller", DID).put("publicKeyMultibase", W3C_PUBLIC).build());
        assertThat(json.array("assertionMethod")).contains(JsonArray.ofStrings(List.of(VM)));
        // the generated JSON reads back to the same document
        DidDocument reparsed = DidDocument.parse(json);
        assertThat(reparsed.verificationMethods()).isEqualTo(doc.verificationMethods());
        assertThat(reparsed.isAuthorized(VM, "capabilityDelegation")).isTrue();
    }

    @Test
    void rejectsOtherKeysAndForms() {
        // X25519 did:key
        assertCode(() -> DidKey.resolve("did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc"), ProblemCode.INVALID_KEY);
        // P-256 did:key
        assertCode(() -> DidKey.resolve("did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"), ProblemCode.INVALID_KEY);
        assertCode(() -> DidKey.resolve("did:web:example.edu"), ProblemCode.MALFORMED);
        assertCode(() -> DidKey.resolve("did:key:"), ProblemCode.MALFORMED);
        assertCode(() -> DidKey.resolve("did:key:" + W3C_PUBLIC.substring(1)), ProblemCode.MALFORMED);
        assertCode(() -> DidKey.resolve("did:key:1.0:" + W3C_PUBLIC), ProblemCode.MALFORMED);
        assertCode(() -> DidKey.resolve(DID + "/path"), ProblemCode.MALFORMED);
        assertCode(() -> DidKey.resolve(DID + "0"), ProblemCode.MALFORMED);
        assertCode(() -> DidKey.resolve(null), ProblemCode.MALFORMED);
    }
}
