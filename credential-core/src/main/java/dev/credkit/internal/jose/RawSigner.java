package dev.credkit.internal.jose;

import dev.credkit.core.CredentialException;

/** Bytes in, Ed25519 signature out: how the signing module hands its {@code Signer} to the JWS code. */
@FunctionalInterface
public interface RawSigner {
    byte[] sign(byte[] signingInput) throws CredentialException;
}
