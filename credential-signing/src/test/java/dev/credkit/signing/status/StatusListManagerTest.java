package dev.credkit.signing.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.status.BitstringStatusListCredential;
import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.StatusCheckResult;
import dev.credkit.status.StatusListCheck;
import dev.credkit.status.StatusMessage;
import dev.credkit.status.StatusOutcome;
import dev.credkit.status.StatusPurpose;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusListManagerTest {
    static final String REVOCATION = "https://issuer.example/status/revocation/1";
    static final String SUSPENSION = "https://issuer.example/status/suspension/1";
    static final String MESSAGE = "https://issuer.example/status/message/1";
    static final List<StatusMessage> MESSAGES = List.of(new StatusMessage(0, "valid"),
            new StatusMessage(1, "under_review"), new StatusMessage(2, "grade_corrected"), new StatusMessage(3, "withdrawn"));

    private final StatusListStore store = StatusListStore.inMemory();

    private StatusListManager manager() throws CredentialException {
        return StatusListManager.builder().store(store).random(TestSupport.seeded(42)).clock(TestSupport.CLOCK).build();
    }

    private StatusListManager withStandardLists() throws CredentialException {
        StatusListManager m = manager();
        m.create(StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).build());
        m.create(StatusListConfig.builder(SUSPENSION, StatusPurpose.SUSPENSION).build());
        m.create(StatusListConfig.builder(MESSAGE, StatusPurpose.MESSAGE).statusSize(2).statusMessages(MESSAGES)
                .statusReferences(List.of("https://issuer.example/status-codes")).build());
        return m;
    }

    @Test
    void allocatedEntryHasTheSpecificationsShape() throws Exception {
        StatusListManager m = withStandardLists();
        BitstringStatusListEntry entry = m.allocate(REVOCATION);
        int index = (int) entry.statusListIndex();
        JsonObject json = entry.toJson();
        assertThat(json.toJson()).isEqualTo("{\"id\":\"" + REVOCATION + "#" + index + "\",\"type\":\"BitstringStatusListEntry\","
                + "\"statusPurpose\":\"revocation\",\"statusListIndex\":\"" + index + "\","
                + "\"statusListCredential\":\"" + REVOCATION + "\"}");
        assertThat(BitstringStatusListEntry.read(json)).isEqualTo(entry);
        assertThat(m.entry(REVOCATION, index)).isEqualTo(entry);
    }

    @Test
    void messageEntryCarriesSizeMessagesAndReference() throws Exception {
        BitstringStatusListEntry entry = withStandardLists().allocate(MESSAGE);
        JsonObject json = entry.toJson();
        assertThat(json.get("statusSize").orElseThrow().toJson()).isEqualTo("2");
        assertThat(json.array("statusMessage").orElseThrow().size()).isEqualTo(4);
        assertThat(json.string("statusReference")).contains("https://issuer.example/status-codes");
        assertThat(BitstringStatusListEntry.read(json).messageFor(3)).isEqualTo("withdrawn");
    }

    @Test
    void revocationIsIrreversible() throws Exception {
        StatusListManager m = withStandardLists();
        int index = (int) m.allocate(REVOCATION).statusListIndex();
        m.revoke(REVOCATION, index);
        assertThat(m.status(REVOCATION, index)).isEqualTo(1);
        m.revoke(REVOCATION, index); // idempotent
        long revision = m.state(REVOCATION).orElseThrow().revision();

        assertRefused(() -> m.clearStatus(REVOCATION, index), "a revocation cannot be undone");
        assertRefused(() -> m.setStatus(REVOCATION, index, 0), "a revocation cannot be undone");
        assertRefused(() -> m.reinstate(REVOCATION, index), "is a revocation list, not a suspension list");
        assertThat(m.status(REVOCATION, index)).isEqualTo(1);
        assertThat(m.state(REVOCATION).orElseThrow().revision()).isEqualTo(revision);
    }

    @Test
    void suspensionIsReversible() throws Exception {
        StatusListManager m = withStandardLists();
        int index = (int) m.allocate(SUSPENSION).statusListIndex();
        m.suspend(SUSPENSION, index);
        assertThat(m.status(SUSPENSION, index)).isEqualTo(1);
        m.reinstate(SUSPENSION, index);
        assertThat(m.status(SUSPENSION, index)).isZero();
        m.setStatus(SUSPENSION, index, 1);
        m.clearStatus(SUSPENSION, index);
        assertThat(m.status(SUSPENSION, index)).isZero();
        assertRefused(() -> m.revoke(SUSPENSION, index), "is a suspension list, not a revocation list");
        assertRefused(() -> m.setStatus(SUSPENSION, index, 2), "does not fit in 1 bit(s)");
    }

    @Test
    void messageListsTakeAnyValueThatFits() throws Exception {
        StatusListManager m = withStandardLists();
        int index = (int) m.allocate(MESSAGE).statusListIndex();
        for (int value : new int[] {3, 1, 2, 0, 3}) {
            m.setStatus(MESSAGE, index, value);
            assertThat(m.status(MESSAGE, index)).isEqualTo(value);
        }
        assertRefused(() -> m.setStatus(MESSAGE, index, 4), "status value 4 does not fit in 2 bit(s)");
        assertRefused(() -> m.setStatus(MESSAGE, index, -1), "does not fit");
    }

    @Test
    void onlyAllocatedIndexesOfKnownListsCanChange() throws Exception {
        StatusListManager m = withStandardLists();
        int index = (int) m.allocate(REVOCATION).statusListIndex();
        int other = index == 0 ? 1 : index - 1;
        assertRefused(() -> m.revoke(REVOCATION, other), "was never allocated");
        assertRefused(() -> m.entry(REVOCATION, other), "was never allocated");
        assertRefused(() -> m.revoke(REVOCATION, 131_072), "is outside");
        assertRefused(() -> m.revoke(REVOCATION, -1), "is outside");
        assertRefused(() -> m.revoke(REVOCATION, (1L << 32) + index), "is outside"); // no silent int wrap-around
        assertRefused(() -> m.revoke("https://issuer.example/nope", 1), "no status list");
        assertRefused(() -> m.allocate("https://issuer.example/nope"), "no status list");
        assertRefused(() -> m.create(StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).build()), "already exists");
    }

    @Test
    void randomAllocationNeverRepeatsOverTheWholeListThenReportsFull() throws Exception {
        StatusListManager m = manager();
        String url = "https://issuer.example/status/small";
        int size = 2_000;
        m.create(StatusListConfig.builder(url, StatusPurpose.REVOCATION).entries(size).minimumEntriesForTesting(1).build());
        Set<Long> seen = new HashSet<>();
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long index = m.allocate(url).statusListIndex();
            assertThat(seen.add(index)).as("index %d handed out twice", index).isTrue();
            order.add(index);
        }
        assertThat(seen).hasSize(size).allMatch(i -> i >= 0 && i < size);
        assertThat(order).isNotEqualTo(order.stream().sorted().toList());
        assertThatThrownBy(() -> m.allocate(url)).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("has 0 free entries of 2000");
        });
        assertThat(m.state(url).orElseThrow().allocatedCount()).isEqualTo(size);
    }

    @Test
    void aFullSizeListCanBeExhaustedInBatches() throws Exception {
        StatusListManager m = withStandardLists();
        Set<Long> seen = new HashSet<>();
        for (int batch = 0; batch < 32; batch++) {
            for (BitstringStatusListEntry e : m.allocate(REVOCATION, 4_096)) {
                assertThat(seen.add(e.statusListIndex())).isTrue();
            }
        }
        assertThat(seen).hasSize(131_072);
        assertThatThrownBy(() -> m.allocate(REVOCATION, 1)).isInstanceOf(CredentialException.class);
        assertThatThrownBy(() -> m.allocate(SUSPENSION, 131_073)).isInstanceOfSatisfying(CredentialException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
    }

    @Test
    void eightThreadsNeverReceiveTheSameIndex() throws Exception {
        StatusListManager m = withStandardLists();
        int threads = 8;
        int perThread = 1_000;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Long> all = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        long index = m.allocate(REVOCATION).statusListIndex();
                        seen.add(index);
                        all.add(index);
                        if (i % 10 == 0) {
                            m.revoke(REVOCATION, (int) index);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(threads * perThread);
        assertThat(seen).hasSize(threads * perThread);
        StatusListState state = m.state(REVOCATION).orElseThrow();
        assertThat(state.allocatedCount()).isEqualTo(threads * perThread);
        assertThat(state.status().countNonZero()).isEqualTo(threads * perThread / 10);
        assertThat(store.loadAll()).filteredOn(s -> s.url().equals(REVOCATION)).singleElement()
                .extracting(StatusListState::revision).isEqualTo(state.revision());
    }

    @Test
    void unsignedListCredentialHasTheSpecificationsShapeAndVerifies() throws Exception {
        StatusListManager m = withStandardLists();
        BitstringStatusListEntry revoked = m.allocate(REVOCATION);
        BitstringStatusListEntry kept = m.allocate(REVOCATION);
        m.revoke(REVOCATION, (int) revoked.statusListIndex());

        JsonObject credential = m.unsignedListCredential(REVOCATION,
                ListCredentialOptions.builder("did:key:z6MkIssuer").validFor(Duration.ofDays(1)).ttl(Duration.ofMinutes(10)).build());
        assertThat(credential.keys()).containsExactly("@context", "id", "type", "issuer", "validFrom", "validUntil", "credentialSubject");
        assertThat(credential.get("@context").orElseThrow().toJson()).isEqualTo("[\"https://www.w3.org/ns/credentials/v2\"]");
        assertThat(credential.string("id")).contains(REVOCATION);
        assertThat(credential.get("type").orElseThrow().toJson()).isEqualTo("[\"VerifiableCredential\",\"BitstringStatusListCredential\"]");
        assertThat(credential.string("issuer")).contains("did:key:z6MkIssuer");
        assertThat(credential.string("validFrom")).contains("2025-01-31T12:00:00Z");
        assertThat(credential.string("validUntil")).contains("2025-02-01T12:00:00Z");
        JsonObject subject = credential.object("credentialSubject").orElseThrow();
        assertThat(subject.keys()).containsExactly("id", "type", "statusPurpose", "encodedList", "ttl");
        assertThat(subject.string("id")).contains(REVOCATION + "#list");
        assertThat(subject.string("type")).contains("BitstringStatusList");
        assertThat(subject.string("statusPurpose")).contains("revocation");
        assertThat(subject.get("ttl").orElseThrow().toJson()).isEqualTo("600000");

        BitstringStatusListCredential list = BitstringStatusListCredential.read(credential);
        assertThat(list.validUntil()).contains(Instant.parse("2025-02-01T12:00:00Z"));
        StatusCheckResult r1 = StatusListCheck.defaults().check(revoked, list);
        StatusCheckResult r2 = StatusListCheck.defaults().check(kept, list);
        assertThat(r1.outcome()).isEqualTo(StatusOutcome.SET);
        assertThat(r1.problem()).contains(ProblemCode.REVOKED);
        assertThat(r2.outcome()).isEqualTo(StatusOutcome.UNSET);
    }

    @Test
    void messageListCredentialVerifiesWithTheEntrysMessages() throws Exception {
        StatusListManager m = withStandardLists();
        BitstringStatusListEntry entry = m.allocate(MESSAGE);
        m.setStatus(MESSAGE, (int) entry.statusListIndex(), 2);
        JsonObject credential = m.unsignedListCredential(MESSAGE, ListCredentialOptions.builder("did:example:issuer").build());
        JsonObject subject = credential.object("credentialSubject").orElseThrow();
        assertThat(subject.has("statusSize")).as("statusSize is not a term of the list in the v2 context").isFalse();
        assertThat(credential.has("validUntil")).isFalse();
        StatusCheckResult result = StatusListCheck.defaults().check(entry, credential);
        assertThat(result.value()).isEqualTo(2);
        assertThat(result.message()).isEqualTo("grade_corrected");
    }

    @Test
    void listCredentialOptionsRefuseContradictions() throws Exception {
        StatusListManager m = withStandardLists();
        assertThatThrownBy(() -> ListCredentialOptions.builder("did:example:x").validUntil(TestSupport.NOW)
                .validFor(Duration.ofDays(1)).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.unsignedListCredential(REVOCATION,
                ListCredentialOptions.builder("did:example:x").validUntil(TestSupport.NOW).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListCredentialOptions.builder(JsonObject.empty())).isInstanceOf(IllegalArgumentException.class);
        JsonObject withObjectIssuer = m.unsignedListCredential(REVOCATION,
                ListCredentialOptions.builder(JsonObject.builder().put("id", "did:example:x").put("name", "Uni").build())
                        .validFrom(Instant.parse("2024-01-01T00:00:00.5Z")).build());
        assertThat(withObjectIssuer.string("validFrom")).contains("2024-01-01T00:00:00Z");
        assertThat(BitstringStatusListCredential.read(withObjectIssuer).issuerId()).contains("did:example:x");
    }

    @Test
    void configRefusesListsTheSpecificationForbids() {
        assertThatThrownBy(() -> StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).entries(131_071).build())
                .hasMessageContaining("at least 131072 entries");
        assertThatThrownBy(() -> StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).statusSize(2).build())
                .hasMessageContaining("one bit per entry");
        assertThatThrownBy(() -> StatusListConfig.builder(MESSAGE, StatusPurpose.MESSAGE).statusSize(2).build())
                .hasMessageContaining("statusMessage is required");
        assertThatThrownBy(() -> StatusListConfig.builder(MESSAGE, StatusPurpose.MESSAGE).statusSize(2)
                .statusMessages(MESSAGES.subList(0, 3)).build()).hasMessageContaining("must have 4 elements");
        assertThatThrownBy(() -> StatusListConfig.builder(MESSAGE, StatusPurpose.MESSAGE).statusSize(9).build())
                .hasMessageContaining("between 1 and 8");
        assertThatThrownBy(() -> StatusListConfig.builder(REVOCATION + "#x", StatusPurpose.REVOCATION).build())
                .hasMessageContaining("no fragment");
        assertThatThrownBy(() -> StatusListConfig.builder("status/1", StatusPurpose.REVOCATION).build())
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).entries(200_000_000).build())
                .hasMessageContaining("larger than verifiers decode");
    }

    @Test
    void aFailedCommitNeitherHandsOutNorChangesAnything() throws Exception {
        FailingStore failing = new FailingStore();
        StatusListManager m = StatusListManager.builder().store(failing).random(TestSupport.seeded(5)).clock(TestSupport.CLOCK).build();
        m.create(StatusListConfig.builder(SUSPENSION, StatusPurpose.SUSPENSION).build());
        int index = (int) m.allocate(SUSPENSION).statusListIndex();

        failing.fail = true;
        assertThatThrownBy(() -> m.allocate(SUSPENSION)).isInstanceOfSatisfying(CredentialException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.INTERNAL_ERROR));
        assertThatThrownBy(() -> m.suspend(SUSPENSION, index)).isInstanceOf(CredentialException.class);
        assertThat(m.status(SUSPENSION, index)).isZero();
        assertThat(m.state(SUSPENSION).orElseThrow().allocatedCount()).isEqualTo(1);

        failing.fail = false;
        m.suspend(SUSPENSION, index);
        // the index picked by the failed allocation is burnt, not lost: it is stored as allocated
        assertThat(failing.loadAll().get(0).allocatedCount()).isEqualTo(2);
        assertThat(failing.loadAll().get(0).status().get(index)).isEqualTo(1);
    }

    private static void assertRefused(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.STATUS_UPDATE_REFUSED);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    private static final class FailingStore implements StatusListStore {
        private final StatusListStore delegate = StatusListStore.inMemory();
        volatile boolean fail;

        @Override
        public List<StatusListState> loadAll() throws CredentialException {
            return delegate.loadAll();
        }

        @Override
        public void save(StatusListState state) throws CredentialException {
            if (fail) {
                throw new CredentialException(ProblemCode.INTERNAL_ERROR, "disk full");
            }
            delegate.save(state);
        }
    }
}
