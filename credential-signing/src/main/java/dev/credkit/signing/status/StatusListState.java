package dev.credkit.signing.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.status.Base64Url;
import dev.credkit.internal.status.Gzip;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.status.EncodedListCodec;
import dev.credkit.status.StatusBitstring;
import dev.credkit.status.StatusMessage;
import dev.credkit.status.StatusPurpose;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * An immutable snapshot of one status list: its configuration, which indexes have been handed
 * out, and every entry's status. This is what a {@link StatusListStore} persists.
 *
 * <p>JSON form ({@link #toJson()}), one object per list:
 * <pre>{@code
 * {
 *   "url": "https://issuer.example/status/1",     // the list credential's id
 *   "purpose": "revocation",                       // revocation | suspension | message
 *   "entries": 131072,                             // indexes [0, entries)
 *   "statusSize": 1,                               // bits per entry
 *   "statusMessage": [{"status":"0x0","message":"..."}, ...],  // only when configured
 *   "statusReference": ["https://..."],            // only when configured
 *   "revision": 42,                                // grows with every change
 *   "updated": "2025-01-31T12:00:00Z",             // when that change was made
 *   "allocatedCount": 17,                          // number of 1 bits in "allocated"
 *   "allocated": "uH4sI...",                       // allocation bitmap: bit i = 1 once index i was handed out
 *   "status": "uH4sI..."                           // the status bits, statusSize per entry
 * }
 * }</pre>
 * Both bitmaps are encoded like an {@code encodedList} (GZIP, here at the fastest level, then
 * base64url with the {@code u} prefix), most significant bit first: {@code allocated} is
 * {@code ceil(entries / 8)} bytes, {@code status} is {@code ceil(entries * statusSize / 8)}
 * bytes, the same bits the published {@code encodedList} carries. {@code revision} only grows
 * (a failed save may skip a number). Reading checks that the lengths and counts agree and that
 * no status is set on an index never handed out.
 */
public final class StatusListState {
    /** Decodes the state's own bitmaps: no minimum size (small test lists), a generous cap. */
    static final EncodedListCodec STATE_CODEC = EncodedListCodec.builder()
            .minDecodedBytes(0)
            .maxEncodedLength(64 * 1024 * 1024)
            .maxDecodedBytes(EncodedListCodec.DEFAULT_MAX_DECODED_BYTES)
            .build();

    private final StatusListConfig config;
    private final long revision;
    private final Instant updated;
    private final StatusBitstring allocated;
    private final int allocatedCount;
    private final StatusBitstring status;

    StatusListState(StatusListConfig config, long revision, Instant updated, StatusBitstring allocated,
                    int allocatedCount, StatusBitstring status) {
        this.config = Objects.requireNonNull(config, "config");
        this.revision = revision;
        this.updated = Objects.requireNonNull(updated, "updated");
        this.allocated = Objects.requireNonNull(allocated, "allocated");
        this.allocatedCount = allocatedCount;
        this.status = Objects.requireNonNull(status, "status");
    }

    public StatusListConfig config() {
        return config;
    }

    public String url() {
        return config.url();
    }

    /** Increases by at least one with every committed change. */
    public long revision() {
        return revision;
    }

    public Instant updated() {
        return updated;
    }

    /** How many indexes have been handed out. */
    public int allocatedCount() {
        return allocatedCount;
    }

    public boolean isAllocated(int index) {
        return allocated.get(index) != 0;
    }

    /** The allocation bitmap, one bit per index. */
    public StatusBitstring allocated() {
        return allocated;
    }

    /** The status bits as published, {@code statusSize} bits per entry. */
    public StatusBitstring status() {
        return status;
    }

    /** The JSON form documented on this class. */
    public JsonObject toJson() {
        JsonObject.Builder b = JsonObject.builder()
                .put("url", config.url())
                .put("purpose", config.purpose().value())
                .put("entries", config.entries())
                .put("statusSize", config.statusSize());
        if (!config.statusMessages().isEmpty()) {
            List<JsonValue> messages = new ArrayList<>();
            for (StatusMessage m : config.statusMessages()) {
                messages.add(m.toJson());
            }
            b.put("statusMessage", JsonArray.of(messages));
        }
        if (!config.statusReferences().isEmpty()) {
            b.put("statusReference", JsonArray.ofStrings(config.statusReferences()));
        }
        return b.put("revision", revision)
                .put("updated", updated.toString())
                .put("allocatedCount", allocatedCount)
                .put("allocated", encodeFast(allocated))
                .put("status", encodeFast(status))
                .build();
    }

    /**
     * The encodedList encoding at the fastest GZIP level: a store saves on every allocation, and
     * level 9 costs milliseconds on a busy bitmap for a few percent of size.
     */
    private static String encodeFast(StatusBitstring bits) {
        return "u" + Base64Url.encode(Gzip.compress(bits.toByteArray(), Deflater.BEST_SPEED));
    }

    /**
     * Reads the JSON form.
     *
     * @throws CredentialException {@code MALFORMED} when it is not a consistent state
     */
    public static StatusListState fromJson(JsonObject json) throws CredentialException {
        try {
            String url = string(json, "url");
            StatusPurpose purpose = StatusPurpose.fromValue(string(json, "purpose"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown purpose"));
            int entries = integer(json, "entries");
            int statusSize = integer(json, "statusSize");
            List<StatusMessage> messages = new ArrayList<>();
            for (JsonValue v : json.array("statusMessage").orElse(JsonArray.empty())) {
                JsonObject m = (JsonObject) v;
                String hex = string(m, "status");
                if (!hex.startsWith("0x")) {
                    throw new IllegalArgumentException("bad statusMessage status");
                }
                messages.add(new StatusMessage(Integer.parseInt(hex.substring(2), 16), string(m, "message")));
            }
            List<String> references = json.array("statusReference").orElse(JsonArray.empty()).strings()
                    .orElseThrow(() -> new IllegalArgumentException("bad statusReference"));
            // The list existed, so its size passed the minimum when it was created.
            StatusListConfig config = StatusListConfig.builder(url, purpose).entries(entries).statusSize(statusSize)
                    .statusMessages(messages).statusReferences(references).minimumEntriesForTesting(1).build();
            long revision = json.get("revision").filter(JsonNumber.class::isInstance)
                    .map(n -> ((JsonNumber) n).value().longValueExact())
                    .orElseThrow(() -> new IllegalArgumentException("no revision"));
            Instant updated = Instant.parse(string(json, "updated"));
            int allocatedCount = integer(json, "allocatedCount");
            StatusBitstring allocated = STATE_CODEC.decode(string(json, "allocated"));
            StatusBitstring status = STATE_CODEC.decode(string(json, "status"), statusSize);
            return checked(config, revision, updated, allocated, allocatedCount, status);
        } catch (IllegalArgumentException | ClassCastException | ArithmeticException | DateTimeParseException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "status list state is not valid: " + e.getMessage());
        } catch (CredentialException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "status list state is not valid: " + e.getMessage());
        }
    }

    private static StatusListState checked(StatusListConfig config, long revision, Instant updated,
                                           StatusBitstring allocated, int allocatedCount, StatusBitstring status) {
        int entries = config.entries();
        if (allocated.byteLength() != (entries + 7) / 8) {
            throw new IllegalArgumentException("allocation bitmap has the wrong length");
        }
        if (status.byteLength() != (int) (((long) entries * config.statusSize() + 7) / 8)) {
            throw new IllegalArgumentException("status bitstring has the wrong length");
        }
        IndexAllocator allocator = IndexAllocator.fromBitmap(allocated, entries);
        if (allocator.allocatedCount() != allocatedCount) {
            throw new IllegalArgumentException("allocatedCount does not match the allocation bitmap");
        }
        for (int i = 0; i < entries; i++) {
            if (status.get(i) != 0 && !allocated.isSet(i)) {
                throw new IllegalArgumentException("a status is set on index " + i + ", which was never allocated");
            }
        }
        return new StatusListState(config, revision, updated, allocated, allocatedCount, status);
    }

    private static String string(JsonObject o, String name) {
        return o.string(name).orElseThrow(() -> new IllegalArgumentException("no string " + name));
    }

    private static int integer(JsonObject o, String name) {
        JsonValue v = o.get(name).orElseThrow(() -> new IllegalArgumentException("no " + name));
        if (!(v instanceof JsonNumber n)) {
            throw new IllegalArgumentException(name + " is not a number");
        }
        return n.value().intValueExact();
    }

    @Override
    public String toString() {
        return "StatusListState[" + config.url() + ", revision " + revision + ", " + allocatedCount + "/" + config.entries()
                + " allocated]";
    }
}
