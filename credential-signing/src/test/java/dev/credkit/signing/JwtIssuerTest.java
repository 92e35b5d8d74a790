package dev.credkit.signing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.SignedJWT;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.jose.Base64Url;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.model.Envelope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtIssuerTest {
    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    static final Ed25519KeyPair KEY = key(1);
    static final String ISSUER = DidKey.did(KEY.publicKey());
    static final String KID = DidKey.verificationMethodId(KEY.publicKey());
    static final JwtIssuer JWT = JwtIssuer.builder().signer(Signers.didKey(KEY)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    static Ed25519KeyPair key(int fill) {
        try {
            byte[] seed = new byte[32];
            Arrays.fill(seed, (byte) fill);
            return Ed25519KeyPair.fromSeed(seed);
        } catch (CredentialException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject credential() {
        return JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2",
                        "https://www.w3.org/ns/credentials/examples/v2")))
                .put("id", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33")
                .put("type", JsonArray.ofStrings(List.of("VerifiableCredential", "AlumniCredential")))
                .put("issuer", ISSUER)
                .put("validFrom", "2023-01-01T00:00:00Z")
                .put("validUntil", "2033-01-01T00:00:00.500Z")
                .put("credentialSubject", JsonObject.builder().put("id", "did:example:abcdefgh")
                        .put("alumniOf", "The School of Examples").build())
                .build();
    }

    static JsonObject part(String compact, int index) throws CredentialException {
        return JsonReader.defaults().readObject(Base64Url.decode(compact.split("\\.")[index], "part"));
    }

    @Test
    void vcJwtCarriesTheCredentialAndTheRegisteredClaims() throws Exception {
        SignedJwt jwt = JWT.issue(credential());
        assertThat(part(jwt.compact(), 0).toJson())
                .isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\",\"typ\":\"vc+jwt\",\"cty\":\"vc\"}");
        JsonObject payload = part(jwt.compact(), 1);
        assertThat(payload).isEqualTo(jwt.claims());
        assertThat(payload.without("iss").without("jti").without("sub").without("nbf").without("exp").without("iat"))
                .isEqualTo(credential());
        assertThat(payload.string("iss")).contains(ISSUER);
        assertThat(payload.string("jti")).contains("urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33");
        assertThat(payload.string("sub")).contains("did:example:abcdefgh");
        assertThat(payload.get("nbf")).contains(JsonNumber.of(1_672_531_200L));
        assertThat(payload.get("exp")).contains(JsonNumber.of(1_988_150_400L));
        assertThat(payload.get("iat")).contains(JsonNumber.of(NOW.getEpochSecond()));
        assertThat(jwt.type()).isEqualTo("vc+jwt");
        assertThat(jwt.warnings()).isEmpty();
        assertThat(jwt.toString()).isEqualTo(jwt.compact());
    }

    @Test
    void signatureVerifiesWithCredkitsOwnKey() throws Exception {
        String compact = JWT.issue(credential()).compact();
        int dot = compact.lastIndexOf('.');
        byte[] input = compact.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        assertThat(KEY.publicKey().verify(input, Base64Url.decode(compact.substring(dot + 1), "sig"))).isTrue();
    }

    @Test
    void deterministicWithAFixedIssuedAt() throws Exception {
        JwtOptions options = JwtOptions.builder().issuedAt(Instant.parse("2024-01-01T00:00:00Z")).build();
        assertThat(JWT.issue(credential(), options).compact()).isEqualTo(JWT.issue(credential(), options).compact());
    }

    @Test
    void fullySpecifiedAlgorithmAndOmittedClaims() throws Exception {
        SignedJwt jwt = JWT.issue(credential(), JwtOptions.builder().fullySpecifiedAlgorithm().omitRegisteredClaims().build());
        assertThat(jwt.header().string("alg")).contains("Ed25519");
        assertThat(part(jwt.compact(), 1)).isEqualTo(credential());
        assertThat(JWT.issue(credential(), JwtOptions.builder().omitIssuedAt().build()).claims().has("iat")).isFalse();
    }

    @Test
    void openBadgesFormPutsTheCredentialInAVcClaim() throws Exception {
        SignedJwt jwt = JWT.issue(credential(), JwtOptions.builder().openBadges().build());
        assertThat(part(jwt.compact(), 0).toJson()).isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}");
        JsonObject payload = part(jwt.compact(), 1);
        assertThat(payload.object("vc")).contains(credential());
        assertThat(payload.keys()).containsExactly("iss", "jti", "sub", "nbf", "exp", "iat", "vc");
        assertThatThrownBy(jwt::envelope).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void vpJwtWithAnEnvelopedCredential() throws Exception {
        Ed25519KeyPair holderKey = key(7);
        String holder = DidKey.did(holderKey.publicKey());
        JwtIssuer holderJwt = JwtIssuer.builder().signer(Signers.didKey(holderKey)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        JsonObject envelope = JWT.issue(credential()).envelope();
        assertThat(Envelope.of(envelope).mediaType()).isEqualTo("application/vc+jwt");
        JsonObject vp = JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")))
                .put("type", JsonArray.ofStrings(List.of("VerifiablePresentation")))
                .put("holder", holder)
                .put("verifiableCredential", JsonArray.of(envelope))
                .build();
        SignedJwt jwt = holderJwt.present(vp, JwtOptions.builder().domain("https://verifier.example").challenge("nonce-123").build());
        assertThat(jwt.header().string("typ")).contains("vp+jwt");
        assertThat(jwt.header().string("cty")).contains("vp");
        JsonObject payload = part(jwt.compact(), 1);
        assertThat(payload.string("iss")).contains(holder);
        assertThat(payload.string("aud")).contains("https://verifier.example");
        assertThat(payload.string("nonce")).contains("nonce-123");
        assertThat(payload.array("verifiableCredential")).contains(JsonArray.of(envelope));
        assertThat(jwt.envelope().string("type")).contains("EnvelopedVerifiablePresentation");
    }

    @Test
    void invalidCredentialsAreRefusedBeforeSigning() {
        AtomicReference<byte[]> signed = new AtomicReference<>();
        Signer spy = new Signer() {
            public String verificationMethod() {
                return KID;
            }

            public SignatureAlgorithm algorithm() {
                return SignatureAlgorithm.ED25519;
            }

            public byte[] sign(byte[] data) {
                signed.set(data);
                return KEY.sign(data);
            }
        };
        JwtIssuer issuer = JwtIssuer.builder().signer(spy).build();
        assertThatThrownBy(() -> issuer.issue(credential().without("credentialSubject")))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL));
        assertThatThrownBy(() -> issuer.issue(credential().with("vc", JsonObject.empty())))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_JWT));
        assertThatThrownBy(() -> issuer.issue(credential().with("iss", "did:example:other")))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_JWT));
        assertThatThrownBy(() -> issuer.issue(credential().with("@context",
                JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2", "https://evil.example/context")))))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.CONTEXT_NOT_ALLOWED));
        assertThat(signed.get()).isNull();
    }

    @Test
    void signerFailuresComeThroughUnchanged() {
        SignerException unavailable = SignerException.retryable("KMS timed out", null);
        SignerException refused = SignerException.permanent("key disabled", null);
        for (SignerException failure : List.of(unavailable, refused)) {
            JwtIssuer issuer = JwtIssuer.builder().signer(failing(failure)).build();
            assertThatThrownBy(() -> issuer.issue(credential())).isSameAs(failure);
        }
        assertThat(unavailable.isRetryable()).isTrue();

        JwtIssuer shortSignature = JwtIssuer.builder().signer(returning(new byte[10])).build();
        assertThatThrownBy(() -> shortSignature.issue(credential())).isInstanceOfSatisfying(SignerException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.SIGNER_FAILED));
    }

    @Test
    void aKeyTheIssuerDoesNotControlIsWarnedAbout() throws Exception {
        JwtIssuer other = JwtIssuer.builder().signer(Signers.didKey(key(2))).build();
        assertThat(other.issue(credential()).warnings()).singleElement().asString().contains("not controlled by the issuer");
    }

    @Test
    void optionsRefuseContradictions() {
        assertThatThrownBy(() -> JwtOptions.builder().omitRegisteredClaims().issuedAt(NOW).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JwtOptions.builder().openBadges().omitRegisteredClaims().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JWT.issue(credential(), JwtOptions.builder().expires(NOW).build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JWT.issue(credential(), JwtOptions.builder().challenge("c").build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwtOptions.builder().keyId(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ interop with plain Nimbus (test-only Tink)

    @Test
    void plainNimbusVerifiesCredkitTokensWithThePublicJwk() throws Exception {
        OctetKeyPair publicJwk = OctetKeyPair.parse(KEY.publicKey().toJwk().toJson());
        for (JwtOptions options : List.of(JwtOptions.defaults(), JwtOptions.builder().openBadges().build())) {
            SignedJWT jwt = SignedJWT.parse(JWT.issue(credential(), options).compact());
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
            assertThat(jwt.verify(new Ed25519Verifier(publicJwk))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("did:example:abcdefgh");
            assertThat(jwt.getJWTClaimsSet().getNotBeforeTime().toInstant()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        }
        SignedJWT fullySpecified = SignedJWT.parse(JWT.issue(credential(), JwtOptions.builder().fullySpecifiedAlgorithm().build()).compact());
        assertThat(fullySpecified.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.Ed25519);
        assertThat(fullySpecified.verify(new Ed25519Verifier(publicJwk))).isTrue();
        JWSObject tampered = JWSObject.parse(JWT.issue(credential()).compact().replaceFirst("\\.eyJ", ".eyK"));
        assertThat(tampered.verify(new Ed25519Verifier(publicJwk))).isFalse();
    }

    static Signer failing(SignerException failure) {
        return new Signer() {
            public String verificationMethod() {
                return KID;
            }

            public SignatureAlgorithm algorithm() {
                return SignatureAlgorithm.ED25519;
            }

            public byte[] sign(byte[] data) throws SignerException {
                throw failure;
            }
        };
    }

    static Signer returning(byte[] signature) {
        return new Signer() {
            public String verificationMethod() {
                return KID;
            }

            public SignatureAlgorithm algorithm() {
                return SignatureAlgorithm.ED25519;
            }

            public byte[] sign(byte[] data) {
                return signature;
            }
        };
    }
}
