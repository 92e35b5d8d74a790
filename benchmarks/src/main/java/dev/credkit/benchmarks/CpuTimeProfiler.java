package dev.credkit.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time per operation, so that numbers from a shared machine still compare: wall-clock
 * throughput drops when other processes take the cores, the CPU time an operation needs moves
 * much less. Use with {@code -prof dev.credkit.benchmarks.CpuTimeProfiler}; reports per iteration
 * <ul>
 *   <li>{@code cpu.worker.norm}: CPU time of the benchmark threads per operation, in µs (no JIT
 *       compilation, no GC threads: the cost of the operation itself);</li>
 *   <li>{@code cpu.time.norm}: CPU time of the whole benchmark JVM per operation, in µs (adds GC
 *       and any JIT compilation still going on);</li>
 *   <li>{@code cpu.share}: process CPU time ÷ wall time, in cores: how much of the machine the
 *       benchmark got (1.0 = one whole core).</li>
 * </ul>
 * Contention for the core itself (another process on the sibling hyper-thread, caches) still
 * shows in CPU time; an idle machine remains the reference.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final String WORKER = "jmh-worker";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> workersStart = Map.of();
    private long processStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "CPU time per operation (benchmark threads and whole JVM) and the CPU share the run got";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workersStart = workerCpuTimes();
        processStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                    IterationResult result) {
        long wall = System.nanoTime() - wallStart;
        long process = os.getProcessCpuTime() - processStart;
        long workers = 0;
        for (Map.Entry<Long, Long> e : workerCpuTimes().entrySet()) {
            // a worker started during this iteration had used no CPU before it
            workers += e.getValue() - workersStart.getOrDefault(e.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0 || process < 0 || wall <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.worker.norm", workers / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.time.norm", process / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.share", (double) process / wall, "cores", AggregationPolicy.AVG));
    }

    private Map<Long, Long> workerCpuTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains(WORKER)) {
                long cpu = threads.getThreadCpuTime(t.getId());
                if (cpu >= 0) {
                    times.put(t.getId(), cpu);
                }
            }
        }
        return times;
    }
}
