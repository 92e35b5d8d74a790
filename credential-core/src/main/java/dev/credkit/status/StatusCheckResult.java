package dev.credkit.status;

import dev.credkit.core.ProblemCode;

import java.util.Objects;
import java.util.Optional;

/**
 * The status an entry has in its list.
 *
 * @param statusPurpose   the entry's purpose
 * @param statusListIndex the entry's index
 * @param value           the entry's value, {@code 0 <= value < 2^statusSize}
 * @param message         the entry's message for {@code value} ({@code "set"} / {@code "unset"}
 *                        when the entry has no {@code statusMessage})
 */
public record StatusCheckResult(String statusPurpose, long statusListIndex, int value, String message) {
    public StatusCheckResult {
        Objects.requireNonNull(statusPurpose, "statusPurpose");
        Objects.requireNonNull(message, "message");
    }

    public StatusOutcome outcome() {
        return value == 0 ? StatusOutcome.UNSET : StatusOutcome.SET;
    }

    public boolean isSet() {
        return value != 0;
    }

    /**
     * The problem a verifier reports: {@code REVOKED} / {@code SUSPENDED} for a set revocation /
     * suspension entry, {@code STATUS_MESSAGE} for any {@code message} entry (a report, not a
     * rejection), nothing otherwise (unset, or a purpose this library gives no meaning to).
     */
    public Optional<ProblemCode> problem() {
        Optional<StatusPurpose> purpose = StatusPurpose.fromValue(statusPurpose);
        if (purpose.isEmpty()) {
            return Optional.empty();
        }
        return switch (purpose.get()) {
            case REVOCATION -> isSet() ? Optional.of(ProblemCode.REVOKED) : Optional.empty();
            case SUSPENSION -> isSet() ? Optional.of(ProblemCode.SUSPENDED) : Optional.empty();
            case MESSAGE -> Optional.of(ProblemCode.STATUS_MESSAGE);
        };
    }
}
