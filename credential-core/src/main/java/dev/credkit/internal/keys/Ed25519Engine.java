package dev.credkit.internal.keys;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.security.SecureRandom;

/**
 * The only place credkit touches Ed25519 arithmetic: Bouncy Castle's low-level RFC 8032 code,
 * which is several times faster here than the JDK's provider. Stateless and thread-safe.
 */
public final class Ed25519Engine {
    public static final int PUBLIC_KEY_BYTES = Ed25519.PUBLIC_KEY_SIZE;
    public static final int SEED_BYTES = Ed25519.SECRET_KEY_SIZE;
    public static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;

    /** The group order L, little-endian, for the canonical-S check. */
    private static final byte[] ORDER = {
            (byte) 0xed, (byte) 0xd3, (byte) 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58,
            (byte) 0xd6, (byte) 0x9c, (byte) 0xf7, (byte) 0xa2, (byte) 0xde, (byte) 0xf9, (byte) 0xde, 0x14,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0x10};

    private Ed25519Engine() {
    }

    /** A public key decoded once, ready for repeated verification. Immutable. */
    public static final class PreparedKey {
        private final Ed25519.PublicPoint point;

        private PreparedKey(Ed25519.PublicPoint point) {
            this.point = point;
        }
    }

    /**
     * Decodes and validates a 32-byte public key: canonical encoding of a point on the curve
     * that is not of small order; null when it is none of these. Keys with a torsion component
     * are not rejected: like libsodium, credkit checks what makes a key unusable or forgeable,
     * and skips the full prime-order check, which costs as much as a signature verification.
     */
    public static PreparedKey prepare(byte[] raw) {
        if (raw == null || raw.length != PUBLIC_KEY_BYTES) {
            return null;
        }
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(raw, 0);
        return point == null ? null : new PreparedKey(point);
    }

    /**
     * Strict RFC 8032 verification: 64-byte signature, canonical S (S &lt; L), canonical R.
     * False for any failure; never throws.
     */
    public static boolean verify(PreparedKey key, byte[] message, byte[] signature) {
        if (key == null || message == null || signature == null || signature.length != SIGNATURE_BYTES
                || !isCanonicalScalar(signature, PUBLIC_KEY_BYTES)) {
            return false;
        }
        try {
            return Ed25519.verify(signature, 0, key.point, message, 0, message.length);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The public key of a 32-byte seed. */
    public static byte[] publicKey(byte[] seed) {
        byte[] pk = new byte[PUBLIC_KEY_BYTES];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        return pk;
    }

    /** Deterministic RFC 8032 signature; the public key is passed to spare its recomputation. */
    public static byte[] sign(byte[] seed, byte[] publicKey, byte[] message) {
        byte[] sig = new byte[SIGNATURE_BYTES];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    public static byte[] generateSeed(SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        Ed25519.generatePrivateKey(random, seed);
        return seed;
    }

    /** True when the 32-byte little-endian scalar at {@code off} is below the group order. */
    static boolean isCanonicalScalar(byte[] b, int off) {
        for (int i = 31; i >= 0; i--) {
            int x = b[off + i] & 0xff;
            int l = ORDER[i] & 0xff;
            if (x != l) {
                return x < l;
            }
        }
        return false; // equal to L
    }
}
