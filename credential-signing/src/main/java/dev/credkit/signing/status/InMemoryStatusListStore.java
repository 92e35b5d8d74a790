package dev.credkit.signing.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link StatusListStore#inMemory()}: not durable at all. */
final class InMemoryStatusListStore implements StatusListStore {
    private final Map<String, StatusListState> states = new ConcurrentHashMap<>();

    @Override
    public List<StatusListState> loadAll() {
        return List.copyOf(states.values());
    }

    @Override
    public void save(StatusListState state) {
        states.put(state.url(), state);
    }
}
