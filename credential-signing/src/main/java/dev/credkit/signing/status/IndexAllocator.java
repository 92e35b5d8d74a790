package dev.credkit.signing.status;

import dev.credkit.status.StatusBitstring;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Which indexes of one list have been handed out, with uniformly random allocation of a free
 * index in O(log n) however full the list is: a Fenwick tree over 64-bit words counts the free
 * indexes, so the r-th free index is found directly instead of by retrying random picks.
 *
 * <p>Bits are kept most significant first (index 0 = high bit of word 0), the order of the
 * exported bitmap. Padding bits after the last index are kept set so they are never free.
 * Not thread-safe: {@link ManagedStatusList} guards it.
 */
final class IndexAllocator {
    private final int size;
    private final long[] words;
    /** 1-based Fenwick tree of free-index counts per word. */
    private final int[] tree;
    private int allocated;

    IndexAllocator(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
        this.tree = new int[words.length + 1];
        int tail = size & 63;
        if (tail != 0) {
            words[words.length - 1] = -1L >>> tail; // padding bits: never free
        }
        rebuildTree();
    }

    /** The allocator for a stored bitmap ({@code 1} = allocated, MSB first). */
    static IndexAllocator fromBitmap(StatusBitstring bitmap, int size) {
        IndexAllocator a = new IndexAllocator(size);
        byte[] bytes = bitmap.toByteArray();
        if (bytes.length != (size + 7) / 8) {
            throw new IllegalArgumentException("allocation bitmap has " + bytes.length + " bytes, expected " + (size + 7) / 8);
        }
        for (int b = 0; b < bytes.length; b++) {
            a.words[b >>> 3] |= (bytes[b] & 0xffL) << (56 - 8 * (b & 7));
        }
        int count = 0;
        for (int i = 0; i < bytes.length; i++) {
            count += Integer.bitCount(bytes[i] & 0xff);
        }
        int tail = size & 7;
        if (tail != 0 && (bytes[bytes.length - 1] & (0xff >>> tail)) != 0) {
            throw new IllegalArgumentException("allocation bitmap sets bits past the last index");
        }
        a.allocated = count;
        a.rebuildTree();
        return a;
    }

    int size() {
        return size;
    }

    int allocatedCount() {
        return allocated;
    }

    int freeCount() {
        return size - allocated;
    }

    boolean isAllocated(int index) {
        return (words[index >>> 6] & (Long.MIN_VALUE >>> (index & 63))) != 0;
    }

    /** Allocates a uniformly random free index; the caller checks {@link #freeCount()} first. */
    int allocateRandom(SecureRandom random) {
        int free = freeCount();
        if (free == 0) {
            throw new IllegalStateException("no free index");
        }
        int index = selectFree(random.nextInt(free));
        markAllocated(index);
        return index;
    }

    void markAllocated(int index) {
        long mask = Long.MIN_VALUE >>> (index & 63);
        int w = index >>> 6;
        if ((words[w] & mask) != 0) {
            throw new IllegalStateException("index " + index + " is already allocated");
        }
        words[w] |= mask;
        allocated++;
        for (int k = w + 1; k < tree.length; k += k & -k) {
            tree[k]--;
        }
    }

    /** The bitmap, {@code ceil(size / 8)} bytes, MSB first, padding bits clear. */
    StatusBitstring toBitmap() {
        int length = (size + 7) / 8;
        // big-endian longs put index 0 (the high bit of word 0) in the high bit of byte 0
        ByteBuffer buffer = ByteBuffer.allocate(words.length * 8);
        buffer.asLongBuffer().put(words);
        byte[] bytes = Arrays.copyOf(buffer.array(), length);
        int tail = size & 7;
        if (tail != 0) {
            bytes[length - 1] &= (byte) (0xff << (8 - tail));
        }
        return StatusBitstring.of(bytes);
    }

    /** The {@code rank}-th free index (0-based), in index order. */
    private int selectFree(int rank) {
        int pos = 0;
        int rest = rank;
        for (int step = Integer.highestOneBit(words.length); step > 0; step >>>= 1) {
            int next = pos + step;
            if (next < tree.length && tree[next] <= rest) {
                pos = next;
                rest -= tree[next];
            }
        }
        // pos is now the 0-based word holding the answer
        long free = ~words[pos];
        while (true) {
            int bit = Long.numberOfLeadingZeros(free);
            if (rest == 0) {
                return (pos << 6) + bit;
            }
            free &= ~(Long.MIN_VALUE >>> bit);
            rest--;
        }
    }

    private void rebuildTree() {
        Arrays.fill(tree, 0);
        for (int k = 1; k < tree.length; k++) {
            tree[k] += 64 - Long.bitCount(words[k - 1]);
            int parent = k + (k & -k);
            if (parent < tree.length) {
                tree[parent] += tree[k];
            }
        }
    }
}
