package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.credkit.verify.JwtMaker.claims;
import static dev.credkit.verify.JwtMaker.header;
import static dev.credkit.verify.JwtMaker.sign;
import static dev.credkit.verify.JwtMaker.vcJwt;
import static dev.credkit.verify.JwtMaker.withClaims;
import static dev.credkit.verify.JwtVerificationTest.HOLDER;
import static dev.credkit.verify.JwtVerificationTest.HOLDER_KEY;
import static dev.credkit.verify.JwtVerificationTest.assertProblem;
import static dev.credkit.verify.JwtVerificationTest.assertRejected;
import static dev.credkit.verify.JwtVerificationTest.enveloped;
import static dev.credkit.verify.JwtVerificationTest.presentation;
import static dev.credkit.verify.JwtVerificationTest.verify;
import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.credential;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWT claims that must agree with the document, the accepted payload forms and what each JWT step
 * reports (written against mutants PIT found surviving in JwtVerification).
 */
class JwtClaimsTest {
    /** validUntil of the test credential, and the matching exp. */
    static final String VALID_UNTIL = "2030-01-01T00:00:00Z";
    static final long EXP = 1_893_456_000L;

    static String vcJwtWith(JsonObject credential, String claim, JsonNumber value) throws Exception {
        JsonObject payload = withClaims(credential, claims(credential)).with(claim, value);
        return sign(header(ISSUER_KEY, "vc+jwt").build(), payload, ISSUER_KEY);
    }

    static String message(VerificationResult result, String check) {
        return result.check(check).orElseThrow().message();
    }

    @Test
    void expMustAgreeWithValidUntilToTheSecond() throws Exception {
        JsonObject credential = credential(ISSUER).with("validUntil", VALID_UNTIL);
        assertThat(verify(vcJwtWith(credential, "exp", JsonNumber.of(EXP))).outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verify(vcJwtWith(credential, "exp", JsonNumber.of(EXP + 1))).outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verify(vcJwtWith(credential, "exp", JsonNumber.of(EXP - 1))).outcome()).isEqualTo(Outcome.VERIFIED);
        VerificationResult off = verify(vcJwtWith(credential, "exp", JsonNumber.of(EXP + 2)));
        assertRejected(off, "jwt.claims", ProblemCode.INVALID_JWT);
        assertThat(message(off, "jwt.claims")).contains("exp").contains("contradicts validUntil");
    }

    @Test
    void nbfWithinASecondOfValidFromIsTheSameInstant() throws Exception {
        long validFrom = 1_672_531_200L; // 2023-01-01T00:00:00Z
        assertThat(verify(vcJwtWith(credential(ISSUER), "nbf", JsonNumber.of(validFrom + 1))).outcome()).isEqualTo(Outcome.VERIFIED);
        assertRejected(verify(vcJwtWith(credential(ISSUER), "nbf", JsonNumber.of(validFrom - 2))), "jwt.claims", ProblemCode.INVALID_JWT);
    }

