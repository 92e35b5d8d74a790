package dev.credkit.status;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.testing.FuzzChecks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes status list decoding: the {@code encodedList} codec (base64url, then GZIP under a
 * decompression cap) and the whole list credential reader, then the check of an entry against
 * the list. A decoded list encodes back to text that decodes to the same bits; a list past the
 * caps fails with LIMIT_EXCEEDED and costs at most the cap in memory.
 */
class EncodedListCodecFuzzTest {
    /** Small caps so that the fuzzer reaches them quickly; no minimum size. */
    private static final int MAX_DECODED = 64 * 1024;
    private static final EncodedListCodec CODEC = EncodedListCodec.builder()
            .maxEncodedLength(32 * 1024).maxDecodedBytes(MAX_DECODED).minDecodedBytes(0).build();
    private static final StatusListCheck CHECK = StatusListCheck.builder().codec(CODEC).minimumEntries(1).build();
    private static final Duration TIME = Duration.ofSeconds(2);
    private static final long MEMORY = 16L << 20;

    /**
     * Input: byte 0 picks the mode (encodedList text, raw GZIP bytes, or an entry and a list
     * credential separated by a NUL byte), byte 1 the status size; the rest is the payload.
     */
    @FuzzTest(maxDuration = "30s")
    void decodeStatusList(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int statusSize = 1 + (input[1] & 0x0f);
        byte[] payload = Arrays.copyOfRange(input, 2, input.length);
        switch ((input[0] & 0xff) % 3) {
            case 0 -> decodeText(new String(payload, StandardCharsets.UTF_8), statusSize);
            // raw GZIP bytes behind a valid base64url layer: the decompressor sees every byte
            case 1 -> decodeText("u" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload), statusSize);
            default -> readListCredential(payload);
        }
    }

    private static void decodeText(String encoded, int statusSize) {
        FuzzChecks.Outcome<StatusBitstring> decoded = FuzzChecks.bounded(TIME, MEMORY, () -> CODEC.decode(encoded, statusSize));
        if (!decoded.ok()) {
            assertThat(decoded.error().code()).isIn(ProblemCode.INVALID_STATUS_LIST, ProblemCode.LIMIT_EXCEEDED);
            return;
        }
        StatusBitstring bits = decoded.value();
        assertThat(bits.byteLength()).isLessThanOrEqualTo(MAX_DECODED);
        assertThat(bits.statusSize()).isEqualTo(statusSize);
        String again = CODEC.encode(bits);
        StatusBitstring back = FuzzChecks.bounded(TIME, MEMORY, () -> CODEC.decode(again, statusSize)).value();
        assertThat(back).isEqualTo(bits);
    }

    private static void readListCredential(byte[] payload) {
        int nul = 0;
        while (nul < payload.length && payload[nul] != 0) {
            nul++;
        }
        byte[] entryBytes = Arrays.copyOfRange(payload, 0, nul);
        byte[] listBytes = Arrays.copyOfRange(payload, Math.min(nul + 1, payload.length), payload.length);
        FuzzChecks.Outcome<BitstringStatusListCredential> list = FuzzChecks.bounded(TIME, MEMORY,
                () -> BitstringStatusListCredential.read(JsonReader.defaults().readObject(listBytes), CODEC));
        FuzzChecks.Outcome<BitstringStatusListEntry> entry = FuzzChecks.bounded(TIME, MEMORY,
                () -> BitstringStatusListEntry.read(JsonReader.defaults().readObject(entryBytes)));
        if (entry.ok()) {
            JsonObject json = entry.value().toJson();
            assertThat(FuzzChecks.bounded(TIME, MEMORY, () -> BitstringStatusListEntry.read(json)).value())
                    .isEqualTo(entry.value());
        }
        if (list.ok() && entry.ok()) {
            FuzzChecks.Outcome<StatusCheckResult> result = FuzzChecks.bounded(TIME, MEMORY,
                    () -> CHECK.check(entry.value(), list.value()));
            if (result.ok()) {
                assertThat(result.value().value()).isBetween(0, (1 << entry.value().statusSize()) - 1);
            }
        }
    }
}
