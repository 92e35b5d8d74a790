package dev.credkit.signing.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.EncodedListCodec;
import dev.credkit.status.StatusPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.credkit.signing.status.StatusListManagerTest.MESSAGE;
import static dev.credkit.signing.status.StatusListManagerTest.MESSAGES;
import static dev.credkit.signing.status.StatusListManagerTest.REVOCATION;
import static dev.credkit.signing.status.StatusListManagerTest.SUSPENSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStatusListStoreTest {
    @TempDir
    Path dir;

    private StatusListManager manager(StatusListStore store, long seed) throws CredentialException {
        return StatusListManager.builder().store(store).random(TestSupport.seeded(seed)).clock(TestSupport.CLOCK).build();
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        Path file = dir.resolve("status.json");
        Set<Long> first = new HashSet<>();
        int revoked;
        int suspended;
        JsonObject before;
        ListCredentialOptions options = ListCredentialOptions.builder("did:example:issuer").validFrom(TestSupport.NOW).build();
        try (FileStatusListStore store = FileStatusListStore.open(file)) {
            StatusListManager m = manager(store, 1);
            m.create(StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).build());
            m.create(StatusListConfig.builder(SUSPENSION, StatusPurpose.SUSPENSION).build());
            m.create(StatusListConfig.builder(MESSAGE, StatusPurpose.MESSAGE).statusSize(2).statusMessages(MESSAGES)
                    .statusReferences(List.of("https://issuer.example/codes")).build());
            for (BitstringStatusListEntry e : m.allocate(REVOCATION, 500)) {
                first.add(e.statusListIndex());
            }
            revoked = (int) m.allocate(REVOCATION).statusListIndex();
            first.add((long) revoked);
            m.revoke(REVOCATION, revoked);
            suspended = (int) m.allocate(SUSPENSION).statusListIndex();
            m.suspend(SUSPENSION, suspended);
            m.setStatus(MESSAGE, (int) m.allocate(MESSAGE).statusListIndex(), 3);
            before = m.unsignedListCredential(REVOCATION, options);
        }

        try (FileStatusListStore store = FileStatusListStore.open(file)) {
            StatusListManager m = manager(store, 1); // same seed: only the stored state prevents reuse
            assertThat(m.listUrls()).containsExactly(MESSAGE, REVOCATION, SUSPENSION);
            assertThat(m.status(REVOCATION, revoked)).isEqualTo(1);
            assertThat(m.status(SUSPENSION, suspended)).isEqualTo(1);
            assertThat(m.state(REVOCATION).orElseThrow().allocatedCount()).isEqualTo(501);
            assertThat(m.state(MESSAGE).orElseThrow().config().statusMessages()).isEqualTo(MESSAGES);
            assertThat(m.state(MESSAGE).orElseThrow().status().countNonZero()).isEqualTo(1);
            assertThat(m.unsignedListCredential(REVOCATION, options)).isEqualTo(before);
            for (BitstringStatusListEntry e : m.allocate(REVOCATION, 5_000)) {
                assertThat(first).doesNotContain(e.statusListIndex());
            }
            m.reinstate(SUSPENSION, suspended);
            assertThatThrownBy(() -> m.clearStatus(REVOCATION, revoked)).isInstanceOf(CredentialException.class);
        }
    }

    @Test
    void stateFileHasTheDocumentedFormat() throws Exception {
        Path file = dir.resolve("status.json");
        int index;
        try (FileStatusListStore store = FileStatusListStore.open(file)) {
            StatusListManager m = manager(store, 2);
            m.create(StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).build());
            index = (int) m.allocate(REVOCATION).statusListIndex();
            m.revoke(REVOCATION, index);
        }
        JsonObject document = JsonReader.defaults().readObject(Files.readAllBytes(file));
        assertThat(document.keys()).containsExactly("format", "version", "lists");
        assertThat(document.string("format")).contains("credkit-status-lists");
        assertThat(document.get("version").orElseThrow().toJson()).isEqualTo("1");
        JsonObject list = (JsonObject) document.array("lists").orElseThrow().get(0);
        assertThat(list.keys()).containsExactly("url", "purpose", "entries", "statusSize", "revision", "updated",
                "allocatedCount", "allocated", "status");
        assertThat(list.string("url")).contains(REVOCATION);
        assertThat(list.string("purpose")).contains("revocation");
        assertThat(list.get("entries").orElseThrow().toJson()).isEqualTo("131072");
        assertThat(list.get("revision").orElseThrow().toJson()).isEqualTo("3"); // create, allocate, revoke
        assertThat(list.string("updated")).contains("2025-01-31T12:00:00Z");
        assertThat(list.get("allocatedCount").orElseThrow().toJson()).isEqualTo("1");
        // "status" holds the published bits; "allocated" has the same encoding
        EncodedListCodec codec = EncodedListCodec.defaults();
        assertThat(codec.decode(list.string("status").orElseThrow()).get(index)).isEqualTo(1);
        assertThat(codec.decode(list.string("allocated").orElseThrow()).get(index)).isEqualTo(1);
        assertThat(codec.decode(list.string("allocated").orElseThrow()).countNonZero()).isEqualTo(1);
        assertThat(Files.size(file)).isLessThan(2_000);
        assertThat(Files.exists(dir.resolve("status.json.tmp"))).isFalse();
    }

    @Test
    void aSecondOpenerIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        Path file = dir.resolve("status.json");
        try (FileStatusListStore first = FileStatusListStore.open(file)) {
            assertThatThrownBy(() -> FileStatusListStore.open(file)).isInstanceOfSatisfying(CredentialException.class, e -> {
                assertThat(e.code()).isEqualTo(ProblemCode.INTERNAL_ERROR);
                assertThat(e.getMessage()).contains("in use");
            });
            assertThat(first.file()).isEqualTo(file.toAbsolutePath());
        }
        FileStatusListStore.open(file).close();
    }

    @Test
    void aClosedStoreRefusesToSave() throws Exception {
        FileStatusListStore store = FileStatusListStore.open(dir.resolve("s.json"));
        StatusListManager m = manager(store, 3);
        store.close();
        assertThatThrownBy(() -> m.create(StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).build()))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.getMessage()).contains("closed"));
    }

    @Test
    void corruptOrForeignStateFilesAreRejected() throws Exception {
        Path file = dir.resolve("status.json");
        try (FileStatusListStore store = FileStatusListStore.open(file)) {
            StatusListManager m = manager(store, 4);
            m.create(StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).build());
            m.allocate(REVOCATION);
        }
        String good = Files.readString(file);

        assertCorrupt(file, good.substring(0, good.length() / 2), "not valid JSON");
        assertCorrupt(file, "{\"format\":\"something-else\",\"version\":1,\"lists\":[]}", "is not a credkit-status-lists file");
        assertCorrupt(file, good.replace("\"version\": 1", "\"version\": 2"), "unsupported version");
        assertCorrupt(file, good.replace("\"allocatedCount\": 1", "\"allocatedCount\": 2"), "allocatedCount does not match");
        assertCorrupt(file, good.replace("\"entries\": 131072", "\"entries\": 131080"), "wrong length");
        assertCorrupt(file, good.replace("\"purpose\": \"revocation\"", "\"purpose\": \"refresh\""), "unknown purpose");
        JsonObject doc = JsonReader.defaults().readObject(good);
        JsonObject list = (JsonObject) doc.array("lists").orElseThrow().get(0);
        assertCorrupt(file, doc.with("lists", dev.credkit.json.JsonArray.of(list, list)).toJson(), "twice");
        // a status set on an index never allocated
        JsonObject forged = list.with("status", EncodedListCodec.defaults().encode(
                dev.credkit.status.StatusBitstring.builder(131_072, 1).set(0, 1).set(1, 1).build()));
        assertCorrupt(file, doc.with("lists", dev.credkit.json.JsonArray.of(forged)).toJson(), "never allocated");

        Files.writeString(file, good);
        FileStatusListStore.open(file).close();
    }

    @Test
    void aLeftoverTempFileIsIgnoredAndRemoved() throws Exception {
        Path file = dir.resolve("status.json");
        Files.writeString(dir.resolve("status.json.tmp"), "{\"half\":", StandardCharsets.UTF_8);
        try (FileStatusListStore store = FileStatusListStore.open(file)) {
            assertThat(store.loadAll()).isEmpty();
            assertThat(Files.exists(dir.resolve("status.json.tmp"))).isFalse();
        }
    }

    @Test
    void eightThreadsNeverReceiveTheSameIndexThroughTheFileStore() throws Exception {
        Path file = dir.resolve("status.json");
        int threads = 8;
        int perThread = 25;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        try (FileStatusListStore store = FileStatusListStore.open(file)) {
            StatusListManager m = manager(store, 5);
            m.create(StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).build());
            m.create(StatusListConfig.builder(SUSPENSION, StatusPurpose.SUSPENSION).build());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String url = t % 2 == 0 ? REVOCATION : SUSPENSION;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            long index = m.allocate(url).statusListIndex();
                            assertThat(seen.add(url.hashCode() * 1_000_000L + index)).isTrue();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        try (FileStatusListStore store = FileStatusListStore.open(file)) {
            assertThat(store.loadAll()).extracting(StatusListState::allocatedCount).containsOnly(threads / 2 * perThread);
        }
        assertThat(seen).hasSize(threads * perThread);
    }

    private static void assertCorrupt(Path file, String content, String messagePart) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FileStatusListStore.open(file)).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
