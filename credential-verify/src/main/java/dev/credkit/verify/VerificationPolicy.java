package dev.credkit.verify;

import dev.credkit.proof.Cryptosuite;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the verifier requires. Immutable; build once and share. Secure by default: every
 * relaxation is an explicit, named call ({@code ignore…}, {@code allow…}, {@code …AsWarning}).
 */
public final class VerificationPolicy {
    /** The JWS algorithms credkit can verify: Ed25519 under its polymorphic and fully specified names. */
    private static final Set<String> JWT_ALGORITHMS = Set.of("EdDSA", "Ed25519");
    private static final VerificationPolicy DEFAULTS = builder().build();

    /** How a problem that is not a forgery is treated. */
    public enum Treatment {
        /** The credential is REJECTED. */
        REJECT,
        /** The credential is INDETERMINATE: could not decide. */
        INDETERMINATE,
        /** Reported as a warning; the verdict does not change. */
        WARN
    }

    private final Clock clock;
    private final Duration maxClockSkew;
    private final Set<Cryptosuite> acceptedCryptosuites;
    private final String credentialProofPurpose;
    private final String presentationProofPurpose;
    private final String expectedChallenge;
    private final String expectedDomain;
    private final Treatment untrustedIssuer;
    private final Treatment missingStatus;
    private final Duration maxStatusListAge;
    private final boolean ignoreValidityPeriod;
    private final int maxProofs;
    private final Set<String> allowedJwtAlgorithms;

    private VerificationPolicy(Builder b) {
        this.clock = b.clock;
        this.maxClockSkew = b.maxClockSkew;
        this.acceptedCryptosuites = Set.copyOf(b.acceptedCryptosuites);
        this.credentialProofPurpose = b.credentialProofPurpose;
        this.presentationProofPurpose = b.presentationProofPurpose;
        this.expectedChallenge = b.expectedChallenge;
        this.expectedDomain = b.expectedDomain;
        this.untrustedIssuer = b.untrustedIssuer;
        this.missingStatus = b.missingStatus;
        this.maxStatusListAge = b.maxStatusListAge;
        this.ignoreValidityPeriod = b.ignoreValidityPeriod;
        this.maxProofs = b.maxProofs;
        this.allowedJwtAlgorithms = Set.copyOf(b.allowedJwtAlgorithms);
    }

