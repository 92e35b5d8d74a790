package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * A typed, immutable view of a presentation that keeps the original JSON. Credentials inside
 * are objects (secured credentials) or {@code EnvelopedVerifiableCredential}s.
 */
public final class VerifiablePresentation {
    private VerifiablePresentation() {
    }

    public static VerifiablePresentation of(JsonObject json) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    public JsonObject json() {
        throw new UnsupportedOperationException("TODO");
    }

    public DataModelVersion version() {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<String> id() {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<String> holderId() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The embedded credentials, each as its JSON object (enveloped ones included as objects). */
    public List<JsonObject> credentials() {
        throw new UnsupportedOperationException("TODO");
    }

    public List<JsonObject> proofs() {
        throw new UnsupportedOperationException("TODO");
    }

    public JsonObject withoutProof() {
        throw new UnsupportedOperationException("TODO");
    }
}
