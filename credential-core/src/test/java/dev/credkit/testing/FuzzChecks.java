package dev.credkit.testing;

import dev.credkit.core.CredentialException;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The properties every fuzz target checks besides its own: only {@link CredentialException}
 * escapes (anything else propagates and is a finding), its message is one short line, and one
 * input costs bounded time and bounded allocation.
 *
 * <p>Bounds are generous on purpose (a cold JIT, a busy 2-core CI machine): they catch hangs,
 * quadratic blow-ups and bombs, not ordinary slowness.
 */
public final class FuzzChecks {
    /** Longest message a {@link CredentialException} may carry (the CLI prints at most 400). */
    public static final int MAX_MESSAGE_LENGTH = CredentialException.MAX_MESSAGE_LENGTH;

    private static final com.sun.management.ThreadMXBean THREADS = threadBean();

    private FuzzChecks() {
    }

    /** A call on untrusted input that may only throw {@link CredentialException}. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws CredentialException;
    }

    /** Outcome of one bounded call: a value or the documented exception. */
    public record Outcome<T>(T value, CredentialException error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Runs {@code call}, checks time and allocation bounds, and returns its value or its
     * {@link CredentialException} (checked for a short one-line message). Anything else thrown
     * propagates: that is the finding.
     */
    public static <T> Outcome<T> bounded(Duration maxTime, long maxAllocatedBytes, Call<T> call) {
        Measured<T> first = measure(call);
        if (first.nanos <= maxTime.toNanos() && first.allocated <= maxAllocatedBytes) {
            return first.outcome;
        }
        // The first run may have paid for class loading, fuzzing instrumentation, JIT or a GC
        // pause: only a second, warm run over the bound is a finding.
        Measured<T> second = measure(call);
        if (second.nanos > maxTime.toNanos()) {
            throw new AssertionError("one input took " + second.nanos / 1_000_000 + " ms, more than the bound of "
                    + maxTime.toMillis() + " ms");
        }
        if (second.allocated > maxAllocatedBytes) {
            throw new AssertionError("one input allocated " + second.allocated + " bytes, more than the bound of "
                    + maxAllocatedBytes);
        }
        return second.outcome;
    }

    private record Measured<T>(Outcome<T> outcome, long nanos, long allocated) {
    }

    private static <T> Measured<T> measure(Call<T> call) {
        long allocatedBefore = allocated();
        long start = System.nanoTime();
        Outcome<T> outcome;
        try {
            outcome = new Outcome<>(call.run(), null);
        } catch (CredentialException e) {
            checkMessage(e.getMessage());
            if (e.code() == null) {
                throw new AssertionError("CredentialException without a problem code");
            }
            outcome = new Outcome<>(null, e);
        }
        long nanos = System.nanoTime() - start;
        long allocatedBytes = allocatedBefore < 0 ? 0 : allocated() - allocatedBefore;
        return new Measured<>(outcome, nanos, allocatedBytes);
    }

    /** A problem message: present, one line, short. */
    public static void checkMessage(String message) {
        if (message == null || message.isEmpty()) {
            throw new AssertionError("problem without a message");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new AssertionError("message longer than " + MAX_MESSAGE_LENGTH + " chars: "
                    + message.substring(0, 120) + "...");
        }
        if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            throw new AssertionError("message spans several lines: " + message);
        }
    }

    /** Bytes allocated so far by the current thread, or -1 where the JVM cannot tell. */
    private static long allocated() {
        return THREADS == null ? -1 : THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }
}
