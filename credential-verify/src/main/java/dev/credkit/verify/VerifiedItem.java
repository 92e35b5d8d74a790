package dev.credkit.verify;

import java.util.Objects;

/**
 * The outcome of one input of a {@link BatchVerifier} batch: its position in the input stream,
 * the input, and the full verification report. An input that could not even be read is reported
 * as a REJECTED result with a failed {@code read} check.
 *
 * @param index  position in the input stream, from 0
 * @param input  the input as it was read (a path, a line, the bytes...)
 * @param result the verification report
 * @param <T>    the input type
 */
public record VerifiedItem<T>(long index, T input, VerificationResult result) {
    public VerifiedItem {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        Objects.requireNonNull(result, "result");
    }

    public Outcome outcome() {
        return result.outcome();
    }
}
