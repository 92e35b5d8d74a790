package dev.credkit.signing.status;

import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.EncodedListCodec;
import dev.credkit.status.StatusListCheck;
import dev.credkit.status.StatusMessage;
import dev.credkit.status.StatusPurpose;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * What a status list is, fixed when it is created: its URL, purpose, number of entries, bits
 * per entry and, for {@code message} lists, the {@code statusMessage} every entry carries.
 *
 * <p>Rules the builder enforces: the URL is absolute and has no fragment (entries are
 * {@code <url>#<index>}, the subject {@code <url>#list}); at least
 * {@value StatusListCheck#DEFAULT_MINIMUM_ENTRIES} entries, and no more than a verifier with
 * default limits decodes ({@value EncodedListCodec#DEFAULT_MAX_DECODED_BYTES} bytes);
 * revocation and suspension lists have one bit per entry; a {@code message} list has 1 to
 * {@value #MAX_MESSAGE_STATUS_SIZE} bits, and with more than one bit needs exactly
 * {@code 2^statusSize} messages, one per value.
 */
public final class StatusListConfig {
    /** The most bits per entry of a {@code message} list this issuer creates. */
    public static final int MAX_MESSAGE_STATUS_SIZE = 8;

    private final String url;
    private final StatusPurpose purpose;
    private final int entries;
    private final int statusSize;
    private final List<StatusMessage> statusMessages;
    private final List<String> statusReferences;

    private StatusListConfig(Builder b) {
        this.url = b.url;
        this.purpose = b.purpose;
        this.entries = b.entries;
        this.statusSize = b.statusSize;
        this.statusMessages = List.copyOf(b.statusMessages);
        this.statusReferences = List.copyOf(b.statusReferences);
    }

    /** A revocation or suspension list with the defaults, or the start of any other. */
    public static Builder builder(String url, StatusPurpose purpose) {
        return new Builder(url, purpose);
    }

    /** The list credential's URL (its {@code id}); the key of the list. */
    public String url() {
        return url;
    }

    public StatusPurpose purpose() {
        return purpose;
    }

    /** The number of indexes, {@code [0, entries)}. */
    public int entries() {
        return entries;
    }

    public int statusSize() {
        return statusSize;
    }

    public List<StatusMessage> statusMessages() {
        return statusMessages;
    }

    public List<String> statusReferences() {
        return statusReferences;
    }

    /** The entry an issued credential carries for {@code index}. */
    BitstringStatusListEntry entry(int index) {
        return new BitstringStatusListEntry(url + "#" + index, purpose.value(), index, url, statusSize,
                statusMessages, statusReferences);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusListConfig c && url.equals(c.url) && purpose == c.purpose && entries == c.entries
                && statusSize == c.statusSize && statusMessages.equals(c.statusMessages)
                && statusReferences.equals(c.statusReferences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, purpose, entries, statusSize, statusMessages, statusReferences);
    }

    @Override
    public String toString() {
        return "StatusListConfig[" + url + ", " + purpose.value() + ", " + entries + " x " + statusSize + " bit(s)]";
    }

    /** Builds a {@link StatusListConfig}; {@link #build()} refuses one that breaks a rule. */
    public static final class Builder {
        private final String url;
        private final StatusPurpose purpose;
        private int entries = StatusListCheck.DEFAULT_MINIMUM_ENTRIES;
        private int statusSize = 1;
        private List<StatusMessage> statusMessages = List.of();
        private List<String> statusReferences = List.of();
        private int minimumEntries = StatusListCheck.DEFAULT_MINIMUM_ENTRIES;

        private Builder(String url, StatusPurpose purpose) {
            this.url = Objects.requireNonNull(url, "url");
            this.purpose = Objects.requireNonNull(purpose, "purpose");
        }

        /** The number of entries; default and minimum 131,072. Larger lists hide issuance volume better. */
        public Builder entries(int entries) {
            this.entries = entries;
            return this;
        }

        /** Bits per entry; only {@code message} lists may use more than 1. */
        public Builder statusSize(int statusSize) {
            this.statusSize = statusSize;
            return this;
        }

        /** The {@code statusMessage} array: one message per possible value. */
        public Builder statusMessages(List<StatusMessage> statusMessages) {
            this.statusMessages = List.copyOf(statusMessages);
            return this;
        }

        /** {@code statusReference} URLs (strongly encouraged for {@code message} lists). */
        public Builder statusReferences(List<String> statusReferences) {
            this.statusReferences = List.copyOf(statusReferences);
            return this;
        }

        /** Tests only: lists smaller than the specification's minimum (such lists are not publishable). */
        Builder minimumEntriesForTesting(int minimumEntries) {
            this.minimumEntries = minimumEntries;
            return this;
        }

        /** @throws IllegalArgumentException naming the rule broken */
        public StatusListConfig build() {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("status list URL is not a valid URI");
            }
            if (!uri.isAbsolute() || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("status list URL must be absolute and have no fragment");
            }
            if (entries < minimumEntries) {
                throw new IllegalArgumentException("a status list needs at least " + minimumEntries + " entries");
            }
            if ((long) entries * statusSize > (long) EncodedListCodec.DEFAULT_MAX_DECODED_BYTES * 8) {
                throw new IllegalArgumentException("status list larger than verifiers decode by default ("
                        + EncodedListCodec.DEFAULT_MAX_DECODED_BYTES + " bytes)");
            }
            if (purpose != StatusPurpose.MESSAGE && statusSize != 1) {
                throw new IllegalArgumentException(purpose.value() + " lists have one bit per entry");
            }
            if (statusSize < 1 || statusSize > MAX_MESSAGE_STATUS_SIZE) {
                throw new IllegalArgumentException("statusSize must be between 1 and " + MAX_MESSAGE_STATUS_SIZE);
            }
            for (String reference : statusReferences) {
                try {
                    if (!new URI(reference).isAbsolute()) {
                        throw new IllegalArgumentException("statusReference must be an absolute URL");
                    }
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("statusReference must be an absolute URL");
                }
            }
            StatusListConfig config = new StatusListConfig(this);
            config.entry(0); // the entry rules (statusMessage count and values) in one place
            return config;
        }
    }
}
