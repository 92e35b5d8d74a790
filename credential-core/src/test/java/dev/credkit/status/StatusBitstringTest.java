package dev.credkit.status;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusBitstringTest {

    @Test
    void entryZeroIsTheHighBitOfTheFirstByte() {
        StatusBitstring bits = StatusBitstring.builder(16, 1).set(0, 1).build();
        assertThat(bits.toByteArray()).containsExactly(0x80, 0x00);
        assertThat(bits.get(0)).isEqualTo(1);
        assertThat(bits.get(1)).isZero();
        assertThat(bits.isSet(0)).isTrue();
    }

    @Test
    void lastBitOfAByteIsItsLowBit() {
        StatusBitstring bits = StatusBitstring.of(new byte[] {0x01, (byte) 0x80});
        assertThat(bits.get(7)).isEqualTo(1);
        assertThat(bits.get(8)).isEqualTo(1);
        assertThat(bits.countNonZero()).isEqualTo(2);
    }

    @Test
    void multiBitEntriesAreBigEndianAcrossByteBoundaries() {
        // statusSize 3: entry 2 covers bits 6,7,8 -> last two bits of byte 0 and first of byte 1
        StatusBitstring.Builder b = StatusBitstring.builder(8, 3).set(2, 0b101);
        StatusBitstring bits = b.build();
        assertThat(bits.toByteArray()[0]).isEqualTo((byte) 0b0000_0010);
        assertThat(bits.toByteArray()[1]).isEqualTo((byte) 0b1000_0000);
        assertThat(bits.get(2)).isEqualTo(5);
        assertThat(bits.get(1)).isZero();
        assertThat(bits.get(3)).isZero();
        // the same bits read one at a time
        StatusBitstring single = bits.withStatusSize(1);
        assertThat(single.get(6)).isEqualTo(1);
        assertThat(single.get(7)).isZero();
        assertThat(single.get(8)).isEqualTo(1);
    }

    @Test
    void builderOverwritesAndClearsValues() {
        StatusBitstring.Builder b = StatusBitstring.builder(4, 2).set(1, 3).set(1, 1);
        assertThat(b.get(1)).isEqualTo(1);
        b.set(1, 0);
        assertThat(b.build().countNonZero()).isZero();
    }

    @Test
    void valuesAreImmutableAndCopied() {
        byte[] raw = new byte[2];
        StatusBitstring bits = StatusBitstring.of(raw);
        raw[0] = (byte) 0xff;
        assertThat(bits.get(0)).isZero();
        bits.toByteArray()[0] = (byte) 0xff;
        assertThat(bits.get(0)).isZero();
        StatusBitstring.Builder b = bits.toBuilder().set(0, 1);
        assertThat(bits.get(0)).isZero();
        assertThat(b.build().get(0)).isEqualTo(1);
    }

    @Test
    void entriesIgnoreTrailingPartialEntry() {
        StatusBitstring bits = StatusBitstring.of(new byte[2], 3);
        assertThat(bits.entries()).isEqualTo(5);
        assertThatThrownBy(() -> bits.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> bits.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesValuesThatDoNotFitAndBadStatusSizes() {
        assertThatThrownBy(() -> StatusBitstring.builder(8, 2).set(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusBitstring.builder(8, 1).set(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusBitstring.builder(8, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusBitstring.of(new byte[1], StatusBitstring.MAX_STATUS_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityCoversBitsAndStatusSize() {
        StatusBitstring a = StatusBitstring.of(new byte[] {1, 2});
        assertThat(a).isEqualTo(StatusBitstring.of(new byte[] {1, 2}));
        assertThat(a).hasSameHashCodeAs(StatusBitstring.of(new byte[] {1, 2}));
        assertThat(a).isNotEqualTo(a.withStatusSize(2));
        assertThat(a.withStatusSize(2).statusSize()).isEqualTo(2);
        assertThat(a.withStatusSize(2)).hasToString("StatusBitstring[8 entries x 2 bit(s)]");
        assertThat(StatusBitstring.builder(8, 3).statusSize()).isEqualTo(3);
        assertThat(StatusPurpose.REVOCATION.value()).isEqualTo("revocation");
    }
}
