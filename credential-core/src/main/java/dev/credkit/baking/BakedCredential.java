package dev.credkit.baking;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;

import java.util.Objects;

/**
 * A credential found in an image: the exact text that was baked, and whether it is a JSON
 * credential (with an embedded proof) or a compact JWS ({@code vc+jwt}). Nothing is verified
 * here: hand the text to a verifier.
 *
 * @param format the image format it came from
 * @param kind JSON or JWS
 * @param text the baked text, unchanged
 */
public record BakedCredential(ImageFormat format, Kind kind, String text) {
    /** What the baked text is. */
    public enum Kind {
        /** A JSON-LD credential (object). */
        JSON,
        /** A compact JWS. */
        JWS
    }

    public BakedCredential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** Parses a JSON credential with the strict reader; fails for a JWS. */
    public JsonObject json(JsonReader reader) throws CredentialException {
        if (kind != Kind.JSON) {
            throw new CredentialException(ProblemCode.MALFORMED, "the baked credential is a JWS, not JSON");
        }
        return reader.readObject(text);
    }

    /** {@link #json(JsonReader)} with the default reader. */
    public JsonObject json() throws CredentialException {
        return json(JsonReader.defaults());
    }

    @Override
    public String toString() {
        return "BakedCredential[" + format + ", " + kind + ", " + text.length() + " chars]";
    }
}
