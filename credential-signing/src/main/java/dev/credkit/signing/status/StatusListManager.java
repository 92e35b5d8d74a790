package dev.credkit.signing.status;

import dev.credkit.core.CredentialException;
import dev.credkit.internal.status.DateTimeStamps;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.status.BitstringStatusListCredential;
import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.EncodedListCodec;
import dev.credkit.status.StatusPurpose;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The issuer's side of Bitstring Status List v1.0: creates lists, hands out random indexes
 * (never the same one twice, across restarts), changes statuses, and builds the unsigned
 * {@code BitstringStatusListCredential} to sign and publish.
 *
 * <p>Every change is committed to the {@link StatusListStore} before the call returns; an index
 * is handed out only after the store has made its allocation durable. Indexes are drawn
 * uniformly at random among the free ones of the list (with the injected {@link SecureRandom}),
 * as the specification recommends, in {@code O(log n)} however full the list is.
 *
 * <p>Status rules: revocation is final (setting a revoked entry back to 0 is refused);
 * suspension may be set and cleared; a {@code message} list takes any value below
 * {@code 2^statusSize}. Only indexes that were handed out can be changed. Refusals are
 * {@link dev.credkit.core.ProblemCode#STATUS_UPDATE_REFUSED}; a full list is
 * {@link dev.credkit.core.ProblemCode#LIMIT_EXCEEDED}.
 *
 * <p>Thread-safe: operations on one list are serialized, lists are independent.
 */
public final class StatusListManager {
    /** The context of a list credential: VC 2.0 defines every status term. */
    public static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

    private final StatusListStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final ConcurrentHashMap<String, ManagedStatusList> lists = new ConcurrentHashMap<>();
    private final Object createLock = new Object();

    private StatusListManager(Builder b, List<StatusListState> states) {
        this.store = b.store;
        this.random = b.random;
        this.clock = b.clock;
        for (StatusListState state : states) {
            lists.put(state.url(), new ManagedStatusList(state));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates and stores a new, empty list.
     *
     * @throws CredentialException {@code STATUS_UPDATE_REFUSED} when a list with that URL exists
     */
    public StatusListState create(StatusListConfig config) throws CredentialException {
        synchronized (createLock) {
            if (lists.containsKey(config.url())) {
                throw ManagedStatusList.refused("a status list " + config.url() + " already exists");
            }
            StatusListState state = ManagedStatusList.initialState(config, clock);
            store.save(state);
            lists.put(config.url(), new ManagedStatusList(state));
            return state;
        }
    }

    /** The URLs of every list, sorted. */
    public List<String> listUrls() {
        List<String> urls = new ArrayList<>(lists.keySet());
        urls.sort(null);
        return urls;
    }

    /** The last committed state of a list. */
    public Optional<StatusListState> state(String url) {
        ManagedStatusList list = lists.get(url);
        return list == null ? Optional.empty() : Optional.of(list.snapshot());
    }

    /** Hands out one random free index and returns the entry the credential carries. */
    public BitstringStatusListEntry allocate(String url) throws CredentialException {
        return allocate(url, 1).get(0);
    }

    /**
     * Hands out {@code count} random free indexes with one store commit (for batch issuing).
     *
     * @throws CredentialException {@code LIMIT_EXCEEDED} when the list has fewer free indexes
     */
    public List<BitstringStatusListEntry> allocate(String url, int count) throws CredentialException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        ManagedStatusList list = list(url);
        int[] indexes = list.allocate(count, random, clock, store);
        List<BitstringStatusListEntry> entries = new ArrayList<>(count);
        for (int index : indexes) {
            entries.add(list.config().entry(index));
        }
        return entries;
    }

    /** The entry for an index handed out earlier (to re-issue a credential). */
    public BitstringStatusListEntry entry(String url, long index) throws CredentialException {
        ManagedStatusList list = list(url);
        if (!list.isAllocated(index)) {
            throw ManagedStatusList.refused("index " + index + " of " + url + " was never allocated");
        }
        return list.config().entry((int) index);
    }

    /** The current status value of an index. */
    public int status(String url, long index) throws CredentialException {
        return list(url).get(index);
    }

    /** Revokes an entry of a revocation list; revoking twice is a no-op. Irreversible. */
    public void revoke(String url, long index) throws CredentialException {
        set(url, StatusPurpose.REVOCATION, index, 1);
    }

    /** Suspends an entry of a suspension list. */
    public void suspend(String url, long index) throws CredentialException {
        set(url, StatusPurpose.SUSPENSION, index, 1);
    }

    /** Lifts the suspension of an entry of a suspension list. */
    public void reinstate(String url, long index) throws CredentialException {
        set(url, StatusPurpose.SUSPENSION, index, 0);
    }

    /**
     * Sets an entry of any list to {@code value} under its purpose's rules (a revocation cannot
     * be cleared; a message value must fit in {@code statusSize} bits).
     */
    public void setStatus(String url, long index, int value) throws CredentialException {
        list(url).set(index, value, clock, store);
    }

    /** {@code setStatus(url, index, 0)}. */
    public void clearStatus(String url, long index) throws CredentialException {
        setStatus(url, index, 0);
    }

    /**
     * The unsigned {@code BitstringStatusListCredential} for the list's current state, ready for
     * a proof: VC 2.0 context only, {@code id} the list URL, subject {@code <url>#list}.
     */
    public JsonObject unsignedListCredential(String url, ListCredentialOptions options) throws CredentialException {
        StatusListState state = list(url).snapshot();
        Instant validFrom = options.validFrom().orElseGet(clock::instant);
        Instant validUntil = options.validUntil()
                .or(() -> options.validFor().map(validFrom::plus))
                .orElse(null);
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must be after validFrom");
        }
        JsonObject.Builder subject = JsonObject.builder()
                .put("id", url + "#list")
                .put("type", BitstringStatusListCredential.SUBJECT_TYPE)
                .put("statusPurpose", state.config().purpose().value())
                .put("encodedList", EncodedListCodec.defaults().encode(state.status()));
        options.ttl().ifPresent(ttl -> subject.put("ttl", JsonNumber.of(ttl.toMillis())));
        JsonObject.Builder credential = JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of(VC_V2_CONTEXT)))
                .put("id", url)
                .put("type", JsonArray.ofStrings(List.of("VerifiableCredential", BitstringStatusListCredential.TYPE)))
                .put("issuer", options.issuer())
                .put("validFrom", DateTimeStamps.format(validFrom));
        if (validUntil != null) {
            credential.put("validUntil", DateTimeStamps.format(validUntil));
        }
        return credential.put("credentialSubject", subject.build()).build();
    }

    private ManagedStatusList list(String url) throws CredentialException {
        ManagedStatusList list = lists.get(Objects.requireNonNull(url, "url"));
        if (list == null) {
            throw ManagedStatusList.refused("no status list " + url);
        }
        return list;
    }

    private void set(String url, StatusPurpose required, long index, int value) throws CredentialException {
        ManagedStatusList list = list(url);
        if (list.config().purpose() != required) {
            throw ManagedStatusList.refused(url + " is a " + list.config().purpose().value() + " list, not a "
                    + required.value() + " list");
        }
        list.set(index, value, clock, store);
    }

    /** Configures a {@link StatusListManager}; {@link #build()} loads the store's lists. */
    public static final class Builder {
        private StatusListStore store;
        private SecureRandom random;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where lists are kept (required); see {@link FileStatusListStore}. */
        public Builder store(StatusListStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The source of random indexes; a new {@link SecureRandom} when not set. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The clock for {@code validFrom} and state timestamps; UTC system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public StatusListManager build() throws CredentialException {
            if (store == null) {
                throw new IllegalStateException("a StatusListStore is required");
            }
            if (random == null) {
                random = new SecureRandom();
            }
            return new StatusListManager(this, store.loadAll());
        }
    }
}
