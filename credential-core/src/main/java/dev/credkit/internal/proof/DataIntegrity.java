package dev.credkit.internal.proof;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.Jcs;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.keys.Multibase;
import dev.credkit.proof.Cryptosuite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vc-di-eddsa algorithms that signing and verifying share: transformation, proof
 * configuration, hashing and proof-value encoding, for all three Ed25519 suites. Immutable and
 * thread-safe; not public API.
 */
public final class DataIntegrity {
    public static final String DATA_INTEGRITY_V2_CONTEXT = "https://w3id.org/security/data-integrity/v2";
    private static final String VC_V1_CONTEXT = "https://www.w3.org/2018/credentials/v1";

    private final RdfCanonicalizer rdfc;

    public DataIntegrity(RdfCanonicalizer rdfc) {
        this.rdfc = rdfc;
    }

    public RdfCanonicalizer canonicalizer() {
        return rdfc;
    }

    /**
     * The unsecured document as it will be signed: the legacy suite needs its context in the
     * document, and a VC 1.1 document needs the Data Integrity context to define
     * {@code DataIntegrityProof}. Anything already present is left as it is.
     */
    public static JsonObject prepareForSigning(Cryptosuite suite, JsonObject document) {
        List<JsonValue> contexts = contextList(document);
        List<String> urls = contexts.stream().filter(c -> c instanceof JsonString).map(c -> ((JsonString) c).value()).toList();
        String required = null;
        if (suite == Cryptosuite.ED25519_SIGNATURE_2020) {
            required = Cryptosuite.ED25519_2020_CONTEXT;
        } else if (urls.contains(VC_V1_CONTEXT)
                && !urls.contains(DATA_INTEGRITY_V2_CONTEXT)
                && !urls.contains("https://w3id.org/security/data-integrity/v1")) {
            required = DATA_INTEGRITY_V2_CONTEXT;
        }
        if (required == null || urls.contains(required)) {
            return document;
        }
        List<JsonValue> extended = new ArrayList<>(contexts);
        extended.add(new JsonString(required));
        return document.with("@context", JsonArray.of(extended));
    }

    /** The bytes the suite hashes for a document: canonical N-Quads or JCS. */
    public byte[] transform(Cryptosuite suite, JsonObject unsecured) throws CredentialException {
        if (suite.usesRdfc()) {
            return rdfc.canonicalize(unsecured).getBytes(StandardCharsets.UTF_8);
        }
        return Jcs.canonicalize(unsecured);
    }

    /** SHA-256 of the transformed document. */
    public byte[] documentHash(Cryptosuite suite, JsonObject unsecured) throws CredentialException {
        return sha256(transform(suite, unsecured));
    }

