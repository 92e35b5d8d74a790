package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

/**
 * The status lookup of the specification's validate algorithm, as a pure function: given an
 * entry and its (already proof-verified) list credential, the entry's status value.
 *
 * <p>Refused with {@code INVALID_STATUS_LIST}: a list credential whose {@code id} is not the
 * entry's {@code statusListCredential}; an entry purpose the list does not serve; a list
 * {@code statusSize} different from the entry's; a list with fewer than
 * {@link #minimumEntries()} entries of the entry's size; an index outside the list. Freshness
 * ({@code validFrom}, {@code validUntil}, {@code ttl}) is the caller's decision; see
 * {@link BitstringStatusListCredential}.
 *
 * <p>Immutable and thread-safe.
 */
public final class StatusListCheck {
    /** The specification's minimum: 131,072 entries (16 KB at one bit each). */
    public static final int DEFAULT_MINIMUM_ENTRIES = 131_072;

    private static final StatusListCheck DEFAULTS = builder().build();

    private final int minimumEntries;
    private final EncodedListCodec codec;

    private StatusListCheck(int minimumEntries, EncodedListCodec codec) {
        this.minimumEntries = minimumEntries;
        this.codec = codec;
    }

    public static StatusListCheck defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int minimumEntries() {
        return minimumEntries;
    }

    public EncodedListCodec codec() {
        return codec;
    }

    /** Reads {@code listCredential} with this check's codec, then {@link #check(BitstringStatusListEntry, BitstringStatusListCredential)}. */
    public StatusCheckResult check(BitstringStatusListEntry entry, JsonObject listCredential) throws CredentialException {
        return check(entry, BitstringStatusListCredential.read(listCredential, codec));
    }

    /** The status of {@code entry} in {@code list}. */
    public StatusCheckResult check(BitstringStatusListEntry entry, BitstringStatusListCredential list) throws CredentialException {
        if (list.id().isPresent() && !list.id().get().equals(entry.statusListCredential())) {
            throw StatusJson.invalid("the status list credential's id is not the entry's statusListCredential");
        }
        if (!list.hasPurpose(entry.statusPurpose())) {
            throw StatusJson.invalid("status purpose mismatch: the entry's is '" + shorten(entry.statusPurpose())
                    + "', the list serves " + shorten(String.join(", ", list.statusPurposes())));
        }
        if (list.statusSize().isPresent() && list.statusSize().getAsInt() != entry.statusSize()) {
            throw StatusJson.invalid("statusSize mismatch: the entry's is " + entry.statusSize()
                    + ", the list's is " + list.statusSize().getAsInt());
        }
        StatusBitstring bits = list.bitstring().withStatusSize(entry.statusSize());
        if (bits.entries() < minimumEntries) {
            throw StatusJson.invalid("the status list has " + bits.entries() + " entries of " + entry.statusSize()
                    + " bit(s), fewer than the minimum of " + minimumEntries);
        }
        if (entry.statusListIndex() >= bits.entries()) {
            throw StatusJson.invalid("statusListIndex " + entry.statusListIndex() + " is out of range (the list has "
                    + bits.entries() + " entries)");
        }
        int value = bits.get((int) entry.statusListIndex());
        return new StatusCheckResult(entry.statusPurpose(), entry.statusListIndex(), value, entry.messageFor(value));
    }

    private static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }

    /** Configures a check. */
    public static final class Builder {
        private int minimumEntries = DEFAULT_MINIMUM_ENTRIES;
        private EncodedListCodec codec;

        private Builder() {
        }

        /**
         * The fewest entries a list must have. Lower it only where an ecosystem specification
         * sets a smaller bound; when no codec is set, the codec's minimum follows.
         */
        public Builder minimumEntries(int minimumEntries) {
            if (minimumEntries < 1) {
                throw new IllegalArgumentException("minimumEntries must be positive");
            }
            this.minimumEntries = minimumEntries;
            return this;
        }

        /** The codec (and so the decoding limits) for {@link #check(BitstringStatusListEntry, JsonObject)}. */
        public Builder codec(EncodedListCodec codec) {
            this.codec = java.util.Objects.requireNonNull(codec, "codec");
            return this;
        }

        public StatusListCheck build() {
            EncodedListCodec c = codec;
            if (c == null) {
                c = minimumEntries >= DEFAULT_MINIMUM_ENTRIES ? EncodedListCodec.defaults()
                        : EncodedListCodec.builder().minDecodedBytes((minimumEntries + 7) / 8).build();
            }
            return new StatusListCheck(minimumEntries, c);
        }
    }
}
