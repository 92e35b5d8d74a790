package dev.credkit.signing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of one JWT-secured credential or presentation ({@link JwtIssuer}). Defaults: the
 * W3C VC-JOSE-COSE form ({@code typ} {@code vc+jwt} / {@code vp+jwt}), {@code alg} {@code EdDSA},
 * {@code kid} the signer's verification method, the registered claims mapped from the document
 * and {@code iat} from the issuer's clock.
 */
public final class JwtOptions {
    private static final JwtOptions DEFAULTS = builder().build();

    /** How the credential sits in the JWT. */
    public enum Form {
        /** W3C VC-JOSE-COSE: the payload is the credential; {@code typ} {@code vc+jwt}, {@code cty} {@code vc}. */
        VC_JOSE,
        /**
         * Open Badges 3.0 VC-JWT (the VC 1.1 style): {@code typ} {@code JWT}, the registered claims,
         * and the credential in a {@code vc} claim. Credentials only.
         */
        OPEN_BADGES
    }

    private final Form form;
    private final boolean fullySpecifiedAlgorithm;
    private final boolean omitRegisteredClaims;
    private final Instant issuedAt;
    private final boolean omitIssuedAt;
    private final Instant expires;
    private final String keyId;
    private final String domain;
    private final String challenge;

    private JwtOptions(Builder b) {
        this.form = b.form;
        this.fullySpecifiedAlgorithm = b.fullySpecifiedAlgorithm;
        this.omitRegisteredClaims = b.omitRegisteredClaims;
        this.issuedAt = b.issuedAt;
        this.omitIssuedAt = b.omitIssuedAt;
        this.expires = b.expires;
        this.keyId = b.keyId;
        this.domain = b.domain;
        this.challenge = b.challenge;
    }

    /** VC-JOSE-COSE, EdDSA, registered claims, {@code iat} now. */
    public static JwtOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Form form() {
        return form;
    }

    /** {@code Ed25519} (fully specified, RFC 9864) instead of the polymorphic {@code EdDSA}. */
    public boolean fullySpecifiedAlgorithm() {
        return fullySpecifiedAlgorithm;
    }

    /** The JOSE {@code alg} these options produce. */
    public String algorithm() {
        return fullySpecifiedAlgorithm ? "Ed25519" : "EdDSA";
    }

    /** True when no registered claims ({@code iss}, {@code jti}, {@code sub}, {@code nbf}, {@code exp}, {@code iat}) are added. */
    public boolean omitRegisteredClaims() {
        return omitRegisteredClaims;
    }

    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
    }

    public boolean omitIssuedAt() {
        return omitIssuedAt;
    }

    /** {@code exp} of a presentation (a credential's {@code exp} is its {@code validUntil}). */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** The {@code kid} (default: the signer's verification method id). */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    /** A presentation's {@code aud}: the verifier it is meant for. */
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    /** A presentation's {@code nonce}: the challenge the verifier issued. */
    public Optional<String> challenge() {
        return Optional.ofNullable(challenge);
    }

    /** Builds {@link JwtOptions}. */
    public static final class Builder {
        private Form form = Form.VC_JOSE;
        private boolean fullySpecifiedAlgorithm;
        private boolean omitRegisteredClaims;
        private Instant issuedAt;
        private boolean omitIssuedAt;
        private Instant expires;
        private String keyId;
        private String domain;
        private String challenge;

        private Builder() {
        }

        public Builder form(Form form) {
            this.form = Objects.requireNonNull(form, "form");
            return this;
        }

        /** The Open Badges 3.0 VC-JWT form ({@code typ} JWT, {@code vc} claim). */
        public Builder openBadges() {
            return form(Form.OPEN_BADGES);
        }

        /** {@code alg} {@code Ed25519} instead of {@code EdDSA} (verifiers must know RFC 9864). */
        public Builder fullySpecifiedAlgorithm() {
            this.fullySpecifiedAlgorithm = true;
            return this;
        }

        /** The payload is the document alone: no {@code iss}, {@code jti}, {@code sub}, {@code nbf}, {@code exp}, {@code iat}. */
        public Builder omitRegisteredClaims() {
            this.omitRegisteredClaims = true;
            return this;
        }

        /** A fixed {@code iat} (makes the output deterministic). */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
            this.omitIssuedAt = false;
            return this;
        }

        /** No {@code iat} claim (it is optional). */
        public Builder omitIssuedAt() {
            this.issuedAt = null;
            this.omitIssuedAt = true;
            return this;
        }

        /** {@code exp} for a presentation; refused for credentials, whose {@code exp} is their {@code validUntil}. */
        public Builder expires(Instant expires) {
            this.expires = Objects.requireNonNull(expires, "expires");
            return this;
        }

        /** Overrides the {@code kid} (the signer still signs); a relative {@code #fragment} resolves against the issuer. */
        public Builder keyId(String keyId) {
            this.keyId = nonBlank(keyId, "keyId");
            return this;
        }

        /** A presentation's {@code aud}. */
        public Builder domain(String domain) {
            this.domain = nonBlank(domain, "domain");
            return this;
        }

        /** A presentation's {@code nonce}. */
        public Builder challenge(String challenge) {
            this.challenge = nonBlank(challenge, "challenge");
            return this;
        }

        public JwtOptions build() {
            if (omitRegisteredClaims && (issuedAt != null || expires != null)) {
                throw new IllegalStateException("issuedAt and expires are registered claims: they cannot be set when registered claims are omitted");
            }
            if (form == Form.OPEN_BADGES && omitRegisteredClaims) {
                throw new IllegalStateException("the Open Badges VC-JWT form requires the registered claims");
            }
            return new JwtOptions(this);
        }

        private static String nonBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
