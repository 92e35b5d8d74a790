package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.keys.DidDocument;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.credkit.verify.ProofMaker.options;
import static dev.credkit.verify.ProofMaker.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per check: a correctly signed document that breaks exactly that rule, and positive controls. */
class VerifierTest {
    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    static final VerificationPolicy POLICY = VerificationPolicy.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    static final Verifier VERIFIER = Verifier.builder().policy(POLICY).build();

    static final Ed25519KeyPair ISSUER_KEY = key(1);
    static final Ed25519KeyPair OTHER_KEY = key(2);
    static final String ISSUER = DidKey.did(ISSUER_KEY.publicKey());

    static Ed25519KeyPair key(int fill) {
        try {
            byte[] seed = new byte[32];
            java.util.Arrays.fill(seed, (byte) fill);
            return Ed25519KeyPair.fromSeed(seed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject credential(String issuer) {
        return JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2",
                        "https://www.w3.org/ns/credentials/examples/v2")))
                .put("id", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33")
                .put("type", JsonArray.ofStrings(List.of("VerifiableCredential", "AlumniCredential")))
                .put("issuer", issuer)
                .put("validFrom", "2023-01-01T00:00:00Z")
                .put("credentialSubject", JsonObject.builder().put("id", "did:example:abcdefgh")
                        .put("alumniOf", "The School of Examples").build())
                .build();
    }

    static VerificationResult verify(JsonObject document) {
        return VERIFIER.verify(document.toJson().getBytes(StandardCharsets.UTF_8));
    }

    static void assertRejected(VerificationResult result, String check, ProblemCode problem) {
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.REJECTED);
        assertThat(result.check(check)).as(result.toString()).hasValueSatisfying(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(c.problem()).isEqualTo(problem);
        });
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void positiveControlForEverySuite(Cryptosuite suite) throws Exception {
        JsonObject signed = sign(credential(ISSUER), suite, ISSUER_KEY);
        VerificationResult result = verify(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.verifiedCredential().issuerId()).isEqualTo(ISSUER);
        assertThat(result.checks()).extracting(Check::name).containsExactly("parse", "data-model", "context", "json-ld",
                "proof.cryptosuite", "proof.options", "proof.verification-method", "proof.verification-relationship",
                "proof.binding", "proof.signature", "validity-period", "issuer-trust", "status");
        assertThat(result.check("issuer-trust").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void anyOneCharacterChangeInASignedValueIsAnInvalidSignature() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject subject = signed.object("credentialSubject").orElseThrow();
        JsonObject tampered = signed.with("credentialSubject", subject.with("alumniOf", "The School of Examplez"));
        assertRejected(verify(tampered), "proof.signature", ProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void aVerifiedCredentialCannotBeHadFromARejectedResult() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        VerificationResult result = verify(signed.with("validFrom", "2023-01-02T00:00:00Z"));
        assertThat(result.isVerified()).isFalse();
        assertThatThrownBy(result::verifiedCredential).isInstanceOf(VerificationException.class)
                .hasMessageContaining("INVALID_SIGNATURE");
    }

    @Test
    void wrongProofPurpose() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "authentication").build());
        assertRejected(verify(signed), "proof.options", ProblemCode.PROOF_PURPOSE_MISMATCH);
    }

    @Test
    void expiredProof() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod").put("expires", "2024-02-01T00:00:00Z").build());
        assertRejected(verify(signed), "proof.options", ProblemCode.PROOF_EXPIRED);
    }

    @Test
    void proofCreatedInTheFuture() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod").put("created", "2024-06-01T13:00:00Z").build());
        assertRejected(verify(signed), "proof.options", ProblemCode.PROOF_CREATED_IN_FUTURE);
    }

    @Test
    void createdWithinTheClockSkewIsAccepted() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod").put("created", "2024-06-01T12:04:00Z").build());
        assertThat(verify(signed).outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void malformedCreated() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod").put("created", "yesterday").build());
        assertRejected(verify(signed), "proof.options", ProblemCode.INVALID_PROOF);
    }

    @Test
    void relabelledCryptosuite() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_JCS_2022, ISSUER_KEY);
        JsonObject proof = signed.object("proof").orElseThrow().with("cryptosuite", "eddsa-rdfc-2022").without("@context");
        assertRejected(verify(signed.with("proof", proof)), "proof.signature", ProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void unknownCryptosuite() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject proof = signed.object("proof").orElseThrow().with("cryptosuite", "ecdsa-rdfc-2019");
        assertRejected(verify(signed.with("proof", proof)), "proof.cryptosuite", ProblemCode.UNSUPPORTED_CRYPTOSUITE);
    }

    @Test
    void suiteNotAcceptedByPolicy() throws Exception {
        Verifier strict = Verifier.builder().policy(POLICY.toBuilder()
                .acceptedCryptosuites(Set.of(Cryptosuite.EDDSA_RDFC_2022)).build()).build();
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.ED25519_SIGNATURE_2020, ISSUER_KEY);
        VerificationResult result = strict.verifyCredential(signed);
        assertRejected(result, "proof.cryptosuite", ProblemCode.UNSUPPORTED_CRYPTOSUITE);
    }

    @Test
    void sixtyFiveByteSignature() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject proof = signed.object("proof").orElseThrow();
        byte[] sig = dev.credkit.keys.Multibase.decodeBase58Btc(proof.string("proofValue").orElseThrow());
        byte[] longer = java.util.Arrays.copyOf(sig, 65);
        JsonObject bad = proof.with("proofValue", dev.credkit.keys.Multibase.encodeBase58Btc(longer));
        assertRejected(verify(signed.with("proof", bad)), "proof.signature", ProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void proofValueThatIsNotBase58() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject bad = signed.object("proof").orElseThrow().with("proofValue", "z0OIl");
        assertRejected(verify(signed.with("proof", bad)), "proof.signature", ProblemCode.INVALID_PROOF);
    }

    @Test
    void proofSetWithOneBadProofIsRejected() throws Exception {
        JsonObject once = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject twice = sign(once, Cryptosuite.EDDSA_JCS_2022, ISSUER_KEY);
        assertThat(verify(twice).outcome()).isEqualTo(Outcome.VERIFIED);

        List<JsonValue> proofs = new ArrayList<>(twice.array("proof").orElseThrow().elements());
        JsonObject second = (JsonObject) proofs.get(1);
        proofs.set(1, second.with("created", "2024-01-01T00:00:01Z"));
        VerificationResult result = verify(twice.with("proof", JsonArray.of(proofs)));
        assertThat(result.check("proof[0].signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertRejected(result, "proof[1].signature", ProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void proofChainVerifiesAndADanglingPreviousProofIsRejected() throws Exception {
        JsonObject first = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod").put("id", "urn:uuid:first").build());
        JsonObject chained = sign(first, Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod").put("previousProof", "urn:uuid:first").build());
        assertThat(verify(chained).outcome()).as(verify(chained).toString()).isEqualTo(Outcome.VERIFIED);

        List<JsonValue> proofs = new ArrayList<>(chained.array("proof").orElseThrow().elements());
        proofs.set(0, ((JsonObject) proofs.get(0)).with("id", "urn:uuid:renamed"));
        VerificationResult result = verify(chained.with("proof", JsonArray.of(proofs)));
        assertRejected(result, "proof[1].signature", ProblemCode.MISSING_PREVIOUS_PROOF);
    }

    @Test
    void issuerThatDoesNotControlTheKey() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, OTHER_KEY);
        assertRejected(verify(signed), "proof.binding", ProblemCode.ISSUER_KEY_MISMATCH);
    }

    @Test
    void contextAppendedAfterSigning() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonArray contexts = signed.array("@context").orElseThrow();
        JsonObject unknown = signed.with("@context", contexts.with(new JsonString("https://evil.example/context")));
        assertRejected(verify(unknown), "context", ProblemCode.CONTEXT_NOT_ALLOWED);

        // A context that redefines a term moves the data to other IRIs: the signature no longer matches.
        JsonObject redefine = JsonObject.builder().put("alumniOf", "https://evil.example/vocab#alumniOf").build();
        VerificationResult result = verify(signed.with("@context", contexts.with(redefine)));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.problems()).containsAnyOf(ProblemCode.INVALID_SIGNATURE, ProblemCode.PROTECTED_TERM_REDEFINITION);
    }

    @Test
    void duplicateKeysAreMalformed() {
        String json = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],"
                + "\"issuer\":\"did:example:1\",\"issuer\":\"did:example:2\",\"credentialSubject\":{\"id\":\"did:example:3\"}}";
        VerificationResult result = VERIFIER.verify(json.getBytes(StandardCharsets.UTF_8));
        assertRejected(result, "parse", ProblemCode.MALFORMED);
    }

    @Test
    void smallOrderKeyIsRejected() throws Exception {
        // did:key of the identity point (a small-order point): 0xed01 + 0x01 followed by 31 zero bytes.
        byte[] raw = new byte[34];
        raw[0] = (byte) 0xed;
        raw[1] = 0x01;
        raw[2] = 0x01;
        String weak = "did:key:" + dev.credkit.keys.Multibase.encodeBase58Btc(raw);
        JsonObject signed = sign(credential(weak), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod")
                        .put("verificationMethod", weak + "#" + weak.substring(8)).build());
        VerificationResult result = verify(signed);
        assertRejected(result, "proof.verification-method", ProblemCode.INVALID_KEY);
    }

    @Test
    void unknownKeyIsIndeterminate() throws Exception {
        String issuer = "did:web:university.example";
        JsonObject signed = sign(credential(issuer), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod")
                        .put("verificationMethod", issuer + "#key-1").build());
        VerificationResult result = verify(signed);
        assertThat(result.outcome()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(result.check("proof.verification-method").orElseThrow().problem()).isEqualTo(ProblemCode.UNKNOWN_KEY);
    }

    static DidDocument didWeb(String id, String assertionMethod, String... methods) throws Exception {
        JsonArray vms = JsonArray.empty();
        for (int i = 0; i < methods.length; i++) {
            Ed25519KeyPair k = key(10 + i);
            vms = vms.with(JsonObject.builder().put("id", id + "#" + methods[i]).put("type", "Multikey")
                    .put("controller", id).put("publicKeyMultibase", k.publicKey().multibase()).build());
        }
        return DidDocument.parse(JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1")))
                .put("id", id).put("verificationMethod", vms)
                .put("assertionMethod", JsonArray.ofStrings(List.of(id + "#" + assertionMethod))).build());
    }

    @Test
    void didWebFromSuppliedDocumentsWithKeyRotation() throws Exception {
        String issuer = "did:web:university.example";
        // key-1 (seed 10) and key-2 (seed 11); only key-2 is an assertion method now.
        DidDocument rotated = didWeb(issuer, "key-2", "key-1", "key-2");
        Verifier verifier = Verifier.builder().policy(POLICY).didResolver(DidResolver.of(List.of(rotated))).build();

        JsonObject byKey2 = sign(credential(issuer), Cryptosuite.EDDSA_RDFC_2022, key(11),
                options(Cryptosuite.EDDSA_RDFC_2022, key(11), "assertionMethod").put("verificationMethod", issuer + "#key-2").build());
        assertThat(verifier.verifyCredential(byKey2).outcome()).isEqualTo(Outcome.VERIFIED);

        JsonObject byKey1 = sign(credential(issuer), Cryptosuite.EDDSA_RDFC_2022, key(10),
                options(Cryptosuite.EDDSA_RDFC_2022, key(10), "assertionMethod").put("verificationMethod", issuer + "#key-1").build());
        assertRejected(verifier.verifyCredential(byKey1), "proof.verification-relationship", ProblemCode.VERIFICATION_METHOD_NOT_AUTHORIZED);

        JsonObject byRemovedKey = sign(credential(issuer), Cryptosuite.EDDSA_RDFC_2022, key(10),
                options(Cryptosuite.EDDSA_RDFC_2022, key(10), "assertionMethod").put("verificationMethod", issuer + "#key-0").build());
        assertRejected(verifier.verifyCredential(byRemovedKey), "proof.verification-method", ProblemCode.VERIFICATION_METHOD_NOT_AUTHORIZED);
    }

    @Test
    void validityPeriod() throws Exception {
        JsonObject expired = sign(credential(ISSUER).with("validUntil", "2024-03-01T00:00:00Z"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        assertRejected(verify(expired), "validity-period", ProblemCode.EXPIRED);
        JsonObject future = sign(credential(ISSUER).with("validFrom", "2025-01-01T00:00:00Z"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        assertRejected(verify(future), "validity-period", ProblemCode.NOT_YET_VALID);
        Verifier lenient = Verifier.builder().policy(POLICY.toBuilder().ignoreValidityPeriod().build()).build();
        assertThat(lenient.verifyCredential(expired).outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void issuerTrust() throws Exception {
        JsonObject signed = sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        TrustList trusted = TrustList.of(List.of(new TrustedIssuer(ISSUER, "Example University", null, null, List.of())));
        VerificationResult ok = Verifier.builder().policy(POLICY).trustRegistry(trusted).build().verifyCredential(signed);
        assertThat(ok.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(ok.verifiedCredential().trustedIssuer()).map(TrustedIssuer::name).contains("Example University");

        TrustList other = TrustList.of(List.of(new TrustedIssuer("did:example:other", null, null, null, List.of())));
        VerificationResult untrusted = Verifier.builder().policy(POLICY).trustRegistry(other).build().verifyCredential(signed);
        assertRejected(untrusted, "issuer-trust", ProblemCode.UNTRUSTED_ISSUER);

        VerificationResult warned = Verifier.builder().policy(POLICY.toBuilder().untrustedIssuerAsWarning().build())
                .trustRegistry(other).build().verifyCredential(signed);
        assertThat(warned.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(warned.check("issuer-trust").orElseThrow().outcome()).isEqualTo(CheckOutcome.WARNING);
    }

    @Test
    void undefinedTermIsRejectedBeforeAnySignatureCheck() throws Exception {
        JsonObject v2only = credential(ISSUER).with("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")));
        JsonObject signedLike = v2only.with("proof", JsonObject.builder().put("type", "DataIntegrityProof").build());
        VerificationResult result = verify(signedLike);
        assertRejected(result, "json-ld", ProblemCode.UNDEFINED_TERM);
        assertThat(result.check("proof.signature")).isEmpty();
    }

    @Test
    void missingProof() {
        assertRejected(verify(credential(ISSUER)), "proof", ProblemCode.MISSING_PROOF);
    }

    @Test
    void tooManyProofs() throws Exception {
        Verifier verifier = Verifier.builder().policy(POLICY.toBuilder().maxProofs(1).build()).build();
        JsonObject twice = sign(sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        assertRejected(verifier.verifyCredential(twice), "proof", ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void statusEntryWithoutASourceIsIndeterminate() throws Exception {
        JsonObject status = JsonObject.builder().put("id", "https://status.example/list/1#42")
                .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
                .put("statusListIndex", "42").put("statusListCredential", "https://status.example/list/1").build();
        JsonObject signed = sign(credential(ISSUER).with("credentialStatus", status), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        VerificationResult result = verify(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(result.check("status").orElseThrow().problem()).isEqualTo(ProblemCode.STATUS_UNAVAILABLE);
    }
}
