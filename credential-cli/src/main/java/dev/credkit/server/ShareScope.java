package dev.credkit.server;

import java.util.Locale;
import java.util.Optional;

/** What a share link shows of a course record. */
public enum ShareScope {
    /** The course and the final grade only (the least the learner can disclose). */
    FINAL_GRADE("final-grade"),
    /** Every result: the final grade and each assignment, plus the signed credential for download. */
    ALL("all");

    private final String value;

    ShareScope(String value) {
        this.value = value;
    }

    /** The name used in the JSON API: {@code final-grade} or {@code all}. */
    public String value() {
        return value;
    }

    public static Optional<ShareScope> fromValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (ShareScope s : values()) {
            if (s.value.equals(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
