package dev.credkit.benchmarks;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.Signers;
import dev.credkit.verify.Verifier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * A benchmark document with the issuer (benchmark key, fixed clock and {@code created}) and
 * verifier that sign and check it, and its signed bytes, checked to verify (and a tampered copy
 * not to) before any benchmark measures it.
 */
final class Signed {
    final CredentialIssuer issuer;
    final ProofOptions options;
    final JsonObject unsigned;
    final Verifier verifier;
    final byte[] bytes;

    private Signed(CredentialIssuer issuer, ProofOptions options, JsonObject unsigned, Verifier verifier, byte[] bytes) {
        this.issuer = issuer;
        this.options = options;
        this.unsigned = unsigned;
        this.verifier = verifier;
        this.bytes = bytes;
    }

    static Signed prepare(JsonObject unsigned, Cryptosuite suite, String what) throws CredentialException {
        Ed25519KeyPair key = Ed25519KeyPair.fromSecretMultibase(BenchData.secretKeyMultibase());
        CredentialIssuer issuer = CredentialIssuer.builder()
                .signer(Signers.didKey(key))
                .clock(Clock.fixed(BenchData.proofCreated(), ZoneOffset.UTC))
                .build();
        ProofOptions options = ProofOptions.builder().cryptosuite(suite).created(BenchData.proofCreated()).build();
        Sanity.warmUp(RdfCanonicalizer.defaults(), unsigned); // issuer and verifier share the defaults
        Verifier verifier = Verifier.builder().build();
        byte[] bytes = JsonWriter.compact(issuer.issue(unsigned, options).json()).getBytes(StandardCharsets.UTF_8);
        Sanity.requireVerifies(verifier, bytes, what);
        return new Signed(issuer, options, unsigned, verifier, bytes);
    }
}
