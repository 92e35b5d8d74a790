package dev.credkit.verify;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

/** Thrown when a verified object is asked of a result that is not VERIFIED. */
public final class VerificationException extends CredentialException {
    private final transient VerificationResult result;

    VerificationException(VerificationResult result) {
        super(result.firstProblem().orElse(ProblemCode.INTERNAL_ERROR),
                "not verified (" + result.outcome() + "): " + result.summary());
        this.result = result;
    }

    public VerificationResult result() {
        return result;
    }
}
