package dev.credkit.verify;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.keys.DidDocument;
import dev.credkit.model.Envelope;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.credkit.verify.JwtMaker.claims;
import static dev.credkit.verify.JwtMaker.header;
import static dev.credkit.verify.JwtMaker.sign;
import static dev.credkit.verify.JwtMaker.vcJwt;
import static dev.credkit.verify.JwtMaker.withClaims;
import static dev.credkit.verify.JwtVerificationTest.HOLDER;
import static dev.credkit.verify.JwtVerificationTest.HOLDER_KEY;
import static dev.credkit.verify.JwtVerificationTest.PRESENTATION_VERIFIER;
import static dev.credkit.verify.JwtVerificationTest.enveloped;
import static dev.credkit.verify.JwtVerificationTest.presentation;
import static dev.credkit.verify.JwtVerificationTest.vpJwt;
import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.ISSUER_KEY;
import static dev.credkit.verify.VerifierTest.POLICY;
import static dev.credkit.verify.VerifierTest.VERIFIER;
import static dev.credkit.verify.VerifierTest.credential;
import static dev.credkit.verify.VerificationEdgesTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

/** JWT header and claim members of the wrong type, presentations that are not, and how a jwk header is bound. */
class JwtEdgesTest {
    private static final String WEB_ISSUER = "did:web:issuer.example";

    private static JsonObject vcPayload() throws Exception {
        return withClaims(credential(ISSUER), claims(credential(ISSUER)));
    }

    @Test
    void headerMembersThatAreNotStrings() throws Exception {
        JsonObject.Builder base = header(ISSUER_KEY, "vc+jwt");
        assertFailed(VERIFIER.verifyJwt(sign(base.build().with("alg", JsonNumber.of(5)), vcPayload(), ISSUER_KEY)),
                "jwt.header", ProblemCode.INVALID_JWT, "the JWS header's 'alg' is not a string");
        assertFailed(VERIFIER.verifyJwt(sign(base.build().with("typ", JsonNumber.of(5)), vcPayload(), ISSUER_KEY)),
                "jwt.header", ProblemCode.INVALID_JWT, "the JWS header's 'typ' is not a string");
        assertFailed(VERIFIER.verifyJwt(sign(base.build().with("cty", JsonNumber.of(5)), vcPayload(), ISSUER_KEY)),
                "jwt.header", ProblemCode.INVALID_JWT, "the JWS header's 'cty' is not a string");
    }

