package dev.credkit.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.internal.jsonld.BudgetedRdfc;
import dev.credkit.internal.jsonld.LosslessJsonLd;
import dev.credkit.json.JsonObject;

import java.time.Duration;
import java.util.Objects;

/**
 * JSON-LD to canonical N-Quads (RDFC-1.0), offline and lossless ("safe mode"): any term, type
 * or value that would be dropped from the RDF form (and so escape the signature) is an error,
 * and canonicalization runs within a work budget. Immutable and thread-safe; known contexts
 * are processed once and reused.
 *
 * <p>Offline: contexts come only from the {@link ContextRegistry} (exact URL, pinned bytes);
 * nothing is ever fetched from the network, the file system or the class path by URL, and the
 * base IRI is always null. Safe mode: undefined terms and types, relative IRIs, protected-term
 * redefinitions and every other construct that JSON-LD processing silently drops (the
 * jsonld.js "safe mode" events) fail with a specific {@link dev.credkit.core.ProblemCode}.
 */
public final class RdfCanonicalizer {
    /** Default upper bound on RDFC-1.0 work steps (hashes, permutations, copies in N-degree hashing) per canonicalization. */
    public static final long DEFAULT_MAX_WORK_STEPS = BudgetedRdfc.DEFAULT_MAX_WORK_STEPS;
    /** Default upper bound on wall time per canonicalization. */
    public static final Duration DEFAULT_MAX_TIME = BudgetedRdfc.DEFAULT_MAX_TIME;

    private final ContextRegistry contexts;
    private final long maxWorkSteps;
    private final Duration maxTime;
    private final LosslessJsonLd jsonLd;
    private final BudgetedRdfc rdfc;

    private RdfCanonicalizer(Builder b) {
        this.contexts = b.contexts;
        this.maxWorkSteps = b.maxWorkSteps;
        this.maxTime = b.maxTime;
        this.jsonLd = new LosslessJsonLd(contexts);
        this.rdfc = new BudgetedRdfc(maxWorkSteps, maxTime, "SHA-256");
    }

    /** Bundled contexts and default limits (one shared instance, so contexts are processed once per JVM). */
    public static RdfCanonicalizer defaults() {
        return Defaults.INSTANCE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ContextRegistry contexts() {
        return contexts;
    }

    public long maxWorkSteps() {
        return maxWorkSteps;
    }

    public Duration maxTime() {
        return maxTime;
    }

    /**
     * The RDFC-1.0 canonical N-Quads of a JSON-LD document (each quad ending in "\n").
     *
     * @throws CredentialException CONTEXT_NOT_ALLOWED, UNDEFINED_TERM, RELATIVE_IRI,
     *     PROTECTED_TERM_REDEFINITION, JSON_LD_DATA_LOSS, INVALID_JSON_LD, LIMIT_EXCEEDED
     */
    public String canonicalize(JsonObject document) throws CredentialException {
        Objects.requireNonNull(document, "document");
        long start = System.nanoTime();
        return rdfc.canonicalize(consumer -> jsonLd.toRdf(document, consumer), start).nquads();
    }

    /**
     * RDFC-1.0 of an N-Quads dataset, within the same work budget.
     *
     * @throws CredentialException MALFORMED for invalid N-Quads, LIMIT_EXCEEDED
     */
    public String canonicalizeNQuads(String nquads) throws CredentialException {
        Objects.requireNonNull(nquads, "nquads");
        return rdfc.canonicalizeNQuads(nquads, System.nanoTime()).nquads();
    }

    /** Configures a canonicalizer. */
    public static final class Builder {
        private ContextRegistry contexts = ContextRegistry.bundled();
        private long maxWorkSteps = DEFAULT_MAX_WORK_STEPS;
        private Duration maxTime = DEFAULT_MAX_TIME;

        private Builder() {
        }

        /** The allowed contexts (default: {@link ContextRegistry#bundled()}). */
        public Builder contexts(ContextRegistry contexts) {
            this.contexts = Objects.requireNonNull(contexts, "contexts");
            return this;
        }

        /**
         * Upper bound on RDFC-1.0 work steps: each hash, each permutation examined and each 16
         * identifiers copied while hashing blank nodes that share a first-degree hash (default:
         * enough for credentials and every positive rdf-canon test, refuses poison graphs).
         */
        public Builder maxWorkSteps(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxWorkSteps must be positive");
            }
            this.maxWorkSteps = max;
            return this;
        }

        /** Upper bound on wall time per canonicalization, a backstop to the hash budget (default 5 s). */
        public Builder maxTime(Duration max) {
            Objects.requireNonNull(max, "max");
            if (max.isNegative() || max.isZero()) {
                throw new IllegalArgumentException("maxTime must be positive");
            }
            this.maxTime = max;
            return this;
        }

        public RdfCanonicalizer build() {
            return new RdfCanonicalizer(this);
        }
    }

    private static final class Defaults {
        static final RdfCanonicalizer INSTANCE = builder().build();

        private Defaults() {
        }
    }
}
