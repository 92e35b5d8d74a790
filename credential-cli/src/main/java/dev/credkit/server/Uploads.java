package dev.credkit.server;

import dev.credkit.baking.BadgeBaker;
import dev.credkit.baking.BakedCredential;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;

import java.nio.charset.StandardCharsets;

/**
 * What a visitor uploads or pastes on the verify form, detected from its content: JSON, a
 * compact JWS (vc+jwt), or a PNG / SVG badge with a baked credential.
 */
final class Uploads {
    private Uploads() {
    }

    /**
     * The bytes to verify, the parsed JSON when the input is JSON, and a description for the report.
     */
    record Extracted(byte[] bytes, JsonObject json, String description) {
    }

    static Extracted extract(byte[] input) throws CredentialException {
        if (isPng(input) || looksLikeSvg(input)) {
            BakedCredential baked = BadgeBaker.defaults().unbake(input).orElseThrow(() -> new CredentialException(
                    ProblemCode.MALFORMED, "the image has no credential baked into it"));
            String what = (isPng(input) ? "PNG" : "SVG") + " badge image";
            if (baked.kind() == BakedCredential.Kind.JWS) {
                return new Extracted(baked.text().strip().getBytes(StandardCharsets.US_ASCII), null, "JWT in a " + what);
            }
            JsonObject json = baked.json();
            return new Extracted(json.toJson().getBytes(StandardCharsets.UTF_8), json, "JSON in a " + what);
        }
        String text = new String(input, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            throw new CredentialException(ProblemCode.MALFORMED, "the input is empty");
        }
        char first = text.charAt(0);
        if (first == '{') {
            byte[] json = text.getBytes(StandardCharsets.UTF_8);
            JsonObject parsed = null;
            try {
                parsed = JsonReader.defaults().readObject(json);
            } catch (CredentialException e) {
                // verification reports why the JSON is not readable, as its first check
            }
            return new Extracted(json, parsed, "JSON");
        }
        if (first == 'e' && text.indexOf('.') > 0) {
            return new Extracted(text.getBytes(StandardCharsets.US_ASCII), null, "JWT (vc+jwt)");
        }
        throw new CredentialException(ProblemCode.MALFORMED, "expected JSON, a JWT, or a PNG or SVG badge image");
    }

    private static boolean looksLikeSvg(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < b.length && Character.isWhitespace(b[i])) {
            i++;
        }
        return i < b.length && b[i] == '<';
    }

    static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }
}
