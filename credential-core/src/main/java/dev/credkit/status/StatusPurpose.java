package dev.credkit.status;

import java.util.Optional;

/**
 * The status purposes Bitstring Status List v1.0 gives a meaning to. Other purpose strings are
 * allowed by the specification and are carried as plain strings by the readers.
 */
public enum StatusPurpose {
    /** Cancels a credential's validity; not reversible. */
    REVOCATION("revocation"),
    /** Temporarily prevents acceptance; reversible. */
    SUSPENSION("suspension"),
    /** An arbitrary status message chosen from the entry's {@code statusMessage} list. */
    MESSAGE("message");

    private final String value;

    StatusPurpose(String value) {
        this.value = value;
    }

    /** The JSON value, e.g. {@code "revocation"}. */
    public String value() {
        return value;
    }

    /** The purpose with this JSON value, if it is one of the three defined ones. */
    public static Optional<StatusPurpose> fromValue(String value) {
        for (StatusPurpose p : values()) {
            if (p.value.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
