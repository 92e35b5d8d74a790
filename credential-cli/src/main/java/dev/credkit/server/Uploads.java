package dev.credkit.server;

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
        byte[] bytes = input;
        if (isPng(bytes)) {
            throw new CredentialException(ProblemCode.MALFORMED, "reading credentials baked into PNG images is not supported yet");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
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
        if (first == '<') {
            throw new CredentialException(ProblemCode.MALFORMED, "reading credentials baked into SVG images is not supported yet");
        }
        if (first == 'e' && text.indexOf('.') > 0) {
            return new Extracted(text.getBytes(StandardCharsets.US_ASCII), null, "JWT (vc+jwt)");
        }
        throw new CredentialException(ProblemCode.MALFORMED, "expected JSON, a JWT, or a PNG or SVG badge image");
    }

    static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }
}