    @Test
    void numericDatesUpToTheLimit() throws Exception {
        BigDecimal max = BigDecimal.valueOf(100_000_000_000L);
        // iat at the limit is read (and lies far in the future); past the limit it is not a NumericDate
        assertRejected(verify(vcJwtWith(credential(ISSUER), "iat", new JsonNumber(max))), "jwt.claims", ProblemCode.PROOF_CREATED_IN_FUTURE);
        VerificationResult past = verify(vcJwtWith(credential(ISSUER), "iat", new JsonNumber(max.add(BigDecimal.ONE))));
        assertRejected(past, "jwt.claims", ProblemCode.INVALID_JWT);
        assertThat(message(past, "jwt.claims")).contains("must be a NumericDate");
        assertThat(verify(vcJwtWith(credential(ISSUER), "iat", new JsonNumber(max.negate()))).outcome()).isEqualTo(Outcome.VERIFIED);
        assertRejected(verify(vcJwtWith(credential(ISSUER), "iat", new JsonNumber(max.negate().subtract(BigDecimal.ONE)))),
                "jwt.claims", ProblemCode.INVALID_JWT);
        assertThat(verify(vcJwtWith(credential(ISSUER), "iat", new JsonNumber(new BigDecimal("1704067200.5")))).outcome())
                .isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void presentationClaimsMustAgreeWithThePresentation() throws Exception {
        JsonObject vp = presentation(enveloped(vcJwt(credential(ISSUER), ISSUER_KEY))).with("id", "urn:uuid:7d9a4d3c-1");
        JsonObject.Builder good = JsonObject.builder().put("iss", HOLDER).put("jti", "urn:uuid:7d9a4d3c-1");
        VerificationResult ok = VerifierTest.VERIFIER.verifyJwt(vpJwt(vp, good.build()));
        assertThat(ok.outcome()).as(ok.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(message(ok, "jwt.claims")).isEqualTo("consistent with the presentation and the policy");
        assertThat(message(ok, "jwt.payload")).isEqualTo("the payload is the presentation");
        assertThat(message(ok, "jwt.binding")).isEqualTo("controlled by the holder");

        VerificationResult iss = VerifierTest.VERIFIER.verifyJwt(vpJwt(vp, JsonObject.builder().put("iss", ISSUER).build()));
        assertRejected(iss, "jwt.claims", ProblemCode.INVALID_JWT);
        assertThat(message(iss, "jwt.claims")).contains("is not the presentation's holder");
        VerificationResult jti = VerifierTest.VERIFIER.verifyJwt(vpJwt(vp, JsonObject.builder().put("jti", "urn:uuid:other").build()));
        assertRejected(jti, "jwt.claims", ProblemCode.INVALID_JWT);
        assertThat(message(jti, "jwt.claims")).contains("is not the presentation's id");
    }

    @Test
    void aVpJwtWithAContextOffTheAllowListIsRejected() throws Exception {
        JsonObject vp = presentation(enveloped(vcJwt(credential(ISSUER), ISSUER_KEY)));
        JsonObject evil = vp.with("@context", JsonArray.of(new JsonString("https://www.w3.org/ns/credentials/v2"),
                new JsonString("https://evil.example/context")));
        VerificationResult result = VerifierTest.VERIFIER.verifyJwt(vpJwt(evil, JsonObject.empty()));
        assertRejected(result, "context", ProblemCode.CONTEXT_NOT_ALLOWED);
        assertThat(result.check("jwt.signature").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void eachFormSaysWhatItRead() throws Exception {
        VerificationResult vcJose = verify(vcJwt(credential(ISSUER), ISSUER_KEY));
        assertThat(message(vcJose, "jwt.header")).isEqualTo("alg EdDSA, typ vc+jwt");
        assertThat(message(vcJose, "jwt.payload")).isEqualTo("the payload is the credential");
        assertThat(message(vcJose, "jwt.claims")).isEqualTo("consistent with the credential");
        assertThat(message(vcJose, "jwt.binding")).isEqualTo("controlled by the issuer");
        assertThat(vcJose.verifiedCredential().verificationMethods()).singleElement().asString().startsWith(ISSUER + "#");

        JsonObject legacy = claims(credential(ISSUER)).with("vc", credential(ISSUER));
        VerificationResult untyped = verify(sign(header(ISSUER_KEY, null).build(), legacy, ISSUER_KEY));
        assertThat(message(untyped, "jwt.header")).isEqualTo("alg EdDSA, no typ");
        assertThat(message(untyped, "jwt.payload")).isEqualTo("JWT claims with the credential in 'vc'");
    }

    @Test
    void legacyPayloadsMustCarryACredentialInVc() throws Exception {
        JsonObject claims = claims(credential(ISSUER));
        payloadRefused(sign(header(ISSUER_KEY, "JWT").build(), claims.with("vc", credential(ISSUER)).with("vp", JsonObject.empty()), ISSUER_KEY),
                "'vp' claim (VC 1.1 presentations) are not supported");
        payloadRefused(sign(header(ISSUER_KEY, "JWT").build(), claims.with("vc", "a string"), ISSUER_KEY), "the 'vc' claim is not an object");
        payloadRefused(sign(header(ISSUER_KEY, "JWT").build(), claims, ISSUER_KEY), "must carry the credential in a 'vc' claim");
        payloadRefused(sign(header(ISSUER_KEY, "JWT").build(), claims.with("vc", presentation(credential(ISSUER))), ISSUER_KEY),
                "the 'vc' claim holds a presentation");
        payloadRefused(sign(header(HOLDER_KEY, "vp+jwt").build(), withClaims(credential(ISSUER), claims), HOLDER_KEY),
                "typ vp+jwt but the payload is a credential");
        payloadRefused(sign(header(ISSUER_KEY, "vc+jwt").build(), withClaims(credential(ISSUER), claims).with("vp", JsonObject.empty()), ISSUER_KEY),
                "the 'vp' claim is not allowed");
    }

    private static void payloadRefused(String jwt, String message) {
        VerificationResult result = verify(jwt);
        assertRejected(result, "jwt.payload", ProblemCode.INVALID_JWT);
        assertThat(message(result, "jwt.payload")).contains(message);
    }

    @Test
    void aBlankKidIsInvalid() throws Exception {
        VerificationResult result = verify(sign(header(ISSUER_KEY, "vc+jwt").put("kid", " ").build(), JwtVerificationTest.vcPayload(), ISSUER_KEY));
        assertRejected(result, "jwt.header", ProblemCode.INVALID_JWT);
        assertThat(message(result, "jwt.header")).isEqualTo("the JWS header's 'kid' must be a non-empty string");
    }

    @Test
    void withoutKidAKeyUrlInTheHeaderIsNeverFollowed() throws Exception {
        JsonObject payload = JwtVerificationTest.vcPayload();
        for (String member : new String[] {"jku", "x5u"}) {
            JsonObject h = JsonObject.builder().put("alg", "EdDSA").put("typ", "vc+jwt").put(member, "https://keys.example/k").build();
            VerificationResult result = verify(sign(h, payload, ISSUER_KEY));
            assertProblem(result, "jwt.verification-method", ProblemCode.UNKNOWN_KEY);
            assertThat(message(result, "jwt.verification-method")).endsWith("(a key embedded in the header is never trusted on its own)");
        }
        JsonObject x5c = JsonObject.builder().put("alg", "EdDSA").put("typ", "vc+jwt").put("x5c", JsonArray.of(new JsonString("MIIB"))).build();
        assertThat(message(verify(sign(x5c, payload, ISSUER_KEY)), "jwt.verification-method")).endsWith("never trusted on its own)");
        JsonObject bare = JsonObject.builder().put("alg", "EdDSA").put("typ", "vc+jwt").build();
        VerificationResult none = verify(sign(bare, payload, ISSUER_KEY));
        assertThat(message(none, "jwt.verification-method")).isEqualTo("the JWT names no key: its header has no 'kid'");
    }

    static String vpJwt(JsonObject presentation, JsonObject claims) {
        return sign(header(HOLDER_KEY, "vp+jwt").put("cty", "vp").build(), withClaims(presentation, claims), HOLDER_KEY);
    }
}
