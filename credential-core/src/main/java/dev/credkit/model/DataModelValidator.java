package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.model.ResourceDigests;
import dev.credkit.internal.model.Syntax;
import dev.credkit.internal.model.XsdDateTime;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks documents against the rules of the VC Data Model 2.0 (and 1.1, for reading) that do not
 * need JSON-LD processing: base context first, required types, URL identifiers, issuer and
 * holder, non-empty subjects, XML Schema date-times and their order, typed status / schema /
 * evidence / terms-of-use / refresh entries, language value objects, enveloped credentials and
 * related-resource digests. Every failure is a {@link CredentialException} with
 * {@link ProblemCode#INVALID_DATA_MODEL} (malformed {@code proof} members:
 * {@link ProblemCode#INVALID_PROOF}) whose message names the broken rule and where it was found,
 * e.g. {@code credentialSubject must not be empty}.
 *
 * <p>Digests of {@code relatedResource} entries are compared with the resource when the
 * configured lookup knows it (offline: nothing is ever fetched); for unknown resources only their
 * form is checked. Immutable and thread-safe once built, provided the lookup is.
 */
public final class DataModelValidator {
    static final String CREDENTIAL_TYPE = "VerifiableCredential";
    static final String PRESENTATION_TYPE = "VerifiablePresentation";
    private static final Set<String> LANGUAGE_VALUE_KEYS = Set.of("@value", "@language", "@direction");
    private static final int MAX_ID_IN_MESSAGE = 80;

    private static final DataModelValidator DEFAULTS = builder().build();

    private final Function<String, Optional<byte[]>> relatedResources;

    private DataModelValidator(Builder builder) {
        this.relatedResources = builder.relatedResources;
    }

    /** A validator that knows no related resources (their digests are checked for form only). */
    public static DataModelValidator defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates a credential (2.0, or 1.1 for reading).
     *
     * @return the data model version its first {@code @context} names
     * @throws CredentialException {@code INVALID_DATA_MODEL} naming the first broken rule
     */
    public DataModelVersion validateCredential(JsonObject credential) throws CredentialException {
        return checkCredential(credential).version();
    }

    /**
     * Validates a presentation and every credential it embeds (enveloped ones for their envelope).
     *
     * @return the data model version its first {@code @context} names
     * @throws CredentialException {@code INVALID_DATA_MODEL} naming the first broken rule
     */
    public DataModelVersion validatePresentation(JsonObject presentation) throws CredentialException {
        Objects.requireNonNull(presentation, "presentation");
        DataModelVersion version = checkContext(presentation, "");
        checkOptionalId(presentation, "");
        checkTypes(presentation, "", PRESENTATION_TYPE);
        JsonValue holder = presentation.members().get("holder");
        if (holder != null) {
            checkUrlOrObjectWithUrlId(holder, "holder");
        }
        JsonValue credentials = presentation.members().get("verifiableCredential");
        if (credentials instanceof JsonObject single) {
            checkEmbeddedCredential(single, "verifiableCredential.");
        } else if (credentials instanceof JsonArray array) {
            if (array.isEmpty()) {
                throw invalid("verifiableCredential must not be an empty array");
            }
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JsonObject element)) {
                    throw invalid("verifiableCredential[" + i + "] must be an object (a credential or an "
                            + Envelope.Kind.CREDENTIAL.type() + "), not " + kind(array.get(i)));
                }
                checkEmbeddedCredential(element, "verifiableCredential[" + i + "].");
            }
        } else if (credentials != null) {
            throw invalid("verifiableCredential must be an object or an array of objects, not " + kind(credentials));
        }
        checkTypedEntries(presentation, "", "termsOfUse", false);
        checkProofShape(presentation, "");
        return version;
    }

    /** What checking a credential learns on the way, so that views need not parse again. */
    record CheckedCredential(DataModelVersion version, Instant validFrom, Instant validUntil) {
    }

    CheckedCredential checkCredential(JsonObject credential) throws CredentialException {
        Objects.requireNonNull(credential, "credential");
        return checkCredential(credential, "");
    }

    private CheckedCredential checkCredential(JsonObject vc, String at) throws CredentialException {
        DataModelVersion version = checkContext(vc, at);
        checkOptionalId(vc, at);
        checkTypes(vc, at, CREDENTIAL_TYPE);
        checkIssuer(vc, at);
        checkSubjects(vc, at);

        Instant validFrom = dateTime(vc, at, "validFrom");
        Instant validUntil = dateTime(vc, at, "validUntil");
        Instant issuanceDate = dateTime(vc, at, "issuanceDate");
        Instant expirationDate = dateTime(vc, at, "expirationDate");
        if (version == DataModelVersion.V1_1 && issuanceDate == null) {
            throw invalid(at + "issuanceDate is required in VC Data Model 1.1");
        }
        if (validFrom != null && validUntil != null && validFrom.isAfter(validUntil)) {
            throw invalid(at + "validFrom must not be later than validUntil");
        }

        checkLanguageValues(vc, at + "name", "name");
        checkLanguageValues(vc, at + "description", "description");
        boolean v1 = version == DataModelVersion.V1_1;
        checkTypedEntries(vc, at, "credentialStatus", v1);
        checkTypedEntries(vc, at, "credentialSchema", true);
        checkTypedEntries(vc, at, "evidence", false);
        checkTypedEntries(vc, at, "termsOfUse", false);
        checkTypedEntries(vc, at, "refreshService", v1);
        checkRelatedResources(vc, at);
        checkProofShape(vc, at);
        return new CheckedCredential(version,
                validFrom != null ? validFrom : issuanceDate,
                validUntil != null ? validUntil : expirationDate);
    }

    private void checkEmbeddedCredential(JsonObject credential, String at) throws CredentialException {
        List<String> types = Members.strings(credential, "type");
        if (types.contains(Envelope.Kind.CREDENTIAL.type())) {
            Envelope.check(credential, at, Envelope.Kind.CREDENTIAL);
        } else {
            checkCredential(credential, at);
        }
    }

    // ---- @context, id, type

    static DataModelVersion checkContext(JsonObject doc, String at) throws CredentialException {
        JsonValue context = doc.members().get("@context");
        if (context == null) {
            throw invalid(at + "@context is required");
        }
        if (context instanceof JsonString s) {
            if (DataModelVersion.V1_1.baseContext().equals(s.value())) {
                return DataModelVersion.V1_1;
            }
            if (DataModelVersion.V2_0.baseContext().equals(s.value())) {
                throw invalid(at + "@context must be an array in VC Data Model 2.0");
            }
            throw invalid(at + "@context must start with " + DataModelVersion.V2_0.baseContext());
        }
        if (!(context instanceof JsonArray contexts)) {
            throw invalid(at + "@context must be an array, not " + kind(context));
        }
        if (contexts.isEmpty()) {
            throw invalid(at + "@context must not be empty");
        }
        DataModelVersion version = contexts.get(0) instanceof JsonString first
                ? DataModelVersion.fromBaseContext(first.value()).orElse(null) : null;
        if (version == null) {
            throw invalid(at + "@context must start with " + DataModelVersion.V2_0.baseContext()
                    + " (or " + DataModelVersion.V1_1.baseContext() + " for VC Data Model 1.1)");
        }
        for (int i = 1; i < contexts.size(); i++) {
            JsonValue entry = contexts.get(i);
            boolean ok = entry instanceof JsonObject
                    || entry instanceof JsonString s && Syntax.isAbsoluteUrl(s.value());
            if (!ok) {
                throw invalid(at + "@context[" + i + "] must be a URL or an object");
            }
        }
        return version;
    }

    private static void checkOptionalId(JsonObject doc, String at) throws CredentialException {
        JsonValue id = doc.members().get("id");
        if (id != null) {
            checkUrl(id, at + "id");
        }
    }

    static void checkUrl(JsonValue value, String path) throws CredentialException {
        if (!(value instanceof JsonString s)) {
            throw invalid(path + " must be a single URL, not " + kind(value));
        }
        if (!Syntax.isAbsoluteUrl(s.value())) {
            throw invalid(path + " must be a URL");
        }
    }

    static List<String> checkTypes(JsonObject doc, String at, String required) throws CredentialException {
        JsonValue type = doc.members().get("type");
        if (type == null) {
            throw invalid(at + "type is required");
        }
        checkTypeValue(type, at + "type");
        List<String> types = Members.strings(doc, "type");
        if (!types.contains(required)) {
            throw invalid(at + "type must include " + required);
        }
        return types;
    }

    private static void checkTypeValue(JsonValue type, String path) throws CredentialException {
        if (type instanceof JsonString s) {
            if (s.value().isEmpty()) {
                throw invalid(path + " must not be an empty string");
            }
            return;
        }
        if (!(type instanceof JsonArray array)) {
            throw invalid(path + " must be a string or an array of strings, not " + kind(type));
        }
        if (array.isEmpty()) {
            throw invalid(path + " must not be empty");
        }
        for (JsonValue element : array) {
            if (!(element instanceof JsonString s) || s.value().isEmpty()) {
                throw invalid(path + " must contain only non-empty strings");
            }
        }
    }

    // ---- issuer, holder, subjects

    private static void checkIssuer(JsonObject vc, String at) throws CredentialException {
        JsonValue issuer = vc.members().get("issuer");
        if (issuer == null) {
            throw invalid(at + "issuer is required");
        }
        checkUrlOrObjectWithUrlId(issuer, at + "issuer");
        if (issuer instanceof JsonObject object) {
            checkLanguageValues(object, at + "issuer.name", "name");
            checkLanguageValues(object, at + "issuer.description", "description");
        }
    }

    private static void checkUrlOrObjectWithUrlId(JsonValue value, String path) throws CredentialException {
        if (value instanceof JsonString) {
            checkUrl(value, path);
        } else if (value instanceof JsonObject object) {
            JsonValue id = object.members().get("id");
            if (id == null) {
                throw invalid(path + " must be a URL or an object with a URL id");
            }
            checkUrl(id, path + ".id");
        } else {
            throw invalid(path + " must be a URL or an object with a URL id, not " + kind(value));
        }
    }

    private static void checkSubjects(JsonObject vc, String at) throws CredentialException {
        JsonValue subjects = vc.members().get("credentialSubject");
        String path = at + "credentialSubject";
        if (subjects == null) {
            throw invalid(path + " is required");
        }
        if (subjects instanceof JsonObject subject) {
            checkSubject(subject, path);
        } else if (subjects instanceof JsonArray array) {
            if (array.isEmpty()) {
                throw invalid(path + " must not be empty");
            }
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JsonObject subject)) {
                    throw invalid(path + "[" + i + "] must be an object, not " + kind(array.get(i)));
                }
                checkSubject(subject, path + "[" + i + "]");
            }
        } else {
            throw invalid(path + " must be an object or an array of objects, not " + kind(subjects));
        }
    }

    private static void checkSubject(JsonObject subject, String path) throws CredentialException {
        if (subject.isEmpty()) {
            throw invalid(path + " must not be empty");
        }
        JsonValue id = subject.members().get("id");
        if (id != null) {
            checkUrl(id, path + ".id");
        }
    }

    // ---- dates

    private static Instant dateTime(JsonObject vc, String at, String name) throws CredentialException {
        JsonValue value = vc.members().get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(at + name + " must be an XML Schema dateTime string, not " + kind(value));
        }
        return XsdDateTime.parse(s.value()).orElseThrow(() -> invalid(at + name
                + " must be an XML Schema dateTime with a time zone, like 2024-01-01T00:00:00Z"));
    }

    // ---- names and descriptions

    private static void checkLanguageValues(JsonObject holder, String path, String name) throws CredentialException {
        JsonValue value = holder.members().get(name);
        if (value == null || value instanceof JsonString) {
            return;
        }
        if (value instanceof JsonObject object) {
            checkLanguageValueObject(object, path);
        } else if (value instanceof JsonArray array) {
            if (array.isEmpty()) {
                throw invalid(path + " must not be an empty array");
            }
            for (int i = 0; i < array.size(); i++) {
                JsonValue element = array.get(i);
                if (element instanceof JsonObject object) {
                    checkLanguageValueObject(object, path + "[" + i + "]");
                } else if (!(element instanceof JsonString)) {
                    throw invalid(path + "[" + i + "] must be a string or a language value object");
                }
            }
        } else {
            throw invalid(path + " must be a string or a language value object, not " + kind(value));
        }
    }

    private static void checkLanguageValueObject(JsonObject object, String path) throws CredentialException {
        for (String key : object.keys()) {
            if (!LANGUAGE_VALUE_KEYS.contains(key)) {
                throw invalid(path + " must be a language value object with only @value, @language and @direction");
            }
        }
        if (!(object.members().get("@value") instanceof JsonString)) {
            throw invalid(path + ".@value must be a string");
        }
        JsonValue language = object.members().get("@language");
        if (language != null && !(language instanceof JsonString s && Syntax.isLanguageTag(s.value()))) {
            throw invalid(path + ".@language must be a well-formed BCP 47 language tag");
        }
        JsonValue direction = object.members().get("@direction");
        if (direction != null && !(direction instanceof JsonString s
                && ("ltr".equals(s.value()) || "rtl".equals(s.value())))) {
            throw invalid(path + ".@direction must be ltr or rtl");
        }
    }

    // ---- typed entries: credentialStatus, credentialSchema, evidence, termsOfUse, refreshService

    private static void checkTypedEntries(JsonObject doc, String at, String name, boolean idRequired)
            throws CredentialException {
        List<JsonObject> entries = entries(doc, at, name);
        boolean single = !(doc.members().get(name) instanceof JsonArray);
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.get(i);
            String path = at + name + (single ? "" : "[" + i + "]");
            JsonValue type = entry.members().get("type");
            if (type == null) {
                throw invalid(path + ".type is required");
            }
            checkTypeValue(type, path + ".type");
            JsonValue id = entry.members().get("id");
            if (id != null) {
                checkUrl(id, path + ".id");
            } else if (idRequired) {
                throw invalid(path + ".id is required");
            }
        }
    }

    /** The member as a list of objects: absent, one object, or a non-empty array of objects. */
    private static List<JsonObject> entries(JsonObject doc, String at, String name) throws CredentialException {
        JsonValue value = doc.members().get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonObject object) {
            return List.of(object);
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(at + name + " must be an object or an array of objects, not " + kind(value));
        }
        if (array.isEmpty()) {
            throw invalid(at + name + " must not be an empty array");
        }
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject)) {
                throw invalid(at + name + "[" + i + "] must be an object, not " + kind(array.get(i)));
            }
        }
        return Members.objects(doc, name);
    }

    // ---- related resources

    private void checkRelatedResources(JsonObject vc, String at) throws CredentialException {
        List<JsonObject> resources = entries(vc, at, "relatedResource");
        boolean single = !(vc.members().get("relatedResource") instanceof JsonArray);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            JsonObject resource = resources.get(i);
            String path = at + "relatedResource" + (single ? "" : "[" + i + "]");
            JsonValue idValue = resource.members().get("id");
            if (idValue == null) {
                throw invalid(path + ".id is required");
            }
            checkUrl(idValue, path + ".id");
            String id = ((JsonString) idValue).value();
            if (!ids.add(id)) {
                throw invalid(path + ".id must be unique among relatedResource entries");
            }
            JsonValue mediaType = resource.members().get("mediaType");
            if (mediaType != null && !(mediaType instanceof JsonString)) {
                throw invalid(path + ".mediaType must be a string");
            }
            JsonValue sri = resource.members().get("digestSRI");
            JsonValue multibase = resource.members().get("digestMultibase");
            if (sri == null && multibase == null) {
                throw invalid(path + " must have a digestSRI or a digestMultibase");
            }
            Optional<List<ResourceDigests.SriExpression>> expressions = Optional.empty();
            if (sri != null) {
                expressions = sri instanceof JsonString s ? ResourceDigests.parseSri(s.value()) : Optional.empty();
                if (expressions.isEmpty()) {
                    throw invalid(path + ".digestSRI must be sha256-, sha384- or sha512- followed by a base64 digest");
                }
            }
            Optional<ResourceDigests.Multihash> multihash = Optional.empty();
            if (multibase != null) {
                multihash = multibase instanceof JsonString s
                        ? ResourceDigests.parseMultibaseMultihash(s.value()) : Optional.empty();
                if (multihash.isEmpty()) {
                    throw invalid(path + ".digestMultibase must be a multibase-encoded multihash");
                }
            }
            Optional<byte[]> known = lookup(id, path);
            if (known.isPresent()) {
                if (expressions.isPresent() && !ResourceDigests.sriMatches(expressions.get(), known.get())) {
                    throw invalid(path + ".digestSRI does not match the resource " + shorten(id));
                }
                if (multihash.isPresent()) {
                    if (multihash.get().algorithm().isEmpty()) {
                        throw invalid(path + ".digestMultibase uses a hash function credkit does not support");
                    }
                    if (!ResourceDigests.multihashMatches(multihash.get(), known.get())) {
                        throw invalid(path + ".digestMultibase does not match the resource " + shorten(id));
                    }
                }
            }
        }
    }

    private Optional<byte[]> lookup(String id, String path) throws CredentialException {
        try {
            Optional<byte[]> bytes = relatedResources.apply(id);
            return bytes == null ? Optional.empty() : bytes;
        } catch (RuntimeException e) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR,
                    "the related resource lookup failed for " + path, e);
        }
    }

    // ---- proof

    private static void checkProofShape(JsonObject doc, String at) throws CredentialException {
        JsonValue proof = doc.members().get("proof");
        if (proof == null || proof instanceof JsonObject) {
            return;
        }
        if (proof instanceof JsonArray array) {
            for (JsonValue element : array) {
                if (!(element instanceof JsonObject)) {
                    throw new CredentialException(ProblemCode.INVALID_PROOF,
                            at + "proof must be an object or an array of objects");
                }
            }
            return;
        }
        throw new CredentialException(ProblemCode.INVALID_PROOF,
                at + "proof must be an object or an array of objects, not " + kind(proof));
    }

    // ---- helpers

    static CredentialException invalid(String message) {
        return new CredentialException(ProblemCode.INVALID_DATA_MODEL, message);
    }

    static String kind(JsonValue value) {
        if (value instanceof JsonObject) {
            return "an object";
        }
        if (value instanceof JsonArray) {
            return "an array";
        }
        if (value instanceof JsonString) {
            return "a string";
        }
        if (value instanceof JsonNumber) {
            return "a number";
        }
        if (value instanceof JsonBoolean) {
            return "a boolean";
        }
        return "null";
    }

    private static String shorten(String id) {
        return id.length() <= MAX_ID_IN_MESSAGE ? id : id.substring(0, MAX_ID_IN_MESSAGE) + "...";
    }

    /** Configures a {@link DataModelValidator}. */
    public static final class Builder {
        private Function<String, Optional<byte[]>> relatedResources = url -> Optional.empty();

        private Builder() {
        }

        /**
         * The resources whose {@code relatedResource} digests are checked: the lookup gets a
         * resource's {@code id} and returns its bytes when it knows them (e.g. a pinned JSON-LD
         * context). It must not fetch anything from the network and must be thread-safe.
         */
        public Builder relatedResources(Function<String, Optional<byte[]>> lookup) {
            this.relatedResources = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        public DataModelValidator build() {
            return new DataModelValidator(this);
        }
    }
}
