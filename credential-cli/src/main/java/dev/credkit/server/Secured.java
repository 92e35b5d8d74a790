package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.model.Envelope;
import dev.credkit.verify.VerificationResult;
import dev.credkit.verify.Verifier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Secured documents in their two shapes: with an embedded proof (Data Integrity), or enveloped
 * as a JWT ({@code EnvelopedVerifiableCredential} whose {@code data:application/vc+jwt,…} id
 * carries a compact JWS, or the compact JWS itself as a JSON string).
 */
final class Secured {
    private Secured() {
    }

    /** Verifies a credential in either shape; a presentation when {@code presentation} is set. */
    static VerificationResult verify(Verifier verifier, JsonValue document, boolean presentation) throws HttpError {
        if (document instanceof JsonString s) {
            return verifier.verifyJwt(s.value());
        }
        if (!(document instanceof JsonObject o)) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "expected a JSON object or a compact JWS string");
        }
        if (Envelope.kindOf(o).isPresent()) {
            return verifier.verifyJwt(compactJws(o));
        }
        return presentation ? verifier.verifyPresentation(o) : verifier.verifyCredential(o);
    }

    /** The credential a stored document carries: itself, or the payload of its enveloped JWT. */
    static JsonObject credentialOf(JsonObject document) {
        if (Envelope.kindOf(document).isEmpty()) {
            return document;
        }
        try {
            return payloadCredential(compactJws(document)).orElse(document);
        } catch (HttpError e) {
            return document; // shown as what it is; its verification reports the problem
        }
    }

    /**
     * The credential in a compact JWS payload (unverified, for display next to the verification
     * report): the payload itself (vc+jwt), or its {@code vc} claim (Open Badges VC-JWT).
     */
    static java.util.Optional<JsonObject> payloadCredential(String compact) {
        try {
            int first = compact.indexOf('.');
            int second = compact.indexOf('.', first + 1);
            byte[] payload = Base64.getUrlDecoder().decode(compact.substring(first + 1, second));
            JsonObject claims = JsonReader.defaults().readObject(payload);
            return java.util.Optional.of(claims.object("vc").orElse(claims));
        } catch (CredentialException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return java.util.Optional.empty();
        }
    }

    private static String compactJws(JsonObject envelope) throws HttpError {
        Envelope e;
        try {
            e = Envelope.of(envelope);
        } catch (CredentialException ex) {
            throw HttpError.badRequest(ex.code(), ex.getMessage());
        }
        String type = e.mediaType().toLowerCase(Locale.ROOT);
        if (!type.equals("application/vc+jwt") && !type.equals("application/vp+jwt") && !type.equals("application/jwt")) {
            throw HttpError.unprocessable(ProblemCode.UNSUPPORTED_CRYPTOSUITE, "enveloped " + e.mediaType() + " is not supported (only vc+jwt and vp+jwt)");
        }
        return e.base64() ? new String(Base64.getDecoder().decode(e.data()), StandardCharsets.US_ASCII) : e.data();
    }
}
