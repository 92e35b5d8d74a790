package dev.credkit.signing;

/** Signature algorithms a {@link Signer} can produce. */
public enum SignatureAlgorithm {
    /** Ed25519 (RFC 8032, pure): 64-byte signatures; JOSE {@code EdDSA}. */
    ED25519("EdDSA");

    private final String jwsAlgorithm;

    SignatureAlgorithm(String jwsAlgorithm) {
        this.jwsAlgorithm = jwsAlgorithm;
    }

    /** The JOSE {@code alg} header value. */
    public String jwsAlgorithm() {
        return jwsAlgorithm;
    }
}
