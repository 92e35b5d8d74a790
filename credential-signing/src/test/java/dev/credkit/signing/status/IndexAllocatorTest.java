package dev.credkit.signing.status;

import dev.credkit.status.StatusBitstring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexAllocatorTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 63, 64, 65, 1000, 4096})
    void handsOutEveryIndexExactlyOnceThenStops(int size) {
        IndexAllocator allocator = new IndexAllocator(size);
        SecureRandom random = TestSupport.seeded(size);
        BitSet seen = new BitSet(size);
        for (int i = 0; i < size; i++) {
            int index = allocator.allocateRandom(random);
            assertThat(index).isBetween(0, size - 1);
            assertThat(seen.get(index)).as("index %d handed out twice", index).isFalse();
            seen.set(index);
            assertThat(allocator.isAllocated(index)).isTrue();
        }
        assertThat(seen.cardinality()).isEqualTo(size);
        assertThat(allocator.freeCount()).isZero();
        assertThatThrownBy(() -> allocator.allocateRandom(random)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void allocationIsRandomNotSequential() {
        IndexAllocator allocator = new IndexAllocator(131_072);
        SecureRandom random = TestSupport.seeded(1);
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            first.add(allocator.allocateRandom(random));
        }
        assertThat(first).doesNotHaveDuplicates().isNotEqualTo(first.stream().sorted().toList());
        // spread over the list, not clustered at the start
        assertThat(first.stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThan(65_536);
        assertThat(first.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThan(65_536);
    }

    @Test
    void theLastFreeIndexesOfANearlyFullListAreFound() {
        int size = 131_072;
        IndexAllocator allocator = new IndexAllocator(size);
        for (int i = 0; i < size; i++) {
            if (i != 5 && i != 77_777 && i != size - 1) {
                allocator.markAllocated(i);
            }
        }
        SecureRandom random = TestSupport.seeded(3);
        List<Integer> last = List.of(allocator.allocateRandom(random), allocator.allocateRandom(random),
                allocator.allocateRandom(random));
        assertThat(last).containsExactlyInAnyOrder(5, 77_777, size - 1);
    }

    @Test
    void bitmapRoundTripsMsbFirst() {
        IndexAllocator allocator = new IndexAllocator(13);
        allocator.markAllocated(0);
        allocator.markAllocated(12);
        StatusBitstring bitmap = allocator.toBitmap();
        assertThat(bitmap.toByteArray()).containsExactly(0x80, 0x08);
        IndexAllocator reloaded = IndexAllocator.fromBitmap(bitmap, 13);
        assertThat(reloaded.allocatedCount()).isEqualTo(2);
        assertThat(reloaded.isAllocated(12)).isTrue();
        assertThat(reloaded.isAllocated(11)).isFalse();
        assertThat(reloaded.freeCount()).isEqualTo(11);
        assertThatThrownBy(() -> reloaded.markAllocated(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesBitmapsOfTheWrongShape() {
        assertThatThrownBy(() -> IndexAllocator.fromBitmap(StatusBitstring.of(new byte[3]), 13))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndexAllocator.fromBitmap(StatusBitstring.of(new byte[] {0, 0x04}), 13))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past the last index");
    }
}
