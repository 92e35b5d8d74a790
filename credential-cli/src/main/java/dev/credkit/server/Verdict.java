package dev.credkit.server;

import dev.credkit.core.ProblemCode;
import dev.credkit.verify.Check;
import dev.credkit.verify.CheckOutcome;
import dev.credkit.verify.Outcome;
import dev.credkit.verify.VerificationResult;

import java.util.List;
import java.util.Map;

/**
 * A verification result as a person reads it: one status word (valid, revoked, suspended,
 * expired…), a sentence, and every check with a plain-language label.
 *
 * @param label       the status shown in the badge
 * @param cssClass    {@code valid}, {@code invalid} or {@code unknown}
 * @param explanation one sentence under the badge
 * @param checks      the checks in the order they ran
 */
record Verdict(String label, String cssClass, String explanation, List<Check> checks) {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("parse", "Readable credential"),
            Map.entry("data-model", "Follows the Verifiable Credentials data model"),
            Map.entry("context", "Uses only known vocabularies"),
            Map.entry("json-ld", "Every statement is covered by the signature"),
            Map.entry("proof", "Carries a digital signature"),
            Map.entry("cryptosuite", "Signature type is supported"),
            Map.entry("options", "Signature made for issuing"),
            Map.entry("verification-method", "Signing key found"),
            Map.entry("verification-relationship", "Key is authorized to issue"),
            Map.entry("binding", "Key belongs to the issuer"),
            Map.entry("signature", "Signature is valid: nothing was changed"),
            Map.entry("validity-period", "Within its validity period"),
            Map.entry("issuer-trust", "Issuer is on a trust list"),
            Map.entry("status", "Not revoked or suspended"),
            Map.entry("envelope", "Enveloped credential"),
            Map.entry("credentials", "Credentials in the presentation"));

    static Verdict of(VerificationResult result) {
        List<Check> checks = result.checks();
        if (result.outcome() == Outcome.VERIFIED) {
            return new Verdict("Valid", "valid",
                    "Authentic and unchanged since it was issued, and valid today.", checks);
        }
        List<ProblemCode> problems = result.problems();
        if (result.outcome() == Outcome.REJECTED) {
            if (problems.contains(ProblemCode.REVOKED)) {
                return new Verdict("Revoked", "invalid", "The issuer has revoked this credential.", checks);
            }
            if (problems.contains(ProblemCode.SUSPENDED)) {
                return new Verdict("Suspended", "invalid", "The issuer has suspended this credential for now.", checks);
            }
            if (problems.contains(ProblemCode.EXPIRED) && onlyDatesFailed(checks)) {
                return new Verdict("Expired", "invalid", "The signature is valid, but the credential's validity period has ended.", checks);
            }
            if (problems.contains(ProblemCode.NOT_YET_VALID) && onlyDatesFailed(checks)) {
                return new Verdict("Not yet valid", "invalid", "The signature is valid, but the credential's validity period has not begun.", checks);
            }
            String first = checks.stream().filter(c -> c.outcome() == CheckOutcome.FAILED).findFirst()
                    .map(c -> labelOf(c.name()) + ": " + c.message()).orElse("a check failed");
            return new Verdict("Not valid", "invalid", "This credential failed verification. " + first, checks);
        }
        String first = checks.stream().filter(c -> c.outcome() == CheckOutcome.INDETERMINATE).findFirst()
                .map(c -> labelOf(c.name()) + ": " + c.message()).orElse("a check could not be completed");
        return new Verdict("Could not be fully checked", "unknown",
                "Something needed to check this credential is not available. " + first, checks);
    }

    private static boolean onlyDatesFailed(List<Check> checks) {
        return checks.stream().filter(c -> c.outcome() == CheckOutcome.FAILED)
                .allMatch(c -> c.name().endsWith("validity-period"));
    }

    /** The plain-language label of a check name such as {@code proof[1].signature} or {@code credential[0].status}. */
    static String labelOf(String name) {
        String base = name;
        String context = "";
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            base = name.substring(dot + 1);
            String prefix = name.substring(0, dot);
            if (prefix.startsWith("credential[")) {
                context = " (credential " + ordinal(prefix) + ")";
            } else if (prefix.startsWith("proof[")) {
                context = " (signature " + ordinal(prefix) + ")";
            }
        }
        String label = LABELS.get(base);
        return label == null ? name : label + context;
    }

    private static String ordinal(String prefix) {
        int open = prefix.indexOf('[');
        int close = prefix.indexOf(']', open);
        try {
            return String.valueOf(Integer.parseInt(prefix.substring(open + 1, close)) + 1);
        } catch (RuntimeException e) {
            return prefix;
        }
    }

    static String outcomeLabel(CheckOutcome outcome) {
        return switch (outcome) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case SKIPPED -> "Not checked";
            case INDETERMINATE -> "Unknown";
            case WARNING -> "Warning";
        };
    }
}
