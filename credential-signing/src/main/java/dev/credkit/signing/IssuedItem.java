package dev.credkit.signing;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.util.Optional;

/**
 * The outcome of one input of a {@link BatchIssuer} batch: its position in the input stream, the
 * input itself, and either the job's value (for plain signing, the {@link SignedDocument}) or the
 * exception that stopped this item (and only this item).
 *
 * @param index position in the input stream, from 0
 * @param input the input as it was read
 * @param value the job's result; null when the item failed (or when the job returns null)
 * @param error why the item failed; null when it succeeded
 * @param <T>   the input type
 * @param <R>   the job's result type
 */
public record IssuedItem<T, R>(long index, T input, R value, Exception error) {
    public IssuedItem {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
    }

    /** Whether the job completed for this input. */
    public boolean succeeded() {
        return error == null;
    }

    /** The failure as a problem code: the {@link CredentialException}'s code, else INTERNAL_ERROR. */
    public Optional<ProblemCode> problem() {
        if (error == null) {
            return Optional.empty();
        }
        return Optional.of(error instanceof CredentialException e ? e.code() : ProblemCode.INTERNAL_ERROR);
    }

    /** The failure in one line (no stack trace); empty when the item succeeded. */
    public Optional<String> errorMessage() {
        if (error == null) {
            return Optional.empty();
        }
        String message = error instanceof CredentialException || error instanceof java.io.IOException
                ? error.getMessage() : null;
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        }
        int newline = message.indexOf('\n');
        return Optional.of((newline < 0 ? message : message.substring(0, newline)).strip());
    }
}
