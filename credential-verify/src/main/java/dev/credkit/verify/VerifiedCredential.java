package dev.credkit.verify;

import dev.credkit.model.VerifiableCredential;

import java.util.List;
import java.util.Optional;

/**
 * A credential whose proofs, issuer binding, validity period and (where checked) status held
 * at verification time. Only {@link Verifier} creates these.
 */
public final class VerifiedCredential {
    private final VerifiableCredential credential;
    private final List<String> verificationMethods;
    private final TrustedIssuer trustedIssuer;

    VerifiedCredential(VerifiableCredential credential, List<String> verificationMethods, TrustedIssuer trustedIssuer) {
        this.credential = credential;
        this.verificationMethods = List.copyOf(verificationMethods);
        this.trustedIssuer = trustedIssuer;
    }

    public VerifiableCredential credential() {
        return credential;
    }

    public String issuerId() {
        return credential.issuerId();
    }

    /** The verification methods whose signatures verified. */
    public List<String> verificationMethods() {
        return verificationMethods;
    }

    /** The trust-list entry of the issuer, when a trust list was given and lists it. */
    public Optional<TrustedIssuer> trustedIssuer() {
        return Optional.ofNullable(trustedIssuer);
    }

    @Override
    public String toString() {
        return "VerifiedCredential[" + credential.id().orElse("(no id)") + " from " + issuerId() + "]";
    }
}
