package dev.credkit.internal.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * Produces compact JWS through Nimbus with header and payload bytes that credkit serializes
 * itself (compact JSON, member order kept), so the token is exactly what the caller built.
 */
public final class JwsSigning {
    private JwsSigning() {
    }

    /**
     * Signs {@code payload} under {@code header} (which must name {@code EdDSA} or {@code Ed25519}).
     *
     * @throws CredentialException whatever the signer threw, unchanged (e.g. a retryable signer
     *     failure), or INTERNAL_ERROR when Nimbus refuses the header credkit built
     */
    public static String sign(JsonObject header, JsonObject payload, RawSigner signer) throws CredentialException {
        Base64URL encodedHeader = Base64URL.encode(header.toJson().getBytes(StandardCharsets.UTF_8));
        Base64URL encodedPayload = Base64URL.encode(payload.toJson().getBytes(StandardCharsets.UTF_8));
        JWSObject jws;
        try {
            jws = new JWSObject(JWSHeader.parse(NimbusJson.toMap(header), encodedHeader), new Payload(encodedPayload));
        } catch (ParseException e) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR, "Nimbus refused the JWS header: " + CompactJws.shorten(e.getMessage()));
        }
        try {
            jws.sign(new SignerJwsSigner(signer));
        } catch (SignerJwsSigner.SignerFailure e) {
            throw e.failure();
        } catch (JOSEException e) {
            throw new CredentialException(ProblemCode.SIGNER_FAILED, "JWS signing failed: " + CompactJws.shorten(e.getMessage()), e);
        }
        return jws.serialize();
    }
}
