package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Status list size before and after decompression, and the minimum, at and just past each limit. */
class StatusListLimitsTest {
    private static final EncodedListCodec CODEC = EncodedListCodec.defaults();
    private static final int MIN = EncodedListCodec.DEFAULT_MIN_DECODED_BYTES;

    @Test
    void encodedLengthAtAndPastAConfiguredLimit() throws Exception {
        String encoded = CODEC.encode(StatusBitstring.of(new byte[MIN]));
        EncodedListCodec at = EncodedListCodec.builder().maxEncodedLength(encoded.length()).build();
        assertThat(at.decode(encoded).byteLength()).isEqualTo(MIN);
        EncodedListCodec below = EncodedListCodec.builder().maxEncodedLength(encoded.length() - 1).build();
        assertCode(() -> below.decode(encoded), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void encodedLengthPastTheDefaultLimitIsRefusedBeforeDecoding() {
        assertThat(CODEC.maxEncodedLength()).isEqualTo(4 << 20);
        // at the limit the text is read (and found not to be GZIP); one more character is not even read
        String at = "u" + "A".repeat(EncodedListCodec.DEFAULT_MAX_ENCODED_LENGTH - 1);
        assertCode(() -> CODEC.decode(at), ProblemCode.INVALID_STATUS_LIST);
        assertCode(() -> CODEC.decode(at + "A"), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void decodedSizeAtAndPastTheDefaultLimit() throws Exception {
        assertThat(CODEC.maxDecodedBytes()).isEqualTo(16 << 20);
        String at = CODEC.encode(StatusBitstring.of(new byte[EncodedListCodec.DEFAULT_MAX_DECODED_BYTES]));
        assertThat(CODEC.decode(at).byteLength()).isEqualTo(EncodedListCodec.DEFAULT_MAX_DECODED_BYTES);
        String past = CODEC.encode(StatusBitstring.of(new byte[EncodedListCodec.DEFAULT_MAX_DECODED_BYTES + 1]));
        assertCode(() -> CODEC.decode(past), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void decodedSizeAtAndPastAConfiguredLimit() throws Exception {
        EncodedListCodec tight = EncodedListCodec.builder().maxDecodedBytes(MIN).build();
        assertThat(tight.decode(CODEC.encode(StatusBitstring.of(new byte[MIN]))).byteLength()).isEqualTo(MIN);
        assertCode(() -> tight.decode(CODEC.encode(StatusBitstring.of(new byte[MIN + 1]))), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void decodedSizeAtAndBelowTheMinimum() throws Exception {
        assertThat(CODEC.minDecodedBytes()).isEqualTo(16 * 1024);
        assertThat(CODEC.decode(CODEC.encode(StatusBitstring.of(new byte[MIN]))).entries()).isEqualTo(131_072);
        assertCode(() -> CODEC.decode(CODEC.encode(StatusBitstring.of(new byte[MIN - 1]))), ProblemCode.INVALID_STATUS_LIST);
    }

    private interface Call {
        Object run() throws CredentialException;
    }

    private static void assertCode(Call call, ProblemCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
