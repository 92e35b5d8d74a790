package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.util.Objects;
import java.util.Optional;

/**
 * Open Badges 3.0 {@code Criteria}: what a learner had to do. Built criteria carry an {@code id}
 * (URL of a criteria page), a {@code narrative} (Markdown), or both; at least one is required.
 */
public final class Criteria implements ObValue {
    private final String id;
    private final String narrative;
    private final JsonObject json;

    private Criteria(String id, String narrative, JsonObject json) {
        this.id = id;
        this.narrative = narrative;
        this.json = json;
    }

    /** Criteria with a page URL and/or a narrative (null for the absent one). */
    public static Criteria of(String id, String narrative) throws CredentialException {
        if (id == null && (narrative == null || narrative.isBlank())) {
            throw ObJson.invalid("Criteria needs an id (criteria URL) or a narrative");
        }
        ObJson.checkUri(id, "Criteria", "id");
        JsonObject.Builder b = JsonObject.builder();
        b.putIfPresent("id", id);
        b.putIfPresent("narrative", narrative);
        return new Criteria(id, narrative, b.build());
    }

    public static Criteria narrative(String narrative) throws CredentialException {
        return of(null, narrative);
    }

    public static Criteria url(String url) throws CredentialException {
        ObJson.checkNotBlank(url, "Criteria", "id");
        return of(url, null);
    }

    /** Reads criteria as published; both members are optional in the Open Badges schema. */
    public static Criteria read(JsonObject o) throws CredentialException {
        String id = ObJson.string(o, "Criteria", "id");
        ObJson.checkUri(id, "Criteria", "id");
        return new Criteria(id, ObJson.string(o, "Criteria", "narrative"), o);
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Optional<String> narrative() {
        return Optional.ofNullable(narrative);
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Criteria other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "Criteria" + json;
    }
}
