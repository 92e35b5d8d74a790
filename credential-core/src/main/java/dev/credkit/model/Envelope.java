package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code EnvelopedVerifiableCredential} or {@code EnvelopedVerifiablePresentation}: an object
 * whose {@code id} is a {@code data:} URL carrying a document secured by an enveloping
 * mechanism, e.g. {@code data:application/vc+jwt,eyJ...}. The secured content is not checked
 * here; that is the enveloping mechanism's job.
 *
 * @param kind      credential or presentation
 * @param mediaType the data URL's media type without parameters, e.g. {@code application/vc+jwt}
 *                  ({@code text/plain} when the URL names none)
 * @param base64    whether the data URL is {@code ;base64}-encoded
 * @param data      the data URL's content after the comma, as written
 */
public record Envelope(Kind kind, String mediaType, boolean base64, String data) {
    private static final String DATA_SCHEME = "data:";

    /** The two kinds of envelope, by their {@code type}. */
    public enum Kind {
        CREDENTIAL("EnvelopedVerifiableCredential"),
        PRESENTATION("EnvelopedVerifiablePresentation");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        /** The {@code type} value that marks this kind of envelope. */
        public String type() {
            return type;
        }
    }

    public Envelope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(data, "data");
    }

    /** The kind of envelope {@code json} declares by its {@code type}; empty for anything else. */
    public static Optional<Kind> kindOf(JsonObject json) {
        for (String type : Members.strings(json, "type")) {
            for (Kind kind : Kind.values()) {
                if (kind.type.equals(type)) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Validates an enveloped credential or presentation: {@code @context} starting with the v2
     * base context, {@code type} naming the envelope, and a {@code data:} URL {@code id}.
     *
     * @throws CredentialException {@code INVALID_DATA_MODEL} when it is not a valid envelope
     */
    public static Envelope of(JsonObject json) throws CredentialException {
        Objects.requireNonNull(json, "json");
        Kind kind = kindOf(json).orElseThrow(() -> DataModelValidator.invalid("type must include "
                + Kind.CREDENTIAL.type + " or " + Kind.PRESENTATION.type));
        return check(json, "", kind);
    }

    static Envelope check(JsonObject json, String at, Kind kind) throws CredentialException {
        JsonValue context = json.members().get("@context");
        if (context == null) {
            throw DataModelValidator.invalid(at + "@context is required");
        }
        JsonValue first = context instanceof JsonArray array && !array.isEmpty() ? array.get(0) : context;
        if (!(first instanceof JsonString s && DataModelVersion.V2_0.baseContext().equals(s.value()))) {
            throw DataModelValidator.invalid(at + "@context of an " + kind.type + " must start with "
                    + DataModelVersion.V2_0.baseContext());
        }
        if (context instanceof JsonArray) {
            DataModelValidator.checkContext(json, at);
        }
        DataModelValidator.checkTypes(json, at, kind.type);
        JsonValue idValue = json.members().get("id");
        String id = idValue instanceof JsonString idString ? idString.value() : "";
        int comma = id.indexOf(',');
        if (!id.regionMatches(true, 0, DATA_SCHEME, 0, DATA_SCHEME.length()) || comma < 0 || comma == id.length() - 1) {
            throw DataModelValidator.invalid(at + "id of an " + kind.type + " must be a data: URL");
        }
        String[] header = id.substring(DATA_SCHEME.length(), comma).split(";", -1);
        String mediaType = header[0].isBlank() ? "text/plain" : header[0].strip().toLowerCase(Locale.ROOT);
        boolean base64 = header.length > 1 && "base64".equalsIgnoreCase(header[header.length - 1].strip());
        return new Envelope(kind, mediaType, base64, id.substring(comma + 1));
    }

    /** The {@code data:} URL this envelope's {@code id} carries. */
    public String dataUrl() {
        return DATA_SCHEME + mediaType + (base64 ? ";base64," : ",") + data;
    }

    /**
     * The envelope as JSON, ready to embed in a presentation:
     * {@code {"@context":["https://www.w3.org/ns/credentials/v2"], "id":"data:...", "type":"Enveloped..."}}.
     */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("@context", JsonArray.of(new JsonString(DataModelVersion.V2_0.baseContext())))
                .put("id", dataUrl())
                .put("type", kind.type)
                .build();
    }

    @Override
    public String toString() {
        // the data may be a whole signed credential: keep the text short
        return "Envelope[" + kind + ", " + mediaType + (base64 ? ";base64" : "") + ", " + data.length() + " chars]";
    }
}
