package dev.credkit.signing;

/**
 * The extension point for whatever holds the private key: a local key, an HSM, a cloud KMS.
 * Narrow on purpose: bytes in, signature out. Implementations must be thread-safe.
 *
 * <p>Throw {@link SignerException#retryable} when the key service could not be reached (a retry
 * may succeed) and {@link SignerException#permanent} when it refused (wrong key, no permission).
 */
public interface Signer {

    /** The id of the verification method whose key signs, e.g. {@code did:key:z6Mk…#z6Mk…}. */
    String verificationMethod();

    SignatureAlgorithm algorithm();

    /** Signs {@code data} (the 64-byte Data Integrity hash, or a JWS signing input). */
    byte[] sign(byte[] data) throws SignerException;
}
