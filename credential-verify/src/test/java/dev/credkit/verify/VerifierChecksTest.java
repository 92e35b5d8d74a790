package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.internal.proof.DataIntegrity;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.keys.DidKey;
import dev.credkit.proof.Cryptosuite;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.credkit.verify.PresentationVerificationTest.HOLDER;
import static dev.credkit.verify.PresentationVerificationTest.HOLDER_KEY;
import static dev.credkit.verify.ProofMaker.options;
import static dev.credkit.verify.ProofMaker.sign;
import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.OTHER_KEY;
import static dev.credkit.verify.VerifierTest.POLICY;
import static dev.credkit.verify.VerifierTest.VERIFIER;
import static dev.credkit.verify.VerifierTest.assertRejected;
import static dev.credkit.verify.VerifierTest.credential;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each check reports, step by step, and the entry points not covered elsewhere (written to
 * kill the mutants PIT found surviving in the verification path).
 */
class VerifierChecksTest {
    static byte[] bytes(JsonObject document) {
        return document.toJson().getBytes(StandardCharsets.UTF_8);
    }

    static String message(VerificationResult result, String check) {
        return result.check(check).orElseThrow().message();
    }

    @Test
    void eachPassedStepSaysWhatItFound() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        VerificationResult result = VERIFIER.verifyCredential(bytes(signed));
        assertThat(result.outcome()).isEqualTo(Outcome.VERIFIED);
        String method = DidKey.verificationMethodId(ISSUER_KEY.publicKey());
        assertThat(message(result, "parse")).isEqualTo("well-formed JSON");
        assertThat(message(result, "data-model")).isEqualTo("VC Data Model 2.0");
        assertThat(message(result, "proof.cryptosuite")).isEqualTo("eddsa-rdfc-2022");
        assertThat(message(result, "proof.options")).isEqualTo("proofPurpose assertionMethod");
        assertThat(message(result, "proof.verification-method")).isEqualTo("Multikey " + method);
        assertThat(message(result, "proof.verification-relationship")).isEqualTo("listed under assertionMethod");
        assertThat(message(result, "proof.binding")).isEqualTo("controlled by the issuer");
        assertThat(message(result, "proof.signature")).isEqualTo("valid Ed25519 signature");
        assertThat(result.verifiedCredential().verificationMethods()).containsExactly(method);
    }

    @Test
    void aKeyBoundByATrustListSaysSo() throws Exception {
        String issuer = "https://university.example/issuer";
        JsonObject signed = sign(credential(issuer), Cryptosuite.EDDSA_JCS_2022, ISSUER_KEY);
        TrustList trust = TrustList.of(List.of(new TrustedIssuer(issuer, null, null, null,
                List.of(DidKey.did(ISSUER_KEY.publicKey())))));
        VerificationResult result = Verifier.builder().policy(POLICY).trustRegistry(trust).build().verifyCredential(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(message(result, "proof.binding")).isEqualTo("bound to the issuer by the trust list");

        VerificationResult unbound = VERIFIER.verifyCredential(signed);
        assertRejected(unbound, "proof.binding", ProblemCode.ISSUER_KEY_MISMATCH);
        assertThat(message(unbound, "proof.binding")).endsWith("(no trust list binds it)");
        TrustList unrelated = TrustList.of(List.of(new TrustedIssuer(issuer, null, null, null, List.of())));
        VerificationResult notBound = Verifier.builder().policy(POLICY).trustRegistry(unrelated).build().verifyCredential(signed);
        assertThat(message(notBound, "proof.binding")).endsWith(" and no trust list binds it");
    }

    @Test
    void aKeyOnlyATrustListKnows() throws Exception {
        String issuer = "https://vc.example/issuers/1";
        String method = issuer + "#key-1";
        JsonObject signed = sign(credential(issuer), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod").put("verificationMethod", method).build());
        TrustList trust = TrustList.read(JsonObject.builder().put("issuers", JsonArray.of(JsonObject.builder().put("id", issuer)
                .put("verificationMethods", JsonArray.of(JsonObject.builder().put("id", method)
                        .put("publicKeyMultibase", ISSUER_KEY.publicKey().multibase()).build())).build())).build());
        VerificationResult result = Verifier.builder().policy(POLICY).trustRegistry(trust).build().verifyCredential(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(message(result, "proof.verification-relationship")).isEqualTo("key bound by the trust list");
        assertThat(message(result, "proof.binding")).isEqualTo("controlled by the issuer");
    }

    @Test
    void aBlankVerificationMethodIsAnInvalidProof() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject blank = signed.with("proof", signed.object("proof").orElseThrow().with("verificationMethod", "  "));
        VerificationResult result = VERIFIER.verifyCredential(blank);
        assertRejected(result, "proof.options", ProblemCode.INVALID_PROOF);
        assertThat(message(result, "proof.options")).isEqualTo("proof has no string 'verificationMethod'");
        assertThat(result.check("proof.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void proofValueLengthBoundary() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject proof = signed.object("proof").orElseThrow();
        // 200 characters are decoded (and are no Ed25519 signature); 201 are refused unread
        String at = "z" + "2".repeat(199);
        VerificationResult decoded = VERIFIER.verifyCredential(signed.with("proof", proof.with("proofValue", at)));
        assertRejected(decoded, "proof.signature", ProblemCode.INVALID_SIGNATURE);
        assertThat(message(decoded, "proof.signature")).isEqualTo("the signature does not match the document");
        VerificationResult refused = VERIFIER.verifyCredential(signed.with("proof", proof.with("proofValue", at + "2")));
        assertRejected(refused, "proof.signature", ProblemCode.INVALID_SIGNATURE);
        assertThat(message(refused, "proof.signature")).isEqualTo("proofValue is far too long for an Ed25519 signature");
    }

    @Test
    void aJcsProofWithoutItsOwnContextVerifies() throws Exception {
        // vc-di-eddsa lets an eddsa-jcs-2022 proof leave out @context
        JsonObject unsecured = DataIntegrity.prepareForSigning(Cryptosuite.EDDSA_JCS_2022, credential(ISSUER));
        JsonObject proofOptions = options(Cryptosuite.EDDSA_JCS_2022, ISSUER_KEY, "assertionMethod").build();
        byte[] signature = ISSUER_KEY.sign(new DataIntegrity(dev.credkit.jsonld.RdfCanonicalizer.defaults())
                .hashData(Cryptosuite.EDDSA_JCS_2022, unsecured, proofOptions));
        JsonObject signed = unsecured.with("proof", proofOptions.with("proofValue", DataIntegrity.encodeProofValue(signature)));
        assertThat(signed.object("proof").orElseThrow().has("@context")).isFalse();
        VerificationResult result = VERIFIER.verifyCredential(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void aChallengeOrDomainNobodyAskedForIsAccepted() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject vp = sign(PresentationVerificationTest.presentation(vc), Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY, "authentication").put("challenge", "c-1").put("domain", "d.example").build());
        VerificationResult result = VERIFIER.verifyPresentation(bytes(vp));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(message(result, "proof.binding")).isEqualTo("controlled by the holder");
        assertThat(result.verifiedPresentation().credentials()).hasSize(1);
    }

    @Test
    void aPresentationWithoutHolderNamesNone() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject vp = sign(PresentationVerificationTest.presentation(vc).without("holder"), Cryptosuite.EDDSA_RDFC_2022, OTHER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, OTHER_KEY, "authentication").build());
        VerificationResult result = VERIFIER.verify(bytes(vp));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(message(result, "proof.binding")).isEqualTo("no holder named");
    }

    @Test
    void verifyTellsPresentationsFromCredentialsByType() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject vp = sign(PresentationVerificationTest.presentation(vc), Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY, "authentication").build());
        VerificationResult asArray = VERIFIER.verify(bytes(vp));
        assertThat(asArray.outcome()).as(asArray.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(asArray.verifiedPresentation().presentation().holderId()).contains(HOLDER);
        // "type" as a plain string is a presentation too
        JsonObject single = sign(PresentationVerificationTest.presentation(vc).with("type", "VerifiablePresentation"),
                Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY, options(Cryptosuite.EDDSA_RDFC_2022, HOLDER_KEY, "authentication").build());
        assertThat(VERIFIER.verify(bytes(single)).check("credential[0].proof.signature")).isPresent();
        // without a type, or with another one, it is read as a credential
        VerificationResult untyped = VERIFIER.verify(bytes(vp.without("type")));
        assertThat(untyped.check("credential[0].proof.signature")).isEmpty();
        assertThat(untyped.checks().stream().map(Check::name).toList())
                .containsExactly("parse", "data-model", "context", "json-ld", "proof", "validity-period", "issuer-trust", "status");
        assertThat(untyped.check("data-model").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(VERIFIER.verify(bytes(vc)).verifiedCredential().issuerId()).isEqualTo(ISSUER);
        assertThat(Verifier.isPresentation(vp.with("type", "VerifiableCredential"))).isFalse();
        assertThat(Verifier.isPresentation(vp.with("type", JsonArray.ofStrings(List.of("VerifiableCredential"))))).isFalse();
        assertThat(Verifier.isPresentation(vp.with("type", JsonObject.empty()))).isFalse();
    }

    @Test
    void byteOverloadsReportParseFailures() {
        byte[] broken = "{\"@context\":".getBytes(StandardCharsets.UTF_8);
        for (VerificationResult result : List.of(VERIFIER.verifyCredential(broken), VERIFIER.verifyPresentation(broken), VERIFIER.verify(broken))) {
            assertRejected(result, "parse", ProblemCode.MALFORMED);
            assertThat(result.checks()).hasSize(1);
        }
    }

    @Test
    void aPresentationThatBreaksTheDataModelOrSafeModeStopsThere() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject broken = PresentationVerificationTest.presentation(vc).with("verifiableCredential", "not a credential");
        VerificationResult model = VERIFIER.verifyPresentation(bytes(broken));
        assertRejected(model, "data-model", ProblemCode.INVALID_DATA_MODEL);
        assertThat(model.checks().stream().map(Check::name).toList())
                .containsExactly("parse", "data-model", "context", "json-ld", "proof", "credentials");
        assertThat(model.checks().subList(2, 6)).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(CheckOutcome.SKIPPED));

        JsonObject undefined = PresentationVerificationTest.presentation(vc).with("undefinedTerm", "x");
        VerificationResult safeMode = VERIFIER.verifyPresentation(bytes(undefined));
        assertRejected(safeMode, "json-ld", ProblemCode.UNDEFINED_TERM);
        assertThat(safeMode.checks().stream().map(Check::name).toList())
                .containsExactly("parse", "data-model", "context", "json-ld", "proof", "credentials");
    }

    @Test
    void aCredentialThatFailsSafeModeSkipsTheRest() throws Exception {
        // the examples context defines every term (@vocab): without it, a new term is undefined
        JsonObject v2only = credential(ISSUER).with("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")))
                .with("type", "VerifiableCredential").with("credentialSubject", JsonObject.builder().put("id", "did:example:abcdefgh").build());
        JsonObject undefined = sign(v2only, Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY).with("undefinedTerm", "x");
        VerificationResult result = VERIFIER.verifyCredential(undefined);
        assertRejected(result, "json-ld", ProblemCode.UNDEFINED_TERM);
        assertThat(result.checks().stream().map(Check::name).toList())
                .containsExactly("parse", "data-model", "context", "json-ld", "proof", "validity-period", "issuer-trust", "status");
        JsonObject badModel = credential(ISSUER).without("issuer");
        assertThat(VERIFIER.verifyCredential(badModel).checks().stream().map(Check::name).toList())
                .containsExactly("parse", "data-model", "context", "json-ld", "proof", "validity-period", "issuer-trust", "status");
    }

    @Test
    void challengeAndDomainProblemsSayWhichIsWrong() throws Exception {
        JsonObject vc = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        Verifier strict = PresentationVerificationTest.VERIFIER;
        assertThat(message(strict.verifyPresentation(PresentationVerificationTest.signedPresentation(vc, null, "https://verifier.example")),
                "proof.options")).isEqualTo("the proof has no challenge");
        assertThat(message(strict.verifyPresentation(PresentationVerificationTest.signedPresentation(vc, "replayed", "https://verifier.example")),
                "proof.options")).isEqualTo("the proof's challenge is not the one expected");
        assertThat(message(strict.verifyPresentation(PresentationVerificationTest.signedPresentation(vc, "nonce-123", null)),
                "proof.options")).isEqualTo("the proof has no domain");
        assertThat(message(strict.verifyPresentation(PresentationVerificationTest.signedPresentation(vc, "nonce-123", "https://evil.example")),
                "proof.options")).isEqualTo("the proof's domain is not the one expected");
    }

    @Test
    void aContextOffTheAllowListStopsBeforeJsonLd() throws Exception {
        JsonObject evil = credential(ISSUER).with("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2",
                "https://evil.example/context")));
        VerificationResult result = VERIFIER.verifyCredential(evil);
        assertRejected(result, "context", ProblemCode.CONTEXT_NOT_ALLOWED);
        assertThat(result.checks().stream().map(c -> c.name() + " " + c.outcome()).toList()).containsExactly("parse PASSED",
                "data-model PASSED", "context FAILED", "json-ld SKIPPED", "proof SKIPPED", "validity-period SKIPPED",
                "issuer-trust SKIPPED", "status SKIPPED");
    }
}
