package dev.credkit.verify;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.util.Optional;

/**
 * Supplies status list credentials by URL: files, a map, or a host's HTTP client with a cache.
 * The verifier asks only after the credential's own proofs verified. The default supplies
 * nothing (a credential with a status entry is then INDETERMINATE by default policy).
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface StatusListSource {

    /** The status list credential published at this URL; empty when not available. */
    Optional<JsonObject> statusListCredential(String url) throws CredentialException;

    /** Supplies nothing. */
    static StatusListSource none() {
        return url -> Optional.empty();
    }

    /** Supplies the given list credentials, each under its {@code id}. */
    static StatusListSource of(java.util.Collection<JsonObject> listCredentials) {
        java.util.Map<String, JsonObject> byId = new java.util.HashMap<>();
        for (JsonObject c : listCredentials) {
            c.string("id").ifPresent(id -> byId.put(id, c));
        }
        java.util.Map<String, JsonObject> frozen = java.util.Map.copyOf(byId);
        return url -> Optional.ofNullable(frozen.get(url));
    }
}
