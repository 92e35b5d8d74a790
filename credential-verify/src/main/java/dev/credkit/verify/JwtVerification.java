package dev.credkit.verify;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.jose.CompactJws;
import dev.credkit.internal.jose.JwtForms;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonValue;
import dev.credkit.jsonld.ContextRegistry;
import dev.credkit.keys.DidDocument;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519PublicKey;
import dev.credkit.keys.VerificationMethod;
import dev.credkit.model.Envelope;
import dev.credkit.model.VerifiableCredential;
import dev.credkit.model.VerifiablePresentation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JWT half of {@link Verifier}: W3C VC-JOSE-COSE {@code vc+jwt} / {@code vp+jwt} and the
 * Open Badges 3.0 / VC 1.1 VC-JWT ({@code typ} {@code JWT} or none, credential in a {@code vc}
 * claim). One instance per verification; it borrows the verifier's key resolution, binding,
 * validity, trust and status steps so that both proof formats obey the same rules.
 *
 * <p>Checks, in order: {@code parse} (three strict base64url parts) → {@code jwt.header}
 * ({@code alg} allow-list first, then {@code crit}, {@code typ}, {@code cty}, {@code kid}) →
 * {@code jwt.payload} (strict JSON; {@code vc} claim only in the legacy form) →
 * {@code data-model} → {@code jwt.verification-method} → {@code jwt.verification-relationship}
 * → {@code jwt.binding} → {@code jwt.signature} → {@code jwt.claims} → {@code context} →
 * {@code json-ld} (skipped: see below) → {@code validity-period} → {@code issuer-trust} →
 * {@code status}; a presentation then checks each credential under {@code credential[i].}.
 *
 * <p>JSON-LD safe mode does not run on JWT payloads: a JWS signs the payload bytes, so no term
 * can escape the signature as it can with RDF canonicalization. The context allow-list still
 * applies, so a JWT cannot pull in a context credkit does not pin.
 */
final class JwtVerification {
    private static final List<String> CREDENTIAL_STEPS = List.of("parse", "jwt.header", "jwt.payload", "data-model",
            "jwt.verification-method", "jwt.verification-relationship", "jwt.binding", "jwt.signature", "jwt.claims",
            "context", "json-ld", "validity-period", "issuer-trust", "status");
    private static final List<String> PRESENTATION_STEPS = List.of("parse", "jwt.header", "jwt.payload", "data-model",
            "jwt.verification-method", "jwt.verification-relationship", "jwt.binding", "jwt.signature", "jwt.claims",
            "context", "json-ld", "credentials");
    private static final List<String> KEY_STEPS = List.of("jwt.verification-method", "jwt.verification-relationship",
            "jwt.binding", "jwt.signature");
    /** NumericDates beyond this many seconds (year ~5138) are not dates. */
    private static final BigDecimal MAX_NUMERIC_DATE = BigDecimal.valueOf(100_000_000_000L);

    private final Verifier verifier;
    private final VerificationPolicy policy;
    private final JsonReader reader;
    private final ContextRegistry contexts;

    JwtVerification(Verifier verifier, JsonReader reader, ContextRegistry contexts) {
        this.verifier = verifier;
        this.policy = verifier.policy();
        this.reader = reader;
        this.contexts = contexts;
    }

    /** The forms a JWT can take. */
    private enum Form {
        /** {@code typ} vc+jwt: the payload is the credential. */
        VC_JOSE,
        /** {@code typ} vp+jwt: the payload is the presentation. */
        VP_JOSE,
        /** {@code typ} JWT or none: the credential is the {@code vc} claim (Open Badges 3.0, VC 1.1). */
        LEGACY_VC
    }

    /** What the verification produced (null members when not verified). */
    record Result(VerifiedCredential credential, VerifiedPresentation presentation) {
    }

    /** Verifies a top-level compact JWS: a credential or a presentation. */
    Result verify(String compact, List<Check> checks) {
        return verify(compact, "", false, checks);
    }

