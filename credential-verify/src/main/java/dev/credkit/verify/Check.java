package dev.credkit.verify;

import dev.credkit.core.ProblemCode;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of verification as reported: its name (e.g. {@code signature}, {@code proof[1].signature},
 * {@code credential[0].validity-period}), outcome, problem code when not passed, and a short message.
 */
public record Check(String name, CheckOutcome outcome, ProblemCode problem, String message) {
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if (outcome == CheckOutcome.FAILED && problem == null) {
            throw new IllegalArgumentException("a failed check needs a problem code");
        }
    }

    public static Check passed(String name, String message) {
        return new Check(name, CheckOutcome.PASSED, null, message);
    }

    public static Check failed(String name, ProblemCode problem, String message) {
        return new Check(name, CheckOutcome.FAILED, problem, message);
    }

    public static Check skipped(String name, String message) {
        return new Check(name, CheckOutcome.SKIPPED, null, message);
    }

    public static Check indeterminate(String name, ProblemCode problem, String message) {
        return new Check(name, CheckOutcome.INDETERMINATE, problem, message);
    }

    public static Check warning(String name, ProblemCode problem, String message) {
        return new Check(name, CheckOutcome.WARNING, problem, message);
    }

    public Optional<ProblemCode> problemCode() {
        return Optional.ofNullable(problem);
    }

    /** The same check under a prefixed name (for proofs and credentials inside presentations). */
    Check prefixed(String prefix) {
        return new Check(prefix + name, outcome, problem, message);
    }
}
