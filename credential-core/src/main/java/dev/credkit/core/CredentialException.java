package dev.credkit.core;

import java.util.Objects;

/**
 * The one checked exception of credkit's API: the input was rejected or could not be processed.
 * It always carries a stable {@link ProblemCode} and a short message that never echoes large
 * input or secret material.
 */
public class CredentialException extends Exception {
    private final ProblemCode code;

    public CredentialException(ProblemCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CredentialException(ProblemCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ProblemCode code() {
        return code;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
