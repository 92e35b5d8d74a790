package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code did:key} for Ed25519, created and resolved entirely offline. */
public final class DidKey {
    /** The {@code @context} of a resolved {@code did:key} document. */
    public static final List<String> CONTEXTS = List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1");

    private static final String PREFIX = "did:key:";
    private static final List<String> RELATIONSHIPS =
            List.of("authentication", "assertionMethod", "capabilityInvocation", "capabilityDelegation");

    private DidKey() {
    }

    /** {@code did:key:z6Mk...} */
    public static String did(Ed25519PublicKey key) {
        return PREFIX + key.multibase();
    }

    /** {@code did:key:z6Mk...#z6Mk...} */
    public static String verificationMethodId(Ed25519PublicKey key) {
        String mb = key.multibase();
        return PREFIX + mb + "#" + mb;
    }

    /** True for a {@code did:key:} DID or DID URL. */
    public static boolean isDidKey(String didOrUrl) {
        return didOrUrl != null && didOrUrl.startsWith("did:key:");
    }

    /**
     * The Ed25519 key of a {@code did:key} DID or DID URL (the fragment is ignored). Non-Ed25519
     * {@code did:key}s are {@link ProblemCode#INVALID_KEY}, anything else that is not a plain
     * {@code did:key} is {@link ProblemCode#MALFORMED}.
     */
    public static Ed25519PublicKey publicKey(String didOrUrl) throws CredentialException {
        if (!isDidKey(didOrUrl)) {
            throw new CredentialException(ProblemCode.MALFORMED, "not a did:key identifier");
        }
        int hash = didOrUrl.indexOf('#');
        String methodSpecificId = didOrUrl.substring(PREFIX.length(), hash < 0 ? didOrUrl.length() : hash);
        for (int i = 0; i < methodSpecificId.length(); i++) {
            char c = methodSpecificId.charAt(i);
            if (c == ':' || c == '/' || c == '?' || c == ';') {
                throw new CredentialException(ProblemCode.MALFORMED, "did:key with a version, path or query is not supported");
            }
        }
        if (methodSpecificId.isEmpty() || methodSpecificId.charAt(0) != Multibase.BASE58BTC) {
            throw new CredentialException(ProblemCode.MALFORMED, "did:key identifier must be base58btc multibase ('z...')");
        }
        return Ed25519PublicKey.fromMultibase(methodSpecificId);
    }

    /**
     * Resolves a {@code did:key} DID (or a DID URL with fragment) to its DID document: one
     * Multikey method, listed in assertionMethod, authentication, capabilityInvocation and
     * capabilityDelegation.
     */
    public static DidDocument resolve(String didOrUrl) throws CredentialException {
        return document(publicKey(didOrUrl));
    }

    /** The DID document of {@code key}'s {@code did:key}. */
    public static DidDocument document(Ed25519PublicKey key) {
        String did = did(key);
        String methodId = verificationMethodId(key);
        VerificationMethod method = VerificationMethod.multikey(methodId, did, key);
        JsonObject.Builder json = JsonObject.builder()
                .put("@context", JsonArray.ofStrings(CONTEXTS))
                .put("id", did)
                .put("verificationMethod", JsonArray.of(method.toJson()));
        Map<String, Set<String>> relationships = new HashMap<>();
        JsonArray reference = JsonArray.ofStrings(List.of(methodId));
        for (String relationship : RELATIONSHIPS) {
            json.put(relationship, reference);
            relationships.put(relationship, Set.of(methodId));
        }
        return new DidDocument(did, List.of(method), relationships, json.build());
    }
}
