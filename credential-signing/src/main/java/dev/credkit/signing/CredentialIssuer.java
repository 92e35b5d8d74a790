package dev.credkit.signing;

import dev.credkit.core.CredentialException;
import dev.credkit.internal.proof.DataIntegrity;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.model.VerifiableCredential;
import dev.credkit.model.VerifiablePresentation;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Adds Data Integrity proofs to credentials and presentations. Immutable after
 * {@link Builder#build()} and safe to share across threads.
 *
 * <p>Every document is validated before anything is signed: the VC data model, the context
 * allow-list and lossless JSON-LD processing (undefined terms or types, relative IRIs and other
 * data that would escape the signature are refused). A document that already has proofs gets
 * one more (a proof set), or a chained one when {@link ProofOptions#previousProof()} names them.
 */
public final class CredentialIssuer {
    private final Signer signer;
    private final Clock clock;
    private final DataIntegrity dataIntegrity;

    private CredentialIssuer(Builder b) {
        this.signer = b.signer;
        this.clock = b.clock;
        this.dataIntegrity = new DataIntegrity(b.canonicalizer);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Signer signer() {
        return signer;
    }

    /** Signs a credential with eddsa-rdfc-2022 and the defaults of {@link ProofOptions}. */
    public SignedDocument issue(JsonObject credential) throws CredentialException {
        return issue(credential, ProofOptions.defaults());
    }

    /** Signs a credential ({@code proofPurpose} defaults to {@code assertionMethod}). */
    public SignedDocument issue(JsonObject credential, ProofOptions options) throws CredentialException {
        JsonObject prepared = DataIntegrity.prepareForSigning(options.cryptosuite(), credential);
        VerifiableCredential vc = VerifiableCredential.of(prepared);
        List<String> warnings = new ArrayList<>();
        String method = options.verificationMethod().orElse(signer.verificationMethod());
        String controller = controllerOf(method);
        if (!controller.equals(vc.issuerId())) {
            warnings.add("verification method " + method + " is not controlled by the issuer " + vc.issuerId()
                    + ": verifiers need a trust list that binds this key to the issuer");
        }
        return addProof(prepared, vc.proofs(), options, "assertionMethod", warnings);
    }

    /** Signs a presentation ({@code proofPurpose} defaults to {@code authentication}). */
    public SignedDocument present(JsonObject presentation, ProofOptions options) throws CredentialException {
        JsonObject prepared = DataIntegrity.prepareForSigning(options.cryptosuite(), presentation);
        VerifiablePresentation vp = VerifiablePresentation.of(prepared);
        List<String> warnings = new ArrayList<>();
        if (vp.holderId().isPresent() && !controllerOf(options.verificationMethod().orElse(signer.verificationMethod()))
                .equals(vp.holderId().get())) {
            warnings.add("verification method is not controlled by the holder " + vp.holderId().get());
        }
        return addProof(prepared, vp.proofs(), options, "authentication", warnings);
    }

    private SignedDocument addProof(JsonObject document, List<JsonObject> existingProofs, ProofOptions options,
                                    String defaultPurpose, List<String> warnings) throws CredentialException {
        Cryptosuite suite = options.cryptosuite();
        JsonObject unsecured = document.without("proof");
        if (!suite.usesRdfc()) {
            // JCS signs JSON, not RDF: still refuse anything JSON-LD would drop (safe mode).
            dataIntegrity.canonicalizer().canonicalize(unsecured);
        }
        JsonObject proofOptions = proofOptions(options, defaultPurpose, unsecured);
        JsonObject signedInput = DataIntegrity.chainInput(unsecured, proofOptions, existingProofs);
        byte[] hashData = dataIntegrity.hashData(suite, signedInput, proofOptions);
        byte[] signature = signer.sign(hashData);
        if (signature == null || signature.length != 64) {
            throw SignerException.permanent("signer returned " + (signature == null ? "no" : signature.length + " bytes instead of a 64-byte")
                    + " Ed25519 signature", null);
        }
        JsonObject proof = proofOptions.with("proofValue", DataIntegrity.encodeProofValue(signature));
        JsonValue proofs = existingProofs.isEmpty() ? proof : appended(existingProofs, proof);
        return new SignedDocument(document.with("proof", proofs), proof, warnings);
    }

    private JsonObject proofOptions(ProofOptions options, String defaultPurpose, JsonObject unsecured) {
        Cryptosuite suite = options.cryptosuite();
        JsonObject.Builder p = JsonObject.builder().put("type", suite.proofType());
        options.id().ifPresent(id -> p.put("id", id));
        suite.cryptosuiteName().ifPresent(name -> p.put("cryptosuite", name));
        if (!options.omitCreated()) {
            p.put("created", dateTime(options.created().orElseGet(clock::instant)));
        }
        options.expires().ifPresent(e -> p.put("expires", dateTime(e)));
        p.put("verificationMethod", options.verificationMethod().orElse(signer.verificationMethod()));
        p.put("proofPurpose", options.proofPurpose().orElse(defaultPurpose));
        options.challenge().ifPresent(c -> p.put("challenge", c));
        options.domain().ifPresent(d -> p.put("domain", d));
        options.nonce().ifPresent(n -> p.put("nonce", n));
        List<String> previous = options.previousProof();
        if (previous.size() == 1) {
            p.put("previousProof", previous.get(0));
        } else if (!previous.isEmpty()) {
            p.put("previousProof", JsonArray.ofStrings(previous));
        }
        if (suite == Cryptosuite.EDDSA_JCS_2022) {
            // vc-di-eddsa §3.3.1: a JCS proof carries the document's @context.
            unsecured.get("@context").ifPresent(c -> p.put("@context", c));
        }
        return p.build();
    }

    private static JsonArray appended(List<JsonObject> existing, JsonObject proof) {
        List<JsonValue> all = new ArrayList<>(existing);
        all.add(proof);
        return JsonArray.of(all);
    }

    /** The controller a verification method id implies: the part before '#'. */
    static String controllerOf(String verificationMethod) {
        int hash = verificationMethod.indexOf('#');
        return hash < 0 ? verificationMethod : verificationMethod.substring(0, hash);
    }

    static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Configures a {@link CredentialIssuer}. */
    public static final class Builder {
        private Signer signer;
        private Clock clock = Clock.systemUTC();
        private RdfCanonicalizer canonicalizer;

        private Builder() {
        }

        /** Required: what signs. */
        public Builder signer(Signer signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /** The clock for {@code created} (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** JSON-LD processing with host contexts (default: the bundled contexts only). */
        public Builder canonicalizer(RdfCanonicalizer canonicalizer) {
            this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
            return this;
        }

        public CredentialIssuer build() {
            if (signer == null) {
                throw new IllegalStateException("a signer is required");
            }
            if (signer.algorithm() != SignatureAlgorithm.ED25519) {
                throw new IllegalStateException("Data Integrity suites here need an Ed25519 signer");
            }
            if (canonicalizer == null) {
                canonicalizer = RdfCanonicalizer.defaults();
            }
            return new CredentialIssuer(this);
        }
    }
}
