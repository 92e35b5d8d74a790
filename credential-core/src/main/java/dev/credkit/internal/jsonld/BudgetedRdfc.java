package dev.credkit.internal.jsonld;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * RDFC-1.0 ({@link Rdfc10}) within a work budget: N-degree hashing is charged per hash, per
 * permutation examined and per identifiers copied before the work is done, the wall clock is
 * checked at the same points, and either aborts the run by throwing from inside the algorithm
 * (on the caller's thread: no thread is started, none is left). Poison graphs (RDFC-1.0 section
 * 4.4.3, e.g. the rdf-canon test074 clique) therefore end in {@code LIMIT_EXCEEDED} instead of
 * running for hours or filling the heap.
 *
 * <p>Immutable and thread-safe; each run creates its own digest and canonicalizer state.
 */
public final class BudgetedRdfc {
    /**
     * Enough for any credential (one without blank nodes sharing a first-degree hash needs
     * none) and for every positive rdf-canon test (the largest, test044-046, need 6,156); the
     * 10-node poison clique (test074) needs millions and so stops here within milliseconds.
     */
    public static final long DEFAULT_MAX_WORK_STEPS = 10_000;
    /**
     * A backstop only: the step budget stops poison graphs deterministically in milliseconds.
     * The clock also covers JSON-LD expansion, which in a cold JVM on a busy machine can take a
     * second by itself, so the default leaves room for that.
     */
    public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(5);

    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

    private final long maxWorkSteps;
    private final long maxNanos;
    private final String hashAlgorithm;

    public BudgetedRdfc(long maxWorkSteps, Duration maxTime, String hashAlgorithm) {
        if (maxWorkSteps < 1) {
            throw new IllegalArgumentException("maxWorkSteps must be positive");
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("maxTime must be positive");
        }
        this.maxWorkSteps = maxWorkSteps;
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
        Budget budget = new Budget(startNanos + maxNanos);
        Rdfc10 rdfc = new Rdfc10(newDigest(), budget);
        try {
            source.provide(new Collector(rdfc));
            String nquads = rdfc.canonicalize();
            return new Result(nquads, Collections.unmodifiableMap(rdfc.issuedIdentifiers()));
        } catch (Rdfc10.LimitExceeded e) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED,
                    "RDF canonicalization exceeded its work budget (" + e.getMessage() + ")");
        } catch (StackOverflowError e) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "RDF canonicalization exceeded its work budget (stack depth)");
        } catch (RuntimeException e) {
            // not expected on valid quads; never let it escape unchecked
            throw new CredentialException(ProblemCode.INTERNAL_ERROR,
                    "RDF canonicalization failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Canonicalizes an N-Quads document. */
    public Result canonicalizeNQuads(String nquads, long startNanos) throws CredentialException {
        return canonicalize(consumer -> NQuadsParser.parse(nquads, consumer), startNanos);
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

    /** Turns quads into N-Quads terms for {@link Rdfc10}. */
    private static final class Collector implements RdfQuadConsumer {
        private final Rdfc10 rdfc;

        Collector(Rdfc10 rdfc) {
            this.rdfc = rdfc;
        }

        @Override
        public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
                                    String direction, String graph) throws RdfConsumerException {
            if (subject == null || predicate == null || object == null) {
                throw new RdfConsumerException("incomplete quad");
            }
            if (direction != null) {
                // RDFC-1.0 is defined on RDF 1.1 datasets, which have no base direction
                throw new RdfConsumerException("a literal with a base direction is not supported");
            }
            if (isBlank(predicate)) {
                throw new RdfConsumerException("a blank node predicate is not allowed");
            }
            String objectTerm = RdfQuadConsumer.isLiteral(datatype, language, direction) ? literal(object, datatype, language) : null;
            int subjectBlank = blankIndex(subject);
            int objectBlank = objectTerm == null ? blankIndex(object) : -1;
            int graphBlank = graph == null ? -1 : blankIndex(graph);
            rdfc.add(subjectBlank >= 0 ? null : iri(subject), subjectBlank, iri(predicate),
                    objectTerm != null ? objectTerm : objectBlank >= 0 ? null : iri(object), objectBlank,
                    graph == null || graphBlank >= 0 ? null : iri(graph), graphBlank);
            return this;
        }

        private int blankIndex(String term) {
            return isBlank(term) ? rdfc.blank(term.substring(2)) : -1;
        }

        private static boolean isBlank(String term) {
            return term.startsWith("_:");
        }

        private static String iri(String iri) {
            return "<" + iri + ">";
        }

        /** A literal in canonical N-Quads form. */
        private static String literal(String value, String datatype, String language) {
            StringBuilder sb = new StringBuilder(value.length() + 16).append('"');
            escape(sb, value);
            sb.append('"');
            if (language != null) {
                sb.append('@').append(language);
            } else if (datatype != null && !XSD_STRING.equals(datatype)) {
                sb.append("^^<").append(datatype).append('>');
            }
            return sb.toString();
        }

        /** String escapes of canonical N-Quads: ECHAR for \b \t \n \f \r " \\, UCHAR for other controls. */
        private static void escape(StringBuilder sb, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\t' -> sb.append("\\t");
                    case '\b' -> sb.append("\\b");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\f' -> sb.append("\\f");
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (c <= 0x1f || c == 0x7f) {
                            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
        }

        private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    }

    /** Per-run budget state. */
    private final class Budget implements Rdfc10.Budget {
        private final long deadline;
        private long steps;

        Budget(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void spend(long cost) {
            steps += cost;
            if (steps > maxWorkSteps) {
                throw new Rdfc10.LimitExceeded("more than " + maxWorkSteps + " work steps");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new Rdfc10.LimitExceeded("time limit of " + Duration.ofNanos(maxNanos).toMillis() + " ms");
            }
        }
    }
}
