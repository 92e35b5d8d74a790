package dev.credkit.internal.jose;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;

import java.util.Locale;
import java.util.Optional;

/**
 * Names shared by issuing and verifying JWT-secured credentials (W3C VC-JOSE-COSE, and the
 * Open Badges 3.0 / VC 1.1 VC-JWT form), and the {@code Enveloped…} objects that carry a JWT
 * inside a presentation.
 */
public final class JwtForms {
    public static final String TYP_VC = "vc+jwt";
    public static final String TYP_VP = "vp+jwt";
    /** The Open Badges 3.0 / VC 1.1 VC-JWT {@code typ}. */
    public static final String TYP_JWT = "JWT";
    public static final String CTY_VC = "vc";
    public static final String CTY_VP = "vp";

    public static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String ENVELOPED_CREDENTIAL = "EnvelopedVerifiableCredential";
    public static final String ENVELOPED_PRESENTATION = "EnvelopedVerifiablePresentation";
    private static final String VC_DATA_URL = "data:application/vc+jwt,";
    private static final String VP_DATA_URL = "data:application/vp+jwt,";

    private JwtForms() {
    }

    /**
     * A {@code typ} or {@code cty} value as a media type without the {@code application/} prefix,
     * lower-cased (RFC 7515 §4.1.9: media types compare case-insensitively).
     */
    public static String mediaType(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }

    /** {@code {"@context": v2, "id": "data:application/vc+jwt,<jws>", "type": "EnvelopedVerifiableCredential"}}. */
    public static JsonObject envelopeCredential(String compact) {
        return envelope(compact, VC_DATA_URL, ENVELOPED_CREDENTIAL);
    }

    /** The same for a {@code vp+jwt}: {@code EnvelopedVerifiablePresentation}. */
    public static JsonObject envelopePresentation(String compact) {
        return envelope(compact, VP_DATA_URL, ENVELOPED_PRESENTATION);
    }

    private static JsonObject envelope(String compact, String prefix, String type) {
        return JsonObject.builder().put("@context", VC_V2_CONTEXT).put("id", prefix + compact).put("type", type).build();
    }

    /** True when the object's {@code type} is {@code EnvelopedVerifiableCredential}. */
    public static boolean isEnvelopedCredential(JsonObject object) {
        return object.string("type").filter(ENVELOPED_CREDENTIAL::equals).isPresent();
    }

    /**
     * The compact JWS inside an {@code EnvelopedVerifiableCredential}; empty when the envelope
     * holds another media type (e.g. SD-JWT or COSE, which credkit does not verify).
     *
     * @throws CredentialException MALFORMED when the {@code id} is not a data URL
     */
    public static Optional<String> envelopedJwt(JsonObject enveloped) throws CredentialException {
        String id = enveloped.string("id").orElseThrow(() ->
                new CredentialException(ProblemCode.MALFORMED, "the enveloped credential has no string 'id'"));
        if (!id.startsWith("data:")) {
            throw new CredentialException(ProblemCode.MALFORMED, "the enveloped credential's id is not a data: URL");
        }
        int comma = id.indexOf(',');
        if (comma < 0) {
            throw new CredentialException(ProblemCode.MALFORMED, "the enveloped credential's data: URL has no ','");
        }
        String mediaType = id.substring("data:".length(), comma);
        if (!mediaType.equalsIgnoreCase("application/vc+jwt")) {
            return Optional.empty();
        }
        return Optional.of(id.substring(comma + 1));
    }

    /** The media type an envelope declares (for messages), shortened. */
    public static String envelopedMediaType(JsonObject enveloped) {
        String id = enveloped.string("id").orElse("");
        int comma = id.indexOf(',');
        String type = id.startsWith("data:") && comma > 0 ? id.substring(5, comma) : "(none)";
        return type.length() > 60 ? type.substring(0, 57) + "..." : type;
    }
}