    /**
     * The proof configuration: the proof's options (never its {@code proofValue}) with the
     * document's {@code @context}.
     */
    public static JsonObject proofConfig(JsonObject proofOptions, JsonObject unsecured) throws CredentialException {
        JsonObject.Builder b = proofOptions.toBuilder().remove("proofValue").remove("@context");
        JsonValue context = unsecured.get("@context").orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_DATA_MODEL, "document has no @context"));
        return b.put("@context", context).build();
    }

    /** SHA-256 of the canonical proof configuration. */
    public byte[] proofConfigHash(Cryptosuite suite, JsonObject proofConfig) throws CredentialException {
        byte[] canonical = suite.usesRdfc()
                ? rdfc.canonicalize(proofConfig).getBytes(StandardCharsets.UTF_8)
                : Jcs.canonicalize(proofConfig);
        return sha256(canonical);
    }

    /** proofConfigHash ‖ documentHash: the 64 bytes that are signed. */
    public byte[] hashData(Cryptosuite suite, JsonObject unsecured, JsonObject proofOptions) throws CredentialException {
        return concat(proofConfigHash(suite, proofConfig(proofOptions, unsecured)), documentHash(suite, unsecured));
    }

    /** proofConfigHash ‖ documentHash with a document hash computed earlier (shared by proofs). */
    public byte[] hashData(Cryptosuite suite, byte[] documentHash, JsonObject unsecured, JsonObject proofOptions)
            throws CredentialException {
        return concat(proofConfigHash(suite, proofConfig(proofOptions, unsecured)), documentHash);
    }

    /** {@code proofValue}: multibase base58btc of the signature. */
    public static String encodeProofValue(byte[] signature) {
        return Multibase.encodeBase58Btc(signature);
    }

    /**
     * Decodes a {@code proofValue}; anything but base58btc multibase is INVALID_PROOF. The
     * length is not checked here: a signature of the wrong length simply fails verification.
     */
    public static byte[] decodeProofValue(JsonObject proof) throws CredentialException {
        String value = proof.string("proofValue").orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_PROOF, "proof has no string 'proofValue'"));
        if (!value.startsWith("z")) {
            throw new CredentialException(ProblemCode.INVALID_PROOF, "proofValue must be base58btc multibase ('z' prefix)");
        }
        if (value.length() > 200) {
            throw new CredentialException(ProblemCode.INVALID_SIGNATURE, "proofValue is far too long for an Ed25519 signature");
        }
        try {
            return Multibase.decodeBase58Btc(value);
        } catch (CredentialException e) {
            throw new CredentialException(ProblemCode.INVALID_PROOF, "proofValue is not valid base58btc: " + e.getMessage());
        }
    }

    /**
     * For eddsa-jcs-2022 proofs that carry {@code @context}: the document's contexts must start
     * with the proof's, and the unsecured document takes the proof's contexts (vc-di-eddsa §3.3.2).
     */
    public static JsonObject applyJcsProofContext(JsonObject unsecured, JsonObject proof) throws CredentialException {
        Optional<JsonValue> proofContext = proof.get("@context");
        if (proofContext.isEmpty()) {
            return unsecured;
        }
        List<JsonValue> docContexts = contextList(unsecured);
        List<JsonValue> proofContexts = proofContext.get() instanceof JsonArray a ? a.elements() : List.of(proofContext.get());
        if (proofContexts.size() > docContexts.size() || !docContexts.subList(0, proofContexts.size()).equals(proofContexts)) {
            throw new CredentialException(ProblemCode.INVALID_PROOF, "the document's @context does not start with the proof's @context");
        }
        return unsecured.with("@context", proofContext.get());
    }

    /**
     * The document a proof in a chain signs: the unsecured document plus every proof named by
     * its {@code previousProof} (Data Integrity §4.5). A proof without {@code previousProof}
     * signs the unsecured document alone.
     */
    public static JsonObject chainInput(JsonObject unsecured, JsonObject proof, List<JsonObject> allProofs) throws CredentialException {
        List<String> previous = previousProofIds(proof);
        if (previous.isEmpty()) {
            return unsecured;
        }
        List<JsonValue> matching = new ArrayList<>();
        for (String id : previous) {
            JsonObject found = allProofs.stream()
                    .filter(p -> p.string("id").filter(id::equals).isPresent())
                    .findFirst()
                    .orElseThrow(() -> new CredentialException(ProblemCode.MISSING_PREVIOUS_PROOF,
                            "previousProof '" + shorten(id) + "' is not in the proof set"));
            matching.add(found);
        }
        return unsecured.with("proof", JsonArray.of(matching));
    }

    /** The ids a proof's {@code previousProof} names (a string or an array of strings). */
    public static List<String> previousProofIds(JsonObject proof) throws CredentialException {
        Optional<JsonValue> value = proof.get("previousProof");
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof JsonString s) {
            return List.of(s.value());
        }
        if (value.get() instanceof JsonArray a && a.strings().isPresent()) {
            return a.strings().get();
        }
        throw new CredentialException(ProblemCode.INVALID_PROOF, "previousProof must be a string or an array of strings");
    }

    /** The document's {@code @context} as a list (a single value becomes a one-element list). */
    public static List<JsonValue> contextList(JsonObject document) {
        Optional<JsonValue> context = document.get("@context");
        if (context.isEmpty()) {
            return List.of();
        }
        return context.get() instanceof JsonArray a ? a.elements() : List.of(context.get());
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
