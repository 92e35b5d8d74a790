package dev.credkit.proof;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of one Data Integrity proof. Everything is optional: the issuer fills in the
 * verification method from its signer, {@code proofPurpose} from the document kind
 * ({@code assertionMethod} for credentials, {@code authentication} for presentations), and
 * {@code created} from its clock unless {@link Builder#omitCreated()} is called.
 */
public final class ProofOptions {
    private static final ProofOptions DEFAULTS = builder().build();

    private final Cryptosuite cryptosuite;
    private final Instant created;
    private final boolean omitCreated;
    private final Instant expires;
    private final String verificationMethod;
    private final String proofPurpose;
    private final String challenge;
    private final String domain;
    private final String id;
    private final String nonce;
    private final List<String> previousProof;

    private ProofOptions(Builder b) {
        this.cryptosuite = b.cryptosuite;
        this.created = b.created;
        this.omitCreated = b.omitCreated;
        this.expires = b.expires;
        this.verificationMethod = b.verificationMethod;
        this.proofPurpose = b.proofPurpose;
        this.challenge = b.challenge;
        this.domain = b.domain;
        this.id = b.id;
        this.nonce = b.nonce;
        this.previousProof = b.previousProof;
    }

    /** eddsa-rdfc-2022 with everything else defaulted. */
    public static ProofOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Cryptosuite cryptosuite() {
        return cryptosuite;
    }

    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    /** True when the proof must carry no {@code created} at all. */
    public boolean omitCreated() {
        return omitCreated;
    }

    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    public Optional<String> verificationMethod() {
        return Optional.ofNullable(verificationMethod);
    }

    public Optional<String> proofPurpose() {
        return Optional.ofNullable(proofPurpose);
    }

    public Optional<String> challenge() {
        return Optional.ofNullable(challenge);
    }

    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Optional<String> nonce() {
        return Optional.ofNullable(nonce);
    }

    /** Ids of the proofs this proof chains to (empty: not part of a chain). */
    public List<String> previousProof() {
        return previousProof;
    }

    /** Builds {@link ProofOptions}. */
    public static final class Builder {
        private Cryptosuite cryptosuite = Cryptosuite.EDDSA_RDFC_2022;
        private Instant created;
        private boolean omitCreated;
        private Instant expires;
        private String verificationMethod;
        private String proofPurpose;
        private String challenge;
        private String domain;
        private String id;
        private String nonce;
        private List<String> previousProof = List.of();

        private Builder() {
        }

        public Builder cryptosuite(Cryptosuite cryptosuite) {
            this.cryptosuite = Objects.requireNonNull(cryptosuite, "cryptosuite");
            return this;
        }

        /** A fixed {@code created} (makes the output deterministic). */
        public Builder created(Instant created) {
            this.created = Objects.requireNonNull(created, "created");
            this.omitCreated = false;
            return this;
        }

        /** No {@code created} in the proof (it is optional in Data Integrity). */
        public Builder omitCreated() {
            this.created = null;
            this.omitCreated = true;
            return this;
        }

        public Builder expires(Instant expires) {
            this.expires = Objects.requireNonNull(expires, "expires");
            return this;
        }

        /** Overrides the verification method id named in the proof (the signer still signs). */
        public Builder verificationMethod(String verificationMethod) {
            this.verificationMethod = nonBlank(verificationMethod, "verificationMethod");
            return this;
        }

        public Builder proofPurpose(String proofPurpose) {
            this.proofPurpose = nonBlank(proofPurpose, "proofPurpose");
            return this;
        }

        public Builder challenge(String challenge) {
            this.challenge = nonBlank(challenge, "challenge");
            return this;
        }

        public Builder domain(String domain) {
            this.domain = nonBlank(domain, "domain");
            return this;
        }

        public Builder id(String id) {
            this.id = nonBlank(id, "id");
            return this;
        }

        public Builder nonce(String nonce) {
            this.nonce = nonBlank(nonce, "nonce");
            return this;
        }

        public Builder previousProof(List<String> previousProof) {
            previousProof.forEach(p -> nonBlank(p, "previousProof"));
            this.previousProof = List.copyOf(previousProof);
            return this;
        }

        public ProofOptions build() {
            if (created != null && expires != null && expires.isBefore(created)) {
                throw new IllegalStateException("proof 'expires' is before 'created'");
            }
            return new ProofOptions(this);
        }

        private static String nonBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