    /** System clock, 5 minutes skew, all three suites, untrusted issuers rejected (when a trust registry is set), missing status INDETERMINATE. */
    public static VerificationPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.clock = clock;
        b.maxClockSkew = maxClockSkew;
        b.acceptedCryptosuites = EnumSet.copyOf(acceptedCryptosuites);
        b.credentialProofPurpose = credentialProofPurpose;
        b.presentationProofPurpose = presentationProofPurpose;
        b.expectedChallenge = expectedChallenge;
        b.expectedDomain = expectedDomain;
        b.untrustedIssuer = untrustedIssuer;
        b.missingStatus = missingStatus;
        b.maxStatusListAge = maxStatusListAge;
        b.ignoreValidityPeriod = ignoreValidityPeriod;
        b.maxProofs = maxProofs;
        b.allowedJwtAlgorithms = allowedJwtAlgorithms;
        return b;
    }

    public Clock clock() {
        return clock;
    }

    public Duration maxClockSkew() {
        return maxClockSkew;
    }

    public Set<Cryptosuite> acceptedCryptosuites() {
        return acceptedCryptosuites;
    }

    public String credentialProofPurpose() {
        return credentialProofPurpose;
    }

    public String presentationProofPurpose() {
        return presentationProofPurpose;
    }

    public Optional<String> expectedChallenge() {
        return Optional.ofNullable(expectedChallenge);
    }

    public Optional<String> expectedDomain() {
        return Optional.ofNullable(expectedDomain);
    }

    public Treatment untrustedIssuer() {
        return untrustedIssuer;
    }

    public Treatment missingStatus() {
        return missingStatus;
    }

    public Optional<Duration> maxStatusListAge() {
        return Optional.ofNullable(maxStatusListAge);
    }

    public boolean ignoresValidityPeriod() {
        return ignoreValidityPeriod;
    }

    public int maxProofs() {
        return maxProofs;
    }

    /** The JWS {@code alg} values a JWT-secured credential may use (default {@code EdDSA} and {@code Ed25519}). */
    public Set<String> allowedJwtAlgorithms() {
        return allowedJwtAlgorithms;
    }

    /** Builds a {@link VerificationPolicy}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration maxClockSkew = Duration.ofMinutes(5);
        private Set<Cryptosuite> acceptedCryptosuites = EnumSet.allOf(Cryptosuite.class);
        private String credentialProofPurpose = "assertionMethod";
        private String presentationProofPurpose = "authentication";
        private String expectedChallenge;
        private String expectedDomain;
        private Treatment untrustedIssuer = Treatment.REJECT;
        private Treatment missingStatus = Treatment.INDETERMINATE;
        private Duration maxStatusListAge;
        private boolean ignoreValidityPeriod;
        private int maxProofs = 8;
        private Set<String> allowedJwtAlgorithms = JWT_ALGORITHMS;

        private Builder() {
        }

        /** The verification time comes from this clock (e.g. {@code Clock.fixed} to verify "as of"). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder maxClockSkew(Duration skew) {
            if (skew.isNegative() || skew.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("clock skew must be between 0 and 1 hour");
            }
            this.maxClockSkew = skew;
            return this;
        }

        public Builder acceptedCryptosuites(Set<Cryptosuite> suites) {
            if (suites.isEmpty()) {
                throw new IllegalArgumentException("accept at least one cryptosuite");
            }
            this.acceptedCryptosuites = EnumSet.copyOf(suites);
            return this;
        }

        /** The proof purpose credential proofs must carry (default {@code assertionMethod}). */
        public Builder credentialProofPurpose(String purpose) {
            this.credentialProofPurpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /** The proof purpose presentation proofs must carry (default {@code authentication}). */
        public Builder presentationProofPurpose(String purpose) {
            this.presentationProofPurpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /** Presentations must carry this challenge (a nonce the verifier issued). */
        public Builder expectedChallenge(String challenge) {
            this.expectedChallenge = Objects.requireNonNull(challenge, "challenge");
            return this;
        }

        /** Presentations must carry this domain. */
        public Builder expectedDomain(String domain) {
            this.expectedDomain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /** Report an issuer that no trust registry lists as a warning instead of rejecting. */
        public Builder untrustedIssuerAsWarning() {
            this.untrustedIssuer = Treatment.WARN;
            return this;
        }

        /** How a status that cannot be checked (no list, stale list) is treated (default INDETERMINATE). */
        public Builder missingStatus(Treatment treatment) {
            this.missingStatus = Objects.requireNonNull(treatment, "treatment");
            return this;
        }

        /** Status lists older than this (since their validFrom) count as unavailable. */
        public Builder maxStatusListAge(Duration age) {
            this.maxStatusListAge = Objects.requireNonNull(age, "age");
            return this;
        }

        /** Insecure: accept credentials outside their validFrom/validUntil period. */
        public Builder ignoreValidityPeriod() {
            this.ignoreValidityPeriod = true;
            return this;
        }

        /** Most proofs one document may carry (default 8). */
        public Builder maxProofs(int max) {
            if (max < 1 || max > 100) {
                throw new IllegalArgumentException("maxProofs must be between 1 and 100");
            }
            this.maxProofs = max;
            return this;
        }

        /**
         * Restricts the JWS algorithms accepted for JWT-secured credentials to a non-empty subset
         * of {@code EdDSA} and {@code Ed25519} (the only ones an Ed25519 key verifies; {@code none}
         * and HMAC can never be allowed).
         */
        public Builder allowedJwtAlgorithms(Set<String> algorithms) {
            if (algorithms.isEmpty() || !JWT_ALGORITHMS.containsAll(algorithms)) {
                throw new IllegalArgumentException("allowed JWT algorithms must be a non-empty subset of " + JWT_ALGORITHMS);
            }
            this.allowedJwtAlgorithms = Set.copyOf(algorithms);
            return this;
        }

        public VerificationPolicy build() {
            return new VerificationPolicy(this);
        }
    }
}
