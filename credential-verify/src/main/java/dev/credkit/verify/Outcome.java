package dev.credkit.verify;

/** The verdict on a credential or presentation. */
public enum Outcome {
    /** Every required check passed. */
    VERIFIED,
    /** A check failed: invalid signature, tampered, expired, revoked, untrusted... */
    REJECTED,
    /** Nothing failed, but something required could not be checked (unknown key, missing status list). */
    INDETERMINATE
}
