package dev.credkit.signing;

import dev.credkit.internal.jose.JwtForms;
import dev.credkit.json.JsonObject;
import dev.credkit.model.Envelope;

import java.util.List;
import java.util.Objects;

/**
 * A JWT-secured credential or presentation: the compact JWS, the header and claims it carries,
 * and any warnings the issuer wants the caller to see. {@link #toString()} is the compact JWS.
 */
public record SignedJwt(String compact, JsonObject header, JsonObject claims, List<String> warnings) {
    public SignedJwt {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(claims, "claims");
        warnings = List.copyOf(warnings);
    }

    /** The {@code typ} header ({@code vc+jwt}, {@code vp+jwt} or {@code JWT}). */
    public String type() {
        return header.string("typ").orElse("");
    }

    /**
     * This JWT as an {@code EnvelopedVerifiableCredential} (or {@code EnvelopedVerifiablePresentation}
     * for a {@code vp+jwt}), the object that puts it inside a presentation's {@code verifiableCredential}.
     *
     * @throws IllegalStateException for the Open Badges form, which has no envelope media type
     */
    public JsonObject envelope() {
        return switch (type()) {
            case JwtForms.TYP_VC -> new Envelope(Envelope.Kind.CREDENTIAL, JwtForms.VC_MEDIA_TYPE, false, compact).toJson();
            case JwtForms.TYP_VP -> new Envelope(Envelope.Kind.PRESENTATION, JwtForms.VP_MEDIA_TYPE, false, compact).toJson();
            default -> throw new IllegalStateException("only vc+jwt and vp+jwt can be enveloped, not typ '" + type() + "'");
        };
    }

    @Override
    public String toString() {
        return compact;
    }
}
