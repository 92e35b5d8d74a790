package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.status.EncodedListCodec;
import dev.credkit.status.StatusBitstring;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.credkit.verify.ProofMaker.sign;
import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.POLICY;
import static dev.credkit.verify.VerifierTest.credential;
import static org.assertj.core.api.Assertions.assertThat;

/** Status outcomes with real signed status list credentials (Bitstring Status List v1.0). */
class StatusVerificationTest {
    static final String REVOCATION = "https://status.example/lists/revocation";
    static final String SUSPENSION = "https://status.example/lists/suspension";
    static final String MESSAGES = "https://status.example/lists/messages";
    static final int ENTRIES = 131_072;

    static JsonObject entry(String list, String purpose, int index) {
        return JsonObject.builder().put("id", list + "#" + index).put("type", "BitstringStatusListEntry")
                .put("statusPurpose", purpose).put("statusListIndex", Integer.toString(index))
                .put("statusListCredential", list).build();
    }

    /** A signed BitstringStatusListCredential with the given entries set. */
    static JsonObject list(String url, String purpose, Ed25519KeyPair key, String issuer, String validUntil, int... set) throws Exception {
        StatusBitstring.Builder bits = StatusBitstring.builder(ENTRIES, 1);
        for (int i : set) {
            bits.set(i, 1);
        }
        JsonObject.Builder unsigned = JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")))
                .put("id", url)
                .put("type", JsonArray.ofStrings(List.of("VerifiableCredential", "BitstringStatusListCredential")))
                .put("issuer", issuer)
                .put("validFrom", "2024-05-01T00:00:00Z");
        if (validUntil != null) {
            unsigned.put("validUntil", validUntil);
        }
        unsigned.put("credentialSubject", JsonObject.builder().put("id", url + "#list").put("type", "BitstringStatusList")
                .put("statusPurpose", purpose).put("encodedList", EncodedListCodec.defaults().encode(bits.build())).build());
        return sign(unsigned.build(), Cryptosuite.EDDSA_RDFC_2022, key,
                ProofMaker.options(Cryptosuite.EDDSA_RDFC_2022, key, "assertionMethod").build());
    }

    static JsonObject list(String url, String purpose, int... set) throws Exception {
        return list(url, purpose, ISSUER_KEY, ISSUER, null, set);
    }

    static VerificationResult verify(JsonObject credential, JsonObject... lists) {
        return Verifier.builder().policy(POLICY).statusListSource(StatusListSource.of(List.of(lists))).build()
                .verifyCredential(credential);
    }

