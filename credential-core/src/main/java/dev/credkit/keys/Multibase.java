package dev.credkit.keys;

import dev.credkit.core.CredentialException;

/** Multibase encodings (placeholder; replaced by the keys implementation). */
public final class Multibase {
    private Multibase() {
    }

    public static String encodeBase58Btc(byte[] data) {
        throw new UnsupportedOperationException("TODO");
    }

    public static byte[] decodeBase58Btc(String multibase) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }
}
