package dev.credkit.internal.batch;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine behind batch issuing and verifying: runs a task over every input of an iterator on
 * a fixed pool of worker threads and hands each outcome to a sink <em>in input order, on the
 * calling thread</em>.
 *
 * <p>Memory is bounded: the calling thread pulls the next input only while fewer than
 * {@code maxInFlight} inputs are submitted but not yet delivered, so a slow sink (or a slow item
 * at the head) stops the reading instead of letting work pile up. The iterator is only touched by
 * the calling thread, so it need not be thread-safe (a CSV reader, a directory listing).
 *
 * <p>An exception thrown by the task is delivered with its item and the batch goes on; an
 * exception thrown by the iterator or the sink, an {@link Error} in a task, or an interrupt of the
 * calling thread stops the batch: pending work is cancelled and the exception is rethrown.
 */
public final class OrderedParallel {
    private OrderedParallel() {
    }

    /** The work done on a worker thread for one input. */
    @FunctionalInterface
    public interface Task<T, R> {
        R run(T input) throws Exception;
    }

    /** Receives each outcome on the calling thread, in input order: a value, or the task's exception. */
    @FunctionalInterface
    public interface Sink<T, R> {
        void accept(long index, T input, R value, Exception error);
    }

    /**
     * Runs {@code task} over every input with {@code parallelism} worker threads and at most
     * {@code maxInFlight} inputs between reading and delivery.
     *
     * @return the number of inputs processed
     * @throws InterruptedException when the calling thread is interrupted (the batch is cancelled)
     */
    public static <T, R> long run(Iterator<? extends T> inputs, int parallelism, int maxInFlight,
                                  Task<? super T, ? extends R> task, Sink<? super T, ? super R> sink)
            throws InterruptedException {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(sink, "sink");
        checkLimits(parallelism, maxInFlight);
        ExecutorService pool = new ThreadPoolExecutor(parallelism, parallelism, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        ArrayDeque<Pending<T, R>> window = new ArrayDeque<>(Math.min(maxInFlight, 1024));
        long read = 0;
        boolean finished = false;
        try {
            while (true) {
                while (window.size() < maxInFlight && inputs.hasNext()) {
                    T input = inputs.next();
                    window.add(new Pending<>(read++, input, pool.submit(() -> attempt(task, input))));
                }
                Pending<T, R> head = window.poll();
                if (head == null) {
                    break;
                }
                Attempt<R> outcome = await(head.future);
                sink.accept(head.index, head.input, outcome.value, outcome.error);
            }
            finished = true;
            return read;
        } finally {
            if (finished) {
                pool.shutdown();
            } else {
                for (Pending<T, R> p : window) {
                    p.future.cancel(true);
                }
                pool.shutdownNow();
            }
        }
    }

    /** Refuses limits that make no sense: at least one thread, and room for every thread to work. */
    public static void checkLimits(int parallelism, int maxInFlight) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (maxInFlight < parallelism) {
            throw new IllegalArgumentException("maxInFlight must be at least the parallelism");
        }
    }

    /**
     * The in-flight window a batch builder ends up with: {@code requested}, or the default when
     * null; limits {@link #checkLimits} refuses are the builder's invalid state.
     */
    public static int maxInFlight(int parallelism, Integer requested) {
        int maxInFlight = requested != null ? requested : defaultMaxInFlight(parallelism);
        try {
            checkLimits(parallelism, maxInFlight);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
        return maxInFlight;
    }

    /** A window of four items per thread keeps every thread busy when item costs vary a little. */
    public static int defaultMaxInFlight(int parallelism) {
        return Math.max(16, 4 * parallelism);
    }

    private static <T, R> Attempt<R> attempt(Task<? super T, ? extends R> task, T input) {
        try {
            return new Attempt<>(task.run(input), null);
        } catch (Exception e) {
            return new Attempt<>(null, e);
        }
    }

    private static <R> Attempt<R> await(Future<Attempt<R>> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // attempt() catches every Exception, so only an Error gets here: stop the batch
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("batch task failed", cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger thread = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "credkit-batch-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private record Pending<T, R>(long index, T input, Future<Attempt<R>> future) {
    }

    private record Attempt<R>(R value, Exception error) {
    }
}
