package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncodedListCodecTest {
    private static final int MIN_BYTES = 16 * 1024;
    /** The example BitstringStatusListCredential's encodedList in Bitstring Status List v1.0 §2.2. */
    private static final String SPEC_EXAMPLE = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    private final EncodedListCodec codec = EncodedListCodec.defaults();

    @Test
    void roundTripsAList() throws Exception {
        StatusBitstring bits = StatusBitstring.builder(131_072, 1).set(0, 1).set(94_567, 1).set(131_071, 1).build();
        String encoded = codec.encode(bits);
        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        StatusBitstring decoded = codec.decode(encoded);
        assertThat(decoded).isEqualTo(bits);
        assertThat(decoded.get(94_567)).isEqualTo(1);
        assertThat(decoded.get(94_566)).isZero();
        assertThat(decoded.countNonZero()).isEqualTo(3);
    }

    @Test
    void roundTripsMultiBitEntries() throws Exception {
        StatusBitstring bits = StatusBitstring.builder(131_072, 2).set(7, 2).set(131_071, 3).build();
        StatusBitstring decoded = codec.decode(codec.encode(bits), 2);
        assertThat(decoded.get(7)).isEqualTo(2);
        assertThat(decoded.get(131_071)).isEqualTo(3);
        assertThat(decoded.entries()).isEqualTo(131_072);
    }

    @Test
    void bitZeroIsTheHighBitOfTheFirstDecompressedByte() throws Exception {
        String encoded = codec.encode(StatusBitstring.builder(131_072, 1).set(0, 1).build());
        byte[] raw = gunzip(Base64.getUrlDecoder().decode(encoded.substring(1)));
        assertThat(raw).hasSize(MIN_BYTES);
        assertThat(raw[0]).isEqualTo((byte) 0x80);
        for (int i = 1; i < raw.length; i++) {
            assertThat(raw[i]).isZero();
        }
    }

    @Test
    void encodingIsReproducibleWithAFixedHeader() throws Exception {
        StatusBitstring bits = StatusBitstring.builder(131_072, 1).set(42, 1).build();
        String a = codec.encode(bits);
        String b = codec.encode(StatusBitstring.of(bits.toByteArray()));
        assertThat(a).isEqualTo(b);
        byte[] gz = Base64.getUrlDecoder().decode(a.substring(1));
        // magic, deflate, no flags, MTIME 0, XFL 2, OS 255
        assertThat(Arrays.copyOf(gz, 10)).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff);
    }

    @Test
    void decodesTheSpecificationExample() throws Exception {
        StatusBitstring bits = codec.decode(SPEC_EXAMPLE);
        assertThat(bits.byteLength()).isEqualTo(MIN_BYTES);
        assertThat(bits.entries()).isEqualTo(131_072);
        assertThat(bits.countNonZero()).isZero();
    }

    @Test
    void decodesOtherGzipWriters() throws Exception {
        byte[] raw = new byte[MIN_BYTES];
        raw[3] = 0x10;
        StatusBitstring bits = codec.decode(encode(gzip(raw)));
        assertThat(bits.get(27)).isEqualTo(1);
    }

    @Test
    void acceptsOptionalHeaderFieldsFileNameAndComment() throws Exception {
        byte[] gz = gzip(new byte[MIN_BYTES]);
        // set FNAME|FCOMMENT and insert "a\0" "b\0" after the 10-byte header
        byte[] withNames = new byte[gz.length + 4];
        System.arraycopy(gz, 0, withNames, 0, 10);
        withNames[3] = 0x18;
        withNames[10] = 'a';
        withNames[12] = 'b';
        System.arraycopy(gz, 10, withNames, 14, gz.length - 10);
        assertThat(codec.decode(encode(withNames)).byteLength()).isEqualTo(MIN_BYTES);
    }

    @Test
    void rejectsAGzipBombWithBoundedMemoryAndQuickly() throws Exception {
        String bomb = encode(gzipZeros(64 * 1024 * 1024));
        assertThat(bomb.length()).isLessThan(100_000); // ~65 KB compressed, 64 MiB expanded

        long before = allocatedBytes();
        long start = System.nanoTime();
        assertThatThrownBy(() -> codec.decode(bomb))
                .isInstanceOfSatisfying(CredentialException.class, e -> {
                    assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).contains("exceeds the limit of 16777216 bytes");
                });
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long allocated = allocatedBytes() - before;
        assertThat(elapsedMillis).isLessThan(2_000);
        if (before >= 0) {
            // the trailer declares 64 MiB, so the data is only counted, never kept
            assertThat(allocated).isLessThan(4L * 1024 * 1024);
        }
    }

    @Test
    void rejectsAGzipBombUnderASmallLimitEvenWhenTheTrailerLies() throws Exception {
        byte[] gz = gzipZeros(64 * 1024 * 1024);
        // claim 16 KiB in ISIZE: the decoder may allocate that much, then must stop at the limit
        int n = gz.length;
        gz[n - 4] = 0;
        gz[n - 3] = 0x40;
        gz[n - 2] = 0;
        gz[n - 1] = 0;
        String bomb = encode(gz);
        EncodedListCodec small = EncodedListCodec.builder().maxDecodedBytes(1024 * 1024).build();

        long before = allocatedBytes();
        long start = System.nanoTime();
        assertThatThrownBy(() -> small.decode(bomb))
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
        long allocated = allocatedBytes() - before;
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        if (before >= 0) {
            assertThat(allocated).isLessThan(2L * 1024 * 1024);
        }
    }

    @Test
    void aTinyStreamClaimingAHugeSizeGetsNoHugeBuffer() throws Exception {
        byte[] gz = gzip(new byte[MIN_BYTES]);
        gz[gz.length - 2] = 0x00;
        gz[gz.length - 3] = 0x00;
        gz[gz.length - 4] = 0x00;
        gz[gz.length - 1] = 0x01; // ISIZE = 16 MiB, within the limit, impossible for ~50 bytes
        String lie = encode(gz);
        long before = allocatedBytes();
        assertInvalid(lie, "size trailer does not match");
        if (before >= 0) {
            assertThat(allocatedBytes() - before).isLessThan(1024 * 1024);
        }
    }

    @Test
    void rejectsConcatenatedMembers() throws Exception {
        byte[] one = gzip(new byte[MIN_BYTES]);
        byte[] two = concat(one, one);
        assertInvalid(encode(two), "concatenated GZIP members");
    }

    @Test
    void rejectsTrailingGarbage() throws Exception {
        byte[] gz = concat(gzip(new byte[MIN_BYTES]), "garbage!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertInvalid(encode(gz), "unexpected data after the GZIP member");
        assertInvalid(encode(concat(gzip(new byte[MIN_BYTES]), new byte[1])), "unexpected data after the GZIP member");
    }

    @Test
    void rejectsCorruptAndTruncatedData() throws Exception {
        byte[] gz = gzip(new byte[MIN_BYTES]);
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        assertInvalid(encode(badCrc), "CRC-32");
        byte[] badSize = gz.clone();
        badSize[gz.length - 4] ^= 1;
        assertInvalid(encode(badSize), "size trailer");
        assertInvalid(encode(Arrays.copyOf(gz, gz.length - 3)), "truncated");
        assertInvalid(encode(Arrays.copyOf(gz, 20)), "truncated");
        byte[] badMagic = gz.clone();
        badMagic[0] = 0x1e;
        assertInvalid(encode(badMagic), "magic");
        byte[] reserved = gz.clone();
        reserved[3] = (byte) 0x80;
        assertInvalid(encode(reserved), "reserved flags");
        byte[] corrupt = gz.clone();
        corrupt[10] = (byte) 0xff; // an invalid deflate block type
        assertInvalid(encode(corrupt), "corrupt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA",
        "zH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA",
        "mH4sIAAAAAAAAA+3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"})
    void rejectsAMissingOrWrongMultibasePrefix(String value) {
        assertInvalid(value, "must start with the multibase prefix 'u'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "uH4sIAAAAAAAAA+3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA", // '+' is base64, not base64url
        "uH4sIAAAAAAAAA/3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA",
        "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA=", // padding
        "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAAA", // length % 4 == 1
        "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAB", // non-zero unused bits
        "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAA A",
        "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAé",
    })
    void rejectsInvalidBase64url(String value) {
        assertInvalid(value, "not valid base64url");
    }

    @Test
    void rejectsAListShorterThanTheMinimum() throws Exception {
        assertInvalid(encode(gzip(new byte[MIN_BYTES - 1])), "fewer than the minimum of 16384 (131072 bits)");
        String small = codec.encode(StatusBitstring.of(new byte[128]));
        assertInvalid(small, "fewer than the minimum");
        // an ecosystem with a smaller minimum can configure it
        EncodedListCodec lenient = EncodedListCodec.builder().minDecodedBytes(128).build();
        assertThat(lenient.decode(small).entries()).isEqualTo(1024);
    }

    @Test
    void rejectsAnEncodedListLongerThanTheLimit() {
        EncodedListCodec tight = EncodedListCodec.builder().maxEncodedLength(40).build();
        assertThatThrownBy(() -> tight.decode(SPEC_EXAMPLE))
                .isInstanceOfSatisfying(CredentialException.class, e -> {
                    assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).contains("longer than the limit of 40 characters");
                });
    }

    @Test
    void rejectsADecodedListLargerThanTheLimitEvenWhenHonest() throws Exception {
        EncodedListCodec tight = EncodedListCodec.builder().maxDecodedBytes(MIN_BYTES).build();
        String big = codec.encode(StatusBitstring.of(new byte[2 * MIN_BYTES]));
        assertThatThrownBy(() -> tight.decode(big))
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
        assertThat(tight.decode(codec.encode(StatusBitstring.of(new byte[MIN_BYTES]))).byteLength()).isEqualTo(MIN_BYTES);
    }

    @Test
    void builderRefusesInconsistentLimits() {
        assertThatThrownBy(() -> EncodedListCodec.builder().maxDecodedBytes(10).minDecodedBytes(20).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncodedListCodec.builder().maxDecodedBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertInvalid(String encodedList, String messagePart) {
        assertThatThrownBy(() -> codec.decode(encodedList))
                .isInstanceOfSatisfying(CredentialException.class, e -> {
                    assertThat(e.code()).isEqualTo(ProblemCode.INVALID_STATUS_LIST);
                    assertThat(e.getMessage()).contains(messagePart).hasSizeLessThan(200);
                });
    }

    static String encode(byte[] gz) {
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gz);
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    static byte[] gzipZeros(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024 * 1024];
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            for (int written = 0; written < size; written += chunk.length) {
                gz.write(chunk, 0, Math.min(chunk.length, size - written));
            }
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Bytes allocated by this thread so far, or -1 when the JVM cannot tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled()) {
            return mx.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }
}
