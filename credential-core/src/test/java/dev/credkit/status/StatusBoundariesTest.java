package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every numeric rule of status entries, lists and bitstrings at its edge (written against surviving PIT mutants). */
class StatusBoundariesTest {
    private static final String URL = "https://status.example/list/1";

    private static JsonObject entry(String index) {
        return JsonObject.builder().put("type", "BitstringStatusListEntry").put("statusPurpose", "message")
                .put("statusListIndex", index).put("statusListCredential", URL).build();
    }

    private static JsonObject list(JsonObject subject) {
        return JsonObject.builder().put("id", URL).put("type", JsonArray.ofStrings(List.of("VerifiableCredential", "BitstringStatusListCredential")))
                .put("issuer", "did:example:issuer").put("credentialSubject", subject).build();
    }

    private static JsonObject subject() {
        return JsonObject.builder().put("type", "BitstringStatusList").put("statusPurpose", "revocation")
                .put("encodedList", EncodedListCodec.defaults().encode(StatusBitstring.of(new byte[16 * 1024]))).build();
    }

    @Test
    void entryStatusSizeFromOneToSixteen() throws Exception {
        assertThat(BitstringStatusListEntry.read(entry("5").with("statusSize", JsonNumber.of(1))).statusSize()).isEqualTo(1);
        List<JsonValue> messages = new java.util.ArrayList<>(1 << 16);
        for (int i = 0; i < 1 << 16; i++) {
            messages.add(JsonObject.builder().put("status", "0x" + Integer.toHexString(i)).put("message", "m" + i).build());
        }
        JsonObject sixteen = entry("5").with("statusSize", JsonNumber.of(16)).with("statusMessage", JsonArray.of(messages));
        assertThat(BitstringStatusListEntry.read(sixteen).statusSize()).isEqualTo(16);
        invalid(() -> BitstringStatusListEntry.read(entry("5").with("statusSize", JsonNumber.of(0))), "at least 1");
        invalid(() -> BitstringStatusListEntry.read(entry("5").with("statusSize", JsonNumber.of(17))), "17 is not supported");
        assertThatThrownBy(() -> new BitstringStatusListEntry(null, "revocation", 0, URL, 17, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 16");
        assertThatThrownBy(() -> new BitstringStatusListEntry(null, "revocation", 0, URL, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 16");
        assertThatThrownBy(() -> new BitstringStatusListEntry(null, "revocation", -1, URL, 1, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
        assertThat(new BitstringStatusListEntry(null, "revocation", 0, URL, 1, List.of(), List.of()).statusListIndex()).isZero();
    }

    @Test
    void entryIndexDigits() throws Exception {
        assertThat(BitstringStatusListEntry.read(entry("0")).statusListIndex()).isZero();
        assertThat(BitstringStatusListEntry.read(entry("000")).statusListIndex()).isZero();
        assertThat(BitstringStatusListEntry.read(entry("007")).statusListIndex()).isEqualTo(7);
        assertThat(BitstringStatusListEntry.read(entry("999999999999999999")).statusListIndex()).isEqualTo(999_999_999_999_999_999L);
        assertThat(BitstringStatusListEntry.read(entry("0999999999999999999")).statusListIndex()).isEqualTo(999_999_999_999_999_999L);
        invalid(() -> BitstringStatusListEntry.read(entry("1000000000000000000")), "too large");
        invalid(() -> BitstringStatusListEntry.read(entry("5").with("statusListIndex", JsonNumber.of(5))), "not a JSON number");
        invalid(() -> BitstringStatusListEntry.read(entry("5").with("statusListIndex", JsonArray.empty())),
                "not a JSON value of another type");
    }

    @Test
    void messageStatusValues() throws Exception {
        // the largest value is read (the entry then fails the count rule); one more is too large
        JsonObject at = entry("1").with("statusMessage", JsonArray.of(JsonObject.builder().put("status", "0x7fffffff").put("message", "max").build()));
        invalid(() -> BitstringStatusListEntry.read(at), "must have 2 elements for statusSize 1, found 1");
        JsonObject past = entry("1").with("statusMessage", JsonArray.of(JsonObject.builder().put("status", "0x80000000").put("message", "x").build()));
        invalid(() -> BitstringStatusListEntry.read(past), "too large");
    }

    @Test
    void listStatusSizeSubjectAndTtl() throws Exception {
        assertThat(BitstringStatusListCredential.read(list(subject().with("statusSize", JsonNumber.of(1)))).statusSize()).hasValue(1);
        assertThat(BitstringStatusListCredential.read(list(subject().with("statusSize", JsonNumber.of(16)))).statusSize()).hasValue(16);
        invalid(() -> BitstringStatusListCredential.read(list(subject().with("statusSize", JsonNumber.of(0)))), "between 1 and 16");
        invalid(() -> BitstringStatusListCredential.read(list(subject().with("statusSize", JsonNumber.of(17)))), "between 1 and 16");

        BitstringStatusListCredential single = BitstringStatusListCredential.read(list(subject()).with("credentialSubject", JsonArray.of(subject())));
        assertThat(single.issuerId()).contains("did:example:issuer");
        invalid(() -> BitstringStatusListCredential.read(list(subject()).with("credentialSubject", JsonArray.of(subject(), subject()))),
                "exactly one credentialSubject");
        invalid(() -> BitstringStatusListCredential.read(list(subject()).with("credentialSubject", JsonArray.of((JsonValue) JsonArray.empty()))),
                "exactly one credentialSubject");
        invalid(() -> BitstringStatusListCredential.read(list(subject()).with("credentialSubject", JsonArray.empty())),
                "exactly one credentialSubject");

        JsonObject maxTtl = subject().with("ttl", new JsonNumber(BigDecimal.valueOf(Long.MAX_VALUE)));
        assertThat(BitstringStatusListCredential.read(list(maxTtl)).ttl()).isPresent();
        JsonObject pastTtl = subject().with("ttl", new JsonNumber(BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE)));
        invalid(() -> BitstringStatusListCredential.read(list(pastTtl)), "too large");
    }

    @Test
    void bitstringSizesAndCounts() {
        assertThat(StatusBitstring.builder(0, 1).build().entries()).isZero();
        assertThatThrownBy(() -> StatusBitstring.builder(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusBitstring.builder(Integer.MAX_VALUE, 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than");
        assertThat(StatusBitstring.of(new byte[2], 16).entries()).isEqualTo(1);
        assertThatThrownBy(() -> StatusBitstring.of(new byte[2], 17)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusBitstring.of(new byte[2], 0)).isInstanceOf(IllegalArgumentException.class);

        StatusBitstring.Builder three = StatusBitstring.builder(8, 3);
        assertThat(three.entries()).isEqualTo(8);
        three.set(0, 7).set(7, 5).set(3, 0);
        assertThatThrownBy(() -> three.set(1, 8)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> three.set(1, -1)).isInstanceOf(IllegalArgumentException.class);
        StatusBitstring bits = three.build();
        assertThat(bits.countNonZero()).isEqualTo(2);
        assertThat(bits.isSet(0)).isTrue();
        assertThat(bits.isSet(1)).isFalse();
        assertThat(bits.get(7)).isEqualTo(5);
        assertThat(StatusBitstring.of(new byte[] {(byte) 0x81, 0}).countNonZero()).isEqualTo(2);
        assertThat(StatusBitstring.of(new byte[3]).countNonZero()).isZero();
        assertThat(bits).isEqualTo(StatusBitstring.of(bits.toByteArray(), 3)).hasSameHashCodeAs(StatusBitstring.of(bits.toByteArray(), 3));
        assertThat(bits).isNotEqualTo(StatusBitstring.of(bits.toByteArray(), 1));
    }

    @Test
    void builderLimitsOfTheCodecAndTheCheck() {
        assertThat(EncodedListCodec.builder().maxEncodedLength(2).build().maxEncodedLength()).isEqualTo(2);
        assertThatThrownBy(() -> EncodedListCodec.builder().maxEncodedLength(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EncodedListCodec.builder().maxDecodedBytes(1).minDecodedBytes(0).build().maxDecodedBytes()).isEqualTo(1);
        assertThat(EncodedListCodec.builder().maxDecodedBytes(StatusBitstring.MAX_BYTES).build().maxDecodedBytes()).isEqualTo(StatusBitstring.MAX_BYTES);
        assertThatThrownBy(() -> EncodedListCodec.builder().maxDecodedBytes(StatusBitstring.MAX_BYTES + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EncodedListCodec.builder().minDecodedBytes(0).build().minDecodedBytes()).isZero();
        assertThatThrownBy(() -> EncodedListCodec.builder().minDecodedBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EncodedListCodec.builder().maxDecodedBytes(20).minDecodedBytes(20).build().minDecodedBytes()).isEqualTo(20);

        assertThat(StatusListCheck.builder().minimumEntries(1).build().minimumEntries()).isEqualTo(1);
        assertThatThrownBy(() -> StatusListCheck.builder().minimumEntries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(StatusListCheck.builder().build().codec()).isSameAs(EncodedListCodec.defaults());
        assertThat(StatusListCheck.builder().minimumEntries(StatusListCheck.DEFAULT_MINIMUM_ENTRIES).build().codec())
                .isSameAs(EncodedListCodec.defaults());
        // a smaller minimum lowers the codec's minimum with it, rounded up to whole bytes
        assertThat(StatusListCheck.builder().minimumEntries(StatusListCheck.DEFAULT_MINIMUM_ENTRIES - 1).build().codec().minDecodedBytes())
                .isEqualTo(16 * 1024);
        assertThat(StatusListCheck.builder().minimumEntries(9).build().codec().minDecodedBytes()).isEqualTo(2);
        assertThat(StatusListCheck.builder().minimumEntries(8).build().codec().minDecodedBytes()).isEqualTo(1);
        EncodedListCodec codec = EncodedListCodec.builder().minDecodedBytes(1).build();
        assertThat(StatusListCheck.builder().minimumEntries(8).codec(codec).build().codec()).isSameAs(codec);
    }

    private interface Call {
        Object run() throws CredentialException;
    }

    private static void invalid(Call call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.INVALID_STATUS_LIST);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
