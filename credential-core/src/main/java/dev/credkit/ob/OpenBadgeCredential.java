package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.model.DataModelVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Open Badges 3.0 {@code OpenBadgeCredential} (alias {@code AchievementCredential}).
 *
 * <p>{@link #read(JsonObject)} accepts any Open Badges 3.0 credential, on VC Data Model 2.0 or
 * 1.1, with any of the context revisions 3.0.0 to 3.0.3, signed or not, and checks the REQUIRED
 * rules of the Open Badges tables (credential, Profile, Achievement, AchievementSubject,
 * IdentityObject, Result, ResultDescription...). It keeps the document exactly as received:
 * {@link #toJson()} returns it, extension properties and proofs included.
 *
 * <p>{@link #builder()} issues VC Data Model 2.0 credentials with the 3.0.3 context. The result
 * is unsigned: hand {@link #toJson()} to a signer.
 */
public final class OpenBadgeCredential implements ObValue {
    private static final String OWNER = "OpenBadgeCredential";

    private final List<String> contexts;
    private final DataModelVersion dataModel;
    private final String id;
    private final List<String> types;
    private final String name;
    private final String description;
    private final Image image;
    private final Profile issuer;
    private final String validFrom;
    private final String validUntil;
    private final String awardedDate;
    private final AchievementSubject credentialSubject;
    private final List<Evidence> evidence;
    private final JsonObject json;

    private OpenBadgeCredential(Builder b, List<String> contexts, DataModelVersion dataModel, List<String> types,
                                JsonObject json) {
        this.contexts = List.copyOf(contexts);
        this.dataModel = dataModel;
        this.id = b.id;
        this.types = List.copyOf(types);
        this.name = b.name;
        this.description = b.description;
        this.image = b.image;
        this.issuer = b.issuer;
        this.validFrom = b.validFrom;
        this.validUntil = b.validUntil;
        this.awardedDate = b.awardedDate;
        this.credentialSubject = b.credentialSubject;
        this.evidence = List.copyOf(b.evidence);
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads and checks an Open Badges 3.0 credential; fails with INVALID_DATA_MODEL naming the rule. */
    public static OpenBadgeCredential read(JsonObject o) throws CredentialException {
        List<String> contexts = contextUrls(o);
        DataModelVersion version = dataModel(contexts);
        if (contexts.stream().noneMatch(ObContexts.OB_CONTEXTS::contains)) {
            throw ObJson.invalid("OpenBadgeCredential.@context must include an Open Badges 3.0 context");
        }
        List<String> types = ObJson.types(o, OWNER);
        if (!types.contains("VerifiableCredential")) {
            throw ObJson.invalid("OpenBadgeCredential.type MUST include 'VerifiableCredential'");
        }
        if (!types.contains("OpenBadgeCredential") && !types.contains("AchievementCredential")) {
            throw ObJson.invalid("OpenBadgeCredential.type MUST include 'OpenBadgeCredential' or"
                    + " 'AchievementCredential'");
        }
        Builder b = new Builder()
                .id(ObJson.requireString(o, OWNER, "id"))
                .name(ObJson.requireString(o, OWNER, "name"))
                .description(ObJson.string(o, OWNER, "description"));
        ObJson.checkUri(b.id, OWNER, "id");
        JsonValue issuer = o.get("issuer").orElse(null);
        if (issuer == null) {
            throw ObJson.required(OWNER, "issuer");
        }
        b.issuer(Profile.read(issuer));
        JsonValue image = o.get("image").orElse(null);
        if (image != null) {
            b.image(Image.read(image));
        }
        String fromField = version == DataModelVersion.V2_0 ? "validFrom" : "issuanceDate";
        String untilField = version == DataModelVersion.V2_0 ? "validUntil" : "expirationDate";
        b.validFrom = ObJson.string(o, OWNER, fromField);
        if (b.validFrom == null) {
            throw ObJson.required(OWNER, fromField);
        }
        ObJson.checkDateTimeStamp(b.validFrom, OWNER, fromField);
        b.validUntil = ObJson.string(o, OWNER, untilField);
        ObJson.checkDateTimeStamp(b.validUntil, OWNER, untilField);
        b.awardedDate = ObJson.string(o, OWNER, "awardedDate");
        ObJson.checkDateTimeStamp(b.awardedDate, OWNER, "awardedDate");
        b.credentialSubject(AchievementSubject.read(singleSubject(o)));
        for (JsonObject e : ObJson.objects(o, OWNER, "evidence")) {
            b.evidence(Evidence.read(e));
        }
        return new OpenBadgeCredential(b, contexts, version, types, o);
    }

    /** The string entries of {@code @context}, in order; the first decides the VC data model. */
    static List<String> contextUrls(JsonObject o) throws CredentialException {
        JsonValue ctx = o.get("@context").orElse(null);
        if (ctx == null) {
            throw ObJson.invalid("@context is REQUIRED");
        }
        List<String> out = new ArrayList<>();
        if (ctx instanceof JsonString s) {
            out.add(s.value());
        } else if (ctx instanceof JsonArray a && !a.isEmpty()) {
            for (JsonValue v : a) {
                if (v instanceof JsonString s) {
                    out.add(s.value());
                } else if (!(v instanceof JsonObject)) {
                    throw ObJson.invalid("@context entries must be URLs or objects");
                }
            }
        } else {
            throw ObJson.invalid("@context must be a URL or a non-empty array");
        }
        return out;
    }

    static DataModelVersion dataModel(List<String> contexts) throws CredentialException {
        String first = contexts.isEmpty() ? "" : contexts.get(0);
        if (first.equals(ObContexts.VC_V2)) {
            return DataModelVersion.V2_0;
        }
        if (first.equals(ObContexts.VC_V1)) {
            return DataModelVersion.V1_1;
        }
        throw ObJson.invalid("the first @context must be " + ObContexts.VC_V2 + " (or " + ObContexts.VC_V1 + ")");
    }

    private static JsonObject singleSubject(JsonObject o) throws CredentialException {
        JsonValue subject = o.get("credentialSubject").orElse(null);
        if (subject == null) {
            throw ObJson.required(OWNER, "credentialSubject");
        }
        if (subject instanceof JsonObject s) {
            return s;
        }
        if (subject instanceof JsonArray a && a.size() == 1 && a.get(0) instanceof JsonObject s) {
            return s;
        }
        throw ObJson.invalid("OpenBadgeCredential.credentialSubject must be one AchievementSubject object");
    }

    /** The string entries of {@code @context}, in order. */
    public List<String> contexts() {
        return contexts;
    }

    public DataModelVersion dataModel() {
        return dataModel;
    }

    /** The credential's id; for credentials issued by credkit, the public verify URL. */
    public String id() {
        return id;
    }

    public List<String> types() {
        return types;
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<Image> image() {
        return Optional.ofNullable(image);
    }

    public Profile issuer() {
        return issuer;
    }

    /** {@code validFrom}, or {@code issuanceDate} in a VC 1.1 document, as written. */
    public String validFrom() {
        return validFrom;
    }

    public Instant validFromInstant() {
        return ObJson.parseInstant(validFrom);
    }

    /** {@code validUntil}, or {@code expirationDate} in a VC 1.1 document. */
    public Optional<String> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    public Optional<String> awardedDate() {
        return Optional.ofNullable(awardedDate);
    }

    public AchievementSubject credentialSubject() {
        return credentialSubject;
    }

    public Achievement achievement() {
        return credentialSubject.achievement();
    }

    public List<Evidence> evidence() {
        return evidence;
    }

    /** Whether the document carries an embedded {@code proof}. */
    public boolean hasProof() {
        return json.has("proof");
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpenBadgeCredential other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "OpenBadgeCredential[" + id + ", " + name + "]";
    }

    /**
     * Collects a VC 2.0 OpenBadgeCredential. {@code id}, {@code name}, {@code issuer},
     * {@code validFrom} and {@code credentialSubject} are REQUIRED.
     */
    public static final class Builder {
        private String id;
        private String name;
        private String description;
        private Image image;
        private Profile issuer;
        private String validFrom;
        private String validUntil;
        private String awardedDate;
        private AchievementSubject credentialSubject;
        private final List<Evidence> evidence = new ArrayList<>();
        private JsonObject credentialStatus;

        private Builder() {
        }

        /** The credential's URL, e.g. the issuer's public verify page {@code https://host/verify/CODE}. */
        public Builder id(String v) {
            this.id = v;
            return this;
        }

        public Builder name(String v) {
            this.name = v;
            return this;
        }

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        public Builder image(Image v) {
            this.image = v;
            return this;
        }

        public Builder issuer(Profile v) {
            this.issuer = v;
            return this;
        }

        public Builder validFrom(Instant v) {
            this.validFrom = v == null ? null : ObJson.format(v);
            return this;
        }

        public Builder validUntil(Instant v) {
            this.validUntil = v == null ? null : ObJson.format(v);
            return this;
        }

        /** When the achievement was originally awarded (kept when a credential is re-issued). */
        public Builder awardedDate(Instant v) {
            this.awardedDate = v == null ? null : ObJson.format(v);
            return this;
        }

        public Builder credentialSubject(AchievementSubject v) {
            this.credentialSubject = v;
            return this;
        }

        public Builder evidence(Evidence v) {
            this.evidence.add(Objects.requireNonNull(v, "evidence"));
            return this;
        }

        /** A status entry (e.g. a BitstringStatusListEntry); its {@code type} is REQUIRED by VC 2.0. */
        public Builder credentialStatus(JsonObject v) {
            this.credentialStatus = v;
            return this;
        }

        public OpenBadgeCredential build() throws CredentialException {
            ObJson.checkNotBlank(id, OWNER, "id");
            ObJson.checkUri(id, OWNER, "id");
            ObJson.checkNotBlank(name, OWNER, "name");
            if (issuer == null) {
                throw ObJson.required(OWNER, "issuer");
            }
            if (validFrom == null) {
                throw ObJson.required(OWNER, "validFrom");
            }
            if (credentialSubject == null) {
                throw ObJson.required(OWNER, "credentialSubject");
            }
            if (validUntil != null && ObJson.parseInstant(validUntil).isBefore(ObJson.parseInstant(validFrom))) {
                throw ObJson.invalid("OpenBadgeCredential.validUntil must not be before validFrom");
            }
            if (credentialStatus != null && ObJson.types(credentialStatus, "credentialStatus").isEmpty()) {
                throw ObJson.invalid("credentialStatus.type is REQUIRED (VC Data Model 2.0)");
            }
            List<String> types = List.of("VerifiableCredential", "OpenBadgeCredential");
            JsonObject.Builder b = JsonObject.builder()
                    .put("@context", ObJson.stringArray(ObContexts.ISSUED_OB))
                    .put("id", id)
                    .put("type", ObJson.stringArray(types))
                    .put("name", name);
            b.putIfPresent("description", description);
            b.putIfPresent("image", image == null ? null : image.toJson());
            b.put("issuer", issuer.toJson());
            b.put("validFrom", validFrom);
            b.putIfPresent("validUntil", validUntil);
            b.putIfPresent("awardedDate", awardedDate);
            b.put("credentialSubject", credentialSubject.toJson());
            if (!evidence.isEmpty()) {
                b.put("evidence", ObJson.array(evidence));
            }
            b.putIfPresent("credentialStatus", credentialStatus);
            return new OpenBadgeCredential(this, ObContexts.ISSUED_OB, DataModelVersion.V2_0, types, b.build());
        }
    }
}
