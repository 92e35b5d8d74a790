package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges 3.0 {@code Alignment}: a link to a node in an educational framework (a competency,
 * a standard, a course catalogue entry). {@code targetName} and {@code targetUrl} are REQUIRED.
 */
public final class Alignment implements ObValue {
    private static final String OWNER = "Alignment";

    private final String targetName;
    private final String targetUrl;
    private final String targetCode;
    private final String targetDescription;
    private final String targetFramework;
    private final String targetType;
    private final JsonObject json;

    private Alignment(Builder b, JsonObject json) {
        this.targetName = b.targetName;
        this.targetUrl = b.targetUrl;
        this.targetCode = b.targetCode;
        this.targetDescription = b.targetDescription;
        this.targetFramework = b.targetFramework;
        this.targetType = b.targetType;
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Alignment read(JsonObject o) throws CredentialException {
        ObJson.requireType(o, OWNER, "Alignment");
        Builder b = new Builder()
                .targetName(ObJson.requireString(o, OWNER, "targetName"))
                .targetUrl(ObJson.requireString(o, OWNER, "targetUrl"))
                .targetCode(ObJson.string(o, OWNER, "targetCode"))
                .targetDescription(ObJson.string(o, OWNER, "targetDescription"))
                .targetFramework(ObJson.string(o, OWNER, "targetFramework"))
                .targetType(ObJson.string(o, OWNER, "targetType"));
        b.validate(false);
        return new Alignment(b, o);
    }

    public String targetName() {
        return targetName;
    }

    public String targetUrl() {
        return targetUrl;
    }

    public Optional<String> targetCode() {
        return Optional.ofNullable(targetCode);
    }

    public Optional<String> targetDescription() {
        return Optional.ofNullable(targetDescription);
    }

    public Optional<String> targetFramework() {
        return Optional.ofNullable(targetFramework);
    }

    public Optional<String> targetType() {
        return Optional.ofNullable(targetType);
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alignment other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "Alignment[" + targetName + "]";
    }

    /** Collects an Alignment; {@link #build()} refuses a missing REQUIRED member. */
    public static final class Builder {
        private String targetName;
        private String targetUrl;
        private String targetCode;
        private String targetDescription;
        private String targetFramework;
        private String targetType;

        private Builder() {
        }

        public Builder targetName(String v) {
            this.targetName = v;
            return this;
        }

        public Builder targetUrl(String v) {
            this.targetUrl = v;
            return this;
        }

        public Builder targetCode(String v) {
            this.targetCode = v;
            return this;
        }

        public Builder targetDescription(String v) {
            this.targetDescription = v;
            return this;
        }

        public Builder targetFramework(String v) {
            this.targetFramework = v;
            return this;
        }

        /** An AlignmentTargetType term (e.g. {@code CFItem}, {@code ceasn:Competency}) or {@code ext:Name}. */
        public Builder targetType(String v) {
            this.targetType = v;
            return this;
        }

        private void validate(boolean strict) throws CredentialException {
            ObJson.checkNotBlank(targetName, OWNER, "targetName");
            ObJson.checkNotBlank(targetUrl, OWNER, "targetUrl");
            ObJson.checkUri(targetUrl, OWNER, "targetUrl");
            if (strict) {
                ObVocabulary.check(ObVocabulary.ALIGNMENT_TARGET_TYPES, targetType, OWNER, "targetType");
            }
        }

        public Alignment build() throws CredentialException {
            validate(true);
            JsonObject.Builder b = JsonObject.builder()
                    .put("type", ObJson.typeArray("Alignment"))
                    .put("targetName", targetName)
                    .put("targetUrl", targetUrl);
            b.putIfPresent("targetCode", targetCode);
            b.putIfPresent("targetDescription", targetDescription);
            b.putIfPresent("targetFramework", targetFramework);
            b.putIfPresent("targetType", targetType);
            return new Alignment(this, b.build());
        }
    }
}