    /**
     * Verifies the {@code vc+jwt} inside an {@code EnvelopedVerifiableCredential} of a presentation;
     * returns the verified credential or null.
     */
    VerifiedCredential verifyEnveloped(JsonObject enveloped, String prefix, List<Check> checks) {
        Envelope envelope;
        try {
            envelope = Envelope.of(enveloped);
        } catch (CredentialException e) {
            checks.add(Check.failed(prefix + "envelope", e.code(), e.getMessage()));
            return null;
        }
        if (envelope.kind() != Envelope.Kind.CREDENTIAL || !envelope.mediaType().equals(JwtForms.VC_MEDIA_TYPE)) {
            checks.add(Check.failed(prefix + "envelope", ProblemCode.UNSUPPORTED_CRYPTOSUITE, "enveloped "
                    + shorten(envelope.mediaType()) + " credentials are not supported (only " + JwtForms.VC_MEDIA_TYPE + ")"));
            return null;
        }
        if (envelope.base64()) {
            checks.add(Check.failed(prefix + "envelope", ProblemCode.MALFORMED,
                    "a vc+jwt is already base64url text: its data URL must not be ;base64"));
            return null;
        }
        return verify(envelope.data(), prefix, true, checks).credential();
    }

    private Result verify(String compact, String prefix, boolean credentialOnly, List<Check> checks) {
        CompactJws jws;
        try {
            jws = CompactJws.parse(compact, reader.maxBytes());
            checks.add(Check.passed(prefix + "parse", "compact JWS"));
        } catch (CredentialException e) {
            return fail(prefix, "parse", e, CREDENTIAL_STEPS, checks);
        }

        JsonObject header;
        Form form;
        try {
            header = jws.readHeader();
            form = checkHeader(header, credentialOnly);
            checks.add(Check.passed(prefix + "jwt.header", "alg " + header.string("alg").orElseThrow() + ", "
                    + header.string("typ").map(t -> "typ " + t).orElse("no typ")));
        } catch (CredentialException e) {
            return fail(prefix, "jwt.header", e, CREDENTIAL_STEPS, checks);
        }
        List<String> steps = form == Form.VP_JOSE ? PRESENTATION_STEPS : CREDENTIAL_STEPS;

        JsonObject payload;
        JsonObject document;
        try {
            payload = jws.readPayload(reader);
            document = document(payload, form);
            checks.add(Check.passed(prefix + "jwt.payload", form == Form.LEGACY_VC
                    ? "JWT claims with the credential in 'vc'" : "the payload is the " + (form == Form.VP_JOSE ? "presentation" : "credential")));
        } catch (CredentialException e) {
            return fail(prefix, "jwt.payload", e, steps, checks);
        }

        return form == Form.VP_JOSE
                ? verifyPresentation(jws, header, payload, document, prefix, checks)
                : new Result(verifyCredential(jws, header, payload, document, prefix, checks), null);
    }

    // ------------------------------------------------------------------ credentials

    private VerifiedCredential verifyCredential(CompactJws jws, JsonObject header, JsonObject claims, JsonObject document,
                                                String prefix, List<Check> checks) {
        VerifiableCredential vc;
        try {
            vc = VerifiableCredential.of(document);
            checks.add(Check.passed(prefix + "data-model", "VC Data Model " + vc.version().name().replace('_', '.').substring(1)));
        } catch (CredentialException e) {
            fail(prefix, "data-model", e, CREDENTIAL_STEPS, checks);
            return null;
        }
        String methodId = checkKeyAndSignature(jws, header, vc.issuerId(), false, prefix, checks);
        checkClaims(claims, vc, null, prefix, checks);
        checkContexts(document, prefix, checks);
        verifier.checkValidityPeriod(vc, prefix, checks);
        TrustedIssuer trusted = verifier.checkIssuerTrust(vc.issuerId(), prefix, checks);
        if (methodId != null) {
            verifier.checkStatus(vc, prefix, checks);
        } else {
            checks.add(Check.skipped(prefix + "status", "not checked: the JWT signature did not verify"));
        }
        boolean ok = VerificationResult.decide(checks) == Outcome.VERIFIED;
        return ok ? new VerifiedCredential(vc, List.of(methodId), trusted) : null;
    }

    // ------------------------------------------------------------------ presentations

