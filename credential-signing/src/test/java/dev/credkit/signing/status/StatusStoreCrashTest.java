package dev.credkit.signing.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.credkit.signing.status.StatusStoreCrashChild.REVOCATION;
import static dev.credkit.signing.status.StatusStoreCrashChild.SUSPENSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM in the middle of its allocate/update loop and checks that the state file it
 * leaves is intact: parseable, every committed allocation and status change present, and no
 * index handed out twice across the crashes.
 */
class StatusStoreCrashTest {
    private static final int ROUNDS = 3;
    private static final int LINES_BEFORE_KILL = 120;

    @TempDir
    Path dir;

    @Test
    void stateSurvivesTheProcessBeingKilledMidUpdate() throws Exception {
        Path state = dir.resolve("status.json");
        Map<String, Set<Integer>> reported = new HashMap<>();
        reported.put(REVOCATION, new HashSet<>());
        reported.put(SUSPENSION, new HashSet<>());
        Map<String, Map<Integer, Integer>> lastValue = new HashMap<>();

        for (int round = 0; round < ROUNDS; round++) {
            List<String> lines = runAndKill(state, round);
            assertThat(lines).as("child output of round %d", round).isNotEmpty().first().isEqualTo("READY");
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split(" ");
                int index = Integer.parseInt(parts[2]);
                if (parts[0].equals("ALLOC")) {
                    assertThat(reported.get(parts[1]).add(index)).as("index %d of %s handed out twice", index, parts[1]).isTrue();
                } else {
                    lastValue.computeIfAbsent(parts[1], k -> new HashMap<>()).put(index, Integer.parseInt(parts[3]));
                }
            }

            try (FileStatusListStore store = FileStatusListStore.open(state)) {
                Map<String, StatusListState> loaded = new HashMap<>();
                for (StatusListState s : store.loadAll()) {
                    loaded.put(s.url(), s);
                }
                assertThat(loaded).containsOnlyKeys(REVOCATION, SUSPENSION);
                int unreportedCommits = 0;
                for (String url : List.of(REVOCATION, SUSPENSION)) {
                    StatusListState s = loaded.get(url);
                    for (int index : reported.get(url)) {
                        assertThat(s.isAllocated(index)).as("reported index %d of %s is stored", index, url).isTrue();
                    }
                    // at most the one operation in flight when the child died is stored but unreported
                    int extra = s.allocatedCount() - reported.get(url).size();
                    assertThat(extra).isBetween(0, 1);
                    unreportedCommits += extra;
                    for (Map.Entry<Integer, Integer> e : lastValue.getOrDefault(url, Map.of()).entrySet()) {
                        int stored = s.status().get(e.getKey());
                        if (url.equals(REVOCATION)) {
                            assertThat(stored).isEqualTo(1);
                        } else {
                            // the last reported value, or the one change in flight after it
                            assertThat(stored == e.getValue() || e.getValue() == 1).isTrue();
                        }
                    }
                }
                assertThat(unreportedCommits).isLessThanOrEqualTo(1);
                // keep the books straight for the next round: count in-flight allocations as handed out
                for (String url : List.of(REVOCATION, SUSPENSION)) {
                    StatusListState s = loaded.get(url);
                    for (int i = 0; i < s.config().entries(); i++) {
                        if (s.isAllocated(i)) {
                            reported.get(url).add(i);
                        }
                    }
                }
            }
        }

        // after all the crashes, fresh allocations still avoid every index handed out before
        try (FileStatusListStore store = FileStatusListStore.open(state)) {
            StatusListManager m = StatusListManager.builder().store(store).random(TestSupport.seeded(9)).build();
            for (var entry : m.allocate(REVOCATION, 20_000)) {
                assertThat(reported.get(REVOCATION)).doesNotContain((int) entry.statusListIndex());
            }
        }
        assertThat(reported.get(REVOCATION).size()).isGreaterThanOrEqualTo(ROUNDS * LINES_BEFORE_KILL / 6);
    }

    /** Runs the child until it has printed enough committed operations, kills it, returns its complete lines. */
    private List<String> runAndKill(Path state, int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StatusStoreCrashChild.class.getName(), state.toString());
        pb.redirectError(dir.resolve("child-" + round + ".err").toFile());
        Process child = pb.start();
        LineCollector collector = new LineCollector(child.getInputStream());
        Thread reader = new Thread(collector, "crash-child-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (collector.lineCount() < LINES_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("child still running (see child-%d.err)", round).isTrue();
            assertThat(collector.lineCount()).as("child made progress").isGreaterThanOrEqualTo(LINES_BEFORE_KILL);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return collector.completeLines();
    }

    /** Reads a stream to its end, keeping only newline-terminated lines (the last may be cut by the kill). */
    private static final class LineCollector implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int lines;

        LineCollector(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (this) {
                        bytes.write(buffer, 0, n);
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed
            }
        }

        synchronized int lineCount() {
            return lines;
        }

        synchronized List<String> completeLines() {
            String text = bytes.toString(StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            List<String> out = new ArrayList<>();
            if (end < 0) {
                return out;
            }
            for (String line : text.substring(0, end).split("\n")) {
                out.add(line.strip());
            }
            return out;
        }
    }
}
