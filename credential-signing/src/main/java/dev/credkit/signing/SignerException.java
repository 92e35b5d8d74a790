package dev.credkit.signing;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

/**
 * A signer failed. {@link #isRetryable()} separates a key service that could not be reached
 * ({@link ProblemCode#SIGNER_UNAVAILABLE}) from one that refused ({@link ProblemCode#SIGNER_FAILED}).
 */
public final class SignerException extends CredentialException {
    private SignerException(ProblemCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** The key service could not be reached or timed out; retrying may succeed. */
    public static SignerException retryable(String message, Throwable cause) {
        return new SignerException(ProblemCode.SIGNER_UNAVAILABLE, message, cause);
    }

    /** The key service refused or the key cannot sign; retrying will not help. */
    public static SignerException permanent(String message, Throwable cause) {
        return new SignerException(ProblemCode.SIGNER_FAILED, message, cause);
    }

    public boolean isRetryable() {
        return code() == ProblemCode.SIGNER_UNAVAILABLE;
    }
}
