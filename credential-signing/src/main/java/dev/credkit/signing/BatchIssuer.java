package dev.credkit.signing;

import dev.credkit.core.CredentialException;
import dev.credkit.internal.batch.OrderedParallel;
import dev.credkit.json.JsonObject;
import dev.credkit.proof.ProofOptions;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Issues credentials at cohort scale: signs a stream of credentials on a fixed number of worker
 * threads with bounded memory, and hands every outcome to a consumer in input order. Immutable
 * after {@link Builder#build()}; one instance can run any number of batches, one after the other
 * or at the same time.
 *
 * <pre>{@code
 * BatchIssuer batch = BatchIssuer.builder().issuer(issuer).parallelism(4).build();
 * BatchIssuer.Summary s = batch.issue(unsignedCredentials, item -> {
 *     if (item.succeeded()) store(item.value().json());
 *     else log(item.index(), item.errorMessage().orElseThrow());
 * });
 * }</pre>
 *
 * <p>Guarantees: at most {@link #maxInFlight()} inputs are read but not yet delivered, so memory
 * does not grow with the size of the batch and a slow consumer slows the reading down instead of
 * queueing work; the stream is read on the calling thread only (it need not be thread-safe or
 * parallel) and is not closed; the consumer runs on the calling thread, one item at a time, in
 * input order. A failing item (a credential the issuer refuses, an I/O error in a job) is
 * delivered with its error and never stops the batch; an exception thrown by the stream or the
 * consumer stops it (pending work is cancelled) and propagates.
 *
 * <p>{@link #issue(Stream, Job, Consumer)} runs a job of your own per input instead of plain
 * signing: build the credential from a roster row, sign it with the issuer, render or serialize
 * it, all on the worker threads.
 */
public final class BatchIssuer {
    private final CredentialIssuer issuer;
    private final ProofOptions options;
    private final int parallelism;
    private final int maxInFlight;

    private BatchIssuer(Builder b, int maxInFlight) {
        this.issuer = b.issuer;
        this.options = b.options;
        this.parallelism = b.parallelism;
        this.maxInFlight = maxInFlight;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CredentialIssuer issuer() {
        return issuer;
    }

    public int parallelism() {
        return parallelism;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * Signs every credential with the proof options of the builder.
     *
     * @throws InterruptedException when the calling thread is interrupted (the batch is cancelled)
     */
    public Summary issue(Stream<? extends JsonObject> credentials,
                         Consumer<? super IssuedItem<JsonObject, SignedDocument>> consumer) throws InterruptedException {
        return issue(credentials, (credential, signer) -> signer.issue(credential, options), consumer);
    }

    /**
     * Runs {@code job} for every input on the worker threads and delivers its value (or error) to
     * {@code consumer} in input order on the calling thread.
     *
     * @throws InterruptedException when the calling thread is interrupted (the batch is cancelled)
     */
    public <T, R> Summary issue(Stream<? extends T> inputs, Job<? super T, ? extends R> job,
                                Consumer<? super IssuedItem<T, R>> consumer) throws InterruptedException {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(consumer, "consumer");
        long start = System.nanoTime();
        long[] failed = new long[1];
        long items = OrderedParallel.<T, R>run(inputs.iterator(), parallelism, maxInFlight,
                input -> job.run(input, issuer),
                (index, input, value, error) -> {
                    if (error != null) {
                        failed[0]++;
                    }
                    consumer.accept(new IssuedItem<>(index, input, value, error));
                });
        return new Summary(items, items - failed[0], failed[0], Duration.ofNanos(System.nanoTime() - start));
    }

    /** The work for one input, run on a worker thread; a thrown exception fails this input only. */
    @FunctionalInterface
    public interface Job<T, R> {
        R run(T input, CredentialIssuer issuer) throws CredentialException, IOException;
    }

    /**
     * What a batch did.
     *
     * @param items     inputs read
     * @param succeeded inputs whose job completed
     * @param failed    inputs delivered with an error
     * @param elapsed   wall time of the whole batch
     */
    public record Summary(long items, long succeeded, long failed, Duration elapsed) {
        public Summary {
            Objects.requireNonNull(elapsed, "elapsed");
        }

        /** Inputs per second of wall time. */
        public double perSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds > 0 ? items / seconds : 0;
        }
    }

    /** Configures a {@link BatchIssuer}. */
    public static final class Builder {
        private CredentialIssuer issuer;
        private ProofOptions options = ProofOptions.defaults();
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Integer maxInFlight;

        private Builder() {
        }

        /** Required: signs every credential (immutable and thread-safe, shared by the workers). */
        public Builder issuer(CredentialIssuer issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** Proof options for {@link #issue(Stream, Consumer)} (default: eddsa-rdfc-2022, created now). */
        public Builder proofOptions(ProofOptions options) {
            this.options = Objects.requireNonNull(options, "options");
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

        public BatchIssuer build() {
            if (issuer == null) {
                throw new IllegalStateException("an issuer is required");
            }
            return new BatchIssuer(this, OrderedParallel.maxInFlight(parallelism, maxInFlight));
        }
    }
}
