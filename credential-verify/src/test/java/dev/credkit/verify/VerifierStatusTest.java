package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.keys.DidKey;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.status.EncodedListCodec;
import dev.credkit.status.StatusBitstring;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.credkit.verify.ProofMaker.sign;
import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.OTHER_KEY;
import static dev.credkit.verify.VerifierTest.POLICY;
import static dev.credkit.verify.VerifierTest.credential;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier's status step: the list is obtained only after the proofs verified, verified as a
 * credential of the same issuer, read, and the entry's bit reported; every way this can fail.
 */
class VerifierStatusTest {
    static final String URL = "https://status.example/list/1";
    static final int REVOKED = 3;

    static JsonObject entry(String purpose, int index) {
        return JsonObject.builder().put("id", URL + "#" + index).put("type", "BitstringStatusListEntry")
                .put("statusPurpose", purpose).put("statusListIndex", Integer.toString(index))
                .put("statusListCredential", URL).build();
    }

    /** An unsigned list (revocation, index 3 set) issued by {@code issuer}. */
    static JsonObject list(String issuer, String purpose) {
        StatusBitstring.Builder bits = StatusBitstring.builder(131_072, 1);
        bits.set(REVOKED, 1);
        return JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")))
                .put("id", URL)
                .put("type", JsonArray.ofStrings(List.of("VerifiableCredential", "BitstringStatusListCredential")))
                .put("issuer", issuer)
                .put("validFrom", "2024-05-01T00:00:00Z")
                .put("credentialSubject", JsonObject.builder().put("id", URL + "#list").put("type", "BitstringStatusList")
                        .put("statusPurpose", purpose).put("encodedList", EncodedListCodec.defaults().encode(bits.build())).build())
                .build();
    }