    /** A vp+jwt that fails early still reports the presentation's steps, not a credential's. */
    @Test
    void aVpJwtThatIsNoPresentationReportsPresentationSteps() throws Exception {
        VerificationResult notJson = PRESENTATION_VERIFIER.verifyJwt(sign(header(HOLDER_KEY, "vp+jwt").build().toJson(),
                "not json", HOLDER_KEY));
        assertThat(notJson.check("jwt.payload").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(notJson.check("credentials").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(notJson.check("validity-period")).isEmpty();

        JsonObject badHolder = presentation(enveloped(vcJwt(credential(ISSUER), ISSUER_KEY))).with("holder", JsonNumber.of(5));
        String brokenVp = sign(header(HOLDER_KEY, "vp+jwt").build(), withClaims(badHolder, JsonObject.builder()
                .put("aud", "https://verifier.example").put("nonce", "nonce-123").build()), HOLDER_KEY);
        VerificationResult result = PRESENTATION_VERIFIER.verifyJwt(brokenVp);
        assertThat(result.check("data-model").orElseThrow().outcome()).as(result.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.check("credentials").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(result.check("status")).isEmpty();
    }

    @Test
    void audienceAndNonceProblemsSayWhichIsWrong() throws Exception {
        JsonObject vp = presentation(enveloped(vcJwt(credential(ISSUER), ISSUER_KEY)));
        assertFailed(PRESENTATION_VERIFIER.verifyJwt(vpJwt(vp, "https://evil.example", "nonce-123")), "jwt.claims",
                ProblemCode.DOMAIN_MISMATCH, "the presentation's aud is not the domain expected");
        assertFailed(PRESENTATION_VERIFIER.verifyJwt(vpJwt(vp, null, "nonce-123")), "jwt.claims",
                ProblemCode.DOMAIN_MISMATCH, "the presentation has no aud");
        assertFailed(PRESENTATION_VERIFIER.verifyJwt(vpJwt(vp, "https://verifier.example", "replayed")), "jwt.claims",
                ProblemCode.CHALLENGE_MISMATCH, "the presentation's nonce is not the challenge expected");
        assertFailed(PRESENTATION_VERIFIER.verifyJwt(vpJwt(vp, "https://verifier.example", null)), "jwt.claims",
                ProblemCode.CHALLENGE_MISMATCH, "the presentation has no nonce");
    }

    /** aud and nonce of the wrong type are invalid whether or not the policy expects them. */
    @Test
    void audienceAndNonceOfTheWrongType() throws Exception {
        JsonObject vp = presentation(enveloped(vcJwt(credential(ISSUER), ISSUER_KEY)));
        JsonObject claims = JsonObject.builder().put("iss", HOLDER).put("aud", "https://verifier.example").put("nonce", "nonce-123").build();
        Verifier anyAudience = Verifier.builder().policy(POLICY).build();
        for (Verifier verifier : new Verifier[] {PRESENTATION_VERIFIER, anyAudience}) {
            assertFailed(verifier.verifyJwt(sign(header(HOLDER_KEY, "vp+jwt").build(),
                            withClaims(vp, claims.with("aud", JsonNumber.of(5))), HOLDER_KEY)), "jwt.claims",
                    ProblemCode.INVALID_JWT, "aud must be a string or an array of strings");
            assertFailed(verifier.verifyJwt(sign(header(HOLDER_KEY, "vp+jwt").build(),
                            withClaims(vp, claims.with("nonce", JsonNumber.of(5))), HOLDER_KEY)), "jwt.claims",
                    ProblemCode.INVALID_JWT, "the 'nonce' claim must be a string");
        }
        assertThat(anyAudience.verifyJwt(sign(header(HOLDER_KEY, "vp+jwt").build(), withClaims(vp, claims), HOLDER_KEY)).outcome())
                .isEqualTo(Outcome.VERIFIED);
    }

    /** The issuer's document lists the key twice, under {@code #auth} and {@code #assert}: only the second may sign credentials. */
    private static DidDocument issuerDocument(boolean alsoForAssertion) throws Exception {
        String multibase = ISSUER_KEY.publicKey().multibase();
        return DidDocument.parse(JsonReader.defaults().readObject("""
                {"id": "%1$s", "verificationMethod": [
                  {"id": "%1$s#auth", "type": "Multikey", "controller": "%1$s", "publicKeyMultibase": "%2$s"},
                  {"id": "%1$s#assert", "type": "Multikey", "controller": "%1$s", "publicKeyMultibase": "%2$s"}],
                 "authentication": ["#auth"], "assertionMethod": [%3$s]}"""
                .formatted(WEB_ISSUER, multibase, alsoForAssertion ? "\"#assert\"" : "")));
    }

    @Test
    void aJwkHeaderIsBoundToTheMethodAuthorizedForThePurpose() throws Exception {
        JsonObject header = JsonObject.builder().put("alg", "EdDSA").put("typ", "vc+jwt").put("jwk", ISSUER_KEY.publicKey().toJwk()).build();
        String jwt = sign(header, withClaims(credential(WEB_ISSUER), claims(credential(WEB_ISSUER))), ISSUER_KEY);

        DidDocument both = issuerDocument(true);
        VerificationResult bound = Verifier.builder().policy(POLICY).didResolver(id -> Optional.of(both).filter(d -> d.id().equals(id)))
                .build().verifyJwt(jwt);
        assertThat(bound.outcome()).as(bound.toString()).isEqualTo(Outcome.VERIFIED);
        assertThat(bound.verifiedCredential().verificationMethods()).containsExactly(WEB_ISSUER + "#assert");

        DidDocument authOnly = issuerDocument(false);
        VerificationResult unbound = Verifier.builder().policy(POLICY).didResolver(id -> Optional.of(authOnly)).build().verifyJwt(jwt);
        assertFailed(unbound, "jwt.verification-relationship", ProblemCode.VERIFICATION_METHOD_NOT_AUTHORIZED, "assertionMethod");
    }

    /** An enveloped presentation is not an enveloped credential: inside a presentation it is checked as a (broken) credential. */
    @Test
    void anEnvelopedPresentationIsNotTakenForACredential() throws Exception {
        JsonObject inner = new Envelope(Envelope.Kind.PRESENTATION, "application/vp+jwt", false,
                vpJwt(presentation(), "https://verifier.example", "nonce-123")).toJson();
        JsonObject vp = PresentationVerificationTest.signedPresentation(inner, "nonce-123", "https://verifier.example");
        VerificationResult result = PRESENTATION_VERIFIER.verifyPresentation(vp);
        assertThat(result.outcome()).as(result.toString()).isNotEqualTo(Outcome.VERIFIED);
        assertThat(result.checks()).extracting(Check::name).noneMatch(n -> n.startsWith("credential[0].jwt."));
    }
}
