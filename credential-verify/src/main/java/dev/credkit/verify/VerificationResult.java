package dev.credkit.verify;

import dev.credkit.core.ProblemCode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The full report of one verification: the verdict and every check in order. A
 * {@link VerifiedCredential} (or {@link VerifiedPresentation}) can only be obtained from a
 * VERIFIED result.
 */
public final class VerificationResult {
    private final Outcome outcome;
    private final List<Check> checks;
    private final VerifiedCredential credential;
    private final VerifiedPresentation presentation;

    VerificationResult(List<Check> checks, VerifiedCredential credential, VerifiedPresentation presentation) {
        this.checks = List.copyOf(checks);
        this.outcome = decide(this.checks);
        this.credential = outcome == Outcome.VERIFIED ? credential : null;
        this.presentation = outcome == Outcome.VERIFIED ? presentation : null;
    }

    static Outcome decide(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.outcome() == CheckOutcome.FAILED)) {
            return Outcome.REJECTED;
        }
        if (checks.stream().anyMatch(c -> c.outcome() == CheckOutcome.INDETERMINATE)) {
            return Outcome.INDETERMINATE;
        }
        return Outcome.VERIFIED;
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean isVerified() {
        return outcome == Outcome.VERIFIED;
    }

    public List<Check> checks() {
        return checks;
    }

    /** The check with this name, if it ran. */
    public Optional<Check> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Every problem code of failed, indeterminate or warning checks, in order. */
    public List<ProblemCode> problems() {
        return checks.stream().map(Check::problem).filter(Objects::nonNull).distinct().toList();
    }

    /** The problem of the first failed (else indeterminate) check. */
    public Optional<ProblemCode> firstProblem() {
        return checks.stream().filter(c -> c.outcome() == CheckOutcome.FAILED).map(Check::problem).findFirst()
                .or(() -> checks.stream().filter(c -> c.outcome() == CheckOutcome.INDETERMINATE)
                        .map(Check::problem).filter(Objects::nonNull).findFirst());
    }

    /** One line: the failed or indeterminate checks with their problems. */
    public String summary() {
        String problems = checks.stream()
                .filter(c -> c.outcome() == CheckOutcome.FAILED || c.outcome() == CheckOutcome.INDETERMINATE)
                .map(c -> c.name() + ": " + (c.problem() == null ? "" : c.problem() + " ") + c.message())
                .collect(Collectors.joining("; "));
        return problems.isEmpty() ? outcome.name() : problems;
    }

    /** The verified credential; only a VERIFIED credential result has one. */
    public VerifiedCredential verifiedCredential() throws VerificationException {
        if (credential == null) {
            throw new VerificationException(this);
        }
        return credential;
    }

    /** The verified presentation; only a VERIFIED presentation result has one. */
    public VerifiedPresentation verifiedPresentation() throws VerificationException {
        if (presentation == null) {
            throw new VerificationException(this);
        }
        return presentation;
    }

    @Override
    public String toString() {
        return "VerificationResult[" + outcome + (outcome == Outcome.VERIFIED ? "" : ": " + summary()) + "]";
    }
}
