package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.internal.model.XsdDateTime;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds an unsigned VC Data Model 2.0 credential; {@code build()} validates it as
 * {@link VerifiableCredential#of} does and refuses invalid state.
 *
 * <p>The document is written in a fixed member order: {@code @context} (the v2 base context,
 * then the added ones), {@code id}, {@code type} ({@code VerifiableCredential}, then the added
 * ones), {@code name}, {@code description}, {@code issuer}, {@code validFrom},
 * {@code validUntil}, {@code credentialSubject}, {@code credentialStatus},
 * {@code credentialSchema}, {@code evidence}, {@code termsOfUse}, {@code refreshService},
 * {@code relatedResource}, then other {@link #property properties} in the order they were
 * set. Members added once are written as one object, added several times as an array. Times are
 * written in UTC to the second ({@code 2024-01-01T00:00:00Z}).
 *
 * <p>Arguments that are null, or properties set through {@link #property} that have their own
 * method, are programming errors ({@link NullPointerException}, {@link IllegalArgumentException});
 * everything about the content (missing issuer or subject, empty subject, identifiers that are
 * not URLs, {@code validUntil} before {@code validFrom}...) is reported by {@link #build()} as a
 * {@link CredentialException} with {@code INVALID_DATA_MODEL}. Not thread-safe; the credentials
 * it builds are.
 */
public final class VerifiableCredentialBuilder {
    private static final Set<String> MANAGED = Set.of("@context", "id", "type", "name", "description", "issuer",
            "validFrom", "validUntil", "credentialSubject", "credentialStatus", "credentialSchema", "evidence",
            "termsOfUse", "refreshService", "relatedResource");
    private static final Set<String> NOT_WRITTEN = Set.of("proof", "issuanceDate", "expirationDate", "issued");

    private final List<JsonValue> contexts = new ArrayList<>();
    private final Set<String> types = new LinkedHashSet<>();
    private String id;
    private JsonValue name;
    private JsonValue description;
    private JsonValue issuer;
    private Instant validFrom;
    private Instant validUntil;
    private final List<JsonObject> subjects = new ArrayList<>();
    private final List<JsonObject> status = new ArrayList<>();
    private final List<JsonObject> schemas = new ArrayList<>();
    private final List<JsonObject> evidence = new ArrayList<>();
    private final List<JsonObject> termsOfUse = new ArrayList<>();
    private final List<JsonObject> refreshServices = new ArrayList<>();
    private final List<JsonObject> relatedResources = new ArrayList<>();
    private final Map<String, JsonValue> properties = new LinkedHashMap<>();
    private DataModelValidator validator = DataModelValidator.defaults();

    VerifiableCredentialBuilder() {
        types.add(DataModelValidator.CREDENTIAL_TYPE);
    }

    /** Adds a context URL after the base context (the base context itself and repeats are ignored). */
    public VerifiableCredentialBuilder context(String url) {
        Objects.requireNonNull(url, "url");
        JsonString value = new JsonString(url);
        if (!url.equals(DataModelVersion.V2_0.baseContext()) && !contexts.contains(value)) {
            contexts.add(value);
        }
        return this;
    }

    /** Adds context URLs in order. */
    public VerifiableCredentialBuilder contexts(Collection<String> urls) {
        urls.forEach(this::context);
        return this;
    }

    /** Adds an inline context object after the base context. */
    public VerifiableCredentialBuilder context(JsonObject inlineContext) {
        contexts.add(Objects.requireNonNull(inlineContext, "inlineContext"));
        return this;
    }

    /** The credential's URL, e.g. {@code urn:uuid:...}. */
    public VerifiableCredentialBuilder id(String id) {
        this.id = Objects.requireNonNull(id, "id");
        return this;
    }

    /** Adds types after {@code VerifiableCredential} (repeats are ignored). */
    public VerifiableCredentialBuilder type(String... types) {
        for (String type : types) {
            this.types.add(Objects.requireNonNull(type, "type"));
        }
        return this;
    }

    /** The issuer as a URL. */
    public VerifiableCredentialBuilder issuer(String issuerId) {
        this.issuer = new JsonString(Objects.requireNonNull(issuerId, "issuerId"));
        return this;
    }

    /** The issuer as an object, which must carry its URL as {@code id}. */
    public VerifiableCredentialBuilder issuer(JsonObject issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        return this;
    }

    /**
     * The issuer as an object: {@code id} first, then {@code members} (e.g. {@code name},
     * {@code type}, {@code url}), which must not have an {@code id} of their own.
     */
    public VerifiableCredentialBuilder issuer(String issuerId, JsonObject members) {
        Objects.requireNonNull(issuerId, "issuerId");
        if (members.has("id")) {
            throw new IllegalArgumentException("members must not contain an id: it is issuerId");
        }
        JsonObject.Builder object = JsonObject.builder().put("id", issuerId);
        members.members().forEach(object::put);
        this.issuer = object.build();
        return this;
    }

    /** When the credential becomes valid (written to the second). */
    public VerifiableCredentialBuilder validFrom(Instant validFrom) {
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        return this;
    }

    /** When the credential stops being valid (written to the second). */
    public VerifiableCredentialBuilder validUntil(Instant validUntil) {
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        return this;
    }

    /** Adds a subject; with several, {@code credentialSubject} is written as an array. */
    public VerifiableCredentialBuilder credentialSubject(JsonObject subject) {
        subjects.add(Objects.requireNonNull(subject, "subject"));
        return this;
    }

    /** Adds subjects in order. */
    public VerifiableCredentialBuilder credentialSubjects(Collection<JsonObject> subjects) {
        subjects.forEach(this::credentialSubject);
        return this;
    }

    /** Adds a status entry (e.g. a {@code BitstringStatusListEntry}). */
    public VerifiableCredentialBuilder credentialStatus(JsonObject entry) {
        status.add(Objects.requireNonNull(entry, "entry"));
        return this;
    }

    /** Adds a schema entry (needs {@code id} and {@code type}). */
    public VerifiableCredentialBuilder credentialSchema(JsonObject schema) {
        schemas.add(Objects.requireNonNull(schema, "schema"));
        return this;
    }

    /** Adds an evidence entry (needs {@code type}). */
    public VerifiableCredentialBuilder evidence(JsonObject evidence) {
        this.evidence.add(Objects.requireNonNull(evidence, "evidence"));
        return this;
    }

    /** Adds a terms-of-use entry (needs {@code type}). */
    public VerifiableCredentialBuilder termsOfUse(JsonObject terms) {
        termsOfUse.add(Objects.requireNonNull(terms, "terms"));
        return this;
    }

    /** Adds a refresh service entry (needs {@code type}). */
    public VerifiableCredentialBuilder refreshService(JsonObject service) {
        refreshServices.add(Objects.requireNonNull(service, "service"));
        return this;
    }

    /** Adds a related resource (needs a unique URL {@code id} and {@code digestSRI} or {@code digestMultibase}). */
    public VerifiableCredentialBuilder relatedResource(JsonObject resource) {
        relatedResources.add(Objects.requireNonNull(resource, "resource"));
        return this;
    }

    /** The credential's name as plain text. */
    public VerifiableCredentialBuilder name(String name) {
        this.name = new JsonString(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** The credential's name in a language, written as {@code {"@value":..., "@language":...}}. */
    public VerifiableCredentialBuilder name(String name, String languageTag) {
        this.name = languageValue(name, languageTag);
        return this;
    }

    /** The credential's name as any value the data model allows (string, language value object(s)). */
    public VerifiableCredentialBuilder name(JsonValue name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The credential's description as plain text. */
    public VerifiableCredentialBuilder description(String description) {
        this.description = new JsonString(Objects.requireNonNull(description, "description"));
        return this;
    }

    /** The credential's description in a language. */
    public VerifiableCredentialBuilder description(String description, String languageTag) {
        this.description = languageValue(description, languageTag);
        return this;
    }

    /** The credential's description as any value the data model allows. */
    public VerifiableCredentialBuilder description(JsonValue description) {
        this.description = Objects.requireNonNull(description, "description");
        return this;
    }

    /**
     * Sets any other member (an extension property), written after the standard ones.
     *
     * @throws IllegalArgumentException for members with their own method, and for {@code proof}
     *                                  and VC 1.1's date members, which this builder never writes
     */
    public VerifiableCredentialBuilder property(String name, JsonValue value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (MANAGED.contains(name)) {
            throw new IllegalArgumentException(name + " has its own builder method");
        }
        if (NOT_WRITTEN.contains(name)) {
            throw new IllegalArgumentException(name + " is not part of an unsigned VC Data Model 2.0 credential");
        }
        properties.put(name, value);
        return this;
    }

    /** The validator {@link #build()} uses (default: {@link DataModelValidator#defaults()}). */
    public VerifiableCredentialBuilder validator(DataModelValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        return this;
    }

    /**
     * Writes and validates the credential.
     *
     * @throws CredentialException {@code INVALID_DATA_MODEL} naming the first broken rule
     */
    public VerifiableCredential build() throws CredentialException {
        if (contexts.contains(new JsonString(DataModelVersion.V1_1.baseContext()))) {
            throw DataModelValidator.invalid("@context must not include " + DataModelVersion.V1_1.baseContext()
                    + ": credkit writes VC Data Model 2.0 only");
        }
        List<JsonValue> allContexts = new ArrayList<>(contexts.size() + 1);
        allContexts.add(new JsonString(DataModelVersion.V2_0.baseContext()));
        allContexts.addAll(contexts);

        JsonObject.Builder json = JsonObject.builder()
                .put("@context", JsonArray.of(allContexts))
                .putIfPresent("id", id)
                .put("type", JsonArray.ofStrings(types))
                .putIfPresent("name", name)
                .putIfPresent("description", description)
                .putIfPresent("issuer", issuer)
                .putIfPresent("validFrom", validFrom == null ? null : XsdDateTime.format(validFrom))
                .putIfPresent("validUntil", validUntil == null ? null : XsdDateTime.format(validUntil))
                .putIfPresent("credentialSubject", oneOrMany(subjects))
                .putIfPresent("credentialStatus", oneOrMany(status))
                .putIfPresent("credentialSchema", oneOrMany(schemas))
                .putIfPresent("evidence", oneOrMany(evidence))
                .putIfPresent("termsOfUse", oneOrMany(termsOfUse))
                .putIfPresent("refreshService", oneOrMany(refreshServices))
                .putIfPresent("relatedResource", oneOrMany(relatedResources));
        properties.forEach(json::put);
        return VerifiableCredential.of(json.build(), validator);
    }

    private static JsonValue oneOrMany(List<JsonObject> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.size() == 1 ? values.get(0) : JsonArray.of(values);
    }

    private static JsonObject languageValue(String value, String languageTag) {
        return JsonObject.builder()
                .put("@value", Objects.requireNonNull(value, "value"))
                .put("@language", Objects.requireNonNull(languageTag, "languageTag"))
                .build();
    }
}
