package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.internal.jose.Base64Url;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.keys.DidDocument;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.model.Envelope;
import dev.credkit.proof.Cryptosuite;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static dev.credkit.verify.JwtMaker.b64;
import static dev.credkit.verify.JwtMaker.claims;
import static dev.credkit.verify.JwtMaker.header;
import static dev.credkit.verify.JwtMaker.sign;
import static dev.credkit.verify.JwtMaker.vcJwt;
import static dev.credkit.verify.JwtMaker.withClaims;
import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.OTHER_KEY;
import static dev.credkit.verify.VerifierTest.POLICY;
import static dev.credkit.verify.VerifierTest.VERIFIER;
import static dev.credkit.verify.VerifierTest.credential;
import static org.assertj.core.api.Assertions.assertThat;

/** JWT-secured credentials and presentations: positive controls, then one test per rejection. */
class JwtVerificationTest {
    static final Ed25519KeyPair HOLDER_KEY = PresentationVerificationTest.HOLDER_KEY;
    static final String HOLDER = PresentationVerificationTest.HOLDER;
    static final Verifier PRESENTATION_VERIFIER = PresentationVerificationTest.VERIFIER;

    static VerificationResult verify(String compact) {
        return VERIFIER.verify(compact.getBytes(StandardCharsets.US_ASCII));
    }

    static void assertProblem(VerificationResult result, String check, ProblemCode problem) {
        assertThat(result.outcome()).as(result.toString()).isNotEqualTo(Outcome.VERIFIED);
        assertThat(result.check(check)).as(result.toString()).hasValueSatisfying(c -> {
            assertThat(c.outcome()).isIn(CheckOutcome.FAILED, CheckOutcome.INDETERMINATE);
            assertThat(c.problem()).isEqualTo(problem);
        });
    }

