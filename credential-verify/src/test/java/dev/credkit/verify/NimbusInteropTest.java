package dev.credkit.verify;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Date;

import static dev.credkit.verify.JwtMaker.claims;
import static dev.credkit.verify.JwtMaker.withClaims;
import static dev.credkit.verify.VerifierTest.ISSUER;
import static dev.credkit.verify.VerifierTest.VERIFIER;
import static dev.credkit.verify.VerifierTest.credential;
import static org.assertj.core.api.Assertions.assertThat;

/** Tokens made by plain Nimbus (Ed25519Signer, test-only Tink) verify with credkit. */
class NimbusInteropTest {
    static OctetKeyPair issuerJwk() throws Exception {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 1); // VerifierTest.ISSUER_KEY
        Ed25519KeyPair key = Ed25519KeyPair.fromSeed(seed);
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(key.publicKey().raw()))
                .d(Base64URL.encode(seed)).keyID(DidKey.verificationMethodId(key.publicKey())).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "Ed25519"})
    void vcJwtSignedByNimbusVerifies(String alg) throws Exception {
        OctetKeyPair jwk = issuerJwk();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.parse(alg)).keyID(jwk.getKeyID())
                .type(new JOSEObjectType("vc+jwt")).contentType("vc").build(),
                new Payload(withClaims(credential(ISSUER), claims(credential(ISSUER))).toJson()));
        jws.sign(new Ed25519Signer(jwk));
        VerificationResult result = VERIFIER.verifyJwt(jws.serialize());
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void openBadgesVcJwtSignedByNimbusVerifies() throws Exception {
        OctetKeyPair jwk = issuerJwk();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .jwtID("urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33")
                .subject("did:example:abcdefgh")
                .notBeforeTime(new Date(1_672_531_200_000L))
                .issueTime(new Date(1_704_067_200_000L))
                .claim("vc", JSONObjectUtils.parse(credential(ISSUER).toJson()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(JOSEObjectType.JWT)
                .jwk(jwk.toPublicJWK()).build(), claims);
        jwt.sign(new Ed25519Signer(jwk));
        VerificationResult result = VERIFIER.verifyJwt(jwt.serialize());
        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.VERIFIED);
    }
}
