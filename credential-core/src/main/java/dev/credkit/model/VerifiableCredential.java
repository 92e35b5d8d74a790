package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A typed, immutable view of a credential that keeps the original JSON: signing and verifying
 * run on {@link #json()} exactly as received, never on a re-serialized object. Reading accepts
 * VC Data Model 2.0 and 1.1; {@link #of(JsonObject)} validates the data model and fails with
 * {@code INVALID_DATA_MODEL} naming the broken rule.
 */
public final class VerifiableCredential {
    private VerifiableCredential() {
    }

    /** Validates the data model and wraps the document (proofs, if any, are kept). */
    public static VerifiableCredential of(JsonObject json) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    /** A builder for issuing VC Data Model 2.0 credentials. */
    public static VerifiableCredentialBuilder builder() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The document exactly as received. */
    public JsonObject json() {
        throw new UnsupportedOperationException("TODO");
    }

    public DataModelVersion version() {
        throw new UnsupportedOperationException("TODO");
    }

    public List<String> contexts() {
        throw new UnsupportedOperationException("TODO");
    }

    public List<String> types() {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<String> id() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The issuer's URL ({@code issuer} or {@code issuer.id}). */
    public String issuerId() {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code validFrom}, or 1.1's {@code issuanceDate}. */
    public Optional<Instant> validFrom() {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code validUntil}, or 1.1's {@code expirationDate}. */
    public Optional<Instant> validUntil() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The subjects (one object, or each element of an array). */
    public List<JsonObject> credentialSubjects() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every {@code credentialStatus} entry. */
    public List<JsonObject> credentialStatus() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every proof (a single object, or each element of an array). */
    public List<JsonObject> proofs() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The document without {@code proof}: the unsecured credential that proofs sign. */
    public JsonObject withoutProof() {
        throw new UnsupportedOperationException("TODO");
    }
}