    static void assertRejected(VerificationResult result, String check, ProblemCode problem) {
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.REJECTED);
        assertProblem(result, check, problem);
    }

    static JsonObject vcPayload() throws Exception {
        return withClaims(credential(ISSUER), claims(credential(ISSUER)));
    }

    // ------------------------------------------------------------------ positive controls

    @Test
    void vcJwtRoundTrip() throws Exception {
        VerificationResult result = verify(vcJwt(credential(ISSUER), ISSUER_KEY));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.checks()).extracting(Check::name).containsExactly("parse", "jwt.header", "jwt.payload", "data-model",
                "jwt.verification-method", "jwt.verification-relationship", "jwt.binding", "jwt.signature", "jwt.claims",
                "context", "json-ld", "validity-period", "issuer-trust", "status");
        assertThat(result.check("json-ld").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
        VerifiedCredential verified = result.verifiedCredential();
        assertThat(verified.issuerId()).isEqualTo(ISSUER);
        assertThat(verified.verificationMethods()).containsExactly(DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
        assertThat(verified.credential().json().string("iss")).contains(ISSUER);
    }

    @Test
    void verifyJwtAndContentDetectionAgree() throws Exception {
        String jwt = vcJwt(credential(ISSUER), ISSUER_KEY);
        assertThat(VERIFIER.verifyJwt(jwt).outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(VERIFIER.verify(("\n" + jwt + "\n").getBytes(StandardCharsets.US_ASCII)).outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void minimalVcJwtWithoutRegisteredClaimsAndWithApplicationPrefix() throws Exception {
        String jwt = sign(header(ISSUER_KEY, "application/vc+jwt").put("cty", "application/vc").build(), credential(ISSUER), ISSUER_KEY);
        VerificationResult result = verify(jwt);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void fullySpecifiedEd25519AlgorithmAndPolicyRestriction() throws Exception {
        String jwt = sign(header(ISSUER_KEY, "vc+jwt").put("alg", "Ed25519").build(), vcPayload(), ISSUER_KEY);
        assertThat(verify(jwt).outcome()).as(verify(jwt).toString()).isEqualTo(Outcome.VERIFIED);
        Verifier eddsaOnly = Verifier.builder().policy(POLICY.toBuilder().allowedJwtAlgorithms(Set.of("EdDSA")).build()).build();
        assertRejected(eddsaOnly.verifyJwt(jwt), "jwt.header", ProblemCode.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void openBadgesVcJwtWithVcClaim() throws Exception {
        JsonObject payload = claims(credential(ISSUER)).with("vc", credential(ISSUER));
        VerificationResult typed = verify(sign(header(ISSUER_KEY, "JWT").build(), payload, ISSUER_KEY));
        assertThat(typed.outcome()).as(typed.toString()).isEqualTo(Outcome.VERIFIED);
        VerificationResult untyped = verify(sign(header(ISSUER_KEY, null).build(), payload, ISSUER_KEY));
        assertThat(untyped.outcome()).as(untyped.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(untyped.verifiedCredential().credential().json()).isEqualTo(credential(ISSUER));
    }

    @Test
    void openBadgesJwtWithOnlyTheIssuersOwnJwkIsBoundThroughTheIssuersDocument() throws Exception {
        JsonObject header = JsonObject.builder().put("alg", "EdDSA").put("typ", "JWT").put("jwk", ISSUER_KEY.publicKey().toJwk()).build();
        String jwt = sign(header, claims(credential(ISSUER)).with("vc", credential(ISSUER)), ISSUER_KEY);
        VerificationResult result = verify(jwt);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void relativeKidResolvesAgainstTheIssuer() throws Exception {
        String fragment = DidKey.verificationMethodId(ISSUER_KEY.publicKey()).substring(ISSUER.length());
        String jwt = sign(header(ISSUER_KEY, "vc+jwt").put("kid", fragment).build(), vcPayload(), ISSUER_KEY);
        assertThat(verify(jwt).outcome()).as(verify(jwt).toString()).isEqualTo(Outcome.VERIFIED);
    }

    static JsonObject presentation(JsonObject... credentials) {
        return JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")))
                .put("type", JsonArray.ofStrings(List.of("VerifiablePresentation")))
                .put("holder", HOLDER)
                .put("verifiableCredential", JsonArray.of(credentials))
                .build();
    }

    static JsonObject enveloped(String vcJwt) {
        return new Envelope(Envelope.Kind.CREDENTIAL, "application/vc+jwt", false, vcJwt).toJson();
    }

    static String vpJwt(JsonObject presentation, String aud, String nonce) {
        JsonObject.Builder claims = JsonObject.builder().put("iss", HOLDER).put("iat", 1_717_243_000L);
        if (aud != null) {
            claims.put("aud", aud);
        }
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        return sign(header(HOLDER_KEY, "vp+jwt").put("cty", "vp").build(), withClaims(presentation, claims.build()), HOLDER_KEY);
    }

    @Test
    void vpJwtWithAnEnvelopedVcJwtRoundTrip() throws Exception {
        JsonObject vp = presentation(enveloped(vcJwt(credential(ISSUER), ISSUER_KEY)));
        VerificationResult result = PRESENTATION_VERIFIER.verifyJwt(vpJwt(vp, "https://verifier.example", "nonce-123"));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.verifiedPresentation().credentials()).singleElement()
                .satisfies(c -> assertThat(c.issuerId()).isEqualTo(ISSUER));
        assertThat(result.check("credential[0].jwt.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void vpJwtMayCarryDataIntegrityCredentialsToo() throws Exception {
        JsonObject signed = ProofMaker.sign(credential(ISSUER), Cryptosuite.EDDSA_RDFC_2022, ISSUER_KEY);
        VerificationResult result = PRESENTATION_VERIFIER.verifyJwt(vpJwt(presentation(signed), "https://verifier.example", "nonce-123"));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.check("credential[0].proof.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void dataIntegrityPresentationWithAnEnvelopedVcJwt() throws Exception {
        JsonObject envelope = enveloped(vcJwt(credential(ISSUER), ISSUER_KEY));
        JsonObject vp = PresentationVerificationTest.signedPresentation(envelope, "nonce-123", "https://verifier.example");
        VerificationResult result = PRESENTATION_VERIFIER.verifyPresentation(vp);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.verifiedPresentation().credentials()).hasSize(1);
        assertThat(result.check("credential[0].jwt.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);

        String tampered = JwtMaker.withPayload(vcJwt(credential(ISSUER), ISSUER_KEY),
                JwtMaker.withClaims(credential(ISSUER), claims(credential(ISSUER))).with("iat", JsonNumber.of(1L)).toJson());
        JsonObject bad = PresentationVerificationTest.signedPresentation(enveloped(tampered), "nonce-123", "https://verifier.example");
        assertRejected(PRESENTATION_VERIFIER.verifyPresentation(bad), "credential[0].jwt.signature", ProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void envelopesOfOtherMediaTypesAreUnsupported() throws Exception {
        JsonObject sdJwt = new Envelope(Envelope.Kind.CREDENTIAL, "application/vc+sd-jwt", false, "eyJ.e30.").toJson();
        VerificationResult result = PRESENTATION_VERIFIER.verifyJwt(vpJwt(presentation(sdJwt), "https://verifier.example", "nonce-123"));
        assertRejected(result, "credential[0].envelope", ProblemCode.UNSUPPORTED_CRYPTOSUITE);
    }

    // ------------------------------------------------------------------ algorithm

    @Test
    void algNoneIsNotAllowed() throws Exception {
        String unsecured = b64("{\"alg\":\"none\",\"typ\":\"vc+jwt\"}") + "." + b64(vcPayload().toJson()) + ".";
        assertRejected(verify(unsecured), "jwt.header", ProblemCode.ALGORITHM_NOT_ALLOWED);
        // Nothing after the header is looked at.
        assertThat(verify(unsecured).check("jwt.payload").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
        String withSignature = sign("{\"alg\":\"none\",\"typ\":\"vc+jwt\"}", vcPayload().toJson(), ISSUER_KEY);
        assertRejected(verify(withSignature), "jwt.header", ProblemCode.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hs256WithThePublicKeyAsHmacSecretIsNotAllowed() throws Exception {
        // The classic key-confusion attack: HMAC keyed with the issuer's public key bytes.
        String header = "{\"alg\":\"HS256\",\"kid\":\"" + DidKey.verificationMethodId(ISSUER_KEY.publicKey()) + "\",\"typ\":\"vc+jwt\"}";
        String input = b64(header) + "." + b64(vcPayload().toJson());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ISSUER_KEY.publicKey().raw(), "HmacSHA256"));
        String forged = input + "." + Base64Url.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertRejected(verify(forged), "jwt.header", ProblemCode.ALGORITHM_NOT_ALLOWED);

        mac.init(new SecretKeySpec(ISSUER_KEY.publicKey().multibase().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String forgedWithText = input + "." + Base64Url.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertRejected(verify(forgedWithText), "jwt.header", ProblemCode.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void algorithmNamesAreCaseSensitive() throws Exception {
        String jwt = sign(header(ISSUER_KEY, "vc+jwt").put("alg", "eddsa").build(), vcPayload(), ISSUER_KEY);
        assertRejected(verify(jwt), "jwt.header", ProblemCode.ALGORITHM_NOT_ALLOWED);
    }

    // ------------------------------------------------------------------ header

    @Test
    void unknownCriticalHeaderIsRejected() throws Exception {
        String jwt = sign(header(ISSUER_KEY, "vc+jwt").put("crit", JsonArray.ofStrings(List.of("exp-policy")))
                .put("exp-policy", "strict").build(), vcPayload(), ISSUER_KEY);
        assertRejected(verify(jwt), "jwt.header", ProblemCode.INVALID_JWT);
    }

    @Test
    void wrongTypIsRejected() throws Exception {
        assertRejected(verify(sign(header(ISSUER_KEY, "at+jwt").build(), vcPayload(), ISSUER_KEY)), "jwt.header", ProblemCode.INVALID_JWT);
        assertRejected(verify(sign(header(ISSUER_KEY, "vc+sd-jwt").build(), vcPayload(), ISSUER_KEY)), "jwt.header", ProblemCode.INVALID_JWT);
        assertRejected(verify(sign(header(ISSUER_KEY, "vc+jwt").put("cty", "vp").build(), vcPayload(), ISSUER_KEY)),
                "jwt.header", ProblemCode.INVALID_JWT);
    }

    @Test
    void duplicateHeaderNamesAreMalformed() {
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + DidKey.verificationMethodId(ISSUER_KEY.publicKey())
                + "\",\"typ\":\"vc+jwt\",\"typ\":\"JWT\"}";
        assertRejected(verify(sign(header, credential(ISSUER).toJson(), ISSUER_KEY)), "jwt.header", ProblemCode.MALFORMED);
    }

    @Test
    void embeddedAttackerJwkWithTheIssuersKidIsAnInvalidSignature() throws Exception {
        // The attacker signs with its own key, embeds that key, and names the issuer's key in kid.
        JsonObject header = header(ISSUER_KEY, "vc+jwt").put("jwk", OTHER_KEY.publicKey().toJwk()).build();
        assertRejected(verify(sign(header, vcPayload(), OTHER_KEY)), "jwt.signature", ProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void embeddedAttackerJwkWithoutKidIsAnUnknownKey() throws Exception {
        JsonObject header = JsonObject.builder().put("alg", "EdDSA").put("typ", "vc+jwt").put("jwk", OTHER_KEY.publicKey().toJwk()).build();
        VerificationResult result = verify(sign(header, vcPayload(), OTHER_KEY));
        assertProblem(result, "jwt.verification-method", ProblemCode.UNKNOWN_KEY);
        assertThat(result.outcome()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(result.check("jwt.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void aKeyOfAnotherIssuerIsNotBound() throws Exception {
        assertRejected(verify(sign(header(OTHER_KEY, "vc+jwt").build(), vcPayload(), OTHER_KEY)), "jwt.binding", ProblemCode.ISSUER_KEY_MISMATCH);
    }

    // ------------------------------------------------------------------ payload and claims

    @Test
    void vcClaimInsideVcJwtIsRejected() throws Exception {
        JsonObject payload = vcPayload().with("vc", credential(ISSUER));
        assertRejected(verify(sign(header(ISSUER_KEY, "vc+jwt").build(), payload, ISSUER_KEY)), "jwt.payload", ProblemCode.INVALID_JWT);
    }

    @Test
    void bareCredentialWithoutTypIsRejected() throws Exception {
        assertRejected(verify(sign(header(ISSUER_KEY, null).build(), vcPayload(), ISSUER_KEY)), "jwt.payload", ProblemCode.INVALID_JWT);
    }

    @Test
    void presentationUnderVcJwtIsRejected() throws Exception {
        JsonObject vp = presentation(enveloped(vcJwt(credential(ISSUER), ISSUER_KEY)));
        assertRejected(verify(sign(header(HOLDER_KEY, "vc+jwt").build(), vp, HOLDER_KEY)), "jwt.payload", ProblemCode.INVALID_JWT);
    }

    @Test
    void duplicateClaimNamesAreMalformed() throws Exception {
        String payload = vcPayload().toJson();
        String duplicated = payload.substring(0, payload.length() - 1) + ",\"iss\":\"did:example:attacker\"}";
        assertRejected(verify(sign(header(ISSUER_KEY, "vc+jwt").build().toJson(), duplicated, ISSUER_KEY)),
                "jwt.payload", ProblemCode.MALFORMED);
    }

    @Test
    void tenThousandDeepPayloadIsRejectedQuickly() throws Exception {
        String deep = "{\"credentialSubject\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
        String jwt = sign(header(ISSUER_KEY, "vc+jwt").build().toJson(), deep, ISSUER_KEY);
        long start = System.nanoTime();
        VerificationResult result = verify(jwt);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.check("jwt.payload").orElseThrow().problem()).isIn(ProblemCode.MALFORMED, ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void tamperedPayloadIsAnInvalidSignature() throws Exception {
        String jwt = vcJwt(credential(ISSUER), ISSUER_KEY);
        JsonObject subject = credential(ISSUER).object("credentialSubject").orElseThrow().with("alumniOf", "The School of Examplez");
        JsonObject tampered = vcPayload().with("credentialSubject", subject);
        assertRejected(verify(JwtMaker.withPayload(jwt, tampered.toJson())), "jwt.signature", ProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void issMismatchIsInvalid() throws Exception {
        JsonObject payload = vcPayload().with("iss", "did:example:someone-else");
        assertRejected(verify(sign(header(ISSUER_KEY, "vc+jwt").build(), payload, ISSUER_KEY)), "jwt.claims", ProblemCode.INVALID_JWT);
    }

    @Test
    void subAndJtiMustMatchTheCredential() throws Exception {
        assertRejected(verify(sign(header(ISSUER_KEY, "vc+jwt").build(), vcPayload().with("sub", "did:example:other"), ISSUER_KEY)),
                "jwt.claims", ProblemCode.INVALID_JWT);
        assertRejected(verify(sign(header(ISSUER_KEY, "vc+jwt").build(), vcPayload().with("jti", "urn:uuid:other"), ISSUER_KEY)),
                "jwt.claims", ProblemCode.INVALID_JWT);
    }

    @Test
    void expiredExpIsExpired() throws Exception {
        // 2024-03-01, before the policy's now (2024-06-01); the credential itself has no validUntil.
        JsonObject payload = vcPayload().with("exp", JsonNumber.of(1_709_251_200L));
        VerificationResult result = verify(sign(header(ISSUER_KEY, "vc+jwt").build(), payload, ISSUER_KEY));
        assertRejected(result, "jwt.claims", ProblemCode.EXPIRED);
        assertThat(result.check("validity-period").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void nbfInTheFutureIsNotYetValid() throws Exception {
        // 2025-01-01, after the policy's now; the credential has no validFrom to contradict it.
        JsonObject credential = credential(ISSUER).without("validFrom");
        JsonObject payload = withClaims(credential, claims(credential)).with("nbf", JsonNumber.of(1_735_689_600L));
        VerificationResult result = verify(sign(header(ISSUER_KEY, "vc+jwt").build(), payload, ISSUER_KEY));
        assertRejected(result, "jwt.claims", ProblemCode.NOT_YET_VALID);
    }

    @Test
    void nbfContradictingValidFromIsInvalid() throws Exception {
        JsonObject payload = vcPayload().with("nbf", JsonNumber.of(1_600_000_000L));
        assertRejected(verify(sign(header(ISSUER_KEY, "vc+jwt").build(), payload, ISSUER_KEY)), "jwt.claims", ProblemCode.INVALID_JWT);
    }

    @Test
    void nonNumericDatesAreInvalid() throws Exception {
        JsonObject payload = vcPayload().with("exp", "2030-01-01T00:00:00Z");
        assertRejected(verify(sign(header(ISSUER_KEY, "vc+jwt").build(), payload, ISSUER_KEY)), "jwt.claims", ProblemCode.INVALID_JWT);
    }

    @Test
    void presentationAudienceAndNonceMustMatchThePolicy() throws Exception {
        JsonObject vp = presentation(enveloped(vcJwt(credential(ISSUER), ISSUER_KEY)));
        assertRejected(PRESENTATION_VERIFIER.verifyJwt(vpJwt(vp, "https://evil.example", "nonce-123")), "jwt.claims", ProblemCode.DOMAIN_MISMATCH);
        assertRejected(PRESENTATION_VERIFIER.verifyJwt(vpJwt(vp, null, "nonce-123")), "jwt.claims", ProblemCode.DOMAIN_MISMATCH);
        assertRejected(PRESENTATION_VERIFIER.verifyJwt(vpJwt(vp, "https://verifier.example", "replayed")), "jwt.claims", ProblemCode.CHALLENGE_MISMATCH);
        assertRejected(PRESENTATION_VERIFIER.verifyJwt(vpJwt(vp, "https://verifier.example", null)), "jwt.claims", ProblemCode.CHALLENGE_MISMATCH);
        String arrayAud = sign(header(HOLDER_KEY, "vp+jwt").build(), withClaims(vp, JsonObject.builder()
                .put("aud", JsonArray.ofStrings(List.of("https://other.example", "https://verifier.example")))
                .put("nonce", "nonce-123").build()), HOLDER_KEY);
        assertThat(PRESENTATION_VERIFIER.verifyJwt(arrayAud).outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void presentationSignedByAnotherKeyThanTheHolders() throws Exception {
        JsonObject vp = presentation(enveloped(vcJwt(credential(ISSUER), ISSUER_KEY)));
        String jwt = sign(header(ISSUER_KEY, "vp+jwt").build(), withClaims(vp, JsonObject.builder()
                .put("aud", "https://verifier.example").put("nonce", "nonce-123").build()), ISSUER_KEY);
        assertRejected(PRESENTATION_VERIFIER.verifyJwt(jwt), "jwt.binding", ProblemCode.HOLDER_KEY_MISMATCH);
    }

    @Test
    void malformedCompactSerializations() {
        assertRejected(verify("eyJhbGciOiJFZERTQSJ9.e30"), "parse", ProblemCode.MALFORMED);
        assertRejected(verify("eyJhbGciOiJFZERTQSJ9.e30.AA==.x"), "parse", ProblemCode.MALFORMED);
        assertRejected(VERIFIER.verify("eyJ\u00e9.a.b".getBytes(StandardCharsets.UTF_8)), "parse", ProblemCode.MALFORMED);
    }

    @Test
    void contextsOutsideTheAllowListAreRejectedEvenThoughTheBytesAreSigned() throws Exception {
        JsonArray contexts = credential(ISSUER).array("@context").orElseThrow()
                .with(new JsonString("https://evil.example/context"));
        JsonObject credential = credential(ISSUER).with("@context", contexts);
        VerificationResult result = verify(vcJwt(credential, ISSUER_KEY));
        assertRejected(result, "context", ProblemCode.CONTEXT_NOT_ALLOWED);
        assertThat(result.check("jwt.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void theCredentialsValidityPeriodStillApplies() throws Exception {
        JsonObject expired = credential(ISSUER).with("validUntil", "2024-03-01T00:00:00Z");
        VerificationResult result = verify(vcJwt(expired, ISSUER_KEY));
        assertRejected(result, "validity-period", ProblemCode.EXPIRED);
        assertRejected(result, "jwt.claims", ProblemCode.EXPIRED);
    }

    // ------------------------------------------------------------------ the shared steps

    @Test
    void anHttpsIssuerSigningWithADidKeyNeedsATrustList() throws Exception {
        String issuer = "https://university.example/issuers/1";
        String jwt = vcJwt(credential(issuer), ISSUER_KEY);
        assertRejected(verify(jwt), "jwt.binding", ProblemCode.ISSUER_KEY_MISMATCH);
        TrustList trust = TrustList.of(List.of(new TrustedIssuer(issuer, "University", null, null, List.of(ISSUER))));
        VerificationResult bound = Verifier.builder().policy(POLICY).trustRegistry(trust).build().verifyJwt(jwt);
        assertThat(bound.outcome()).as(bound.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(bound.verifiedCredential().trustedIssuer()).map(TrustedIssuer::name).contains("University");
    }

    @Test
    void aHeaderJwkWithoutKidCountsOnlyWhenATrustListBindsThatKey() throws Exception {
        String issuer = "https://university.example/issuers/1";
        JsonObject header = JsonObject.builder().put("alg", "EdDSA").put("typ", "vc+jwt").put("jwk", ISSUER_KEY.publicKey().toJwk()).build();
        String jwt = sign(header, withClaims(credential(issuer), claims(credential(issuer))), ISSUER_KEY);
        assertProblem(verify(jwt), "jwt.verification-method", ProblemCode.UNKNOWN_KEY);
        TrustList trust = TrustList.of(List.of(new TrustedIssuer(issuer, null, null, null, List.of(ISSUER_KEY.publicKey().multibase()))));
        VerificationResult bound = Verifier.builder().policy(POLICY).trustRegistry(trust).build().verifyJwt(jwt);
        assertThat(bound.outcome()).as(bound.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(bound.check("jwt.verification-relationship").orElseThrow().message()).contains("trust list");
    }

    @Test
    void didWebKeysComeFromSuppliedDocumentsWithRelativeKid() throws Exception {
        String issuer = "did:web:university.example";
        DidDocument document = VerifierTest.didWeb(issuer, "key-2", "key-1", "key-2");
        Verifier verifier = Verifier.builder().policy(POLICY).didResolver(DidResolver.of(List.of(document))).build();
        JsonObject payload = withClaims(credential(issuer), claims(credential(issuer)));
        String byKey2 = sign(header(VerifierTest.key(11), "vc+jwt").put("kid", "#key-2").build(), payload, VerifierTest.key(11));
        assertThat(verifier.verifyJwt(byKey2).outcome()).as(verifier.verifyJwt(byKey2).toString()).isEqualTo(Outcome.VERIFIED);
        String byKey1 = sign(header(VerifierTest.key(10), "vc+jwt").put("kid", "#key-1").build(), payload, VerifierTest.key(10));
        assertRejected(verifier.verifyJwt(byKey1), "jwt.verification-relationship", ProblemCode.VERIFICATION_METHOD_NOT_AUTHORIZED);
    }

    @Test
    void statusIsCheckedAfterTheSignature() throws Exception {
        JsonObject status = JsonObject.builder().put("id", "https://status.example/list/1#42")
                .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
                .put("statusListIndex", "42").put("statusListCredential", "https://status.example/list/1").build();
        VerificationResult result = verify(vcJwt(credential(ISSUER).with("credentialStatus", status), ISSUER_KEY));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(result.check("status").orElseThrow().problem()).isEqualTo(ProblemCode.STATUS_UNAVAILABLE);
    }
}
