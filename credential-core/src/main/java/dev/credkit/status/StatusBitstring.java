package dev.credkit.status;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable status bitstring: consecutive entries of {@link #statusSize()} bits each.
 *
 * <p>Bit order is most significant bit first, as Bitstring Status List v1.0 requires: entry 0
 * with a status size of 1 is the high bit ({@code 0x80}) of the first byte; an entry of several
 * bits is read as an unsigned big-endian number. Bits past the last whole entry are ignored.
 *
 * <p>Instances never change and may be shared between threads; {@link #withStatusSize(int)}
 * reinterprets the same bits without copying them. Use {@link Builder} to make one.
 */
public final class StatusBitstring {
    /** The largest status size supported (a {@code statusMessage} list then has 65,536 entries). */
    public static final int MAX_STATUS_SIZE = 16;
    /** The largest bitstring supported: every bit position fits in an {@code int}. */
    public static final int MAX_BYTES = Integer.MAX_VALUE / 8;

    private final byte[] bytes;
    private final int statusSize;

    private StatusBitstring(byte[] bytes, int statusSize) {
        this.bytes = bytes;
        this.statusSize = statusSize;
    }

    /** A bitstring over a copy of {@code bytes}, one bit per entry. */
    public static StatusBitstring of(byte[] bytes) {
        return of(bytes, 1);
    }

    /** A bitstring over a copy of {@code bytes}, {@code statusSize} bits per entry. */
    public static StatusBitstring of(byte[] bytes, int statusSize) {
        checkLength(bytes.length);
        return new StatusBitstring(bytes.clone(), checkStatusSize(statusSize));
    }

    /** Takes ownership of {@code bytes}: only for callers that never touch the array again. */
    static StatusBitstring wrap(byte[] bytes, int statusSize) {
        return new StatusBitstring(bytes, statusSize);
    }

    /** A builder for an all-zero bitstring with room for at least {@code entries} entries. */
    public static Builder builder(int entries, int statusSize) {
        checkStatusSize(statusSize);
        if (entries < 0) {
            throw new IllegalArgumentException("entries must be >= 0");
        }
        long byteLength = ((long) entries * statusSize + 7) / 8;
        checkLength(byteLength);
        return new Builder(new byte[(int) byteLength], statusSize);
    }

    /** Bits per entry. */
    public int statusSize() {
        return statusSize;
    }

    /** The number of whole entries: {@code bitLength() / statusSize()}. */
    public int entries() {
        return (int) (bitLength() / statusSize);
    }

    public long bitLength() {
        return (long) bytes.length * 8;
    }

    public int byteLength() {
        return bytes.length;
    }

    /**
     * The value of entry {@code index}, {@code 0 <= value < 2^statusSize}.
     *
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, entries())}
     */
    public int get(int index) {
        Objects.checkIndex(index, entries());
        return read(bytes, index, statusSize);
    }

    /** True when entry {@code index} is not zero. */
    public boolean isSet(int index) {
        return get(index) != 0;
    }

    /** The same bits read with another status size (no copy). */
    public StatusBitstring withStatusSize(int newStatusSize) {
        checkStatusSize(newStatusSize);
        return newStatusSize == statusSize ? this : new StatusBitstring(bytes, newStatusSize);
    }

    /** A copy of the bits, MSB first. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The number of entries whose value is not zero. */
    public int countNonZero() {
        if (statusSize == 1) {
            int count = 0;
            for (byte b : bytes) {
                count += Integer.bitCount(b & 0xff);
            }
            return count;
        }
        int count = 0;
        int n = entries();
        for (int i = 0; i < n; i++) {
            if (read(bytes, i, statusSize) != 0) {
                count++;
            }
        }
        return count;
    }

    /** A builder that starts from these bits. */
    public Builder toBuilder() {
        return new Builder(bytes.clone(), statusSize);
    }

    /** The backing array, for the codec in this package only: never modify or leak it. */
    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusBitstring other && statusSize == other.statusSize && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + statusSize;
    }

    @Override
    public String toString() {
        return "StatusBitstring[" + entries() + " entries x " + statusSize + " bit(s)]";
    }

    static int checkStatusSize(int statusSize) {
        if (statusSize < 1 || statusSize > MAX_STATUS_SIZE) {
            throw new IllegalArgumentException("statusSize must be between 1 and " + MAX_STATUS_SIZE);
        }
        return statusSize;
    }

    private static void checkLength(long byteLength) {
        if (byteLength > MAX_BYTES) {
            throw new IllegalArgumentException("bitstring longer than " + MAX_BYTES + " bytes");
        }
    }

    private static int read(byte[] bytes, int index, int statusSize) {
        long bit = (long) index * statusSize;
        if (statusSize == 1) {
            return (bytes[(int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1;
        }
        int value = 0;
        for (int k = 0; k < statusSize; k++, bit++) {
            value = (value << 1) | ((bytes[(int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1);
        }
        return value;
    }

    /** Mutable and not thread-safe: fill it, then {@link #build()} an immutable copy. */
    public static final class Builder {
        private final byte[] bytes;
        private final int statusSize;

        private Builder(byte[] bytes, int statusSize) {
            this.bytes = bytes;
            this.statusSize = statusSize;
        }

        public int entries() {
            return (int) ((long) bytes.length * 8 / statusSize);
        }

        public int statusSize() {
            return statusSize;
        }

        public int get(int index) {
            Objects.checkIndex(index, entries());
            return read(bytes, index, statusSize);
        }

        /**
         * Sets entry {@code index} to {@code value}.
         *
         * @throws IllegalArgumentException when {@code value} does not fit in {@code statusSize} bits
         */
        public Builder set(int index, int value) {
            Objects.checkIndex(index, entries());
            if (value < 0 || (statusSize < 31 && value >= (1 << statusSize))) {
                throw new IllegalArgumentException("value " + value + " does not fit in " + statusSize + " bit(s)");
            }
            long bit = (long) index * statusSize;
            for (int k = statusSize - 1; k >= 0; k--, bit++) {
                int at = (int) (bit >>> 3);
                int mask = 0x80 >>> (int) (bit & 7);
                if (((value >>> k) & 1) != 0) {
                    bytes[at] |= (byte) mask;
                } else {
                    bytes[at] &= (byte) ~mask;
                }
            }
            return this;
        }

        public StatusBitstring build() {
            return new StatusBitstring(bytes.clone(), statusSize);
        }
    }
}
