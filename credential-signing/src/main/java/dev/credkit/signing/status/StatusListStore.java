package dev.credkit.signing.status;

import dev.credkit.core.CredentialException;

import java.util.List;

/**
 * Where {@link StatusListManager} keeps its lists so that they survive restarts and no index is
 * ever handed out twice.
 *
 * <p>Contract: {@link #save} returns only once the state is durable (it survives a crash or power
 * loss of the issuing process), and a crash during {@code save} leaves either the previous or
 * the new state, never a mix. The manager calls {@code save} for one list at a time, with
 * increasing revisions, and hands out an index only after {@code save} returned. Implementations
 * must be thread-safe; {@link StatusListState#toJson()} gives a ready serialized form.
 *
 * @see FileStatusListStore the crash-safe file-backed default
 */
public interface StatusListStore {

    /** Every list's last saved state, in any order; empty on first use. */
    List<StatusListState> loadAll() throws CredentialException;

    /**
     * Durably replaces the stored state of {@code state.url()} (or adds a new list).
     *
     * @throws CredentialException when the state could not be made durable; the manager then
     *         reports the operation as failed
     */
    void save(StatusListState state) throws CredentialException;

    /** A store that keeps everything in memory: for tests and throw-away demos only. */
    static StatusListStore inMemory() {
        return new InMemoryStatusListStore();
    }
}
