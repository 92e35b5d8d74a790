package dev.credkit.internal.jose;

import java.util.Locale;

/**
 * Names shared by issuing and verifying JWT-secured credentials (W3C VC-JOSE-COSE, and the
 * Open Badges 3.0 / VC 1.1 VC-JWT form).
 */
public final class JwtForms {
    public static final String TYP_VC = "vc+jwt";
    public static final String TYP_VP = "vp+jwt";
    /** The Open Badges 3.0 / VC 1.1 VC-JWT {@code typ}. */
    public static final String TYP_JWT = "JWT";
    public static final String CTY_VC = "vc";
    public static final String CTY_VP = "vp";

    /** The media type of a {@code vc+jwt} in an {@code EnvelopedVerifiableCredential}'s data URL. */
    public static final String VC_MEDIA_TYPE = "application/vc+jwt";
    /** The media type of a {@code vp+jwt} in an {@code EnvelopedVerifiablePresentation}'s data URL. */
    public static final String VP_MEDIA_TYPE = "application/vp+jwt";

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
}
