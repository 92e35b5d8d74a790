package dev.credkit.internal.status;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GZIP members with the optional header fields of RFC 1952, and every way a header can be broken. */
class GzipTest {
    private static final byte[] DATA = "status bits, status bits, status bits".getBytes(StandardCharsets.US_ASCII);
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;

    /** A member with the given flags and fields, the header CRC right when {@code goodHeaderCrc}. */
    static byte[] member(int flags, byte[] extra, String name, String comment, boolean goodHeaderCrc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, (byte) 0xff});
        if ((flags & FEXTRA) != 0) {
            out.write(extra.length & 0xff);
            out.write(extra.length >>> 8);
            out.writeBytes(extra);
        }
        if ((flags & FNAME) != 0) {
            out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        if ((flags & FCOMMENT) != 0) {
            out.writeBytes(comment.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        if ((flags & FHCRC) != 0) {
            CRC32 crc = new CRC32();
            crc.update(out.toByteArray());
            int value = (int) crc.getValue() ^ (goodHeaderCrc ? 0 : 1);
            out.write(value & 0xff);
            out.write((value >>> 8) & 0xff);
        }
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(DATA);
        deflater.finish();
        byte[] buffer = new byte[256];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(DATA);
        writeIntLe(out, (int) crc.getValue());
        writeIntLe(out, DATA.length);
        return out.toByteArray();
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    @Test
    void everyOptionalHeaderFieldIsSkipped() throws Exception {
        int all = FHCRC | FEXTRA | FNAME | FCOMMENT;
        assertThat(Gzip.decompress(member(all, new byte[] {1, 2, 3}, "list.bin", "a comment", true), 1024)).isEqualTo(DATA);
        assertThat(Gzip.decompress(member(FEXTRA, new byte[300], null, null, true), 1024)).isEqualTo(DATA);
        assertThat(Gzip.decompress(member(FEXTRA, new byte[0], null, null, true), 1024)).isEqualTo(DATA);
        assertThat(Gzip.decompress(member(FNAME, null, "", null, true), 1024)).isEqualTo(DATA);
        assertThat(Gzip.decompress(member(FCOMMENT, null, null, "c", true), 1024)).isEqualTo(DATA);
        assertThat(Gzip.decompress(member(FHCRC, null, null, null, true), 1024)).isEqualTo(DATA);
        assertThat(Gzip.decompress(Gzip.compress(DATA), DATA.length)).isEqualTo(DATA);
    }

    @Test
    void brokenHeaders() {
        fails(member(FHCRC, null, null, null, false), "header CRC does not match");
        fails(member(FHCRC | FNAME, null, "x", null, false), "header CRC does not match");
        byte[] reserved = member(0, null, null, null, true);
        reserved[3] = (byte) 0x20;
        fails(reserved, "reserved flags");
        byte[] method = member(0, null, null, null, true);
        method[2] = 7;
        fails(method, "not deflate");
        byte[] magic = member(0, null, null, null, true);
        magic[1] = (byte) 0x8c;
        fails(magic, "bad magic bytes");
        // an extra field longer than the whole member
        byte[] longExtra = member(FEXTRA, new byte[4], null, null, true);
        longExtra[10] = (byte) 0xff;
        longExtra[11] = (byte) 0xff;
        fails(longExtra, "truncated");
        // a name that never ends
        byte[] name = Arrays.copyOf(new byte[] {0x1f, (byte) 0x8b, 8, FNAME, 0, 0, 0, 0, 0, (byte) 0xff}, 30);
        Arrays.fill(name, 10, 30, (byte) 'n');
        fails(name, "truncated");
        // FEXTRA with its length cut off, and FHCRC with its CRC cut off
        fails(Arrays.copyOf(new byte[] {0x1f, (byte) 0x8b, 8, FEXTRA, 0, 0, 0, 0, 0, (byte) 0xff, 1}, 18), "truncated");
        fails(Arrays.copyOf(member(FHCRC | FCOMMENT, null, null, "0123456", true), 18), "truncated");
        fails(Arrays.copyOf(member(0, null, null, null, true), 17), "truncated");
    }

    @Test
    void trailerAndSizeChecks() throws Exception {
        byte[] good = member(0, null, null, null, true);
        assertThat(Gzip.decompress(good, DATA.length)).isEqualTo(DATA);
        assertThatThrownBy(() -> Gzip.decompress(good, DATA.length - 1))
                .isInstanceOfSatisfying(Gzip.GzipException.class, e -> assertThat(e.limitExceeded()).isTrue());
        byte[] crc = good.clone();
        crc[crc.length - 8] ^= 1;
        fails(crc, "CRC-32 does not match");
        byte[] size = good.clone();
        size[size.length - 4] ^= 1;
        fails(size, "size trailer does not match");
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        fails(trailing, "unexpected data after the GZIP member");
        byte[] twoMembers = Arrays.copyOf(good, good.length * 2);
        System.arraycopy(good, 0, twoMembers, good.length, good.length);
        fails(twoMembers, "concatenated GZIP members");
    }

    /** Lists of every size around the 64 KiB inflate chunk: the pre-sized buffer is filled chunk by chunk. */
    @Test
    void roundTripsAroundTheChunkSize() throws Exception {
        java.util.Random random = new java.util.Random(3);
        for (int size : new int[] {0, 1, 65_535, 65_536, 65_537, 100_000, 131_072, 131_073}) {
            byte[] data = new byte[size];
            for (int i = 0; i < size; i += 97) {
                data[i] = (byte) random.nextInt(); // sparse, as revocations are
            }
            byte[] gz = Gzip.compress(data, 9);
            assertThat(Gzip.decompress(gz, size)).as("size %d", size).isEqualTo(data);
        }
    }

    @Test
    void compressionLevelsAtAndPastTheirRange() throws Exception {
        for (int level = 1; level <= 9; level++) {
            byte[] gz = Gzip.compress(DATA, level);
            assertThat(Gzip.decompress(gz, DATA.length)).isEqualTo(DATA);
            // XFL (RFC 1952): 2 for the slowest level, 4 for the fastest, else 0
            assertThat(gz[8]).isEqualTo((byte) (level == 9 ? 2 : level == 1 ? 4 : 0));
        }
        assertThatThrownBy(() -> Gzip.compress(DATA, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gzip.compress(DATA, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStartOfASecondMemberIsNamedAsSuch() {
        byte[] good = member(0, null, null, null, true);
        byte[] magicOnly = Arrays.copyOf(good, good.length + 2);
        magicOnly[good.length] = 0x1f;
        magicOnly[good.length + 1] = (byte) 0x8b;
        fails(magicOnly, "concatenated GZIP members");
        byte[] oneMagicByte = Arrays.copyOf(good, good.length + 1);
        oneMagicByte[good.length] = 0x1f;
        fails(oneMagicByte, "unexpected data after the GZIP member");
    }

    private static void fails(byte[] gz, String message) {
        assertThatThrownBy(() -> Gzip.decompress(gz, 1 << 20))
                .isInstanceOfSatisfying(Gzip.GzipException.class, e -> {
                    assertThat(e.limitExceeded()).isFalse();
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
