package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed, immutable view of a presentation that keeps the original JSON. Credentials inside
 * are objects (secured credentials) or {@code EnvelopedVerifiableCredential}s.
 * {@link #of(JsonObject)} validates the presentation and every credential it embeds.
 */
public final class VerifiablePresentation {
    private final JsonObject json;
    private final DataModelVersion version;
    private volatile JsonObject withoutProof;

    private VerifiablePresentation(JsonObject json, DataModelVersion version) {
        this.json = json;
        this.version = version;
    }

    /** Validates the data model (embedded credentials included) and wraps the document. */
    public static VerifiablePresentation of(JsonObject json) throws CredentialException {
        return of(json, DataModelValidator.defaults());
    }

    /** Validates with {@code validator} (e.g. one that knows related resources) and wraps the document. */
    public static VerifiablePresentation of(JsonObject json, DataModelValidator validator) throws CredentialException {
        Objects.requireNonNull(json, "json");
        return new VerifiablePresentation(json, validator.validatePresentation(json));
    }

    /** The document exactly as received. */
    public JsonObject json() {
        return json;
    }

    public DataModelVersion version() {
        return version;
    }

    /** The {@code @context} entries that are URLs, in order. */
    public List<String> contexts() {
        return Members.strings(json, "@context");
    }

    /** The {@code type} values, in order. */
    public List<String> types() {
        return Members.strings(json, "type");
    }

    public Optional<String> id() {
        return json.string("id");
    }

    /** The holder as written (a URL string or an object with an {@code id}), if any. */
    public Optional<JsonValue> holder() {
        return json.get("holder");
    }

    /** The holder's URL ({@code holder} or {@code holder.id}), if there is a holder. */
    public Optional<String> holderId() {
        return Optional.ofNullable(Members.urlOrId(json.members().get("holder")));
    }

    /** The embedded credentials, each as its JSON object (enveloped ones included as objects). */
    public List<JsonObject> credentials() {
        return Members.objects(json, "verifiableCredential");
    }

    public List<JsonObject> proofs() {
        return Members.objects(json, "proof");
    }

    /** The document without {@code proof}: the unsecured presentation that proofs sign. */
    public JsonObject withoutProof() {
        JsonObject result = withoutProof;
        if (result == null) {
            result = json.without("proof");
            withoutProof = result;
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiablePresentation other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "VerifiablePresentation[" + version + ", id=" + id().orElse("-") + ", credentials="
                + credentials().size() + "]";
    }
}
