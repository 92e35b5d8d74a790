package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * A DID document (or any controller document) reduced to what verification needs: its id, its
 * Ed25519 verification methods, and which of them are listed under each verification
 * relationship ({@code assertionMethod}, {@code authentication}, ...), by reference or embedded.
 */
public final class DidDocument {
    private DidDocument() {
    }

    /** Reads a controller document; methods with keys credkit cannot use are skipped. */
    public static DidDocument parse(JsonObject json) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    public String id() {
        throw new UnsupportedOperationException("TODO");
    }

    public List<VerificationMethod> verificationMethods() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The method with this id (absolute, or a fragment relative to the document id). */
    public Optional<VerificationMethod> method(String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** True when {@code methodId} is listed under {@code relationship} (e.g. "assertionMethod"). */
    public boolean isAuthorized(String methodId, String relationship) {
        throw new UnsupportedOperationException("TODO");
    }

    public JsonObject toJson() {
        throw new UnsupportedOperationException("TODO");
    }
}
