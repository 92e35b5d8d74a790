package dev.credkit.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An issuer a trust list vouches for, with the keys bound to it: DIDs (any of their methods),
 * verification method ids, or {@code publicKeyMultibase} values.
 */
public record TrustedIssuer(String id, String name, String url, String logo, List<String> keys) {
    public TrustedIssuer {
        Objects.requireNonNull(id, "id");
        keys = List.copyOf(keys);
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(name);
    }
}
