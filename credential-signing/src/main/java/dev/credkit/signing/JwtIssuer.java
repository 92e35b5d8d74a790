package dev.credkit.signing;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.jose.JwsSigning;
import dev.credkit.internal.jose.JwtForms;
import dev.credkit.internal.jose.RawSigner;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.model.VerifiableCredential;
import dev.credkit.model.VerifiablePresentation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Secures credentials and presentations as compact JWS (W3C VC-JOSE-COSE {@code vc+jwt} /
 * {@code vp+jwt}, or the Open Badges 3.0 VC-JWT form) with the same {@link Signer} that Data
 * Integrity uses. Immutable after {@link Builder#build()} and safe to share across threads.
 *
 * <p>The payload is the credential (or presentation) as given plus the registered claims mapped
 * from it: {@code iss} = issuer (holder), {@code jti} = {@code id}, {@code sub} = the single
 * subject's {@code id}, {@code nbf} = {@code validFrom}, {@code exp} = {@code validUntil},
 * {@code iat} = now; for presentations {@code aud} = domain and {@code nonce} = challenge. The
 * document is validated first exactly as for Data Integrity (data model, context allow-list,
 * lossless JSON-LD), so credkit never secures a document it would refuse to sign otherwise.
 */
public final class JwtIssuer {
    /** Names credkit sets itself; a document that already has them at the top level is refused. */
    private static final List<String> REGISTERED = List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "nonce");

    private final Signer signer;
    private final Clock clock;
    private final RdfCanonicalizer canonicalizer;

    private JwtIssuer(Builder b) {
        this.signer = b.signer;
        this.clock = b.clock;
        this.canonicalizer = b.canonicalizer;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Signer signer() {
        return signer;
    }

    /** A {@code vc+jwt} with the defaults of {@link JwtOptions}. */
    public SignedJwt issue(JsonObject credential) throws CredentialException {
        return issue(credential, JwtOptions.defaults());
    }

    /** Secures a credential as a {@code vc+jwt} (or, with {@link JwtOptions.Form#OPEN_BADGES}, an Open Badges VC-JWT). */
    public SignedJwt issue(JsonObject credential, JwtOptions options) throws CredentialException {
        if (options.expires().isPresent()) {
            throw new IllegalArgumentException("a credential's exp is its validUntil: set validUntil instead of expires");
        }
        if (options.domain().isPresent() || options.challenge().isPresent()) {
            throw new IllegalArgumentException("domain and challenge are for presentations");
        }
        VerifiableCredential vc = VerifiableCredential.of(credential);
        refuseClaimNames(credential, options.form() == JwtOptions.Form.VC_JOSE && !options.omitRegisteredClaims());
        canonicalizer.canonicalize(credential.without("proof"));

        String keyId = options.keyId().orElse(signer.verificationMethod());
        List<String> warnings = new ArrayList<>();
        String controller = controllerOf(keyId, vc.issuerId());
        if (!controller.equals(vc.issuerId())) {
            warnings.add("key " + keyId + " is not controlled by the issuer " + vc.issuerId()
                    + ": verifiers need a trust list that binds this key to the issuer");
        }

        JsonObject.Builder claims = JsonObject.builder();
        if (!options.omitRegisteredClaims()) {
            claims.put("iss", vc.issuerId());
            vc.id().ifPresent(id -> claims.put("jti", id));
            singleSubjectId(vc).ifPresent(sub -> claims.put("sub", sub));
            vc.validFrom().ifPresent(t -> claims.put("nbf", numericDate(t)));
            vc.validUntil().ifPresent(t -> claims.put("exp", numericDate(t)));
            issuedAt(options).ifPresent(t -> claims.put("iat", numericDate(t)));
        }
        JsonObject header;
        JsonObject payload;
        if (options.form() == JwtOptions.Form.OPEN_BADGES) {
            header = header(options, keyId, JwtForms.TYP_JWT, null);
            payload = claims.put("vc", credential).build();
        } else {
            header = header(options, keyId, JwtForms.TYP_VC, JwtForms.CTY_VC);
            payload = merge(credential, claims.build());
        }
        return sign(header, payload, warnings);
    }

    /** Secures a presentation as a {@code vp+jwt}: {@code aud} = domain, {@code nonce} = challenge. */
    public SignedJwt present(JsonObject presentation, JwtOptions options) throws CredentialException {
        if (options.form() != JwtOptions.Form.VC_JOSE) {
            throw new IllegalArgumentException("presentations are secured as vp+jwt only");
        }
        VerifiablePresentation vp = VerifiablePresentation.of(presentation);
        refuseClaimNames(presentation, !options.omitRegisteredClaims());
        canonicalizer.canonicalize(presentation.without("proof"));

        String keyId = options.keyId().orElse(signer.verificationMethod());
        List<String> warnings = new ArrayList<>();
        if (vp.holderId().isPresent() && !controllerOf(keyId, vp.holderId().get()).equals(vp.holderId().get())) {
            warnings.add("key " + keyId + " is not controlled by the holder " + vp.holderId().get());
        }
        JsonObject.Builder claims = JsonObject.builder();
        if (!options.omitRegisteredClaims()) {
            vp.holderId().ifPresent(h -> claims.put("iss", h));
            vp.id().ifPresent(id -> claims.put("jti", id));
            options.domain().ifPresent(d -> claims.put("aud", d));
            options.challenge().ifPresent(c -> claims.put("nonce", c));
            issuedAt(options).ifPresent(t -> claims.put("iat", numericDate(t)));
            options.expires().ifPresent(t -> claims.put("exp", numericDate(t)));
        } else if (options.domain().isPresent() || options.challenge().isPresent()) {
            throw new IllegalArgumentException("domain and challenge travel as the aud and nonce claims: do not omit registered claims");
        }
        JsonObject header = header(options, keyId, JwtForms.TYP_VP, JwtForms.CTY_VP);
        return sign(header, merge(presentation, claims.build()), warnings);
    }

    private SignedJwt sign(JsonObject header, JsonObject payload, List<String> warnings) throws CredentialException {
        RawSigner raw = input -> {
            byte[] signature = signer.sign(input);
            if (signature == null || signature.length != 64) {
                throw SignerException.permanent("signer returned " + (signature == null ? "no" : signature.length + " bytes instead of a 64-byte")
                        + " Ed25519 signature", null);
            }
            return signature;
        };
        String compact = JwsSigning.sign(header, payload, raw);
        return new SignedJwt(compact, header, payload, warnings);
    }

    private static JsonObject header(JwtOptions options, String keyId, String typ, String cty) {
        JsonObject.Builder h = JsonObject.builder().put("alg", options.algorithm()).put("kid", keyId).put("typ", typ);
        if (cty != null) {
            h.put("cty", cty);
        }
        return h.build();
    }

    /** The document's members followed by the claims (the document keeps its own order). */
    private static JsonObject merge(JsonObject document, JsonObject claims) {
        JsonObject.Builder b = document.toBuilder();
        claims.members().forEach(b::put);
        return b.build();
    }

    private static void refuseClaimNames(JsonObject document, boolean registeredClaimsAdded) throws CredentialException {
        for (String name : List.of("vc", "vp")) {
            if (document.has(name)) {
                throw new CredentialException(ProblemCode.INVALID_JWT,
                        "the document has a top-level '" + name + "' member, which a vc+jwt / vp+jwt must not carry");
            }
        }
        if (registeredClaimsAdded) {
            for (String name : REGISTERED) {
                if (document.has(name)) {
                    throw new CredentialException(ProblemCode.INVALID_JWT, "the document already has a top-level '" + name
                            + "' member; credkit sets the registered claims itself (or use omitRegisteredClaims())");
                }
            }
        }
    }

    private Optional<Instant> issuedAt(JwtOptions options) {
        if (options.omitIssuedAt()) {
            return Optional.empty();
        }
        return Optional.of(options.issuedAt().orElseGet(clock::instant));
    }

    private static Optional<String> singleSubjectId(VerifiableCredential vc) {
        List<JsonObject> subjects = vc.credentialSubjects();
        return subjects.size() == 1 ? subjects.get(0).string("id") : Optional.empty();
    }

    /** RFC 7519 NumericDate: whole seconds since the epoch (sub-second parts are dropped). */
    private static JsonNumber numericDate(Instant t) {
        return JsonNumber.of(t.getEpochSecond());
    }

    /** The controller a key id implies: the part before '#', or {@code base} for a relative {@code #fragment}. */
    static String controllerOf(String keyId, String base) {
        int hash = keyId.indexOf('#');
        if (hash == 0) {
            return base;
        }
        return hash < 0 ? keyId : keyId.substring(0, hash);
    }

    /** Configures a {@link JwtIssuer}. */
    public static final class Builder {
        private Signer signer;
        private Clock clock = Clock.systemUTC();
        private RdfCanonicalizer canonicalizer;

        private Builder() {
        }

        /** Required: what signs (an Ed25519 {@link Signer}, the same as for Data Integrity). */
        public Builder signer(Signer signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /** The clock for {@code iat} (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** JSON-LD validation with host contexts (default: the bundled contexts only). */
        public Builder canonicalizer(RdfCanonicalizer canonicalizer) {
            this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
            return this;
        }

        public JwtIssuer build() {
            if (signer == null) {
                throw new IllegalStateException("a signer is required");
            }
            if (signer.algorithm() != SignatureAlgorithm.ED25519) {
                throw new IllegalStateException("JWT securing here needs an Ed25519 signer");
            }
            if (canonicalizer == null) {
                canonicalizer = RdfCanonicalizer.defaults();
            }
            return new JwtIssuer(this);
        }
    }
}
