package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.credkit.testing.TestResources.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Credentials signed by others (W3C, 1EdTech) verify here, with the issuer binding a trust list supplies. */
class VectorVerificationTest {
    static final VerificationPolicy AT_2024 = VerificationPolicy.builder()
            .clock(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
    static final String W3C_ISSUER = "https://vc.example/issuers/5678";

    static TrustList w3cTrustList(List<String> keys) {
        return TrustList.of(List.of(new TrustedIssuer(W3C_ISSUER, "W3C test issuer", null, null, keys)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eddsa-rdfc-2022/signedDataInt.json", "eddsa-jcs-2022/signedJCS.json",
            "Ed25519Signature2020/signedEdSig.json"})
    void w3cVectorsVerifyWithATrustListAndAreUnboundWithout(String file) {
        JsonObject signed = json("vectors/vc-di-eddsa/" + file);
        String key = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

        VerificationResult trusted = Verifier.builder().policy(AT_2024).trustRegistry(w3cTrustList(List.of(key))).build()
                .verifyCredential(signed);
        assertThat(trusted.outcome()).as(trusted.toString()).isEqualTo(Outcome.VERIFIED);

        VerificationResult unbound = Verifier.builder().policy(AT_2024).build().verifyCredential(signed);
        assertThat(unbound.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(unbound.check("proof.binding").orElseThrow().problem()).isEqualTo(ProblemCode.ISSUER_KEY_MISMATCH);
        assertThat(unbound.check("proof.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json"})
    void proofSetAndChainVectorsVerify(String file) {
        JsonObject signed = json("vectors/vc-di-eddsa/proof-set-chain/" + file);
        JsonObject pairs = json("vectors/vc-di-eddsa/proof-set-chain/multiKeyPairs.json");
        List<String> keys = new ArrayList<>();
        pairs.keys().forEach(k -> keys.add("did:key:" + pairs.object(k).orElseThrow().string("publicKeyMultibase").orElseThrow()));
        String issuer = signed.string("issuer").orElseThrow();
        TrustList list = TrustList.of(List.of(new TrustedIssuer(issuer, null, null, null, keys)));
        VerificationResult result = Verifier.builder().policy(AT_2024).trustRegistry(list).build().verifyCredential(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void tamperingWithAVectorBreaksItsSignature() {
        JsonObject signed = json("vectors/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json");
        JsonObject tampered = signed.with("name", "Alumni Credentiel");
        Verifier verifier = Verifier.builder().policy(AT_2024)
                .trustRegistry(w3cTrustList(List.of("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"))).build();
        VerificationResult result = verifier.verifyCredential(tampered);
        assertThat(result.check("proof.signature").orElseThrow().problem()).isEqualTo(ProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void openBadgesVectorVerifiesWithItsKeySuppliedByATrustList() throws Exception {
        JsonObject signed = json("vectors/ob3-eddsa-rdfc-2022/signed.json");
        JsonObject proof = signed.object("proof").orElseGet(() -> {
            JsonValue first = signed.array("proof").orElseThrow().get(0);
            return (JsonObject) first;
        });
        String method = proof.string("verificationMethod").orElseThrow();
        String issuer = signed.object("issuer").flatMap(i -> i.string("id")).orElseGet(() -> signed.string("issuer").orElseThrow());
        JsonObject key = json("vectors/ob3-eddsa-rdfc-2022/key.json");
        JsonObject trustJson = JsonObject.builder().put("issuers", JsonArray.of(JsonObject.builder()
                .put("id", issuer).put("name", "Example University")
                .put("verificationMethods", JsonArray.of(JsonObject.builder().put("id", method)
                        .put("publicKeyMultibase", key.string("publicKeyMultibase").orElseThrow()).build()))
                .build())).build();
        Verifier verifier = Verifier.builder()
                .policy(VerificationPolicy.builder().clock(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC)).build())
                .trustRegistry(TrustList.read(trustJson)).build();
        VerificationResult result = verifier.verifyCredential(signed);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);

        VerificationResult withoutKey = Verifier.builder().policy(AT_2024).build().verifyCredential(signed);
        assertThat(withoutKey.outcome()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(withoutKey.problems()).contains(ProblemCode.UNKNOWN_KEY);
    }
}
