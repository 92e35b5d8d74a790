package dev.credkit.verify;

import dev.credkit.core.CredentialException;
import dev.credkit.keys.DidDocument;

import java.util.Optional;

/**
 * Resolves controller documents (DID documents, or {@code https} controller documents) that the
 * host makes available. {@code did:key} is always resolved locally without this. The default
 * resolves nothing: credkit never fetches. A host may back this with HTTP (did:web) and a cache.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DidResolver {

    /**
     * The controller document for a DID or controller URL (without fragment); empty when
     * unknown.
     *
     * @throws CredentialException when a document exists but is malformed
     */
    Optional<DidDocument> resolve(String controllerId) throws CredentialException;

    /** Resolves nothing. */
    static DidResolver none() {
        return id -> Optional.empty();
    }

    /** Resolves exactly the given documents, by their ids. */
    static DidResolver of(java.util.Collection<DidDocument> documents) {
        java.util.Map<String, DidDocument> byId = new java.util.HashMap<>();
        documents.forEach(d -> byId.put(d.id(), d));
        java.util.Map<String, DidDocument> frozen = java.util.Map.copyOf(byId);
        return id -> Optional.ofNullable(frozen.get(id));
    }
}
