package dev.credkit.verify;

import dev.credkit.keys.VerificationMethod;

import java.util.Optional;

/**
 * The host's decision about which issuers to trust, and which keys are bound to them when the
 * issuer's own identifier does not control the key (an {@code https} issuer signing with a
 * {@code did:key}). {@link TrustList} is the file-backed implementation; hosts may plug in their
 * own (a registry service, a database). Implementations must be thread-safe.
 */
public interface TrustRegistry {

    /** The entry for this issuer id, when it is trusted. */
    Optional<TrustedIssuer> issuer(String issuerId);

    /** True when the registry binds this verification method's key to this issuer. */
    boolean bindsKey(String issuerId, VerificationMethod method);

    /** Key material the registry supplies for a verification method no DID document describes. */
    default Optional<VerificationMethod> verificationMethod(String methodId) {
        return Optional.empty();
    }
}