    private Result verifyPresentation(CompactJws jws, JsonObject header, JsonObject claims, JsonObject document,
                                      String prefix, List<Check> checks) {
        VerifiablePresentation vp;
        try {
            vp = VerifiablePresentation.of(document);
            checks.add(Check.passed(prefix + "data-model", "verifiable presentation"));
        } catch (CredentialException e) {
            return fail(prefix, "data-model", e, PRESENTATION_STEPS, checks);
        }
        checkKeyAndSignature(jws, header, vp.holderId().orElse(null), true, prefix, checks);
        checkClaims(claims, null, vp, prefix, checks);
        checkContexts(document, prefix, checks);

        List<VerifiedCredential> verified = new ArrayList<>();
        List<JsonObject> credentials = vp.credentials();
        for (int i = 0; i < credentials.size(); i++) {
            String credentialPrefix = prefix + "credential[" + i + "].";
            JsonObject credential = credentials.get(i);
            VerifiedCredential one = isEnvelopedCredential(credential)
                    ? verifyEnveloped(credential, credentialPrefix, checks)
                    : verifier.checkCredential(credential, credentialPrefix, checks).verified();
            if (one != null) {
                verified.add(one);
            }
        }
        boolean ok = VerificationResult.decide(checks) == Outcome.VERIFIED;
        return new Result(null, ok ? new VerifiedPresentation(vp, verified) : null);
    }

    // ------------------------------------------------------------------ steps

    /** Header rules; returns the form its {@code typ} declares. */
    private Form checkHeader(JsonObject header, boolean credentialOnly) throws CredentialException {
        // The algorithm comes first: nothing else of a token with a forbidden alg is looked at.
        if (!header.has("alg")) {
            throw invalid("the JWS header has no 'alg'");
        }
        String alg = header.string("alg").orElseThrow(() -> invalid("the JWS header's 'alg' is not a string"));
        if (!policy.allowedJwtAlgorithms().contains(alg)) {
            throw new CredentialException(ProblemCode.ALGORITHM_NOT_ALLOWED, "JWS algorithm '" + shorten(alg)
                    + "' is not allowed (allowed: " + String.join(", ", policy.allowedJwtAlgorithms().stream().sorted().toList()) + ")");
        }
        if (header.has("crit")) {
            throw invalid("critical header parameters " + shorten(header.get("crit").orElseThrow().toJson())
                    + " are not understood (credkit processes none)");
        }
        if (header.has("b64")) {
            throw invalid("unencoded payloads (b64) are not supported");
        }
        if (header.has("kid") && header.string("kid").filter(k -> !k.isBlank()).isEmpty()) {
            throw invalid("the JWS header's 'kid' must be a non-empty string");
        }
        Form form;
        if (!header.has("typ")) {
            form = Form.LEGACY_VC;
        } else {
            String typ = header.string("typ").orElseThrow(() -> invalid("the JWS header's 'typ' is not a string"));
            String type = JwtForms.mediaType(typ);
            if (type.equals(JwtForms.TYP_VC)) {
                form = Form.VC_JOSE;
            } else if (type.equals(JwtForms.TYP_VP)) {
                form = Form.VP_JOSE;
            } else if (type.equals("jwt")) {
                form = Form.LEGACY_VC;
            } else {
                throw invalid("typ '" + shorten(typ) + "' is not vc+jwt, vp+jwt or JWT");
            }
        }
        if (credentialOnly && form != Form.VC_JOSE) {
            throw invalid("an enveloped application/vc+jwt credential needs typ vc+jwt");
        }
        if (header.has("cty") && form != Form.LEGACY_VC) {
            String expected = form == Form.VC_JOSE ? JwtForms.CTY_VC : JwtForms.CTY_VP;
            String cty = header.string("cty").orElseThrow(() -> invalid("the JWS header's 'cty' is not a string"));
            if (!JwtForms.mediaType(cty).equals(expected)) {
                throw invalid("cty '" + shorten(cty) + "' does not match typ (expected '" + expected + "')");
            }
        }
        return form;
    }

    /** The credential or presentation a payload carries. */
    private static JsonObject document(JsonObject payload, Form form) throws CredentialException {
        if (form == Form.LEGACY_VC) {
            if (payload.has("vp")) {
                throw invalid("JWTs with a 'vp' claim (VC 1.1 presentations) are not supported: use vp+jwt");
            }
            JsonObject vc = payload.object("vc").orElseThrow(() -> invalid(payload.has("vc")
                    ? "the 'vc' claim is not an object"
                    : "a JWT with typ JWT (or none) must carry the credential in a 'vc' claim; a bare credential needs typ vc+jwt"));
            if (Verifier.isPresentation(vc)) {
                throw invalid("the 'vc' claim holds a presentation");
            }
            return vc;
        }
        String typ = form == Form.VC_JOSE ? JwtForms.TYP_VC : JwtForms.TYP_VP;
        for (String claim : List.of("vc", "vp")) {
            if (payload.has(claim)) {
                throw invalid("a " + typ + " payload is the document itself: the '" + claim + "' claim is not allowed");
            }
        }
        boolean presentation = Verifier.isPresentation(payload);
        if (presentation != (form == Form.VP_JOSE)) {
            throw invalid("typ " + typ + " but the payload is a " + (presentation ? "presentation" : "credential"));
        }
        return payload;
    }

