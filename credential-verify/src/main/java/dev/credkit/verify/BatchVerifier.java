package dev.credkit.verify;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.batch.OrderedParallel;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Verifies many credentials or presentations in parallel with bounded memory, and hands every
 * report to a consumer in input order. Immutable after {@link Builder#build()}; one instance can
 * run any number of batches.
 *
 * <pre>{@code
 * BatchVerifier batch = BatchVerifier.builder().verifier(verifier).parallelism(4).build();
 * try (Stream<Path> files = Files.list(dir)) {
 *     BatchVerifier.Summary s = batch.verify(files, Files::readAllBytes,
 *             item -> { if (!item.result().isVerified()) report(item.input(), item.result()); });
 * }
 * }</pre>
 *
 * <p>Guarantees: at most {@link #maxInFlight()} inputs are read but not yet delivered (memory
 * does not grow with the number of credentials, and a slow consumer slows the reading down); the
 * stream is read on the calling thread only and is not closed; the loader and the verifier run
 * on the worker threads; the consumer runs on the calling thread, one item at a time, in input
 * order. Every input gets a report: one that cannot be loaded is REJECTED with a failed
 * {@code read} check (its loader's problem code, or {@code INTERNAL_ERROR} for an I/O error). An
 * exception thrown by the stream or the consumer stops the batch and propagates.
 */
public final class BatchVerifier {
    /** Name of the check that reports an input its loader could not read. */
    public static final String READ_CHECK = "read";

    private final Verifier verifier;
    private final int parallelism;
    private final int maxInFlight;

    private BatchVerifier(Builder b, int maxInFlight) {
        this.verifier = b.verifier;
        this.parallelism = b.parallelism;
        this.maxInFlight = maxInFlight;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Verifier verifier() {
        return verifier;
    }

    public int parallelism() {
        return parallelism;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * Verifies documents given as bytes (JSON or compact JWS, as {@link Verifier#verify(byte[])}).
     *
     * @throws InterruptedException when the calling thread is interrupted (the batch is cancelled)
     */
    public Summary verify(Stream<byte[]> documents, Consumer<? super VerifiedItem<byte[]>> consumer) throws InterruptedException {
        return verify(documents, bytes -> bytes, consumer);
    }

    /**
     * Loads each input on a worker thread (read a file, unbake an image...) and verifies the
     * bytes with {@link Verifier#verify(byte[])}.
     *
     * @throws InterruptedException when the calling thread is interrupted (the batch is cancelled)
     */
    public <T> Summary verify(Stream<? extends T> inputs, Loader<? super T> loader,
                              Consumer<? super VerifiedItem<T>> consumer) throws InterruptedException {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(consumer, "consumer");
        long start = System.nanoTime();
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        Map<ProblemCode, Long> problems = new EnumMap<>(ProblemCode.class);
        long items = OrderedParallel.<T, VerificationResult>run(inputs.iterator(), parallelism, maxInFlight,
                input -> verifyOne(loader, input),
                (index, input, result, error) -> {
                    // verifyOne reports every failure in its result: an error here is an unchecked
                    // exception from a loader or a bug, reported for this input only
                    VerificationResult r = result != null ? result
                            : unreadable(ProblemCode.INTERNAL_ERROR, "internal error: " + error);
                    outcomes.merge(r.outcome(), 1L, Long::sum);
                    for (ProblemCode p : r.problems()) {
                        problems.merge(p, 1L, Long::sum);
                    }
                    consumer.accept(new VerifiedItem<>(index, input, r));
                });
        return new Summary(items, outcomes, problems, Duration.ofNanos(System.nanoTime() - start));
    }

    private <T> VerificationResult verifyOne(Loader<? super T> loader, T input) {
        byte[] bytes;
        try {
            bytes = loader.load(input);
        } catch (CredentialException e) {
            return unreadable(e.code(), e.getMessage());
        } catch (IOException e) {
            return unreadable(ProblemCode.INTERNAL_ERROR, "cannot read: " + e.getMessage());
        }
        if (bytes == null) {
            return unreadable(ProblemCode.MALFORMED, "nothing to verify");
        }
        return verifier.verify(bytes);
    }

    private static VerificationResult unreadable(ProblemCode code, String message) {
        return new VerificationResult(List.of(Check.failed(READ_CHECK, code, message == null ? code.name() : message)), null, null);
    }

    /** Turns one input into the bytes to verify, on a worker thread. */
    @FunctionalInterface
    public interface Loader<T> {
        byte[] load(T input) throws CredentialException, IOException;
    }

    /**
     * What a batch found.
     *
     * @param items    inputs read
     * @param outcomes how many inputs ended with each outcome
     * @param problems for each problem code, how many inputs reported it (failed, indeterminate or
     *                 warning checks; each code counted once per input)
     * @param elapsed  wall time of the whole batch
     */
    public record Summary(long items, Map<Outcome, Long> outcomes, Map<ProblemCode, Long> problems, Duration elapsed) {
        public Summary {
            EnumMap<Outcome, Long> outcomeCopy = new EnumMap<>(Outcome.class);
            outcomeCopy.putAll(outcomes);
            outcomes = Collections.unmodifiableMap(outcomeCopy);
            EnumMap<ProblemCode, Long> problemCopy = new EnumMap<>(ProblemCode.class);
            problemCopy.putAll(problems);
            problems = Collections.unmodifiableMap(problemCopy);
            Objects.requireNonNull(elapsed, "elapsed");
        }

        public long count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }

        public long verified() {
            return count(Outcome.VERIFIED);
        }

        public long rejected() {
            return count(Outcome.REJECTED);
        }

        public long indeterminate() {
            return count(Outcome.INDETERMINATE);
        }

        /** Inputs per second of wall time. */
        public double perSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds > 0 ? items / seconds : 0;
        }
    }

    /** Configures a {@link BatchVerifier}. */
    public static final class Builder {
        private Verifier verifier;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Integer maxInFlight;

        private Builder() {
        }

        /** Required: verifies every input (immutable and thread-safe, shared by the workers). */
        public Builder verifier(Verifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /** Worker threads (default: the number of processors). */
        public Builder parallelism(int threads) {
            this.parallelism = threads;
            return this;
        }

        /** Inputs read but not yet delivered, at most (default: four per thread, at least 16). */
        public Builder maxInFlight(int items) {
            this.maxInFlight = items;
            return this;
        }

        public BatchVerifier build() {
            if (verifier == null) {
                throw new IllegalStateException("a verifier is required");
            }
            return new BatchVerifier(this, OrderedParallel.maxInFlight(parallelism, maxInFlight));
        }
    }
}
