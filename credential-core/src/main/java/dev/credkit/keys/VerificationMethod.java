package dev.credkit.keys;

import java.util.Objects;

/**
 * A verification method of a controller document: its id, type ({@code Multikey},
 * {@code Ed25519VerificationKey2020}, {@code JsonWebKey}/{@code JsonWebKey2020}), controller and
 * the Ed25519 key it carries.
 */
public record VerificationMethod(String id, String type, String controller, Ed25519PublicKey publicKey) {
    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