    /**
     * Resolves the key, checks its relationship and binding, then the signature. Returns the
     * verification method id when all passed, else null.
     */
    private String checkKeyAndSignature(CompactJws jws, JsonObject header, String controller, boolean presentation,
                                        String prefix, List<Check> checks) {
        String purpose = presentation ? policy.presentationProofPurpose() : policy.credentialProofPurpose();
        int step = 0;
        try {
            Verifier.ResolvedMethod resolved = resolveKey(header, controller, purpose);
            String methodId = resolved.method().id();
            checks.add(Check.passed(prefix + KEY_STEPS.get(step), resolved.method().type() + " " + methodId));
            step++;

            if (resolved.document() != null && !resolved.document().isAuthorized(methodId, purpose)) {
                throw new CredentialException(ProblemCode.VERIFICATION_METHOD_NOT_AUTHORIZED,
                        "the key is not listed under " + purpose + " in its controller document");
            }
            checks.add(Check.passed(prefix + KEY_STEPS.get(step), resolved.document() == null
                    ? "key bound by the trust list" : "listed under " + purpose));
            step++;

            verifier.checkBinding(resolved.method(), controller, presentation);
            checks.add(Check.passed(prefix + KEY_STEPS.get(step), presentation
                    ? (controller == null ? "no holder named" : "controlled by the holder")
                    : (controller.equals(resolved.method().controller()) ? "controlled by the issuer" : "bound to the issuer by the trust list")));
            step++;

            if (!jws.verify(header, resolved.method().publicKey(), policy.allowedJwtAlgorithms())) {
                throw new CredentialException(ProblemCode.INVALID_SIGNATURE, "the JWS signature does not verify with " + shorten(methodId));
            }
            checks.add(Check.passed(prefix + KEY_STEPS.get(step), "valid Ed25519 signature"));
            return methodId;
        } catch (CredentialException e) {
            boolean undecidable = e.code() == ProblemCode.UNKNOWN_KEY;
            checks.add(undecidable ? Check.indeterminate(prefix + KEY_STEPS.get(step), e.code(), e.getMessage())
                    : Check.failed(prefix + KEY_STEPS.get(step), e.code(), e.getMessage()));
            for (int s = step + 1; s < KEY_STEPS.size(); s++) {
                checks.add(Check.skipped(prefix + KEY_STEPS.get(s), "not checked: an earlier step of the JWT proof did not pass"));
            }
            return null;
        }
    }

    /**
     * The key that signed: the method {@code kid} names (a relative {@code #fragment} is resolved
     * against the issuer or holder), resolved offline exactly as for Data Integrity. A key in the
     * header ({@code jwk}; {@code jku}, {@code x5u} and {@code x5c} are never used) is only ever a
     * hint: without {@code kid} it counts only when the issuer's own controller document or a trust
     * list already holds that key.
     */
    private Verifier.ResolvedMethod resolveKey(JsonObject header, String controller, String purpose) throws CredentialException {
        Optional<String> kid = header.string("kid");
        if (kid.isPresent()) {
            String methodId = kid.get();
            if (methodId.startsWith("#")) {
                if (controller == null) {
                    throw new CredentialException(ProblemCode.UNKNOWN_KEY, "kid '" + shorten(methodId) + "' is relative and no holder is named");
                }
                methodId = controller + methodId;
            }
            return verifier.resolveMethod(methodId);
        }
        Optional<JsonObject> jwk = header.object("jwk");
        if (jwk.isEmpty() || controller == null) {
            throw new CredentialException(ProblemCode.UNKNOWN_KEY, "the JWT names no key: its header has no 'kid'"
                    + (header.has("jwk") || header.has("jku") || header.has("x5u") || header.has("x5c")
                    ? " (a key embedded in the header is never trusted on its own)" : ""));
        }
        Ed25519PublicKey key = Ed25519PublicKey.fromJwk(jwk.get());
        return boundMethod(controller, key, purpose).orElseThrow(() -> new CredentialException(ProblemCode.UNKNOWN_KEY,
                "the header's jwk is not a key of " + shorten(controller) + " known offline"
                        + " (no kid; a key embedded in the header is never trusted on its own)"));
    }

