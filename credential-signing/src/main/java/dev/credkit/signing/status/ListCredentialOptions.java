package dev.credkit.signing.status;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How to build an unsigned {@code BitstringStatusListCredential}: its issuer, validity period
 * and {@code ttl} hint. Without {@link Builder#validFrom(Instant)} the manager's clock gives
 * {@code validFrom}; without {@code validUntil} / {@code validFor} the list does not expire
 * (verifiers then rely on {@code ttl}, 5 minutes when absent).
 */
public final class ListCredentialOptions {
    private final JsonValue issuer;
    private final Instant validFrom;
    private final Instant validUntil;
    private final Duration validFor;
    private final Duration ttl;

    private ListCredentialOptions(Builder b) {
        this.issuer = b.issuer;
        this.validFrom = b.validFrom;
        this.validUntil = b.validUntil;
        this.validFor = b.validFor;
        this.ttl = b.ttl;
    }

    /** Options for a list issued by {@code issuer} (a URL or DID). */
    public static Builder builder(String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        if (issuer.isEmpty()) {
            throw new IllegalArgumentException("issuer must not be empty");
        }
        return new Builder(new JsonString(issuer));
    }

    /** Options for a list issued by an issuer object, which must have a string {@code id}. */
    public static Builder builder(JsonObject issuer) {
        if (issuer.string("id").filter(s -> !s.isEmpty()).isEmpty()) {
            throw new IllegalArgumentException("an issuer object needs an id");
        }
        return new Builder(issuer);
    }

    /** The {@code issuer} value: a string or an object. */
    public JsonValue issuer() {
        return issuer;
    }

    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    public Optional<Duration> validFor() {
        return Optional.ofNullable(validFor);
    }

    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }

    /** Builds {@link ListCredentialOptions}; refuses contradictory settings. */
    public static final class Builder {
        private final JsonValue issuer;
        private Instant validFrom;
        private Instant validUntil;
        private Duration validFor;
        private Duration ttl;

        private Builder(JsonValue issuer) {
            this.issuer = issuer;
        }

        /** A fixed {@code validFrom} instead of the clock's now (for reproducible output). */
        public Builder validFrom(Instant validFrom) {
            this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
            return this;
        }

        /** A fixed {@code validUntil}. */
        public Builder validUntil(Instant validUntil) {
            this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
            return this;
        }

        /** {@code validUntil = validFrom + validFor}: a list that must be republished in time. */
        public Builder validFor(Duration validFor) {
            if (validFor.isNegative() || validFor.isZero()) {
                throw new IllegalArgumentException("validFor must be positive");
            }
            this.validFor = validFor;
            return this;
        }

        /** The {@code ttl} hint, in whole milliseconds. */
        public Builder ttl(Duration ttl) {
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("ttl must not be negative");
            }
            this.ttl = ttl;
            return this;
        }

        public ListCredentialOptions build() {
            if (validUntil != null && validFor != null) {
                throw new IllegalArgumentException("set validUntil or validFor, not both");
            }
            if (validUntil != null && validFrom != null && !validUntil.isAfter(validFrom)) {
                throw new IllegalArgumentException("validUntil must be after validFrom");
            }
            return new ListCredentialOptions(this);
        }
    }
}
