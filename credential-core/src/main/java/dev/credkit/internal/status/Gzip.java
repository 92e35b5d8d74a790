package dev.credkit.internal.status;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Single-member GZIP (RFC 1952) with reproducible output and bounded, strict decompression.
 *
 * <p>Compression writes a fixed 10-byte header: no file name, MTIME 0, XFL 2 (maximum
 * compression) or 4 (fastest) or 0, OS 255 (unknown), so equal input and level always give equal
 * output on one JDK.
 *
 * <p>Decompression accepts exactly one member and nothing after it. It never holds more than
 * {@code maxOutput} decompressed bytes plus one 64 KiB scratch chunk: the ISIZE trailer is used
 * only as a sizing hint, so a stream that declares more than the limit (or more than deflate
 * can expand its input to) is inflated into the scratch chunk and discarded while counting, and
 * aborted as soon as the count passes the limit.
 */
public final class Gzip {
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_DEFLATE_RATIO = 1032;
    private static final int XFL_AT = 8;
    private static final byte[] HEADER = {
        0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff
    };
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int RESERVED_FLAGS = 0xe0;

    private Gzip() {
    }

    /** Why decompression failed; {@link #limitExceeded()} separates size caps from bad data. */
    public static final class GzipException extends Exception {
        private final boolean limitExceeded;

        GzipException(boolean limitExceeded, String message) {
            super(message, null, false, false);
            this.limitExceeded = limitExceeded;
        }

        public boolean limitExceeded() {
            return limitExceeded;
        }
    }

    /** Compresses {@code data} into one reproducible GZIP member at maximum compression. */
    public static byte[] compress(byte[] data) {
        return compress(data, Deflater.BEST_COMPRESSION);
    }

    /**
     * Compresses {@code data} into one reproducible GZIP member.
     *
     * @param level a {@link Deflater} level, 1 (fastest) to 9 (smallest)
     */
    public static byte[] compress(byte[] data, int level) {
        if (level < Deflater.BEST_SPEED || level > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("level must be between 1 and 9");
        }
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 + data.length / 16);
            byte[] header = HEADER.clone();
            header[XFL_AT] = (byte) (level == Deflater.BEST_COMPRESSION ? 2 : level == Deflater.BEST_SPEED ? 4 : 0);
            out.write(header, 0, header.length);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            CRC32 crc = new CRC32();
            crc.update(data);
            writeIntLe(out, (int) crc.getValue());
            writeIntLe(out, data.length);
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Decompresses exactly one GZIP member.
     *
     * @param maxOutput the most decompressed bytes accepted (at most {@code Integer.MAX_VALUE - 8})
     */
    public static byte[] decompress(byte[] gz, int maxOutput) throws GzipException {
        int pos = headerLength(gz);
        if (gz.length - pos < 8) {
            throw new GzipException(false, "GZIP data is truncated");
        }
        long declared = readIntLe(gz, gz.length - 4) & 0xffffffffL;
        // An honest trailer lets us allocate once. Deflate expands at most ~1032:1, so a larger
        // claim is a lie and gets no buffer; any other lie costs at most maxOutput bytes.
        long plausible = Math.min(maxOutput, (long) (gz.length - pos) * MAX_DEFLATE_RATIO + 1024);
        byte[] out = declared <= plausible ? new byte[(int) declared] : null;
        byte[] scratch = null;
        long total = 0;
        CRC32 crc = new CRC32();
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(gz, pos, gz.length - pos);
            while (!inflater.finished()) {
                int remainingBefore = inflater.getRemaining();
                int n;
                if (out != null && total < out.length) {
                    int at = (int) total;
                    n = inflater.inflate(out, at, Math.min(CHUNK, out.length - at));
                    crc.update(out, at, n);
                } else {
                    if (scratch == null) {
                        scratch = new byte[CHUNK];
                    }
                    n = inflater.inflate(scratch, 0, CHUNK);
                    crc.update(scratch, 0, n);
                }
                total += n;
                if (total > maxOutput) {
                    throw new GzipException(true, "decompressed size exceeds the limit of " + maxOutput + " bytes");
                }
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw new GzipException(false, "GZIP data needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new GzipException(false, "GZIP data is truncated");
                    }
                    if (inflater.getRemaining() == remainingBefore) {
                        throw new GzipException(false, "GZIP data is corrupt");
                    }
                }
            }
            int remaining = inflater.getRemaining();
            int trailer = gz.length - remaining;
            if (remaining < 8) {
                throw new GzipException(false, "GZIP trailer is truncated");
            }
            if (remaining > 8) {
                boolean member = remaining >= 10 && gz[trailer + 8] == 0x1f && gz[trailer + 9] == (byte) 0x8b;
                throw new GzipException(false, member
                        ? "concatenated GZIP members are not allowed"
                        : "unexpected data after the GZIP member");
            }
            if ((int) crc.getValue() != readIntLe(gz, trailer)) {
                throw new GzipException(false, "GZIP CRC-32 does not match");
            }
            if (total != declared || out == null) {
                throw new GzipException(false, "GZIP size trailer does not match the data");
            }
            return out;
        } catch (DataFormatException e) {
            throw new GzipException(false, "GZIP data is corrupt");
        } finally {
            inflater.end();
        }
    }

    /** Validates the member header and returns where the deflate stream starts. */
    private static int headerLength(byte[] gz) throws GzipException {
        if (gz.length < 18) {
            throw new GzipException(false, "GZIP data is truncated");
        }
        if (gz[0] != 0x1f || gz[1] != (byte) 0x8b) {
            throw new GzipException(false, "not GZIP data (bad magic bytes)");
        }
        if (gz[2] != 8) {
            throw new GzipException(false, "GZIP compression method is not deflate");
        }
        int flags = gz[3] & 0xff;
        if ((flags & RESERVED_FLAGS) != 0) {
            throw new GzipException(false, "GZIP header sets reserved flags");
        }
        int pos = 10;
        if ((flags & FEXTRA) != 0) {
            if (pos + 2 > gz.length) {
                throw new GzipException(false, "GZIP header is truncated");
            }
            int extraLength = (gz[pos] & 0xff) | (gz[pos + 1] & 0xff) << 8;
            pos += 2 + extraLength;
        }
        if ((flags & FNAME) != 0) {
            pos = skipZeroTerminated(gz, pos);
        }
        if ((flags & FCOMMENT) != 0) {
            pos = skipZeroTerminated(gz, pos);
        }
        if ((flags & FHCRC) != 0) {
            if (pos + 2 > gz.length) {
                throw new GzipException(false, "GZIP header is truncated");
            }
            CRC32 crc = new CRC32();
            crc.update(gz, 0, pos);
            int expected = (gz[pos] & 0xff) | (gz[pos + 1] & 0xff) << 8;
            if (((int) crc.getValue() & 0xffff) != expected) {
                throw new GzipException(false, "GZIP header CRC does not match");
            }
            pos += 2;
        }
        if (pos > gz.length) {
            throw new GzipException(false, "GZIP header is truncated");
        }
        return pos;
    }

    private static int skipZeroTerminated(byte[] gz, int pos) throws GzipException {
        for (int i = pos; i < gz.length; i++) {
            if (gz[i] == 0) {
                return i + 1;
            }
        }
        throw new GzipException(false, "GZIP header is truncated");
    }

    private static int readIntLe(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
