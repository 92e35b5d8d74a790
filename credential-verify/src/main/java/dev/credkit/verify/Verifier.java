package dev.credkit.verify;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.jose.CompactJws;
import dev.credkit.internal.proof.DataIntegrity;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonValue;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.keys.DidDocument;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.VerificationMethod;
import dev.credkit.model.VerifiableCredential;
import dev.credkit.model.VerifiablePresentation;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.status.BitstringStatusListCredential;
import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.StatusCheckResult;
import dev.credkit.status.StatusListCheck;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies credentials and presentations offline and reports every step. Immutable after
 * {@link Builder#build()} and safe to share across threads.
 *
 * <p>Pipeline, each step a named {@link Check}: {@code parse} → {@code data-model} →
 * {@code context} (allow-list) → {@code json-ld} (lossless) → per proof: {@code cryptosuite},
 * {@code options}, {@code verification-method}, {@code verification-relationship},
 * {@code issuer-binding}, {@code signature} → {@code validity-period} → {@code issuer-trust} →
 * {@code status}. Nothing a credential names is looked up before its proofs verified, and by
 * default nothing is fetched at all: keys come from {@code did:key}, host-supplied documents and
 * trust lists only.
 *
 * <p>JWT-secured credentials and presentations ({@code vc+jwt}, {@code vp+jwt}, Open Badges
 * VC-JWT) go through {@link #verifyJwt(String)} with {@code jwt.*} checks in place of the proof
 * checks and the same key resolution, binding, validity, trust and status steps; enveloped
 * credentials inside presentations are verified the same way. Only the algorithms of
 * {@link VerificationPolicy#allowedJwtAlgorithms()} are accepted (never {@code none} or HMAC),
 * the key always comes from {@code kid} through the offline resolution (a key embedded in the
 * header is never trusted on its own), and JSON-LD safe mode is not run on JWT payloads: the JWS
 * signs the payload bytes, so nothing can escape the signature (the context allow-list still
 * applies).
 */
public final class Verifier {
    private final VerificationPolicy policy;
    private final JsonReader reader;
    private final RdfCanonicalizer canonicalizer;
    private final DataIntegrity dataIntegrity;
    private final DidResolver didResolver;
    private final TrustRegistry trustRegistry;
    private final StatusListSource statusListSource;
    private final StatusListCheck statusListCheck = StatusListCheck.defaults();
    /** Verified status lists by URL: a batch of credentials shares a few lists. Bounded; per verifier. */
    private final java.util.concurrent.ConcurrentHashMap<String, VerifiedStatusList> statusListCache =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int STATUS_CACHE_SIZE = 256;
    private final java.util.concurrent.ConcurrentHashMap<String, DidDocument> didKeyCache = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int DID_KEY_CACHE_SIZE = 1024;

    private Verifier(Builder b) {
        this.policy = b.policy;
        this.reader = b.reader;
        this.canonicalizer = b.canonicalizer;
        this.dataIntegrity = new DataIntegrity(b.canonicalizer);
        this.didResolver = b.didResolver;
        this.trustRegistry = b.trustRegistry;
        this.statusListSource = b.statusListSource;
    }

    public static Builder builder() {
        return new Builder();
    }

    public VerificationPolicy policy() {
        return policy;
    }

    /**
     * Verifies a credential or presentation given as JSON bytes (decided by its {@code type}), or
     * as a compact JWS (decided by content: anything that does not start with JSON).
     */
    public VerificationResult verify(byte[] json) {
        if (CompactJws.looksLikeCompact(json)) {
            List<Check> checks = new ArrayList<>();
            String compact;
            try {
                compact = CompactJws.text(json);
            } catch (CredentialException e) {
                checks.add(Check.failed("parse", e.code(), e.getMessage()));
                return new VerificationResult(checks, null, null);
            }
            return verifyJwt(compact, checks);
        }
        List<Check> checks = new ArrayList<>();
        JsonObject document = parse(json, checks);
        if (document == null) {
            return new VerificationResult(checks, null, null);
        }
        return isPresentation(document) ? verifyPresentation(document, checks) : verifyCredential(document, checks);
    }

    /** Verifies a credential given as JSON bytes. */
    public VerificationResult verifyCredential(byte[] json) {
        List<Check> checks = new ArrayList<>();
        JsonObject document = parse(json, checks);
        return document == null ? new VerificationResult(checks, null, null) : verifyCredential(document, checks);
    }

    /** Verifies a credential already parsed by {@link JsonReader}. */
    public VerificationResult verifyCredential(JsonObject credential) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed("parse", "well-formed JSON"));
        return verifyCredential(credential, checks);
    }

    /** Verifies a presentation given as JSON bytes. */
    public VerificationResult verifyPresentation(byte[] json) {
        List<Check> checks = new ArrayList<>();
        JsonObject document = parse(json, checks);
        return document == null ? new VerificationResult(checks, null, null) : verifyPresentation(document, checks);
    }

    /** Verifies a presentation already parsed by {@link JsonReader}. */
    public VerificationResult verifyPresentation(JsonObject presentation) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed("parse", "well-formed JSON"));
        return verifyPresentation(presentation, checks);
    }

    /**
     * Verifies a JWT-secured credential or presentation: a compact JWS with {@code typ}
     * {@code vc+jwt} or {@code vp+jwt}, or an Open Badges 3.0 VC-JWT ({@code typ} {@code JWT},
     * credential in the {@code vc} claim).
     */
    public VerificationResult verifyJwt(String compact) {
        return verifyJwt(compact.strip(), new ArrayList<>());
    }

    private VerificationResult verifyJwt(String compact, List<Check> checks) {
        JwtVerification.Result result = new JwtVerification(this, reader, canonicalizer.contexts()).verify(compact, checks);
        return new VerificationResult(checks, result.credential(), result.presentation());
    }

    // ------------------------------------------------------------------ credentials

    private VerificationResult verifyCredential(JsonObject document, List<Check> checks) {
        CredentialOutcome outcome = checkCredential(document, "", checks);
        return new VerificationResult(checks, outcome.verified, null);
    }

    record CredentialOutcome(VerifiedCredential verified) {
    }

    /** Runs every credential check, appending to {@code checks} with {@code prefix}. */
    CredentialOutcome checkCredential(JsonObject document, String prefix, List<Check> checks) {
        VerifiableCredential vc;
        try {
            vc = VerifiableCredential.of(document);
            checks.add(Check.passed(prefix + "data-model", "VC Data Model " + (vc.version().name().replace('_', '.').substring(1))));
        } catch (CredentialException e) {
            checks.add(Check.failed(prefix + "data-model", e.code(), e.getMessage()));
            skipRest(prefix, checks, "context", "json-ld", "proof", "validity-period", "issuer-trust", "status");
            return new CredentialOutcome(null);
        }
        JsonObject unsecured = vc.withoutProof();
        String canonical = checkJsonLd(unsecured, prefix, checks);
        if (canonical == null) {
            skipRest(prefix, checks, "proof", "validity-period", "issuer-trust", "status");
            return new CredentialOutcome(null);
        }
        ProofsOutcome proofs = checkProofs(vc.proofs(), unsecured, canonical, vc.issuerId(), false, prefix, checks);
        checkValidityPeriod(vc, prefix, checks);
        TrustedIssuer trusted = checkIssuerTrust(vc.issuerId(), prefix, checks);
        if (proofs.allVerified) {
            checkStatus(vc, prefix, checks);
        } else {
            checks.add(Check.skipped(prefix + "status", "not checked: the proofs did not verify"));
        }
        boolean ok = VerificationResult.decide(checks) == Outcome.VERIFIED;
        return new CredentialOutcome(ok ? new VerifiedCredential(vc, proofs.methods, trusted) : null);
    }

    /** Context allow-list, then lossless JSON-LD; returns the canonical N-Quads or null on failure. */
    private String checkJsonLd(JsonObject unsecured, String prefix, List<Check> checks) {
        try {
            canonicalizer.contexts().checkAllowed(unsecured);
            checks.add(Check.passed(prefix + "context", "every @context is on the offline allow-list"));
        } catch (CredentialException e) {
            checks.add(Check.failed(prefix + "context", e.code(), e.getMessage()));
            checks.add(Check.skipped(prefix + "json-ld", "not processed: a context is not allowed"));
            return null;
        }
        try {
            String canonical = canonicalizer.canonicalize(unsecured);
            checks.add(Check.passed(prefix + "json-ld", "every term is defined; nothing is lost in the signed form"));
            return canonical;
        } catch (CredentialException e) {
            checks.add(Check.failed(prefix + "json-ld", e.code(), e.getMessage()));
            return null;
        }
    }

    private record ProofsOutcome(boolean allVerified, List<String> methods) {
    }

    private ProofsOutcome checkProofs(List<JsonObject> proofs, JsonObject unsecured, String canonical, String controllerExpected,
                                      boolean presentation, String prefix, List<Check> checks) {
        if (proofs.isEmpty()) {
            checks.add(Check.failed(prefix + "proof", ProblemCode.MISSING_PROOF, "the document has no proof"));
            return new ProofsOutcome(false, List.of());
        }
        if (proofs.size() > policy.maxProofs()) {
            checks.add(Check.failed(prefix + "proof", ProblemCode.LIMIT_EXCEEDED,
                    proofs.size() + " proofs; at most " + policy.maxProofs() + " are verified"));
            return new ProofsOutcome(false, List.of());
        }
        byte[] rdfcDocumentHash = DataIntegrity.sha256(canonical.getBytes(StandardCharsets.UTF_8));
        boolean all = true;
        List<String> methods = new ArrayList<>();
        for (int i = 0; i < proofs.size(); i++) {
            String name = prefix + (proofs.size() == 1 ? "proof." : "proof[" + i + "].");
            String method = checkProof(proofs.get(i), proofs, unsecured, rdfcDocumentHash, controllerExpected, presentation, name, checks);
            if (method == null) {
                all = false;
            } else {
                methods.add(method);
            }
        }
        return new ProofsOutcome(all, methods);
    }

    /** Verifies one proof; returns its verification method id when everything passed. */
    private String checkProof(JsonObject proof, List<JsonObject> allProofs, JsonObject unsecured, byte[] rdfcDocumentHash,
                              String controllerExpected, boolean presentation, String name, List<Check> checks) {
        String[] steps = {"cryptosuite", "options", "verification-method", "verification-relationship", "binding", "signature"};
        int step = 0;
        Cryptosuite suite;
        try {
            suite = Cryptosuite.of(proof);
            if (!policy.acceptedCryptosuites().contains(suite)) {
                throw new CredentialException(ProblemCode.UNSUPPORTED_CRYPTOSUITE, suite.displayName() + " is not accepted by the policy");
            }
            checks.add(Check.passed(name + "cryptosuite", suite.displayName()));
            step++;

            String purpose = presentation ? policy.presentationProofPurpose() : policy.credentialProofPurpose();
            checkProofOptions(proof, purpose, presentation);
            checks.add(Check.passed(name + "options", "proofPurpose " + purpose));
            step++;

            String methodId = proof.string("verificationMethod").orElseThrow();
            ResolvedMethod resolved = resolveMethod(methodId);
            checks.add(Check.passed(name + "verification-method", resolved.method.type() + " " + methodId));
            step++;

            if (resolved.document != null && !resolved.document.isAuthorized(methodId, purpose)) {
                throw new CredentialException(ProblemCode.VERIFICATION_METHOD_NOT_AUTHORIZED,
                        "the method is not listed under " + purpose + " in its controller document");
            }
            checks.add(Check.passed(name + "verification-relationship", resolved.document == null
                    ? "key bound by the trust list" : "listed under " + purpose));
            step++;

            checkBinding(resolved.method, controllerExpected, presentation);
            checks.add(Check.passed(name + "binding", presentation
                    ? (controllerExpected == null ? "no holder named" : "controlled by the holder")
                    : (controllerExpected.equals(resolved.method.controller()) ? "controlled by the issuer" : "bound to the issuer by the trust list")));
            step++;

            byte[] signature = DataIntegrity.decodeProofValue(proof);
            JsonObject input = DataIntegrity.chainInput(unsecured, proof, allProofs);
            byte[] documentHash;
            JsonObject hashedDocument = input;
            if (suite == Cryptosuite.EDDSA_JCS_2022) {
                hashedDocument = DataIntegrity.applyJcsProofContext(input, proof);
                documentHash = dataIntegrity.documentHash(suite, hashedDocument);
            } else if (input == unsecured) {
                documentHash = rdfcDocumentHash;
            } else {
                documentHash = dataIntegrity.documentHash(suite, input);
            }
            byte[] hashData = dataIntegrity.hashData(suite, documentHash, hashedDocument, proof);
            if (!resolved.method.publicKey().verify(hashData, signature)) {
                throw new CredentialException(ProblemCode.INVALID_SIGNATURE, "the signature does not match the document");
            }
            checks.add(Check.passed(name + "signature", "valid Ed25519 signature"));
            return methodId;
        } catch (CredentialException e) {
            boolean undecidable = e.code() == ProblemCode.UNKNOWN_KEY;
            checks.add(undecidable ? Check.indeterminate(name + steps[step], e.code(), e.getMessage())
                    : Check.failed(name + steps[step], e.code(), e.getMessage()));
            for (int s = step + 1; s < steps.length; s++) {
                checks.add(Check.skipped(name + steps[s], "not checked: an earlier step of this proof did not pass"));
            }
            return null;
        }
    }

    private void checkProofOptions(JsonObject proof, String purpose, boolean presentation) throws CredentialException {
        String actualPurpose = proof.string("proofPurpose").orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_PROOF, "proof has no string 'proofPurpose'"));
        if (!actualPurpose.equals(purpose)) {
            throw new CredentialException(ProblemCode.PROOF_PURPOSE_MISMATCH,
                    "proofPurpose is '" + shorten(actualPurpose) + "', expected '" + purpose + "'");
        }
        if (proof.string("verificationMethod").filter(s -> !s.isBlank()).isEmpty()) {
            throw new CredentialException(ProblemCode.INVALID_PROOF, "proof has no string 'verificationMethod'");
        }
        Instant now = policy.clock().instant();
        Optional<Instant> created = dateTime(proof, "created");
        if (created.isPresent() && created.get().isAfter(now.plus(policy.maxClockSkew()))) {
            throw new CredentialException(ProblemCode.PROOF_CREATED_IN_FUTURE, "proof created " + created.get() + ", after now (" + now + ")");
        }
        Optional<Instant> expires = dateTime(proof, "expires");
        if (expires.isPresent() && expires.get().isBefore(now.minus(policy.maxClockSkew()))) {
            throw new CredentialException(ProblemCode.PROOF_EXPIRED, "proof expired " + expires.get());
        }
        if (presentation) {
            Optional<String> challenge = proof.string("challenge");
            if (policy.expectedChallenge().isPresent() && !policy.expectedChallenge().equals(challenge)) {
                throw new CredentialException(ProblemCode.CHALLENGE_MISMATCH,
                        challenge.isEmpty() ? "the proof has no challenge" : "the proof's challenge is not the one expected");
            }
            Optional<String> domain = proof.string("domain");
            if (policy.expectedDomain().isPresent() && !policy.expectedDomain().equals(domain)) {
                throw new CredentialException(ProblemCode.DOMAIN_MISMATCH,
                        domain.isEmpty() ? "the proof has no domain" : "the proof's domain is not the one expected");
            }
        }
    }

    private static Optional<Instant> dateTime(JsonObject proof, String name) throws CredentialException {
        Optional<JsonValue> value = proof.get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = proof.string(name).orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_PROOF, "proof '" + name + "' must be a dateTime string"));
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new CredentialException(ProblemCode.INVALID_PROOF, "proof '" + name + "' is not an XML Schema dateTime with time zone");
        }
    }

    record ResolvedMethod(VerificationMethod method, DidDocument document) {
    }

    /**
     * did:key documents are pure functions of the DID, but building one decodes and validates a
     * point (tens of microseconds): keep the recent ones. Bounded; per verifier.
     */
    DidDocument resolveDidKey(String did) throws CredentialException {
        DidDocument cached = didKeyCache.get(did);
        if (cached != null) {
            return cached;
        }
        DidDocument document = DidKey.resolve(did);
        if (didKeyCache.size() >= DID_KEY_CACHE_SIZE) {
            didKeyCache.clear();
        }
        didKeyCache.put(did, document);
        return document;
    }

    ResolvedMethod resolveMethod(String methodId) throws CredentialException {
        String controllerId = controllerOf(methodId);
        DidDocument document;
        if (DidKey.isDidKey(controllerId)) {
            document = resolveDidKey(controllerId);
        } else {
            document = didResolver.resolve(controllerId).orElse(null);
        }
        if (document != null) {
            Optional<VerificationMethod> method = document.method(methodId);
            if (method.isEmpty()) {
                // The controller is known and does not list the method (e.g. a rotated-out key).
                throw new CredentialException(ProblemCode.VERIFICATION_METHOD_NOT_AUTHORIZED,
                        "the controller document of " + shorten(controllerId) + " does not list " + shorten(methodId));
            }
            return new ResolvedMethod(method.get(), document);
        }
        if (trustRegistry != null) {
            Optional<VerificationMethod> fromTrust = trustRegistry.verificationMethod(methodId);
            if (fromTrust.isPresent()) {
                return new ResolvedMethod(fromTrust.get(), null);
            }
        }
        throw new CredentialException(ProblemCode.UNKNOWN_KEY,
                "cannot resolve " + shorten(methodId) + " offline (supply its controller document or a trust list entry)");
    }

    void checkBinding(VerificationMethod method, String expectedController, boolean presentation) throws CredentialException {
        if (presentation) {
            if (expectedController != null && !expectedController.equals(method.controller())) {
                throw new CredentialException(ProblemCode.HOLDER_KEY_MISMATCH,
                        "the method's controller " + shorten(method.controller()) + " is not the holder " + shorten(expectedController));
            }
            return;
        }
        if (expectedController.equals(method.controller())) {
            return;
        }
        if (trustRegistry != null && trustRegistry.bindsKey(expectedController, method)) {
            return;
        }
        throw new CredentialException(ProblemCode.ISSUER_KEY_MISMATCH,
                "the key's controller " + shorten(method.controller()) + " is not the issuer " + shorten(expectedController)
                        + (trustRegistry == null ? " (no trust list binds it)" : " and no trust list binds it"));
    }

    void checkValidityPeriod(VerifiableCredential vc, String prefix, List<Check> checks) {
        String name = prefix + "validity-period";
        if (policy.ignoresValidityPeriod()) {
            checks.add(Check.skipped(name, "ignored by policy"));
            return;
        }
        Instant now = policy.clock().instant();
        Optional<Instant> from = vc.validFrom();
        Optional<Instant> until = vc.validUntil();
        if (from.isPresent() && from.get().isAfter(now.plus(policy.maxClockSkew()))) {
            checks.add(Check.failed(name, ProblemCode.NOT_YET_VALID, "valid from " + from.get() + " (now " + now + ")"));
        } else if (until.isPresent() && until.get().isBefore(now.minus(policy.maxClockSkew()))) {
            checks.add(Check.failed(name, ProblemCode.EXPIRED, "expired " + until.get() + " (now " + now + ")"));
        } else {
            checks.add(Check.passed(name, "valid at " + now));
        }
    }

    TrustedIssuer checkIssuerTrust(String issuerId, String prefix, List<Check> checks) {
        String name = prefix + "issuer-trust";
        if (trustRegistry == null) {
            checks.add(Check.skipped(name, "not evaluated: no trust list given"));
            return null;
        }
        Optional<TrustedIssuer> trusted = trustRegistry.issuer(issuerId);
        if (trusted.isPresent()) {
            checks.add(Check.passed(name, "trusted: " + trusted.get().displayName().orElse(issuerId)));
            return trusted.get();
        }
        String message = "the issuer " + shorten(issuerId) + " is not on any trust list";
        checks.add(switch (policy.untrustedIssuer()) {
            case REJECT -> Check.failed(name, ProblemCode.UNTRUSTED_ISSUER, message);
            case INDETERMINATE -> Check.indeterminate(name, ProblemCode.UNTRUSTED_ISSUER, message);
            case WARN -> Check.warning(name, ProblemCode.UNTRUSTED_ISSUER, message);
        });
        return null;
    }

    void checkStatus(VerifiableCredential vc, String prefix, List<Check> checks) {
        List<JsonObject> entries = vc.credentialStatus();
        if (entries.isEmpty()) {
            checks.add(Check.skipped(prefix + "status", "the credential has no status entry"));
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            String name = prefix + (entries.size() == 1 ? "status" : "status[" + i + "]");
            checks.add(checkStatusEntry(entries.get(i), vc.issuerId(), name));
        }
    }

    /** One status entry: the list is obtained, verified as a credential of the same issuer, then read. */
    private Check checkStatusEntry(JsonObject entryJson, String issuerId, String name) {
        if (!entryJson.string("type").map(BitstringStatusListEntry.TYPE::equals).orElse(false)) {
            return statusUnavailable(name, "status type " + entryJson.get("type").map(JsonValue::toJson).map(Verifier::shorten).orElse("(none)")
                    + " is not supported (only " + BitstringStatusListEntry.TYPE + ")");
        }
        try {
            BitstringStatusListEntry entry = BitstringStatusListEntry.read(entryJson);
            String url = entry.statusListCredential();
            Optional<JsonObject> listJson = statusListSource.statusListCredential(url);
            if (listJson.isEmpty()) {
                return statusUnavailable(name, "the status list " + shorten(url) + " is not available offline");
            }
            VerifiedStatusList list = verifiedStatusList(url, listJson.get(), issuerId);
            Instant now = policy.clock().instant();
            if (list.parsed.validUntil().filter(u -> u.isBefore(now.minus(policy.maxClockSkew()))).isPresent()) {
                return statusUnavailable(name, "the status list expired " + list.parsed.validUntil().get() + ": it is stale");
            }
            if (policy.maxStatusListAge().isPresent() && list.parsed.validFrom()
                    .filter(f -> f.plus(policy.maxStatusListAge().get()).isBefore(now)).isPresent()) {
                return statusUnavailable(name, "the status list is older than the policy allows");
            }
            StatusCheckResult result = statusListCheck.check(entry, list.parsed);
            String where = entry.statusPurpose() + " index " + entry.statusListIndex();
            Optional<ProblemCode> problem = result.problem();
            if (problem.isEmpty()) {
                return Check.passed(name, where + ": not set");
            }
            if (problem.get() == ProblemCode.STATUS_MESSAGE) {
                return Check.warning(name, ProblemCode.STATUS_MESSAGE, where + ": " + result.message());
            }
            return Check.failed(name, problem.get(), where + ": " + (problem.get() == ProblemCode.REVOKED ? "revoked" : "suspended"));
        } catch (CredentialException e) {
            return e.code() == ProblemCode.STATUS_UNAVAILABLE ? statusUnavailable(name, e.getMessage())
                    : Check.failed(name, e.code(), e.getMessage());
        }
    }

    private record VerifiedStatusList(JsonObject json, BitstringStatusListCredential parsed) {
    }

    /**
     * Verifies a status list credential (its proofs, its issuer, that it is a list) and reads it,
     * once per list: later entries and credentials reuse the result while the source returns the
     * same document.
     */
    private VerifiedStatusList verifiedStatusList(String url, JsonObject listJson, String issuerId) throws CredentialException {
        VerifiedStatusList cached = statusListCache.get(url);
        if (cached != null && cached.json == listJson) {
            checkListIssuer(cached.parsed, issuerId);
            return cached;
        }
        List<Check> listChecks = new ArrayList<>();
        checkListCredential(listJson, listChecks);
        Optional<Check> failed = listChecks.stream()
                .filter(c -> c.outcome() == CheckOutcome.FAILED || c.outcome() == CheckOutcome.INDETERMINATE)
                .filter(c -> !c.name().equals("validity-period"))
                .findFirst();
        if (failed.isPresent()) {
            Check c = failed.get();
            throw new CredentialException(c.outcome() == CheckOutcome.INDETERMINATE ? ProblemCode.STATUS_UNAVAILABLE : ProblemCode.INVALID_STATUS_LIST,
                    "the status list credential does not verify (" + c.name() + ": " + c.message() + ")");
        }
        BitstringStatusListCredential parsed = BitstringStatusListCredential.read(listJson, statusListCheck.codec());
        if (parsed.id().filter(url::equals).isEmpty()) {
            throw new CredentialException(ProblemCode.INVALID_STATUS_LIST, "the status list credential's id is not " + shorten(url));
        }
        checkListIssuer(parsed, issuerId);
        VerifiedStatusList verified = new VerifiedStatusList(listJson, parsed);
        if (statusListCache.size() >= STATUS_CACHE_SIZE) {
            statusListCache.clear();
        }
        statusListCache.put(url, verified);
        return verified;
    }

    private static void checkListIssuer(BitstringStatusListCredential list, String issuerId) throws CredentialException {
        if (list.issuerId().filter(issuerId::equals).isEmpty()) {
            throw new CredentialException(ProblemCode.INVALID_STATUS_LIST,
                    "the status list was issued by " + list.issuerId().map(Verifier::shorten).orElse("nobody") + ", not by the credential's issuer");
        }
    }

    /** The list credential's own checks: data model, JSON-LD, proofs bound to its issuer, validity. */
    private void checkListCredential(JsonObject listJson, List<Check> checks) {
        VerifiableCredential list;
        try {
            list = VerifiableCredential.of(listJson);
        } catch (CredentialException e) {
            checks.add(Check.failed("data-model", e.code(), e.getMessage()));
            return;
        }
        JsonObject unsecured = list.withoutProof();
        String canonical = checkJsonLd(unsecured, "", checks);
        if (canonical != null) {
            checkProofs(list.proofs(), unsecured, canonical, list.issuerId(), false, "", checks);
        }
    }

    private Check statusUnavailable(String name, String message) {
        return switch (policy.missingStatus()) {
            case REJECT -> Check.failed(name, ProblemCode.STATUS_UNAVAILABLE, message);
            case INDETERMINATE -> Check.indeterminate(name, ProblemCode.STATUS_UNAVAILABLE, message);
            case WARN -> Check.warning(name, ProblemCode.STATUS_UNAVAILABLE, message);
        };
    }

    // ------------------------------------------------------------------ presentations

    private VerificationResult verifyPresentation(JsonObject document, List<Check> checks) {
        VerifiablePresentation vp;
        try {
            vp = VerifiablePresentation.of(document);
            checks.add(Check.passed("data-model", "verifiable presentation"));
        } catch (CredentialException e) {
            checks.add(Check.failed("data-model", e.code(), e.getMessage()));
            skipRest("", checks, "context", "json-ld", "proof", "credentials");
            return new VerificationResult(checks, null, null);
        }
        JsonObject unsecured = vp.withoutProof();
        String canonical = checkJsonLd(unsecured, "", checks);
        if (canonical == null) {
            skipRest("", checks, "proof", "credentials");
            return new VerificationResult(checks, null, null);
        }
        checkProofs(vp.proofs(), unsecured, canonical, vp.holderId().orElse(null), true, "", checks);
        List<VerifiedCredential> verified = new ArrayList<>();
        List<JsonObject> credentials = vp.credentials();
        for (int i = 0; i < credentials.size(); i++) {
            String prefix = "credential[" + i + "].";
            JsonObject credential = credentials.get(i);
            if (JwtVerification.isEnvelopedCredential(credential)) {
                VerifiedCredential enveloped = new JwtVerification(this, reader, canonicalizer.contexts())
                        .verifyEnveloped(credential, prefix, checks);
                if (enveloped != null) {
                    verified.add(enveloped);
                }
                continue;
            }
            CredentialOutcome outcome = checkCredential(credential, prefix, checks);
            if (outcome.verified != null) {
                verified.add(outcome.verified);
            }
        }
        boolean ok = VerificationResult.decide(checks) == Outcome.VERIFIED;
        return new VerificationResult(checks, null, ok ? new VerifiedPresentation(vp, verified) : null);
    }

    // ------------------------------------------------------------------ helpers

    private JsonObject parse(byte[] json, List<Check> checks) {
        try {
            JsonObject document = reader.readObject(json);
            checks.add(Check.passed("parse", "well-formed JSON"));
            return document;
        } catch (CredentialException e) {
            checks.add(Check.failed("parse", e.code(), e.getMessage()));
            return null;
        }
    }

    static boolean isPresentation(JsonObject document) {
        Optional<JsonValue> type = document.get("type");
        if (type.isEmpty()) {
            return false;
        }
        if (type.get() instanceof dev.credkit.json.JsonString s) {
            return s.value().equals("VerifiablePresentation");
        }
        return type.get() instanceof dev.credkit.json.JsonArray a
                && a.elements().contains(new dev.credkit.json.JsonString("VerifiablePresentation"));
    }

    private static void skipRest(String prefix, List<Check> checks, String... names) {
        for (String n : names) {
            checks.add(Check.skipped(prefix + n, "not checked: an earlier check failed"));
        }
    }

    DidResolver didResolver() {
        return didResolver;
    }

    TrustRegistry trustRegistry() {
        return trustRegistry;
    }

    static String controllerOf(String methodId) {
        int hash = methodId.indexOf('#');
        return hash < 0 ? methodId : methodId.substring(0, hash);
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 97) + "..." : s;
    }

    /** Configures a {@link Verifier}. */
    public static final class Builder {
        private VerificationPolicy policy = VerificationPolicy.defaults();
        private JsonReader reader = JsonReader.defaults();
        private RdfCanonicalizer canonicalizer;
        private DidResolver didResolver = DidResolver.none();
        private TrustRegistry trustRegistry;
        private StatusListSource statusListSource = StatusListSource.none();

        private Builder() {
        }

        public Builder policy(VerificationPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The JSON front door (limits) for byte input. */
        public Builder jsonReader(JsonReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /** JSON-LD processing with host contexts (default: the bundled contexts only). */
        public Builder canonicalizer(RdfCanonicalizer canonicalizer) {
            this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
            return this;
        }

        /** Where controller documents other than did:key come from (default: nowhere). */
        public Builder didResolver(DidResolver resolver) {
            this.didResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** The trust registry; without one, issuer trust is not evaluated (reported as skipped). */
        public Builder trustRegistry(TrustRegistry registry) {
            this.trustRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Where status list credentials come from (default: nowhere). */
        public Builder statusListSource(StatusListSource source) {
            this.statusListSource = Objects.requireNonNull(source, "source");
            return this;
        }

        public Verifier build() {
            if (canonicalizer == null) {
                canonicalizer = RdfCanonicalizer.defaults();
            }
            return new Verifier(this);
        }
    }
}