    static JsonObject issued(JsonObject status) throws Exception {
        return sign(credential(ISSUER).with("credentialStatus", status), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
    }

    @Test
    void notRevokedRevokedAndBitOrder() throws Exception {
        JsonObject vc = issued(entry(REVOCATION, "revocation", 0));
        VerificationResult valid = verify(vc, list(REVOCATION, "revocation", 1, 7, 8));
        assertThat(valid.outcome()).as(valid.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(valid.check("status").orElseThrow().message()).contains("not set");

        // only bit 0 set: the most significant bit of the first byte
        VerificationResult revoked = verify(vc, list(REVOCATION, "revocation", 0));
        assertThat(revoked.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(revoked.check("status").orElseThrow().problem()).isEqualTo(ProblemCode.REVOKED);
    }

    @Test
    void suspendedRejectsAndEveryEntryIsChecked() throws Exception {
        JsonObject vc = issued(entry(REVOCATION, "revocation", 42));
        JsonObject both = sign(credential(ISSUER).with("credentialStatus",
                JsonArray.of(entry(REVOCATION, "revocation", 42), entry(SUSPENSION, "suspension", 99))), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        VerificationResult suspended = verify(both, list(REVOCATION, "revocation"), list(SUSPENSION, "suspension", 99));
        assertThat(suspended.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(suspended.check("status[0]").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(suspended.check("status[1]").orElseThrow().problem()).isEqualTo(ProblemCode.SUSPENDED);

        VerificationResult reinstated = verify(both, list(REVOCATION, "revocation"), list(SUSPENSION, "suspension"));
        assertThat(reinstated.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verify(vc, list(REVOCATION, "revocation")).outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void missingListIsIndeterminateOrWhatThePolicySays() throws Exception {
        JsonObject vc = issued(entry(REVOCATION, "revocation", 5));
        VerificationResult missing = verify(vc);
        assertThat(missing.outcome()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(missing.check("status").orElseThrow().problem()).isEqualTo(ProblemCode.STATUS_UNAVAILABLE);

        Verifier rejecting = Verifier.builder().policy(POLICY.toBuilder().missingStatus(VerificationPolicy.Treatment.REJECT).build()).build();
        assertThat(rejecting.verifyCredential(vc).outcome()).isEqualTo(Outcome.REJECTED);
        Verifier warning = Verifier.builder().policy(POLICY.toBuilder().missingStatus(VerificationPolicy.Treatment.WARN).build()).build();
        VerificationResult warned = warning.verifyCredential(vc);
        assertThat(warned.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(warned.check("status").orElseThrow().outcome()).isEqualTo(CheckOutcome.WARNING);
    }

    @Test
    void staleListIsUnavailable() throws Exception {
        JsonObject vc = issued(entry(REVOCATION, "revocation", 5));
        JsonObject expired = list(REVOCATION, "revocation", ISSUER_KEY, ISSUER, "2024-05-15T00:00:00Z");
        VerificationResult stale = verify(vc, expired);
        assertThat(stale.outcome()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(stale.check("status").orElseThrow().message()).contains("stale");

        Verifier strictAge = Verifier.builder().policy(POLICY.toBuilder().maxStatusListAge(Duration.ofDays(7)).build())
                .statusListSource(StatusListSource.of(List.of(list(REVOCATION, "revocation")))).build();
        assertThat(strictAge.verifyCredential(vc).check("status").orElseThrow().problem()).isEqualTo(ProblemCode.STATUS_UNAVAILABLE);
    }

    @Test
    void aListFromAnotherIssuerOrWithABadSignatureIsRejected() throws Exception {
        JsonObject vc = issued(entry(REVOCATION, "revocation", 5));
        Ed25519KeyPair other = VerifierTest.key(9);
        JsonObject foreign = list(REVOCATION, "revocation", other, DidKey.did(other.publicKey()), null);
        VerificationResult r1 = verify(vc, foreign);
        assertThat(r1.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r1.check("status").orElseThrow().problem()).isEqualTo(ProblemCode.INVALID_STATUS_LIST);

        // an attacker clears the revocation bit in the issuer's list: the list no longer verifies
        JsonObject revokedList = list(REVOCATION, "revocation", 5);
        JsonObject clearedSubject = list(REVOCATION, "revocation").object("credentialSubject").orElseThrow();
        VerificationResult r2 = verify(vc, revokedList.with("credentialSubject", clearedSubject));
        assertThat(r2.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r2.check("status").orElseThrow().problem()).isEqualTo(ProblemCode.INVALID_STATUS_LIST);
    }

    @Test
    void purposeMismatchAndIndexOutOfRange() throws Exception {
        JsonObject mismatch = issued(entry(REVOCATION, "suspension", 5));
        assertThat(verify(mismatch, list(REVOCATION, "revocation")).check("status").orElseThrow().problem())
                .isEqualTo(ProblemCode.INVALID_STATUS_LIST);
        JsonObject outOfRange = issued(entry(REVOCATION, "revocation", ENTRIES + 10));
        assertThat(verify(outOfRange, list(REVOCATION, "revocation")).check("status").orElseThrow().problem())
                .isEqualTo(ProblemCode.INVALID_STATUS_LIST);
    }

    @Test
    void statusIsNotLookedUpWhenTheSignatureFails() throws Exception {
        JsonObject vc = issued(entry(REVOCATION, "revocation", 5));
        int[] asked = {0};
        Verifier verifier = Verifier.builder().policy(POLICY).statusListSource(url -> {
            asked[0]++;
            return java.util.Optional.empty();
        }).build();
        VerificationResult r = verifier.verifyCredential(vc.with("validFrom", "2020-01-01T00:00:00Z"));
        assertThat(r.check("status").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(asked[0]).isZero();
    }
}
