package dev.credkit.internal.keys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The leading unsigned varint of multicodec: at most three bytes, minimal. */
class MulticodecTest {

    private static Multicodec.Prefix read(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Multicodec.read(b);
    }

    @Test
    void readsOneToThreeByteVarints() {
        assertThat(read(0x00, 0xff)).isEqualTo(new Multicodec.Prefix(0, 1));
        assertThat(read(0x7f)).isEqualTo(new Multicodec.Prefix(0x7f, 1));
        assertThat(read(0xed, 0x01, 0x00)).isEqualTo(new Multicodec.Prefix(Multicodec.ED25519_PUB, 2));
        assertThat(read(0x80, 0x26)).isEqualTo(new Multicodec.Prefix(Multicodec.ED25519_PRIV, 2));
        assertThat(read(0xff, 0xff, 0x7f)).isEqualTo(new Multicodec.Prefix((1 << 21) - 1, 3));
    }

    @Test
    void refusesLongNonMinimalAndUnterminatedVarints() {
        assertThat(read(0x80, 0x80, 0x80, 0x01)).isNull();
        assertThat(read(0x80, 0x00)).isNull();
        assertThat(read(0xed, 0x80, 0x00)).isNull();
        assertThat(read(0xed)).isNull();
        assertThat(read()).isNull();
    }

    @Test
    void describesKnownAndUnknownCodes() {
        assertThat(Multicodec.describe(0xed)).isEqualTo("ed25519-pub (0xed)");
        assertThat(Multicodec.describe(0x1200)).isEqualTo("p256-pub (0x1200)");
        assertThat(Multicodec.describe(0x42)).isEqualTo("multicodec 0x42");
    }
}
