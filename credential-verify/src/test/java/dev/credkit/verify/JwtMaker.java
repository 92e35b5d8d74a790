package dev.credkit.verify;

import dev.credkit.internal.jose.Base64Url;
import dev.credkit.json.JsonObject;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.model.VerifiableCredential;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Test-only JWT signing from raw header and payload text, so that tests can produce correctly
 * signed tokens that break exactly one rule (credential-verify never depends on credential-signing).
 */
final class JwtMaker {
    private JwtMaker() {
    }

    static String b64(String text) {
        return Base64Url.encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs {@code header.payload} exactly as written. */
    static String sign(String headerJson, String payloadJson, Ed25519KeyPair key) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + Base64Url.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String sign(JsonObject header, JsonObject payload, Ed25519KeyPair key) {
        return sign(header.toJson(), payload.toJson(), key);
    }

    static JsonObject.Builder header(Ed25519KeyPair key, String typ) {
        JsonObject.Builder h = JsonObject.builder().put("alg", "EdDSA").put("kid", DidKey.verificationMethodId(key.publicKey()));
        return typ == null ? h : h.put("typ", typ);
    }

    /** The registered claims a credential implies: iss, jti, sub, nbf, exp, iat. */
    static JsonObject claims(JsonObject credential) throws Exception {
        VerifiableCredential vc = VerifiableCredential.of(credential);
        JsonObject.Builder c = JsonObject.builder().put("iss", vc.issuerId());
        vc.id().ifPresent(id -> c.put("jti", id));
        List<JsonObject> subjects = vc.credentialSubjects();
        if (subjects.size() == 1) {
            subjects.get(0).string("id").ifPresent(id -> c.put("sub", id));
        }
        vc.validFrom().ifPresent(t -> c.put("nbf", t.getEpochSecond()));
        vc.validUntil().ifPresent(t -> c.put("exp", t.getEpochSecond()));
        return c.put("iat", 1_704_067_200L).build();
    }

    /** The payload of a vc+jwt: the credential followed by its claims. */
    static JsonObject withClaims(JsonObject document, JsonObject claims) {
        JsonObject.Builder b = document.toBuilder();
        claims.members().forEach(b::put);
        return b.build();
    }

    /** A valid vc+jwt of {@code credential} signed by {@code key}. */
    static String vcJwt(JsonObject credential, Ed25519KeyPair key) throws Exception {
        return sign(header(key, "vc+jwt").put("cty", "vc").build(), withClaims(credential, claims(credential)), key);
    }

    /** Replaces the payload part (the signature stays). */
    static String withPayload(String compact, String payloadJson) {
        String[] parts = compact.split("\\.", -1);
        return parts[0] + "." + b64(payloadJson) + "." + parts[2];
    }
}
