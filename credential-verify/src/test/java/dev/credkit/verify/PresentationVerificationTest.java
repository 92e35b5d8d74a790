package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.credkit.testing.TestResources.json;
import static dev.credkit.verify.ProofMaker.options;
import static dev.credkit.verify.ProofMaker.sign;
import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.POLICY;
import static dev.credkit.verify.VerifierTest.credential;
import static org.assertj.core.api.Assertions.assertThat;

class PresentationVerificationTest {
    static final Ed25519KeyPair HOLDER_KEY = VerifierTest.key(7);
    static final String HOLDER = DidKey.did(HOLDER_KEY.publicKey());
    static final Verifier VERIFIER = Verifier.builder()
            .policy(POLICY.toBuilder().expectedChallenge("nonce-123").expectedDomain("https://verifier.example").build()).build();

    static JsonObject presentation(JsonObject credential) {
        return presentation(List.of(credential));
    }

    static JsonObject presentation(List<JsonObject> credentials) {
        return JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")))
                .put("type", JsonArray.ofStrings(List.of("VerifiablePresentation")))
                .put("holder", HOLDER)
                .put("verifiableCredential", JsonArray.of(credentials))
                .build();
    }

    static JsonObject signedPresentation(JsonObject credential, String challenge, String domain) throws Exception {
        return signedPresentation(List.of(credential), challenge, domain);
    }

    static JsonObject signedPresentation(List<JsonObject> credentials, String challenge, String domain) throws Exception {
        JsonObject.Builder o = options(Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY, "authentication");
        if (challenge != null) {
            o.put("challenge", challenge);
        }
        if (domain != null) {
            o.put("domain", domain);
        }
        return sign(presentation(credentials), Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY, o.build());
    }

    @Test
    void validPresentation() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        VerificationResult result = VERIFIER.verifyPresentation(signedPresentation(vc, "nonce-123", "https://verifier.example"));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.verifiedPresentation().credentials()).singleElement()
                .satisfies(c -> assertThat(c.issuerId()).isEqualTo(ISSUER));
        assertThat(result.check("credential[0].proof.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    /**
     * Eight Open Badges credentials name the same two contexts: 17 references, two distinct
     * URLs. The context cap counted references and refused this presentation (LIMIT_EXCEEDED).
     */
    @Test
    void presentationOfEightOpenBadgesVerifies() throws Exception {
        JsonObject unsigned = json("vectors/ob3-eddsa-rdfc-2022/unsigned.json");
        JsonObject issuer = unsigned.object("issuer").orElseThrow().with("id", ISSUER);
        List<JsonObject> badges = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JsonObject badge = unsigned.with("issuer", issuer).with("id", "urn:uuid:00000000-0000-4000-8000-00000000000" + i);
            badges.add(sign(badge, Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY));
        }
        VerificationResult result = VERIFIER.verifyPresentation(signedPresentation(badges, "nonce-123", "https://verifier.example"));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.verifiedPresentation().credentials()).hasSize(8)
                .allSatisfy(c -> assertThat(c.issuerId()).isEqualTo(ISSUER));
        assertThat(result.check("credential[7].proof.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void challengeAndDomainMustMatch() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        VerificationResult wrongChallenge = VERIFIER.verifyPresentation(signedPresentation(vc, "replayed", "https://verifier.example"));
        assertThat(wrongChallenge.check("proof.options").orElseThrow().problem()).isEqualTo(ProblemCode.CHALLENGE_MISMATCH);
        VerificationResult noChallenge = VERIFIER.verifyPresentation(signedPresentation(vc, null, "https://verifier.example"));
        assertThat(noChallenge.check("proof.options").orElseThrow().problem()).isEqualTo(ProblemCode.CHALLENGE_MISMATCH);
        VerificationResult wrongDomain = VERIFIER.verifyPresentation(signedPresentation(vc, "nonce-123", "https://evil.example"));
        assertThat(wrongDomain.check("proof.options").orElseThrow().problem()).isEqualTo(ProblemCode.DOMAIN_MISMATCH);
    }

    @Test
    void credentialProofPurposeIsNotAcceptedForPresentations() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject vp = sign(presentation(vc), Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY, "assertionMethod").put("challenge", "nonce-123")
                        .put("domain", "https://verifier.example").build());
        assertThat(VERIFIER.verifyPresentation(vp).check("proof.options").orElseThrow().problem())
                .isEqualTo(ProblemCode.PROOF_PURPOSE_MISMATCH);
    }

    @Test
    void holderMustControlTheKey() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject vp = sign(presentation(vc), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "authentication").put("challenge", "nonce-123")
                        .put("domain", "https://verifier.example").build());
        assertThat(VERIFIER.verifyPresentation(vp).check("proof.binding").orElseThrow().problem())
                .isEqualTo(ProblemCode.HOLDER_KEY_MISMATCH);
    }

    @Test
    void aTamperedCredentialInsideRejectsThePresentation() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject tampered = vc.with("validFrom", "2022-01-01T00:00:00Z");
        VerificationResult result = VERIFIER.verifyPresentation(signedPresentation(tampered, "nonce-123", "https://verifier.example"));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.check("proof.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.check("credential[0].proof.signature").orElseThrow().problem()).isEqualTo(ProblemCode.INVALID_SIGNATURE);
    }
}
