package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.proof.Cryptosuite;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every policy setting is kept as given, and refused outside its range. */
class VerificationPolicyTest {

    @Test
    void settingsAreKept() {
        VerificationPolicy policy = VerificationPolicy.builder()
                .maxClockSkew(Duration.ZERO)
                .credentialProofPurpose("capabilityInvocation")
                .presentationProofPurpose("assertionMethod")
                .expectedChallenge("nonce-1")
                .expectedDomain("https://verifier.example")
                .maxProofs(100)
                .build();
        assertThat(policy.maxClockSkew()).isEqualTo(Duration.ZERO);
        assertThat(policy.credentialProofPurpose()).isEqualTo("capabilityInvocation");
        assertThat(policy.presentationProofPurpose()).isEqualTo("assertionMethod");
        assertThat(policy.expectedChallenge()).contains("nonce-1");
        assertThat(policy.expectedDomain()).contains("https://verifier.example");
        assertThat(policy.maxProofs()).isEqualTo(100);
        assertThat(policy.toBuilder().build().expectedChallenge()).contains("nonce-1");
    }

    @Test
    void clockSkewAtAndPastItsBounds() {
        assertThat(VerificationPolicy.defaults().maxClockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(VerificationPolicy.builder().maxClockSkew(Duration.ofHours(1)).build().maxClockSkew()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> VerificationPolicy.builder().maxClockSkew(Duration.ofHours(1).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1 hour");
        assertThatThrownBy(() -> VerificationPolicy.builder().maxClockSkew(Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1 hour");
        assertThat(VerificationPolicy.builder().maxProofs(1).build().maxProofs()).isEqualTo(1);
    }

    /** A proof purpose other than the default is what the verifier then requires. */
    @Test
    void aConfiguredProofPurposeIsRequired() throws Exception {
        JsonObject signed = ProofMaker.sign(VerifierTest.credential(VerifierTest.ISSUER), Cryptosuite.EDDSA_RDFC_2022,
                VerifierTest.ISSUER_KEY);
        Verifier invocation = Verifier.builder()
                .policy(VerifierTest.POLICY.toBuilder().credentialProofPurpose("capabilityInvocation").build()).build();
        assertThat(invocation.verifyCredential(signed).check("proof.options").orElseThrow().problem())
                .isEqualTo(ProblemCode.PROOF_PURPOSE_MISMATCH);
    }
}
