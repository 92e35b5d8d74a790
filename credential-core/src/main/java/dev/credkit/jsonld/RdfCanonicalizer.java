package dev.credkit.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.time.Duration;

/**
 * JSON-LD to canonical N-Quads (RDFC-1.0), offline and lossless ("safe mode"): any term, type
 * or value that would be dropped from the RDF form (and so escape the signature) is an error,
 * and canonicalization runs within a work budget. Immutable and thread-safe; known contexts
 * are processed once and reused.
 */
public final class RdfCanonicalizer {
    private RdfCanonicalizer() {
    }

    /** Bundled contexts and default limits. */
    public static RdfCanonicalizer defaults() {
        throw new UnsupportedOperationException("TODO");
    }

    public static Builder builder() {
        throw new UnsupportedOperationException("TODO");
    }

    public ContextRegistry contexts() {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * The RDFC-1.0 canonical N-Quads of a JSON-LD document (each quad ending in "\n").
     *
     * @throws CredentialException CONTEXT_NOT_ALLOWED, UNDEFINED_TERM, RELATIVE_IRI,
     *     PROTECTED_TERM_REDEFINITION, JSON_LD_DATA_LOSS, INVALID_JSON_LD, LIMIT_EXCEEDED
     */
    public String canonicalize(JsonObject document) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    /** RDFC-1.0 of an N-Quads dataset, within the same work budget. */
    public String canonicalizeNQuads(String nquads) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Configures a canonicalizer. */
    public static final class Builder {
        private Builder() {
        }

        public Builder contexts(ContextRegistry contexts) {
            throw new UnsupportedOperationException("TODO");
        }

        /** Upper bound on RDFC-1.0 hash operations (default: enough for credentials, refuses poison graphs). */
        public Builder maxHashOperations(long max) {
            throw new UnsupportedOperationException("TODO");
        }

        /** Upper bound on wall time per canonicalization (default 1 s). */
        public Builder maxTime(Duration max) {
            throw new UnsupportedOperationException("TODO");
        }

        public RdfCanonicalizer build() {
            throw new UnsupportedOperationException("TODO");
        }
    }
}
