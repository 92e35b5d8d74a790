package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.proof.Cryptosuite;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.POLICY;
import static dev.credkit.verify.VerifierTest.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier's own limits, at and just past: document bytes (the JSON reader it is given),
 * proofs per document, and the JWT payload (the same reader's limit). At the limit a signed
 * document verifies; one byte or one proof more, it is REJECTED with LIMIT_EXCEEDED.
 */
class VerifierLimitsTest {
    /** {@code json} followed by spaces up to exactly {@code size} bytes: still the same document. */
    static byte[] padded(String json, int size) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(text, size);
        Arrays.fill(out, text.length, size, (byte) ' ');
        return out;
    }

    @Test
    void documentBytesAtAndPastTheReadersLimit() throws Exception {
        String signed = ProofMaker.sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY).toJson();
        int limit = 4096;
        Verifier verifier = Verifier.builder().policy(POLICY).jsonReader(JsonReader.builder().maxBytes(limit).build()).build();
        VerificationResult at = verifier.verify(padded(signed, limit));
        assertThat(at.outcome()).as(at.toString()).isEqualTo(Outcome.VERIFIED);
        VerificationResult past = verifier.verify(padded(signed, limit + 1));
        assertThat(past.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(past.check("parse").orElseThrow().problem()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void documentBytesAtAndPastTheDefaultLimit() throws Exception {
        String signed = ProofMaker.sign(credential(ISSUER), Cryptosuite.EDDSA_JCS_2022, ISSUER_KEY).toJson();
        assertThat(Verifier.builder().build().verify(padded(signed, JsonReader.DEFAULT_MAX_BYTES)).check("parse").orElseThrow().outcome())
                .isEqualTo(CheckOutcome.PASSED);
        VerificationResult at = VerifierTest.VERIFIER.verify(padded(signed, JsonReader.DEFAULT_MAX_BYTES));
        assertThat(at.outcome()).as(at.toString()).isEqualTo(Outcome.VERIFIED);
        VerificationResult past = VerifierTest.VERIFIER.verify(padded(signed, JsonReader.DEFAULT_MAX_BYTES + 1));
        assertThat(past.firstProblem()).contains(ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void proofsAtAndPastTheDefaultLimit() throws Exception {
        assertThat(VerificationPolicy.defaults().maxProofs()).isEqualTo(8);
        JsonObject document = credential(ISSUER);
        for (int i = 0; i < 8; i++) {
            document = ProofMaker.sign(document, i % 2 == 0 ? Cryptosuite.EDDSA_RDFC_2022 : Cryptosuite.EDDSA_JCS_2022, ISSUER_KEY);
        }
        VerificationResult at = VerifierTest.VERIFIER.verifyCredential(document);
        assertThat(at.outcome()).as(at.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(at.checks()).filteredOn(c -> c.name().endsWith(".signature")).hasSize(8);

        JsonObject nine = ProofMaker.sign(document, Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        VerifierTest.assertRejected(VerifierTest.VERIFIER.verifyCredential(nine), "proof", ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void proofsAtAndPastAConfiguredLimit() throws Exception {
        Verifier two = Verifier.builder().policy(POLICY.toBuilder().maxProofs(2).build()).build();
        JsonObject once = ProofMaker.sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        JsonObject twice = ProofMaker.sign(once, Cryptosuite.ED25519_SIGNATURE_2020, ISSUER_KEY);
        assertThat(two.verifyCredential(twice).outcome()).isEqualTo(Outcome.VERIFIED);
        VerifierTest.assertRejected(two.verifyCredential(ProofMaker.sign(twice, Cryptosuite.EDDSA_JCS_2022, ISSUER_KEY)),
                "proof", ProblemCode.LIMIT_EXCEEDED);
        assertThatThrownBy(() -> VerificationPolicy.builder().maxProofs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationPolicy.builder().maxProofs(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jwtPayloadAtAndPastTheReadersLimit() throws Exception {
        JsonObject payload = JwtMaker.withClaims(credential(ISSUER), JwtMaker.claims(credential(ISSUER)));
        String header = JwtMaker.header(ISSUER_KEY, "vc+jwt").build().toJson();
        int limit = 4096;
        Verifier verifier = Verifier.builder().policy(POLICY).jsonReader(JsonReader.builder().maxBytes(limit).build()).build();
        String at = JwtMaker.sign(header, new String(padded(payload.toJson(), limit), StandardCharsets.UTF_8), ISSUER_KEY);
        VerificationResult atResult = verifier.verifyJwt(at);
        assertThat(atResult.outcome()).as(atResult.toString()).isEqualTo(Outcome.VERIFIED);
        String past = JwtMaker.sign(header, new String(padded(payload.toJson(), limit + 1), StandardCharsets.UTF_8), ISSUER_KEY);
        VerificationResult pastResult = verifier.verifyJwt(past);
        assertThat(pastResult.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(pastResult.firstProblem()).contains(ProblemCode.LIMIT_EXCEEDED);
    }
}
