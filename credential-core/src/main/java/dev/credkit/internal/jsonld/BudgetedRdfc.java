package dev.credkit.internal.jsonld;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsReader;
import com.apicatalog.rdf.nquads.NQuadsReaderException;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.io.StringReader;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * RDFC-1.0 (titanium-rdfc) within a work budget. titanium-rdfc takes a {@link MessageDigest} and
 * a ticker it calls inside the N-degree hashing loops; both are wrapped here: the digest counts
 * hash operations, the ticker watches the wall clock, and either aborts the run by throwing
 * from inside the algorithm (on the caller's thread: no thread is started, none is left).
 * Poison graphs (RDFC-1.0 section 4.4.3, e.g. the rdf-canon test074 clique) therefore end in
 * {@code LIMIT_EXCEEDED} instead of running for hours.
 *
 * <p>Immutable and thread-safe; each run creates its own digest and canonicalizer state.
 */
public final class BudgetedRdfc {
    /**
     * Enough for any credential (they need well under 100) and for every positive rdf-canon
     * test (the largest, test044-046, need 3,354); the 10-node poison clique (test074) needs
     * millions and so stops here after some 10-100 ms.
     */
    public static final long DEFAULT_MAX_HASH_OPERATIONS = 5_000;
    /**
     * A backstop only: the hash-operation budget stops poison graphs deterministically in
     * milliseconds. The clock also covers JSON-LD expansion, which in a cold JVM on a busy
     * machine can take a second by itself, so the default leaves room for that.
     */
    public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(5);

    private final long maxHashOperations;
    private final long maxNanos;
    private final String hashAlgorithm;

    public BudgetedRdfc(long maxHashOperations, Duration maxTime, String hashAlgorithm) {
        if (maxHashOperations < 1) {
            throw new IllegalArgumentException("maxHashOperations must be positive");
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("maxTime must be positive");
        }
        this.maxHashOperations = maxHashOperations;
        this.maxNanos = saturatedNanos(maxTime);
        this.hashAlgorithm = Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        newDigest(); // fail now, not per call, on an unknown algorithm
    }

    /** Something that emits quads into a consumer. */
    @FunctionalInterface
    public interface QuadSource {
        void provide(RdfQuadConsumer consumer) throws CredentialException;
    }

    /** Canonical N-Quads and the blank-node map (input label without "_:" to canonical label). */
    public record Result(String nquads, Map<String, String> issuedIdentifiers) {
    }

    /** Canonicalizes the quads of {@code source}; the clock starts at {@code startNanos}. */
    public Result canonicalize(QuadSource source, long startNanos) throws CredentialException {
        long deadline = startNanos + maxNanos;
        Budget budget = new Budget(deadline);
        RdfCanon canon = RdfCanon.create(new CountingDigest(newDigest(), budget), budget);
        try {
            source.provide(new DistinctQuads(canon));
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return new Result(out.toString(), labels(canon.mapping()));
        } catch (BudgetExceeded e) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED,
                    "RDF canonicalization exceeded its work budget (" + e.getMessage() + ")");
        } catch (RdfConsumerException e) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR, "could not write canonical N-Quads", e);
        } catch (RuntimeException e) {
            // titanium-rdfc is not expected to fail on valid quads; never let it escape unchecked
            throw new CredentialException(ProblemCode.INTERNAL_ERROR,
                    "RDF canonicalization failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Canonicalizes an N-Quads document. */
    public Result canonicalizeNQuads(String nquads, long startNanos) throws CredentialException {
        return canonicalize(consumer -> {
            try {
                new NQuadsReader(new StringReader(nquads)).provide(consumer);
            } catch (NQuadsReaderException e) {
                throw new CredentialException(ProblemCode.MALFORMED, "invalid N-Quads: " + shortMessage(e));
            } catch (RdfConsumerException e) {
                throw new CredentialException(ProblemCode.MALFORMED, "invalid N-Quads statement");
            } catch (RuntimeException e) { // reading only collects quads: no budget is spent here
                throw new CredentialException(ProblemCode.MALFORMED, "invalid N-Quads statement");
            }
        }, startNanos);
    }

    /** titanium-rdfc keys its map with "_:" labels; the RDFC-1.0 map has bare identifiers. */
    private static Map<String, String> labels(Map<String, String> mapping) {
        Map<String, String> labels = new LinkedHashMap<>();
        mapping.forEach((from, to) -> labels.put(bare(from), bare(to)));
        return Collections.unmodifiableMap(labels);
    }

    private static String bare(String label) {
        return label.startsWith("_:") ? label.substring(2) : label;
    }

    private static String shortMessage(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        return m.length() <= 120 ? m : m.substring(0, 120) + "...";
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(hashAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown hash algorithm " + hashAlgorithm, e);
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    /** Per-run budget state; doubles as titanium-rdfc's ticker. */
    private final class Budget implements RdfCanonTicker {
        private final long deadline;
        private long hashOperations;

        Budget(long deadline) {
            this.deadline = deadline;
        }

        void hashed() {
            if (++hashOperations > maxHashOperations) {
                throw new BudgetExceeded("more than " + maxHashOperations + " hash operations");
            }
            tick();
        }

        @Override
        public void tick() {
            if (System.nanoTime() - deadline > 0) {
                throw new BudgetExceeded("time limit of " + Duration.ofNanos(maxNanos).toMillis() + " ms");
            }
        }
    }

    /** A digest that reports every completed hash to the budget. */
    private static final class CountingDigest extends MessageDigest {
        private final MessageDigest delegate;
        private final Budget budget;

        CountingDigest(MessageDigest delegate, Budget budget) {
            super(delegate.getAlgorithm());
            this.delegate = delegate;
            this.budget = budget;
        }

        @Override
        protected void engineUpdate(byte input) {
            delegate.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            delegate.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            budget.hashed();
            return delegate.digest();
        }

        @Override
        protected int engineGetDigestLength() {
            return delegate.getDigestLength();
        }

        @Override
        protected void engineReset() {
            delegate.reset();
        }
    }

    /** Thrown from inside titanium-rdfc to abort a run; cheap (no stack trace). */
    private static final class BudgetExceeded extends IllegalStateException {
        BudgetExceeded(String message) {
            super(message, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
