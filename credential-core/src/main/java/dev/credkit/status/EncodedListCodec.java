package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.status.Base64Url;
import dev.credkit.internal.status.Gzip;

/**
 * The {@code encodedList} codec of Bitstring Status List v1.0: GZIP, then multibase base64url
 * ({@code u} prefix, no padding).
 *
 * <p>Encoding is reproducible: one GZIP member with MTIME 0, no file name, OS byte 255.
 *
 * <p>Decoding treats the value as hostile and enforces hard limits, each configurable:
 * <ul>
 *   <li>at most {@value #DEFAULT_MAX_ENCODED_LENGTH} characters of {@code encodedList}
 *       ({@link ProblemCode#LIMIT_EXCEEDED});</li>
 *   <li>at most {@value #DEFAULT_MAX_DECODED_BYTES} decompressed bytes (16 MiB,
 *       134,217,728 bits; {@link ProblemCode#LIMIT_EXCEEDED}). Decompression runs in 64 KiB
 *       chunks and stops as soon as the limit is passed, so a GZIP bomb costs at most the limit
 *       in memory, and far less when its size trailer is honest;</li>
 *   <li>at least {@value #DEFAULT_MIN_DECODED_BYTES} decompressed bytes, the 16 KB
 *       (131,072-bit) minimum of the specification ({@link ProblemCode#INVALID_STATUS_LIST}).</li>
 * </ul>
 * Always rejected with {@link ProblemCode#INVALID_STATUS_LIST}: a missing {@code u} prefix,
 * anything but canonical unpadded base64url, a bad GZIP header, CRC or size trailer, more than one
 * GZIP member, and any byte after the member.
 *
 * <p>Immutable and thread-safe.
 */
public final class EncodedListCodec {
    public static final int DEFAULT_MAX_ENCODED_LENGTH = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_DECODED_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_MIN_DECODED_BYTES = 16 * 1024;

    private static final EncodedListCodec DEFAULTS = builder().build();

    private final int maxEncodedLength;
    private final int maxDecodedBytes;
    private final int minDecodedBytes;

    private EncodedListCodec(Builder b) {
        this.maxEncodedLength = b.maxEncodedLength;
        this.maxDecodedBytes = b.maxDecodedBytes;
        this.minDecodedBytes = b.minDecodedBytes;
    }

    /** The codec with the documented default limits. */
    public static EncodedListCodec defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxEncodedLength() {
        return maxEncodedLength;
    }

    public int maxDecodedBytes() {
        return maxDecodedBytes;
    }

    public int minDecodedBytes() {
        return minDecodedBytes;
    }

    /** {@code u} + base64url(GZIP(bits)). The limits apply only to decoding. */
    public String encode(StatusBitstring bits) {
        byte[] gz = Gzip.compress(bits.unsafeBytes());
        return "u" + Base64Url.encode(gz);
    }

    /** Decodes to a bitstring of one bit per entry. */
    public StatusBitstring decode(String encodedList) throws CredentialException {
        return decode(encodedList, 1);
    }

    /**
     * Decodes to a bitstring of {@code statusSize} bits per entry.
     *
     * @throws CredentialException {@code INVALID_STATUS_LIST} for a malformed value or a list
     *         below the minimum, {@code LIMIT_EXCEEDED} when a size cap is passed
     */
    public StatusBitstring decode(String encodedList, int statusSize) throws CredentialException {
        StatusBitstring.checkStatusSize(statusSize);
        if (encodedList.length() > maxEncodedLength) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED,
                    "encodedList is longer than the limit of " + maxEncodedLength + " characters");
        }
        if (encodedList.isEmpty() || encodedList.charAt(0) != 'u') {
            throw invalid("encodedList must start with the multibase prefix 'u' (base64url)");
        }
        byte[] gz = Base64Url.decode(encodedList, 1);
        if (gz == null) {
            throw invalid("encodedList is not valid base64url without padding");
        }
        byte[] bits;
        try {
            bits = Gzip.decompress(gz, maxDecodedBytes);
        } catch (Gzip.GzipException e) {
            throw new CredentialException(e.limitExceeded() ? ProblemCode.LIMIT_EXCEEDED : ProblemCode.INVALID_STATUS_LIST,
                    "encodedList: " + e.getMessage());
        }
        if (bits.length < minDecodedBytes) {
            throw invalid("encodedList: the bitstring has " + bits.length + " bytes, fewer than the minimum of "
                    + minDecodedBytes + " (" + (long) minDecodedBytes * 8 + " bits)");
        }
        return StatusBitstring.wrap(bits, statusSize);
    }

    private static CredentialException invalid(String message) {
        return new CredentialException(ProblemCode.INVALID_STATUS_LIST, message);
    }

    /** Configures the decoding limits; refuses inconsistent values. */
    public static final class Builder {
        private int maxEncodedLength = DEFAULT_MAX_ENCODED_LENGTH;
        private int maxDecodedBytes = DEFAULT_MAX_DECODED_BYTES;
        private int minDecodedBytes = DEFAULT_MIN_DECODED_BYTES;

        private Builder() {
        }

        /** The most characters of {@code encodedList} accepted, prefix included. */
        public Builder maxEncodedLength(int maxEncodedLength) {
            if (maxEncodedLength < 2) {
                throw new IllegalArgumentException("maxEncodedLength must be at least 2");
            }
            this.maxEncodedLength = maxEncodedLength;
            return this;
        }

        /** The most decompressed bytes accepted; at most {@link StatusBitstring#MAX_BYTES}. */
        public Builder maxDecodedBytes(int maxDecodedBytes) {
            if (maxDecodedBytes < 1 || maxDecodedBytes > StatusBitstring.MAX_BYTES) {
                throw new IllegalArgumentException("maxDecodedBytes must be between 1 and " + StatusBitstring.MAX_BYTES);
            }
            this.maxDecodedBytes = maxDecodedBytes;
            return this;
        }

        /**
         * The fewest decompressed bytes accepted. Lower it only where an ecosystem specification
         * sets a smaller minimum (or for private data such as an issuer's own state files).
         */
        public Builder minDecodedBytes(int minDecodedBytes) {
            if (minDecodedBytes < 0) {
                throw new IllegalArgumentException("minDecodedBytes must be >= 0");
            }
            this.minDecodedBytes = minDecodedBytes;
            return this;
        }

        public EncodedListCodec build() {
            if (minDecodedBytes > maxDecodedBytes) {
                throw new IllegalArgumentException("minDecodedBytes is larger than maxDecodedBytes");
            }
            return new EncodedListCodec(this);
        }
    }
}
