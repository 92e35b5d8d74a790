package dev.credkit.internal.keys;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class Ed25519EngineTest {
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void canonicalScalarIsStrictlyBelowTheOrder() {
        assertThat(Ed25519Engine.isCanonicalScalar(le(L.subtract(BigInteger.ONE)), 0)).isTrue();
        assertThat(Ed25519Engine.isCanonicalScalar(le(BigInteger.ZERO), 0)).isTrue();
        assertThat(Ed25519Engine.isCanonicalScalar(le(L), 0)).isFalse();
        assertThat(Ed25519Engine.isCanonicalScalar(le(L.add(BigInteger.ONE)), 0)).isFalse();
        assertThat(Ed25519Engine.isCanonicalScalar(le(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)), 0)).isFalse();
    }

    @Test
    void prepareRefusesNullAndWrongLengths() {
        assertThat(Ed25519Engine.prepare(null)).isNull();
        assertThat(Ed25519Engine.prepare(new byte[31])).isNull();
        assertThat(Ed25519Engine.verify(null, new byte[0], new byte[64])).isFalse();
    }

    private static byte[] le(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, be.length); i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }
}
