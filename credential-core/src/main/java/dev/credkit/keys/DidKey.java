package dev.credkit.keys;

import dev.credkit.core.CredentialException;

/** {@code did:key} for Ed25519, created and resolved entirely offline. */
public final class DidKey {
    private DidKey() {
    }

    /** {@code did:key:z6Mk...} */
    public static String did(Ed25519PublicKey key) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code did:key:z6Mk...#z6Mk...} */
    public static String verificationMethodId(Ed25519PublicKey key) {
        throw new UnsupportedOperationException("TODO");
    }

    /** True for a {@code did:key:} DID or DID URL. */
    public static boolean isDidKey(String didOrUrl) {
        return didOrUrl != null && didOrUrl.startsWith("did:key:");
    }

    /**
     * Resolves a {@code did:key} DID (or a DID URL with fragment) to its DID document: one
     * Multikey method, listed in assertionMethod, authentication, capabilityInvocation and
     * capabilityDelegation.
     */
    public static DidDocument resolve(String didOrUrl) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }
}
