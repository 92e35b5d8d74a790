package dev.credkit.model;

import java.util.Optional;

/** Which VC Data Model a document follows, decided by its first {@code @context}. */
public enum DataModelVersion {
    /** {@code https://www.w3.org/2018/credentials/v1}: read, never written. */
    V1_1("https://www.w3.org/2018/credentials/v1"),
    /** {@code https://www.w3.org/ns/credentials/v2}. */
    V2_0("https://www.w3.org/ns/credentials/v2");

    private final String baseContext;

    DataModelVersion(String baseContext) {
        this.baseContext = baseContext;
    }

    public String baseContext() {
        return baseContext;
    }

    /** The version whose base context is exactly {@code url}, if any. */
    public static Optional<DataModelVersion> fromBaseContext(String url) {
        if (V2_0.baseContext.equals(url)) {
            return Optional.of(V2_0);
        }
        if (V1_1.baseContext.equals(url)) {
            return Optional.of(V1_1);
        }
        return Optional.empty();
    }
}