    /** The method of {@code controller} that holds {@code key}, from its controller document or a trust list. */
    private Optional<Verifier.ResolvedMethod> boundMethod(String controller, Ed25519PublicKey key, String purpose) throws CredentialException {
        DidDocument document = DidKey.isDidKey(controller) ? verifier.resolveDidKey(controller) : verifier.didResolver().resolve(controller).orElse(null);
        byte[] raw = key.raw();
        if (document != null) {
            VerificationMethod fallback = null;
            for (VerificationMethod m : document.verificationMethods()) {
                if (Arrays.equals(m.publicKey().raw(), raw)) {
                    if (document.isAuthorized(m.id(), purpose)) {
                        return Optional.of(new Verifier.ResolvedMethod(m, document));
                    }
                    fallback = m;
                }
            }
            if (fallback != null) {
                // Reported by the relationship step: the key is the controller's but not for this purpose.
                return Optional.of(new Verifier.ResolvedMethod(fallback, document));
            }
        }
        TrustRegistry trust = verifier.trustRegistry();
        if (trust != null) {
            String id = "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + key.jwkThumbprint();
            VerificationMethod method = new VerificationMethod(id, "JsonWebKey", id, key);
            if (trust.bindsKey(controller, method)) {
                return Optional.of(new Verifier.ResolvedMethod(method, null));
            }
        }
        return Optional.empty();
    }

    /** Registered claims against the document, the policy and the clock. */
    private void checkClaims(JsonObject claims, VerifiableCredential vc, VerifiablePresentation vp, String prefix, List<Check> checks) {
        String name = prefix + "jwt.claims";
        try {
            Optional<String> iss = stringClaim(claims, "iss");
            Optional<String> sub = stringClaim(claims, "sub");
            Optional<String> jti = stringClaim(claims, "jti");
            Optional<Instant> nbf = dateClaim(claims, "nbf");
            Optional<Instant> exp = dateClaim(claims, "exp");
            Optional<Instant> iat = dateClaim(claims, "iat");
            if (vc != null) {
                if (iss.isPresent() && !iss.get().equals(vc.issuerId())) {
                    throw invalid("iss '" + shorten(iss.get()) + "' is not the credential's issuer " + shorten(vc.issuerId()));
                }
                if (sub.isPresent() && vc.credentialSubjects().stream().noneMatch(s -> s.string("id").equals(sub))) {
                    throw invalid("sub '" + shorten(sub.get()) + "' is not the id of a credential subject");
                }
                if (jti.isPresent() && vc.id().isPresent() && !jti.equals(vc.id())) {
                    throw invalid("jti '" + shorten(jti.get()) + "' is not the credential's id");
                }
                sameInstant("nbf", nbf, "validFrom", vc.validFrom());
                sameInstant("exp", exp, "validUntil", vc.validUntil());
            } else {
                if (iss.isPresent() && vp.holderId().isPresent() && !iss.equals(vp.holderId())) {
                    throw invalid("iss '" + shorten(iss.get()) + "' is not the presentation's holder");
                }
                if (jti.isPresent() && vp.id().isPresent() && !jti.equals(vp.id())) {
                    throw invalid("jti '" + shorten(jti.get()) + "' is not the presentation's id");
                }
                checkAudienceAndNonce(claims);
            }
            Instant now = policy.clock().instant();
            if (iat.isPresent() && iat.get().isAfter(now.plus(policy.maxClockSkew()))) {
                throw new CredentialException(ProblemCode.PROOF_CREATED_IN_FUTURE, "iat " + iat.get() + " is after now (" + now + ")");
            }
            if (!policy.ignoresValidityPeriod()) {
                if (nbf.isPresent() && nbf.get().isAfter(now.plus(policy.maxClockSkew()))) {
                    throw new CredentialException(ProblemCode.NOT_YET_VALID, "nbf " + nbf.get() + " (now " + now + ")");
                }
                if (exp.isPresent() && exp.get().isBefore(now.minus(policy.maxClockSkew()))) {
                    throw new CredentialException(ProblemCode.EXPIRED, "exp " + exp.get() + " (now " + now + ")");
                }
            }
            checks.add(Check.passed(name, vc != null ? "consistent with the credential" : "consistent with the presentation and the policy"));
        } catch (CredentialException e) {
            checks.add(Check.failed(name, e.code(), e.getMessage()));
        }
    }

