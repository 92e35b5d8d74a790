package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed, immutable view of a credential that keeps the original JSON: signing and verifying
 * run on {@link #json()} exactly as received, never on a re-serialized object. Reading accepts
 * VC Data Model 2.0 and 1.1; {@link #of(JsonObject)} validates the data model and fails with
 * {@code INVALID_DATA_MODEL} naming the broken rule (see {@link DataModelValidator}); a
 * {@code proof} member that is not an object or an array of objects is {@code INVALID_PROOF}.
 * Proofs themselves are not checked here.
 */
public final class VerifiableCredential {
    private final JsonObject json;
    private final DataModelVersion version;
    private final Instant validFrom;
    private final Instant validUntil;
    // derived lazily; the value is immutable, so a race only computes it twice
    private volatile JsonObject withoutProof;

    private VerifiableCredential(JsonObject json, DataModelValidator.CheckedCredential checked) {
        this.json = json;
        this.version = checked.version();
        this.validFrom = checked.validFrom();
        this.validUntil = checked.validUntil();
    }

    /** Validates the data model and wraps the document (proofs, if any, are kept). */
    public static VerifiableCredential of(JsonObject json) throws CredentialException {
        return of(json, DataModelValidator.defaults());
    }

    /**
     * Validates the data model with {@code validator} (e.g. one that knows related resources)
     * and wraps the document.
     */
    public static VerifiableCredential of(JsonObject json, DataModelValidator validator) throws CredentialException {
        Objects.requireNonNull(json, "json");
        return new VerifiableCredential(json, validator.checkCredential(json));
    }

    /** A builder for issuing VC Data Model 2.0 credentials. */
    public static VerifiableCredentialBuilder builder() {
        return new VerifiableCredentialBuilder();
    }

    /** The document exactly as received. */
    public JsonObject json() {
        return json;
    }

    public DataModelVersion version() {
        return version;
    }

    /** The {@code @context} entries that are URLs, in order (inline context objects are skipped). */
    public List<String> contexts() {
        return Members.strings(json, "@context");
    }

    /** The {@code type} values, in order (a single string is a one-element list). */
    public List<String> types() {
        return Members.strings(json, "type");
    }

    public boolean hasType(String type) {
        return types().contains(type);
    }

    public Optional<String> id() {
        return json.string("id");
    }

    /** The issuer as written: a URL string or an object with an {@code id}. */
    public JsonValue issuer() {
        return json.members().get("issuer");
    }

    /** The issuer's URL ({@code issuer} or {@code issuer.id}). */
    public String issuerId() {
        return Members.urlOrId(issuer());
    }

    /** {@code validFrom}, or 1.1's {@code issuanceDate}. */
    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    /** {@code validUntil}, or 1.1's {@code expirationDate}. */
    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** The subjects (one object, or each element of an array). */
    public List<JsonObject> credentialSubjects() {
        return Members.objects(json, "credentialSubject");
    }

    /** Every {@code credentialStatus} entry. */
    public List<JsonObject> credentialStatus() {
        return Members.objects(json, "credentialStatus");
    }

    /** Every {@code credentialSchema} entry. */
    public List<JsonObject> credentialSchemas() {
        return Members.objects(json, "credentialSchema");
    }

    /** Every {@code relatedResource} entry. */
    public List<JsonObject> relatedResources() {
        return Members.objects(json, "relatedResource");
    }

    /** Every proof (a single object, or each element of an array). */
    public List<JsonObject> proofs() {
        return Members.objects(json, "proof");
    }

    /** The document without {@code proof}: the unsecured credential that proofs sign. */
    public JsonObject withoutProof() {
        JsonObject result = withoutProof;
        if (result == null) {
            result = json.without("proof");
            withoutProof = result;
        }
        return result;
    }

    /**
     * This credential with {@code proof} added: set when there is none, otherwise appended to the
     * proof set (the rest of the document, and its member order, unchanged).
     */
    public VerifiableCredential withProof(JsonObject proof) {
        Objects.requireNonNull(proof, "proof");
        JsonValue existing = json.members().get("proof");
        JsonValue proofs;
        if (existing == null) {
            proofs = proof;
        } else if (existing instanceof JsonArray array) {
            proofs = array.with(proof);
        } else {
            List<JsonValue> both = new ArrayList<>(2);
            both.add(existing);
            both.add(proof);
            proofs = JsonArray.of(both);
        }
        return new VerifiableCredential(json.with("proof", proofs),
                new DataModelValidator.CheckedCredential(version, validFrom, validUntil));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiableCredential other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "VerifiableCredential[" + version + ", id=" + id().orElse("-") + ", types=" + types() + "]";
    }
}
