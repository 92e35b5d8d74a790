package dev.credkit.status;

/** Whether an entry's status value is zero ({@link #UNSET}) or not ({@link #SET}). */
public enum StatusOutcome {
    /** Value 0: not revoked, not suspended, or the first message. */
    UNSET,
    /** Any other value. */
    SET
}
