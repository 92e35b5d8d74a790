package dev.credkit.internal.jose;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.credkit.internal.jose.CompactJwsTest.HEADER;
import static dev.credkit.internal.jose.CompactJwsTest.PAYLOAD;
import static dev.credkit.internal.jose.CompactJwsTest.SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JWT size: header (8 KiB), payload (the JSON reader's limit) and signature (256 chars), at and just past. */
class CompactJwsLimitsTest {
    /** A JSON object of exactly {@code size} bytes. */
    static String json(int size) {
        String head = "{\"alg\":\"EdDSA\",\"pad\":\"";
        return head + "x".repeat(size - head.length() - 2) + "\"}";
    }

    static String b64(String text) {
        return Base64Url.encode(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headerAtAndPastTheLimit() throws Exception {
        assertThat(CompactJws.MAX_HEADER_BYTES).isEqualTo(8 * 1024);
        CompactJws at = CompactJws.parse(b64(json(CompactJws.MAX_HEADER_BYTES)) + "." + PAYLOAD + "." + SIGNATURE, 1 << 20);
        assertThat(at.readHeader().string("alg")).contains("EdDSA");
        assertLimitExceeded(() -> CompactJws.parse(b64(json(CompactJws.MAX_HEADER_BYTES + 1)) + "." + PAYLOAD + "." + SIGNATURE, 1 << 20));
    }

    @Test
    void payloadAtAndPastTheLimit() throws Exception {
        int limit = 3000;
        JsonReader reader = JsonReader.builder().maxBytes(limit).build();
        for (int size = limit - 2; size <= limit; size++) { // every base64 remainder
            CompactJws at = CompactJws.parse(HEADER + "." + b64(json(size)) + "." + SIGNATURE, limit);
            assertThat(at.readPayload(reader).string("pad")).isPresent();
            int past = size + 3;
            assertLimitExceeded(() -> CompactJws.parse(HEADER + "." + b64(json(past)) + "." + SIGNATURE, limit));
        }
        assertLimitExceeded(() -> CompactJws.parse(HEADER + "." + b64(json(limit + 1)) + "." + SIGNATURE, limit));
    }

    @Test
    void signatureAtAndPastTheLimit() throws Exception {
        String at = "A".repeat(256);
        assertThat(CompactJws.parse(HEADER + "." + PAYLOAD + "." + at, 1 << 20).signature()).hasSize(192);
        assertLimitExceeded(() -> CompactJws.parse(HEADER + "." + PAYLOAD + "." + at + "AAAA", 1 << 20));
        assertLimitExceeded(() -> CompactJws.parse(HEADER + "." + PAYLOAD + "." + at + "A", 1 << 20));
    }

    /** Every part at its limit at once: the early check on the whole token leaves room for all three. */
    @Test
    void everyPartAtItsLimitTogether() throws Exception {
        int limit = 3000;
        String header = b64(json(CompactJws.MAX_HEADER_BYTES));
        String signature = "A".repeat(256);
        for (int size = limit - 2; size <= limit; size++) {
            CompactJws at = CompactJws.parse(header + "." + b64(json(size)) + "." + signature, limit);
            assertThat(at.readHeader().string("alg")).contains("EdDSA");
            assertThat(at.signature()).hasSize(192);
        }
    }

    private interface Call {
        Object run() throws CredentialException;
    }

    private static void assertLimitExceeded(Call call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
    }
}
