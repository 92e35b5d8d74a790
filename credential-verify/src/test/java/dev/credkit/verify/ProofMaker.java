package dev.credkit.verify;

import dev.credkit.internal.proof.DataIntegrity;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only signing from the shared core engine, so that tests can produce correctly signed
 * documents that break exactly one rule (credential-verify never depends on credential-signing).
 */
final class ProofMaker {
    private static final DataIntegrity DI = new DataIntegrity(RdfCanonicalizer.defaults());

    private ProofMaker() {
    }

    static JsonObject.Builder options(Cryptosuite suite, Ed25519KeyPair key, String purpose) {
        JsonObject.Builder b = JsonObject.builder().put("type", suite.proofType());
        suite.cryptosuiteName().ifPresent(n -> b.put("cryptosuite", n));
        return b.put("created", "2024-01-01T00:00:00Z")
                .put("verificationMethod", DidKey.verificationMethodId(key.publicKey()))
                .put("proofPurpose", purpose);
    }

    /** Signs with the given options (the proof's members are exactly these plus proofValue). */
    static JsonObject sign(JsonObject document, Cryptosuite suite, Ed25519KeyPair key, JsonObject proofOptions) throws Exception {
        JsonObject prepared = DataIntegrity.prepareForSigning(suite, document);
        JsonObject unsecured = prepared.without("proof");
        List<JsonObject> existing = proofs(prepared);
        JsonObject options = proofOptions;
        if (suite == Cryptosuite.EDDSA_JCS_2022) {
            options = options.with("@context", unsecured.get("@context").orElseThrow());
        }
        JsonObject input = DataIntegrity.chainInput(unsecured, options, existing);
        byte[] signature = key.sign(DI.hashData(suite, input, options));
        JsonObject proof = options.with("proofValue", DataIntegrity.encodeProofValue(signature));
        if (existing.isEmpty()) {
            return prepared.with("proof", proof);
        }
        List<JsonValue> all = new ArrayList<>(existing);
        all.add(proof);
        return prepared.with("proof", JsonArray.of(all));
    }

    static JsonObject sign(JsonObject document, Cryptosuite suite, Ed25519KeyPair key) throws Exception {
        return sign(document, suite, key, options(suite, key, "assertionMethod").build());
    }

    static List<JsonObject> proofs(JsonObject document) {
        return document.get("proof").map(p -> p instanceof JsonArray a
                ? a.elements().stream().map(JsonObject.class::cast).toList()
                : List.of((JsonObject) p)).orElse(List.of());
    }
}