    private void checkAudienceAndNonce(JsonObject claims) throws CredentialException {
        if (policy.expectedDomain().isPresent()) {
            List<String> audiences = audiences(claims);
            if (!audiences.contains(policy.expectedDomain().get())) {
                throw new CredentialException(ProblemCode.DOMAIN_MISMATCH,
                        audiences.isEmpty() ? "the presentation has no aud" : "the presentation's aud is not the domain expected");
            }
        } else {
            audiences(claims);
        }
        Optional<String> nonce = stringClaim(claims, "nonce");
        if (policy.expectedChallenge().isPresent() && !policy.expectedChallenge().equals(nonce)) {
            throw new CredentialException(ProblemCode.CHALLENGE_MISMATCH,
                    nonce.isEmpty() ? "the presentation has no nonce" : "the presentation's nonce is not the challenge expected");
        }
    }

    private static List<String> audiences(JsonObject claims) throws CredentialException {
        Optional<JsonValue> aud = claims.get("aud");
        if (aud.isEmpty()) {
            return List.of();
        }
        Optional<String> single = claims.string("aud");
        if (single.isPresent()) {
            return List.of(single.get());
        }
        return claims.array("aud").flatMap(JsonArray::strings).orElseThrow(() -> invalid("aud must be a string or an array of strings"));
    }

    private void checkContexts(JsonObject document, String prefix, List<Check> checks) {
        try {
            contexts.checkAllowed(document);
            checks.add(Check.passed(prefix + "context", "every @context is on the offline allow-list"));
        } catch (CredentialException e) {
            checks.add(Check.failed(prefix + "context", e.code(), e.getMessage()));
        }
        checks.add(Check.skipped(prefix + "json-ld", "not needed: the JWS signs the payload bytes, so nothing can escape the signature"));
    }

    private static void sameInstant(String claim, Optional<Instant> value, String property, Optional<Instant> expected) throws CredentialException {
        if (value.isPresent() && expected.isPresent()
                && Math.abs(value.get().getEpochSecond() - expected.get().getEpochSecond()) > 1) {
            throw invalid(claim + " " + value.get() + " contradicts " + property + " " + expected.get());
        }
    }

    private static Optional<String> stringClaim(JsonObject claims, String name) throws CredentialException {
        if (!claims.has(name)) {
            return Optional.empty();
        }
        return Optional.of(claims.string(name).orElseThrow(() -> invalid("the '" + name + "' claim must be a string")));
    }

    /** An RFC 7519 NumericDate (seconds since the epoch, fractions allowed). */
    private static Optional<Instant> dateClaim(JsonObject claims, String name) throws CredentialException {
        Optional<JsonValue> value = claims.get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof JsonNumber n) || n.value().abs().compareTo(MAX_NUMERIC_DATE) > 0) {
            throw invalid("the '" + name + "' claim must be a NumericDate (seconds since the epoch)");
        }
        BigDecimal seconds = n.value().setScale(0, RoundingMode.FLOOR);
        long nanos = n.value().subtract(seconds).movePointRight(9).setScale(0, RoundingMode.FLOOR).longValue();
        return Optional.of(Instant.ofEpochSecond(seconds.longValueExact(), nanos));
    }

    static boolean isEnvelopedCredential(JsonObject credential) {
        return Envelope.kindOf(credential).filter(k -> k == Envelope.Kind.CREDENTIAL).isPresent();
    }

    private Result fail(String prefix, String step, CredentialException e, List<String> steps, List<Check> checks) {
        checks.add(Check.failed(prefix + step, e.code(), e.getMessage()));
        for (int i = steps.indexOf(step) + 1; i < steps.size(); i++) {
            checks.add(Check.skipped(prefix + steps.get(i), "not checked: an earlier check failed"));
        }
        return new Result(null, null);
    }

    private static CredentialException invalid(String message) {
        return new CredentialException(ProblemCode.INVALID_JWT, message);
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 97) + "..." : s;
    }
}
