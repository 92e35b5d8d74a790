package dev.credkit.internal.batch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderedParallelTest {

    /** An iterator over 0..n-1 that counts what it handed out. */
    static final class CountingIterator implements Iterator<Integer> {
        final int n;
        final AtomicInteger pulled = new AtomicInteger();

        CountingIterator(int n) {
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return pulled.get() < n;
        }

        @Override
        public Integer next() {
            return pulled.getAndIncrement();
        }
    }

    @Test
    void deliversEveryOutcomeInInputOrderWhateverTheCompletionOrder() throws Exception {
        List<Long> indexes = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        long count = OrderedParallel.<Integer, Integer>run(IntStream.range(0, 500).boxed().iterator(), 4, 16,
                i -> {
                    if (i % 7 == 0) {
                        Thread.sleep(1); // later items overtake this one
                    }
                    return i * 2;
                },
                (index, input, value, error) -> {
                    assertThat(error).isNull();
                    assertThat(value).isEqualTo(input * 2);
                    indexes.add(index);
                    values.add(value);
                });
        assertThat(count).isEqualTo(500);
        assertThat(indexes).containsExactlyElementsOf(IntStream.range(0, 500).mapToObj(i -> (long) i).toList());
        assertThat(values).isSorted();
    }

    @Test
    void aFailingItemIsDeliveredWithItsErrorAndTheBatchGoesOn() throws Exception {
        List<String> seen = new ArrayList<>();
        long count = OrderedParallel.<Integer, String>run(IntStream.range(0, 10).boxed().iterator(), 2, 4,
                i -> {
                    if (i == 3) {
                        throw new IOException("row three is bad");
                    }
                    if (i == 6) {
                        throw new IllegalStateException("a bug for row six");
                    }
                    return "ok" + i;
                },
                (index, input, value, error) -> seen.add(index + ":" + (error == null ? value : error.getMessage())));
        assertThat(count).isEqualTo(10);
        assertThat(seen).containsExactly("0:ok0", "1:ok1", "2:ok2", "3:row three is bad", "4:ok4", "5:ok5",
                "6:a bug for row six", "7:ok7", "8:ok8", "9:ok9");
    }

    @Test
    void aSlowConsumerKeepsTheReaderWithinTheWindow() throws Exception {
        int maxInFlight = 8;
        CountingIterator inputs = new CountingIterator(200);
        AtomicLong worstAhead = new AtomicLong();
        OrderedParallel.<Integer, Integer>run(inputs, 4, maxInFlight, i -> i,
                (index, input, value, error) -> {
                    // everything pulled but not yet delivered (this item included) is in flight
                    long ahead = inputs.pulled.get() - index;
                    worstAhead.accumulateAndGet(ahead, Math::max);
                    try {
                        Thread.sleep(index < 20 ? 2 : 0); // the workers are far faster than this consumer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        assertThat(inputs.pulled.get()).isEqualTo(200);
        assertThat(worstAhead.get()).isEqualTo(maxInFlight);
    }

    @Test
    void aSlowHeadItemStopsTheReaderAtTheWindowInsteadOfQueueingTheRest() throws Exception {
        CountingIterator inputs = new CountingIterator(1000);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger pulledWhileBlocked = new AtomicInteger(-1);
        Thread watcher = new Thread(() -> {
            try {
                Thread.sleep(200); // the other workers finish everything they may take meanwhile
                pulledWhileBlocked.set(inputs.pulled.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                release.countDown();
            }
        });
        watcher.start();
        OrderedParallel.<Integer, Integer>run(inputs, 3, 12, i -> {
            if (i == 0) {
                assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
            }
            return i;
        }, (index, input, value, error) -> assertThat(error).isNull());
        watcher.join();
        assertThat(pulledWhileBlocked.get()).isEqualTo(12);
        assertThat(inputs.pulled.get()).isEqualTo(1000);
    }

    @Test
    void runsTheTasksOnSeveralThreadsAtOnce() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Boolean> met = Collections.synchronizedList(new ArrayList<>());
        OrderedParallel.<Integer, Boolean>run(List.of(1, 2).iterator(), 2, 2, i -> {
            threads.add(Thread.currentThread().getName());
            bothRunning.countDown();
            return bothRunning.await(5, TimeUnit.SECONDS);
        }, (index, input, value, error) -> met.add(value));
        assertThat(met).containsExactly(true, true);
        assertThat(threads).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("credkit-batch-"));
    }

    @Test
    void anExceptionFromTheConsumerStopsTheBatchAndPropagates() {
        CountingIterator inputs = new CountingIterator(10_000);
        assertThatThrownBy(() -> OrderedParallel.<Integer, Integer>run(inputs, 2, 8, i -> i,
                (index, input, value, error) -> {
                    if (index == 5) {
                        throw new IllegalStateException("disk full");
                    }
                }))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(inputs.pulled.get()).isLessThanOrEqualTo(5 + 8);
    }

    @Test
    void anErrorInATaskStopsTheBatch() {
        assertThatThrownBy(() -> OrderedParallel.<Integer, Integer>run(IntStream.range(0, 100).boxed().iterator(), 2, 4,
                i -> {
                    if (i == 2) {
                        throw new StackOverflowError("deep");
                    }
                    return i;
                }, (index, input, value, error) -> { }))
                .isInstanceOf(StackOverflowError.class);
    }

    @Test
    void anEmptyInputDeliversNothing() throws Exception {
        long count = OrderedParallel.<Integer, Integer>run(Collections.emptyIterator(), 2, 4, i -> i,
                (index, input, value, error) -> {
                    throw new AssertionError("nothing to deliver");
                });
        assertThat(count).isZero();
    }

    @Test
    void refusesLimitsThatCannotWork() {
        assertThatThrownBy(() -> OrderedParallel.checkLimits(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderedParallel.checkLimits(4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(OrderedParallel.defaultMaxInFlight(8)).isEqualTo(32);
        assertThat(OrderedParallel.maxInFlight(8, null)).isEqualTo(32);
        assertThat(OrderedParallel.maxInFlight(2, 5)).isEqualTo(5);
        assertThatThrownBy(() -> OrderedParallel.maxInFlight(4, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least the parallelism");
        assertThatThrownBy(() -> OrderedParallel.maxInFlight(0, null)).isInstanceOf(IllegalStateException.class);
    }
}
