package dev.credkit.verify;

/** The outcome of one check. */
public enum CheckOutcome {
    PASSED,
    FAILED,
    /** Not evaluated (not applicable, not asked for, or an earlier check failed). */
    SKIPPED,
    /** Could not be decided: something required was not available offline. */
    INDETERMINATE,
    /** Passed under the policy, with a problem the caller should see (e.g. an issuer not on a trust list, tolerated by policy). */
    WARNING
}
