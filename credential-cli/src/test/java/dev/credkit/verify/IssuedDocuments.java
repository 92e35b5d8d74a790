package dev.credkit.verify;

import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.JwtIssuer;
import dev.credkit.signing.Signers;
import dev.credkit.testing.TestResources;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Documents issued through the public signing API ({@link CredentialIssuer}, {@link JwtIssuer})
 * for the cross-module hardening tests: an Open Badges 3.0 credential under every suite and as a
 * {@code vc+jwt}, and a signed presentation of it.
 */
final class IssuedDocuments {
    static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final VerificationPolicy POLICY = VerificationPolicy.builder().clock(CLOCK).build();

    private IssuedDocuments() {
    }

    static Ed25519KeyPair key(int fill) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) fill);
        try {
            return Ed25519KeyPair.fromSeed(seed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Open Badges 3.0 vector credential, issued by {@code issuerDid} (an issuer profile object). */
    static JsonObject openBadge(String issuerDid) {
        JsonObject vector = TestResources.json("vectors/ob3-eddsa-rdfc-2022/unsigned.json");
        JsonObject issuer = vector.object("issuer").orElseThrow().with("id", issuerDid);
        return vector.with("issuer", issuer);
    }

    static CredentialIssuer issuer(Ed25519KeyPair key) {
        return CredentialIssuer.builder().signer(Signers.didKey(key)).clock(CLOCK).build();
    }

    static ProofOptions suite(Cryptosuite suite) {
        return ProofOptions.builder().cryptosuite(suite).build();
    }

    static JsonObject presentation(String holderDid, JsonValue... credentials) {
        return JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")))
                .put("type", "VerifiablePresentation")
                .put("holder", holderDid)
                .put("verifiableCredential", JsonArray.of(List.of(credentials)))
                .build();
    }

    static String did(Ed25519KeyPair key) {
        return DidKey.did(key.publicKey());
    }
}
