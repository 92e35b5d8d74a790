package dev.credkit.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.util.Set;

/**
 * The offline allow-list of JSON-LD contexts: exact URL to pinned bytes. Nothing outside it is
 * ever loaded; there is no network, {@code file:} or {@code jar:} access and no way to add one.
 * Immutable and thread-safe.
 */
public final class ContextRegistry {
    private ContextRegistry() {
    }

    /** The contexts credkit bundles (VC v1/v2, Data Integrity, Multikey, JWK, Ed25519-2020, DID, status lists, Open Badges 3.0.x, CLR 2.0, security v1/v2), each pinned by SHA-256. */
    public static ContextRegistry bundled() {
        throw new UnsupportedOperationException("TODO");
    }

    public static Builder builder() {
        throw new UnsupportedOperationException("TODO");
    }

    public Set<String> urls() {
        throw new UnsupportedOperationException("TODO");
    }

    public boolean contains(String url) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Checks every {@code @context} reference of a document (top level and nested) against the
     * allow-list and the per-document cap, before any expansion.
     *
     * @throws CredentialException {@code CONTEXT_NOT_ALLOWED} or {@code LIMIT_EXCEEDED}
     */
    public void checkAllowed(JsonObject document) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Adds contexts to a registry (host contexts, optionally pinned by digest). */
    public static final class Builder {
        private Builder() {
        }

        /** Starts from the bundled contexts. */
        public Builder addBundled() {
            throw new UnsupportedOperationException("TODO");
        }

        /** Adds a host context; the URL must be absolute http(s) (it is a name only, never fetched). */
        public Builder add(String url, byte[] json) throws CredentialException {
            throw new UnsupportedOperationException("TODO");
        }

        /** Adds a host context whose bytes must have this SHA-256 (hex). */
        public Builder add(String url, byte[] json, String sha256Hex) throws CredentialException {
            throw new UnsupportedOperationException("TODO");
        }

        /** Maximum number of context references per document (default 16). */
        public Builder maxContextsPerDocument(int max) {
            throw new UnsupportedOperationException("TODO");
        }

        public ContextRegistry build() {
            throw new UnsupportedOperationException("TODO");
        }
    }
}
