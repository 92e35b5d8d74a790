package dev.credkit.signing.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.status.StatusBitstring;
import dev.credkit.status.StatusPurpose;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The live, mutable state of one list inside {@link StatusListManager}. Every method holds the
 * list's monitor for its whole duration, store write included, so changes to one list are
 * serialized and reach the store in revision order.
 */
final class ManagedStatusList {
    private final StatusListConfig config;
    private final IndexAllocator allocator;
    private final StatusBitstring.Builder status;
    private long revision;
    private StatusListState committed;

    ManagedStatusList(StatusListState state) {
        this.config = state.config();
        this.allocator = IndexAllocator.fromBitmap(state.allocated(), config.entries());
        this.status = state.status().toBuilder();
        this.revision = state.revision();
        this.committed = state;
    }

    /** The first state of a new list: nothing allocated, everything zero. */
    static StatusListState initialState(StatusListConfig config, Clock clock) {
        return new StatusListState(config, 1, clock.instant(),
                new IndexAllocator(config.entries()).toBitmap(), 0,
                StatusBitstring.builder(config.entries(), config.statusSize()).build());
    }

    StatusListConfig config() {
        return config;
    }

    synchronized StatusListState snapshot() {
        return committed;
    }

    /**
     * Picks {@code count} random free indexes and commits them before returning. When the store
     * fails the indexes stay marked in memory, never handed out, so they cannot be reused.
     */
    synchronized int[] allocate(int count, SecureRandom random, Clock clock, StatusListStore store) throws CredentialException {
        if (count > allocator.freeCount()) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "status list " + config.url() + " has "
                    + allocator.freeCount() + " free entries of " + config.entries() + ", " + count + " requested");
        }
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = allocator.allocateRandom(random);
        }
        commit(clock, store);
        return indexes;
    }

    synchronized int get(long index) throws CredentialException {
        return status.get(checkIndex(index));
    }

    synchronized boolean isAllocated(long index) throws CredentialException {
        return allocator.isAllocated(checkIndex(index));
    }

    /**
     * Sets entry {@code index} to {@code value} under the purpose's rules; a no-op when it already
     * has that value. On a store failure the change is undone in memory and the error rethrown.
     */
    synchronized void set(long longIndex, int value, Clock clock, StatusListStore store) throws CredentialException {
        int index = checkIndex(longIndex);
        if (!allocator.isAllocated(index)) {
            throw refused("index " + index + " of " + config.url() + " was never allocated");
        }
        if (value < 0 || value >= (1 << config.statusSize())) {
            throw refused("status value " + value + " does not fit in " + config.statusSize() + " bit(s)");
        }
        int old = status.get(index);
        if (old == value) {
            return;
        }
        if (config.purpose() == StatusPurpose.REVOCATION && old != 0) {
            throw refused("index " + index + " of " + config.url() + " is revoked; a revocation cannot be undone");
        }
        status.set(index, value);
        try {
            commit(clock, store);
        } catch (CredentialException | RuntimeException e) {
            status.set(index, old);
            throw e;
        }
    }

    private void commit(Clock clock, StatusListStore store) throws CredentialException {
        revision++;
        StatusListState next = new StatusListState(config, revision, clock.instant(), allocator.toBitmap(),
                allocator.allocatedCount(), status.build());
        store.save(next);
        committed = next;
    }

    private int checkIndex(long index) throws CredentialException {
        if (index < 0 || index >= config.entries()) {
            throw refused("index " + index + " is outside " + config.url() + " (0 to " + (config.entries() - 1) + ")");
        }
        return (int) index;
    }

    static CredentialException refused(String message) {
        return new CredentialException(ProblemCode.STATUS_UPDATE_REFUSED, message);
    }
}
