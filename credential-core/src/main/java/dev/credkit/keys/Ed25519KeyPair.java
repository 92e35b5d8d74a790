package dev.credkit.keys;

import dev.credkit.core.CredentialException;

import java.security.SecureRandom;

/**
 * An Ed25519 key pair held in memory. The secret never appears in {@code toString}, logs or
 * exception messages; exporting it is an explicit call.
 */
public final class Ed25519KeyPair {
    private Ed25519KeyPair() {
    }

    public static Ed25519KeyPair generate() {
        return generate(new SecureRandom());
    }

    public static Ed25519KeyPair generate(SecureRandom random) {
        throw new UnsupportedOperationException("TODO");
    }

    /** From the 32-byte RFC 8032 seed (the private key). */
    public static Ed25519KeyPair fromSeed(byte[] seed) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * From {@code secretKeyMultibase}: base58btc of 0x80 0x26 and either the 32-byte seed or the
     * 64-byte seed‖public key (whose public half must match).
     */
    public static Ed25519KeyPair fromSecretMultibase(String multibase) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    public Ed25519PublicKey publicKey() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Deterministic RFC 8032 Ed25519 signature (64 bytes). */
    public byte[] sign(byte[] message) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The secret as {@code secretKeyMultibase} (0x8026 + 32-byte seed). Handle with care. */
    public String exportSecretMultibase() {
        throw new UnsupportedOperationException("TODO");
    }
}
