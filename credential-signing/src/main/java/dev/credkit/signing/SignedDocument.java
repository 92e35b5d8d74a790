package dev.credkit.signing;

import dev.credkit.json.JsonObject;

import java.util.List;
import java.util.Objects;

/**
 * A document with the proof just added, and any warnings the issuer wants the caller to see
 * (for example a verification method that the issuer does not control).
 */
public record SignedDocument(JsonObject json, JsonObject proof, List<String> warnings) {
    public SignedDocument {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(proof, "proof");
        warnings = List.copyOf(warnings);
    }
}
