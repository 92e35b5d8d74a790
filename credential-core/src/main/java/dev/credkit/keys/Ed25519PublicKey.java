package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

/**
 * An Ed25519 public key, validated at decoding: canonical point encoding, not of small order.
 * The one Ed25519 verification path of credkit is {@link #verify(byte[], byte[])}.
 */
public final class Ed25519PublicKey {
    private Ed25519PublicKey() {
    }

    /** From the 32-byte RFC 8032 encoding; rejects wrong lengths, non-canonical and small-order keys. */
    public static Ed25519PublicKey fromRaw(byte[] raw) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    /** From {@code publicKeyMultibase}: base58btc ('z') of 0xed 0x01 followed by the key. */
    public static Ed25519PublicKey fromMultibase(String multibase) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    /** From an RFC 8037 JWK ({@code kty} OKP, {@code crv} Ed25519, {@code x}); a {@code d} is ignored. */
    public static Ed25519PublicKey fromJwk(JsonObject jwk) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    /** A copy of the 32 raw bytes. */
    public byte[] raw() {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code z6Mk...}: base58btc multibase of the multicodec ed25519-pub prefix and the key. */
    public String multibase() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The public JWK ({@code kty}, {@code crv}, {@code x}). */
    public JsonObject toJwk() {
        throw new UnsupportedOperationException("TODO");
    }

    /** RFC 7638 JWK thumbprint (SHA-256, base64url without padding). */
    public String jwkThumbprint() {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Strict verification: the signature must be exactly 64 bytes with a canonical {@code S};
     * returns false (never throws) for any invalid signature.
     */
    public boolean verify(byte[] message, byte[] signature) {
        throw new UnsupportedOperationException("TODO");
    }
}
