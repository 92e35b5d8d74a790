package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.internal.proof.DataIntegrity;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.jsonld.ContextRegistry;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.proof.Cryptosuite;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.credkit.verify.JwtMaker.header;
import static dev.credkit.verify.JwtMaker.sign;
import static dev.credkit.verify.JwtMaker.vcJwt;
import static dev.credkit.verify.ProofMaker.options;
import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.OTHER_KEY;
import static dev.credkit.verify.VerifierTest.POLICY;
import static dev.credkit.verify.VerifierTest.VERIFIER;
import static dev.credkit.verify.VerifierTest.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proofs with a member missing or of the wrong type, documents in the older data model or
 * suite, host contexts, and what a result reports: each a clear check, never a crash.
 */
class VerificationEdgesTest {
    private static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    private static final String HOST_CONTEXT_URL = "https://host.example/contexts/badge/v1";
    private static final byte[] HOST_CONTEXT = """
            {"@context": {"@protected": true, "HostBadge": "https://host.example/vocab#HostBadge",
              "level": "https://host.example/vocab#level"}}""".getBytes(StandardCharsets.UTF_8);

    private static JsonObject signedWith(JsonObject.Builder proofOptions) throws Exception {
        return ProofMaker.sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, proofOptions.build());
    }

    /** REJECTED, with check {@code name} FAILED for {@code problem} and a message that says so. */
    static void assertFailed(VerificationResult result, String name, ProblemCode problem, String message) {
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.REJECTED);
        assertThat(result.check(name)).as(result.toString()).hasValueSatisfying(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(c.problem()).isEqualTo(problem);
            assertThat(c.message()).contains(message);
        });
    }

    // ------------------------------------------------------------------ proof members

    /** A signed credential whose proof lacks {@code member}. */
    private static JsonObject withoutProofMember(String member) throws Exception {
        JsonObject signed = signedWith(options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod"));
        return signed.with("proof", signed.object("proof").orElseThrow().without(member));
    }

    @Test
    void aProofWithoutProofPurpose() throws Exception {
        assertFailed(VERIFIER.verifyCredential(withoutProofMember("proofPurpose")), "proof.options", ProblemCode.INVALID_PROOF,
                "proof has no string 'proofPurpose'");
    }

    @Test
    void aProofWhoseCreatedIsNotAString() throws Exception {
        JsonObject signed = signedWith(options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod")
                .put("created", JsonNumber.of(1_704_067_200L)));
        assertFailed(VERIFIER.verifyCredential(signed), "proof.options", ProblemCode.INVALID_PROOF,
                "proof 'created' must be a dateTime string");
    }

    @Test
    void aProofWithoutProofValue() throws Exception {
        assertFailed(VERIFIER.verifyCredential(withoutProofMember("proofValue")), "proof.signature", ProblemCode.INVALID_PROOF,
                "proof has no string 'proofValue'");
    }

    // ------------------------------------------------------------------ older data model and suite

    static JsonObject credentialV1() {
        return JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of(VC_V1)))
                .put("id", "urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5")
                .put("type", JsonArray.ofStrings(List.of("VerifiableCredential")))
                .put("issuer", ISSUER)
                .put("issuanceDate", "2023-01-01T00:00:00Z")
                .put("credentialSubject", JsonObject.builder().put("id", "did:example:abcdefgh").build())
                .build();
    }

    /** VC 1.1 does not define DataIntegrityProof: signing adds the Data Integrity context, and the result verifies. */
    @Test
    void aVc11CredentialGetsTheDataIntegrityContextAndVerifies() throws Exception {
        JsonObject signed = ProofMaker.sign(credentialV1(), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        assertThat(signed.array("@context").orElseThrow().strings().orElseThrow())
                .endsWith(DataIntegrity.DATA_INTEGRITY_V2_CONTEXT);
        VerificationResult result = VERIFIER.verifyCredential(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.check("data-model").orElseThrow().message()).isEqualTo("VC Data Model 1.1");
    }

    @Test
    void ed25519Signature2020GetsItsContextAndVerifies() throws Exception {
        JsonObject signed = ProofMaker.sign(credential(ISSUER), Cryptosuite.ED25519_SIGNATURE_2020, ISSUER_KEY);
        assertThat(signed.array("@context").orElseThrow().strings().orElseThrow()).endsWith(Cryptosuite.ED25519_2020_CONTEXT);
        VerificationResult result = VERIFIER.verifyCredential(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.check("proof.cryptosuite").orElseThrow().message()).contains("Ed25519Signature2020");
    }

    @Test
    void prepareForSigningAddsOnlyWhatIsMissing() {
        JsonObject v2 = credential(ISSUER);
        assertThat(DataIntegrity.prepareForSigning(Cryptosuite.EDDSA_RDFC_2022, v2)).isSameAs(v2);
        assertThat(DataIntegrity.prepareForSigning(Cryptosuite.EDDSA_JCS_2022, v2)).isSameAs(v2);
        JsonObject v1 = credentialV1();
        for (String present : List.of(DataIntegrity.DATA_INTEGRITY_V2_CONTEXT, "https://w3id.org/security/data-integrity/v1")) {
            JsonObject withDi = v1.with("@context", JsonArray.ofStrings(List.of(VC_V1, present)));
            assertThat(DataIntegrity.prepareForSigning(Cryptosuite.EDDSA_RDFC_2022, withDi)).isSameAs(withDi);
        }
        JsonObject with2020 = v2.with("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2",
                Cryptosuite.ED25519_2020_CONTEXT)));
        assertThat(DataIntegrity.prepareForSigning(Cryptosuite.ED25519_SIGNATURE_2020, with2020)).isSameAs(with2020);
        // inline context objects are kept and skipped when looking for URLs
        JsonObject inline = JsonObject.builder().put("term", "https://example.org/term").build();
        JsonObject v1Inline = v1.with("@context", JsonArray.of(new JsonString(VC_V1), inline));
        assertThat(DataIntegrity.prepareForSigning(Cryptosuite.EDDSA_RDFC_2022, v1Inline).array("@context").orElseThrow())
                .containsExactly(new JsonString(VC_V1), inline, new JsonString(DataIntegrity.DATA_INTEGRITY_V2_CONTEXT));
        // a single context string becomes a list
        JsonObject single = v1.with("@context", VC_V1);
        assertThat(DataIntegrity.prepareForSigning(Cryptosuite.EDDSA_RDFC_2022, single).array("@context").orElseThrow())
                .containsExactly(new JsonString(VC_V1), new JsonString(DataIntegrity.DATA_INTEGRITY_V2_CONTEXT));
    }

    // ------------------------------------------------------------------ host contexts

    @Test
    void aVerifierWithHostContextsVerifiesWhatTheDefaultRefuses() throws Exception {
        ContextRegistry registry = ContextRegistry.builder().addBundled().add(HOST_CONTEXT_URL, HOST_CONTEXT).build();
        Verifier hosted = Verifier.builder().policy(POLICY)
                .canonicalizer(RdfCanonicalizer.builder().contexts(registry).build()).build();
        JsonObject badge = credential(ISSUER)
                .with("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2", HOST_CONTEXT_URL)))
                .with("type", JsonArray.ofStrings(List.of("VerifiableCredential", "HostBadge")))
                .with("credentialSubject", JsonObject.builder().put("id", "did:example:abcdefgh").put("level", "gold").build());
        JsonObject signed = ProofMaker.sign(badge, Cryptosuite.EDDSA_JCS_2022, ISSUER_KEY);
        VerificationResult result = hosted.verifyCredential(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertFailed(VERIFIER.verifyCredential(signed), "context", ProblemCode.CONTEXT_NOT_ALLOWED, HOST_CONTEXT_URL);
    }

    // ------------------------------------------------------------------ what a result reports

    @Test
    void aTrustedIssuerIsReportedByItsName() throws Exception {
        TrustList trust = TrustList.of(List.of(new TrustedIssuer(ISSUER, "Example University", null, null, List.of())));
        VerificationResult result = Verifier.builder().policy(POLICY).trustRegistry(trust).build()
                .verifyCredential(ProofMaker.sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY));
        assertThat(result.check("issuer-trust").orElseThrow().message()).isEqualTo("trusted: Example University");
        assertThat(result.verifiedCredential().trustedIssuer()).hasValueSatisfying(i -> assertThat(i.id()).isEqualTo(ISSUER));
        TrustList unnamed = TrustList.of(List.of(new TrustedIssuer(ISSUER, null, null, null, List.of())));
        assertThat(Verifier.builder().policy(POLICY).trustRegistry(unnamed).build()
                .verifyCredential(ProofMaker.sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY))
                .check("issuer-trust").orElseThrow().message()).isEqualTo("trusted: " + ISSUER);
    }

    /** A key nobody can resolve offline is undecidable, not false: the first problem is the indeterminate one. */
    @Test
    void anIndeterminateResultNamesItsProblem() throws Exception {
        JsonObject signed = ProofMaker.sign(credential("did:web:issuer.example"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod")
                        .put("verificationMethod", "did:web:issuer.example#key-1").build());
        VerificationResult result = VERIFIER.verifyCredential(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(result.firstProblem()).contains(ProblemCode.UNKNOWN_KEY);
        assertThat(result.toString()).startsWith("VerificationResult[INDETERMINATE: ").contains("UNKNOWN_KEY");
        assertThatThrownBy(result::verifiedCredential).isInstanceOfSatisfying(VerificationException.class, e -> {
            assertThat(e.result()).isSameAs(result);
            assertThat(e.code()).isEqualTo(ProblemCode.UNKNOWN_KEY);
        });
    }

    /** Warnings do not stop verification, and are not "the problem" of a verified result. */
    @Test
    void aVerifiedResultWithWarningsHasNoFirstProblem() throws Exception {
        TrustList someoneElse = TrustList.of(List.of(new TrustedIssuer("https://other.example", null, null, null, List.of())));
        VerificationResult result = Verifier.builder().policy(POLICY.toBuilder().untrustedIssuerAsWarning().build())
                .trustRegistry(someoneElse).build()
                .verifyCredential(ProofMaker.sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.problems()).containsExactly(ProblemCode.UNTRUSTED_ISSUER);
        assertThat(result.check("issuer-trust").orElseThrow().problemCode()).contains(ProblemCode.UNTRUSTED_ISSUER);
        assertThat(result.firstProblem()).isEmpty();
    }

    @Test
    void aVerifiedResultSaysSoAndNothingMore() throws Exception {
        VerificationResult result = VERIFIER.verifyCredential(ProofMaker.sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY));
        assertThat(result.toString()).isEqualTo("VerificationResult[VERIFIED]");
        assertThat(result.verifiedCredential().toString())
                .isEqualTo("VerifiedCredential[urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33 from " + ISSUER + "]");
        assertThat(result.check("parse").orElseThrow().problemCode()).isEmpty();
    }

    // ------------------------------------------------------------------ JWT: nothing looked up before the signature

    @Test
    void aForgedVcJwtNeverReachesTheStatusListSource() throws Exception {
        JsonObject entry = JsonObject.builder().put("id", "https://issuer.example/status/1#3")
                .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation").put("statusListIndex", "3")
                .put("statusListCredential", "https://issuer.example/status/1").build();
        JsonObject withStatus = credential(ISSUER).with("credentialStatus", entry);
        List<String> asked = new ArrayList<>();
        Verifier verifier = Verifier.builder().policy(POLICY).statusListSource(url -> {
            asked.add(url);
            return Optional.empty();
        }).build();

        VerificationResult genuine = verifier.verifyJwt(vcJwt(withStatus, ISSUER_KEY));
        assertThat(asked).containsExactly("https://issuer.example/status/1");
        assertThat(genuine.check("status").orElseThrow().problem()).isEqualTo(ProblemCode.STATUS_UNAVAILABLE);

        asked.clear();
        JsonObject payload = JwtMaker.withClaims(withStatus, JwtMaker.claims(withStatus));
        VerificationResult forged = verifier.verifyJwt(sign(header(ISSUER_KEY, "vc+jwt").build(), payload, OTHER_KEY));
        assertFailed(forged, "jwt.signature", ProblemCode.INVALID_SIGNATURE, "does not verify");
        assertThat(forged.check("status").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(forged.check("status").orElseThrow().message()).contains("the JWT signature did not verify");
        assertThat(asked).isEmpty();
    }
}