    static JsonObject signedList() throws Exception {
        return sign(list(ISSUER, "revocation"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
    }

    static JsonObject credentialWith(JsonObject entry) throws Exception {
        return sign(credential(ISSUER).with("credentialStatus", entry), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
    }

    static Verifier verifier(JsonObject list) {
        return Verifier.builder().policy(POLICY).statusListSource(StatusListSource.of(List.of(list))).build();
    }

    static Check status(VerificationResult result) {
        return result.check("status").orElseThrow();
    }

    @Test
    void unsetAndRevokedEntries() throws Exception {
        Verifier verifier = verifier(signedList());
        VerificationResult unset = verifier.verifyCredential(credentialWith(entry("revocation", 4)));
        assertThat(unset.outcome()).as(unset.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(status(unset).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(status(unset).message()).isEqualTo("revocation index 4: not set");

        VerificationResult revoked = verifier.verifyCredential(credentialWith(entry("revocation", REVOKED)));
        VerifierTest.assertRejected(revoked, "status", ProblemCode.REVOKED);
        assertThat(status(revoked).message()).isEqualTo("revocation index 3: revoked");
    }

    @Test
    void suspensionAndMessageLists() throws Exception {
        Verifier suspension = verifier(sign(list(ISSUER, "suspension"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY));
        VerificationResult suspended = suspension.verifyCredential(credentialWith(entry("suspension", REVOKED)));
        VerifierTest.assertRejected(suspended, "status", ProblemCode.SUSPENDED);
        assertThat(status(suspended).message()).isEqualTo("suspension index 3: suspended");

        Verifier message = verifier(sign(list(ISSUER, "message"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY));
        VerificationResult flagged = message.verifyCredential(credentialWith(entry("message", REVOKED)));
        assertThat(flagged.outcome()).as(flagged.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(status(flagged).outcome()).isEqualTo(CheckOutcome.WARNING);
        assertThat(status(flagged).problem()).isEqualTo(ProblemCode.STATUS_MESSAGE);
        assertThat(status(flagged).message()).isEqualTo("message index 3: set");
    }

    @Test
    void severalEntriesAreEachReported() throws Exception {
        JsonObject signed = sign(credential(ISSUER).with("credentialStatus",
                JsonArray.of(entry("revocation", 1), entry("revocation", REVOKED))), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        VerificationResult result = verifier(signedList()).verifyCredential(signed);
        assertThat(result.check("status[0]").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.check("status[1]").orElseThrow().problem()).isEqualTo(ProblemCode.REVOKED);
        assertThat(result.check("status")).isEmpty();
    }

    @Test
    void theListIsNotLookedUpUnlessTheProofsVerified() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        JsonObject list = signedList();
        Verifier verifier = Verifier.builder().policy(POLICY).statusListSource(url -> {
            lookups.incrementAndGet();
            return Optional.of(list);
        }).build();
        JsonObject tampered = credentialWith(entry("revocation", 4)).with("name", "tampered");
        VerificationResult result = verifier.verifyCredential(tampered);
        VerifierTest.assertRejected(result, "proof.signature", ProblemCode.INVALID_SIGNATURE);
        assertThat(status(result).outcome()).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(lookups).hasValue(0);

        assertThat(verifier.verifyCredential(credentialWith(entry("revocation", 4))).outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aVerifiedListIsReusedAndItsIssuerStillChecked() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        JsonObject list = signedList();
        List<VerificationResult> results = new ArrayList<>();
        Verifier verifier = Verifier.builder().policy(POLICY).statusListSource(url -> {
            lookups.incrementAndGet();
            return Optional.of(list);
        }).build();
        for (int i = 0; i < 3; i++) {
            results.add(verifier.verifyCredential(credentialWith(entry("revocation", 10 + i))));
        }
        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.VERIFIED));
        // a credential of another issuer naming the same (cached) list is refused
        String other = DidKey.did(OTHER_KEY.publicKey());
        JsonObject foreign = sign(credential(other).with("credentialStatus", entry("revocation", 4)), Cryptosuite.EDDSA_RDFC_2022, OTHER_KEY);
        VerificationResult result = verifier.verifyCredential(foreign);
        VerifierTest.assertRejected(result, "status", ProblemCode.INVALID_STATUS_LIST);
        assertThat(status(result).message()).contains("not by the credential's issuer");
        assertThat(lookups).hasValue(4);
    }

    @Test
    void aListOfAnotherIssuerIsRefused() throws Exception {
        String other = DidKey.did(OTHER_KEY.publicKey());
        Verifier verifier = verifier(sign(list(other, "revocation"), Cryptosuite.EDDSA_RDFC_2022, OTHER_KEY));
        VerificationResult result = verifier.verifyCredential(credentialWith(entry("revocation", 4)));
        VerifierTest.assertRejected(result, "status", ProblemCode.INVALID_STATUS_LIST);
        assertThat(status(result).message()).contains("was issued by " + other);
    }

    @Test
    void aListWhoseProofDoesNotVerifyIsRefused() throws Exception {
        JsonObject forged = signedList().with("validFrom", "2024-05-02T00:00:00Z");
        VerificationResult result = verifier(forged).verifyCredential(credentialWith(entry("revocation", REVOKED)));
        VerifierTest.assertRejected(result, "status", ProblemCode.INVALID_STATUS_LIST);
        assertThat(status(result).message()).startsWith("the status list credential does not verify (proof.signature:");

        JsonObject unsigned = list(ISSUER, "revocation");
        VerificationResult noProof = verifier(unsigned).verifyCredential(credentialWith(entry("revocation", 4)));
        VerifierTest.assertRejected(noProof, "status", ProblemCode.INVALID_STATUS_LIST);
        assertThat(status(noProof).message()).contains("(proof: ");

        JsonObject notACredential = JsonObject.builder().put("id", URL).build();
        VerificationResult broken = verifier(notACredential).verifyCredential(credentialWith(entry("revocation", 4)));
        VerifierTest.assertRejected(broken, "status", ProblemCode.INVALID_STATUS_LIST);
        assertThat(status(broken).message()).contains("(data-model: ");
    }

    @Test
    void aListSignedByAnUnknownKeyMakesTheStatusUnavailable() throws Exception {
        // the list's key cannot be resolved: indeterminate, not a forgery
        JsonObject list = ProofMaker.sign(list(ISSUER, "revocation"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY,
                ProofMaker.options(Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY, "assertionMethod")
                        .put("verificationMethod", "https://keys.example/unknown#key-1").build());
        VerificationResult result = verifier(list).verifyCredential(credentialWith(entry("revocation", 4)));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(status(result).problem()).isEqualTo(ProblemCode.STATUS_UNAVAILABLE);
    }

    @Test
    void aListWithAnotherIdIsRefused() throws Exception {
        JsonObject list = sign(list(ISSUER, "revocation").with("id", URL + "/other"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject served = list;
        Verifier verifier = Verifier.builder().policy(POLICY).statusListSource(url -> Optional.of(served)).build();
        VerificationResult result = verifier.verifyCredential(credentialWith(entry("revocation", 4)));
        VerifierTest.assertRejected(result, "status", ProblemCode.INVALID_STATUS_LIST);
        assertThat(status(result).message()).contains("id is not " + URL);
    }

    @Test
    void missingStaleAndOldListsFollowThePolicy() throws Exception {
        JsonObject credential = credentialWith(entry("revocation", 4));
        for (VerificationPolicy.Treatment treatment : VerificationPolicy.Treatment.values()) {
            Verifier none = Verifier.builder().policy(POLICY.toBuilder().missingStatus(treatment).build()).build();
            Check check = status(none.verifyCredential(credential));
            assertThat(check.problem()).isEqualTo(ProblemCode.STATUS_UNAVAILABLE);
            assertThat(check.outcome()).isEqualTo(switch (treatment) {
                case REJECT -> CheckOutcome.FAILED;
                case INDETERMINATE -> CheckOutcome.INDETERMINATE;
                case WARN -> CheckOutcome.WARNING;
            });
            assertThat(check.message()).isEqualTo("the status list " + URL + " is not available offline");
        }

        // POLICY's clock is 2024-06-01T12:00Z, the skew 5 minutes
        JsonObject stale = sign(list(ISSUER, "revocation").with("validUntil", "2024-06-01T11:54:59Z"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        Check staleCheck = status(verifier(stale).verifyCredential(credential));
        assertThat(staleCheck.outcome()).isEqualTo(CheckOutcome.INDETERMINATE);
        assertThat(staleCheck.message()).contains("it is stale");
        JsonObject withinSkew = sign(list(ISSUER, "revocation").with("validUntil", "2024-06-01T11:55:01Z"), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        assertThat(status(verifier(withinSkew).verifyCredential(credential)).outcome()).isEqualTo(CheckOutcome.PASSED);

        // the list is valid from 2024-05-01: 31 days and 12 hours old
        JsonObject list = signedList();
        Verifier young = Verifier.builder().policy(POLICY.toBuilder().maxStatusListAge(Duration.ofDays(32)).build())
                .statusListSource(StatusListSource.of(List.of(list))).build();
        assertThat(status(young.verifyCredential(credential)).outcome()).isEqualTo(CheckOutcome.PASSED);
        Verifier strict = Verifier.builder().policy(POLICY.toBuilder().maxStatusListAge(Duration.ofDays(31)).build())
                .statusListSource(StatusListSource.of(List.of(list))).build();
        Check old = status(strict.verifyCredential(credential));
        assertThat(old.outcome()).isEqualTo(CheckOutcome.INDETERMINATE);
        assertThat(old.message()).isEqualTo("the status list is older than the policy allows");
    }

    @Test
    void unsupportedStatusTypesAreUnavailable() throws Exception {
        JsonObject unknownType = credential(ISSUER).with("@context", JsonArray.ofStrings(List.of(
                "https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2")))
                .with("credentialStatus", JsonObject.builder().put("id", "https://status.example/y").put("type", "ExampleStatus").build());
        VerificationResult result = verifier(signedList()).verifyCredential(sign(unknownType, Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY));
        assertThat(status(result).problem()).isEqualTo(ProblemCode.STATUS_UNAVAILABLE);
        assertThat(status(result).message()).isEqualTo("status type \"ExampleStatus\" is not supported (only BitstringStatusListEntry)");
    }

    @Test
    void aNewListFromTheSourceReplacesTheCachedOne() throws Exception {
        // the source serves a new list object once the issuer revokes: the cache must not hide it
        JsonObject before = signedList();
        StatusBitstring.Builder bits = StatusBitstring.builder(131_072, 1);
        bits.set(REVOKED, 1).set(4, 1);
        JsonObject after = sign(list(ISSUER, "revocation").with("credentialSubject", list(ISSUER, "revocation")
                .object("credentialSubject").orElseThrow().with("encodedList", EncodedListCodec.defaults().encode(bits.build()))),
                Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        java.util.concurrent.atomic.AtomicReference<JsonObject> current = new java.util.concurrent.atomic.AtomicReference<>(before);
        Verifier verifier = Verifier.builder().policy(POLICY).statusListSource(url -> Optional.of(current.get())).build();
        JsonObject credential = credentialWith(entry("revocation", 4));
        assertThat(verifier.verifyCredential(credential).outcome()).isEqualTo(Outcome.VERIFIED);
        current.set(after);
        VerifierTest.assertRejected(verifier.verifyCredential(credential), "status", ProblemCode.REVOKED);
    }

    @Test
    void aCachedListIsNotVerifiedAgain() throws Exception {
        // a did:web issuer whose document resolutions are counted: one per credential proof, plus
        // one for the list's proof the first time only
        String issuer = "did:web:status.example";
        dev.credkit.keys.Ed25519KeyPair key = VerifierTest.key(10);
        dev.credkit.keys.DidDocument document = VerifierTest.didWeb(issuer, "key-1", "key-1");
        AtomicInteger resolutions = new AtomicInteger();
        JsonObject options = ProofMaker.options(Cryptosuite.EDDSA_RDFC_2022, key, "assertionMethod")
                .put("verificationMethod", issuer + "#key-1").build();
        JsonObject list = ProofMaker.sign(list(issuer, "revocation"), Cryptosuite.EDDSA_RDFC_2022, key, options);
        Verifier verifier = Verifier.builder().policy(POLICY).statusListSource(StatusListSource.of(List.of(list)))
                .didResolver(did -> {
                    resolutions.incrementAndGet();
                    return did.equals(issuer) ? Optional.of(document) : Optional.empty();
                }).build();
        for (int i = 0; i < 3; i++) {
            JsonObject credential = ProofMaker.sign(credential(issuer).with("credentialStatus", entry("revocation", 20 + i)),
                    Cryptosuite.EDDSA_RDFC_2022, key, options);
            VerificationResult result = verifier.verifyCredential(credential);
            assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        }
        assertThat(resolutions).hasValue(3 + 1);
    }
}
