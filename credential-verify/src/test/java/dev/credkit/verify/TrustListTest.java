package dev.credkit.verify;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519PublicKey;
import dev.credkit.keys.VerificationMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.OTHER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trust list's JSON form as the README documents it, what it binds, and every way a file can be wrong. */
class TrustListTest {
    private static final String UNIVERSITY = "https://vc.example/issuers/5678";
    private static final Ed25519PublicKey KEY = ISSUER_KEY.publicKey();
    private static final Ed25519PublicKey OTHER = OTHER_KEY.publicKey();

    private static JsonObject json(String text) throws CredentialException {
        return JsonReader.defaults().readObject(text.replace('\'', '"'));
    }

    private static TrustList university() throws CredentialException {
        return TrustList.read(json("""
                {'issuers': [{'id': '%s', 'name': 'Example University', 'url': 'https://vc.example',
                  'logo': 'https://vc.example/logo.png', 'keys': ['%s'],
                  'verificationMethods': [{'id': '%s#key-1', 'publicKeyMultibase': '%s'}]},
                 {'id': 'https://other.example'}]}""".formatted(UNIVERSITY, DidKey.did(OTHER), UNIVERSITY, KEY.multibase())));
    }

    @Test
    void readsTheDocumentedForm() throws Exception {
        TrustList list = university();
        assertThat(list.issuers()).extracting(TrustedIssuer::id).containsExactlyInAnyOrder(UNIVERSITY, "https://other.example");
        TrustedIssuer university = list.issuer(UNIVERSITY).orElseThrow();
        assertThat(university).isEqualTo(new TrustedIssuer(UNIVERSITY, "Example University", "https://vc.example",
                "https://vc.example/logo.png", List.of(DidKey.did(OTHER), UNIVERSITY + "#key-1")));
        assertThat(list.issuer("https://other.example").orElseThrow().displayName()).isEmpty();
        assertThat(list.issuer("https://unknown.example")).isEmpty();
        // key material for a method no DID document describes, controlled by the issuer unless it says otherwise
        assertThat(list.verificationMethod(UNIVERSITY + "#key-1"))
                .contains(new VerificationMethod(UNIVERSITY + "#key-1", "Multikey", UNIVERSITY, KEY));
        assertThat(list.verificationMethod(UNIVERSITY + "#key-2")).isEmpty();
    }

    @Test
    void bindsKeysByMethodIdControllerOrMultibase() throws Exception {
        TrustList list = university();
        String otherDid = DidKey.did(OTHER);
        VerificationMethod byController = new VerificationMethod(otherDid + "#x", "Multikey", otherDid, OTHER);
        VerificationMethod byId = list.verificationMethod(UNIVERSITY + "#key-1").orElseThrow();
        VerificationMethod byMultibase = new VerificationMethod("did:web:elsewhere#k", "Multikey", "did:web:elsewhere", KEY);
        VerificationMethod stranger = new VerificationMethod("did:web:elsewhere#k", "Multikey", "did:web:elsewhere", OTHER);
        assertThat(list.bindsKey(UNIVERSITY, byController)).isTrue();
        assertThat(list.bindsKey(UNIVERSITY, byId)).isTrue();
        assertThat(TrustList.read(json("{'issuers': [{'id': '%s', 'keys': ['%s']}]}".formatted(UNIVERSITY, KEY.multibase())))
                .bindsKey(UNIVERSITY, byMultibase)).isTrue();
        assertThat(list.bindsKey(UNIVERSITY, stranger)).isFalse();
        assertThat(list.bindsKey("https://other.example", byController)).isFalse();
        assertThat(list.bindsKey("https://unknown.example", byController)).isFalse();
    }

    @Test
    void mergedListsKeepEveryIssuerAndKey() throws Exception {
        TrustList second = TrustList.read(json("""
                {'issuers': [{'id': 'https://third.example', 'verificationMethods': [
                  {'id': 'https://third.example#k', 'controller': 'https://third.example', 'publicKeyMultibase': '%s'}]}]}"""
                .formatted(OTHER.multibase())));
        TrustList merged = TrustList.merge(List.of(university(), second));
        assertThat(merged.issuers()).extracting(TrustedIssuer::id)
                .containsExactlyInAnyOrder(UNIVERSITY, "https://other.example", "https://third.example");
        assertThat(merged.verificationMethod(UNIVERSITY + "#key-1")).isPresent();
        assertThat(merged.verificationMethod("https://third.example#k")).isPresent();
        assertThatThrownBy(() -> TrustList.merge(List.of(university(), university())))
                .isInstanceOfSatisfying(CredentialException.class, e -> {
                    assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
                    assertThat(e.getMessage()).contains("is on more than one trust list");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'list': []}|a trust list needs an 'issuers' array",
            "{'issuers': [{'id': 'https://a.example'}, 'b']}|issuers[1] must be an object",
            "{'issuers': [{'name': 'no id'}]}|issuers[0] needs a string 'id'",
            "{'issuers': [{'id': '  '}]}|issuers[0] needs a string 'id'",
            "{'issuers': [{'id': 'https://a.example', 'keys': 'did:key:z'}]}|issuers[0].keys must be an array of strings",
            "{'issuers': [{'id': 'https://a.example', 'keys': [1]}]}|issuers[0].keys must be an array of strings",
            "{'issuers': [{'id': 'https://a.example', 'verificationMethods': ['x']}]}|issuers[0].verificationMethods entries must be objects",
            "{'issuers': [{'id': 'https://a.example', 'verificationMethods': [{'publicKeyMultibase': 'z'}]}]}|issuers[0].verificationMethods entries need an 'id'",
            "{'issuers': [{'id': 'https://a.example', 'verificationMethods': [{'id': 'https://a.example#k'}]}]}|issuers[0].verificationMethods entries need a 'publicKeyMultibase'",
            "{'issuers': [{'id': 'https://a.example'}, {'id': 'https://a.example'}]}|issuer 'https://a.example' is listed twice"})
    void refusesMalformedLists(String text, String message) {
        assertThatThrownBy(() -> TrustList.read(json(text))).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
            assertThat(e.getMessage()).isEqualTo("trust list: " + message);
        });
    }

    @Test
    void aBadKeyInAListIsAKeyProblem() {
        assertThatThrownBy(() -> TrustList.read(json("""
                {'issuers': [{'id': 'https://a.example', 'verificationMethods': [
                  {'id': 'https://a.example#k', 'publicKeyMultibase': 'z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc'}]}]}""")))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_KEY));
    }
}
