package dev.credkit.keys;

import dev.credkit.json.JsonObject;

import java.util.Objects;

/**
 * A verification method of a controller document: its id, type ({@code Multikey},
 * {@code Ed25519VerificationKey2020}, {@code Ed25519VerificationKey2018},
 * {@code JsonWebKey}/{@code JsonWebKey2020}), controller and the Ed25519 key it carries.
 */
public record VerificationMethod(String id, String type, String controller, Ed25519PublicKey publicKey) {
    public static final String MULTIKEY = "Multikey";
    public static final String ED25519_2020 = "Ed25519VerificationKey2020";
    public static final String ED25519_2018 = "Ed25519VerificationKey2018";
    public static final String JSON_WEB_KEY = "JsonWebKey";
    public static final String JSON_WEB_KEY_2020 = "JsonWebKey2020";

    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** A {@code Multikey} method. */
    public static VerificationMethod multikey(String id, String controller, Ed25519PublicKey publicKey) {
        return new VerificationMethod(id, MULTIKEY, controller, publicKey);
    }

    /** The method as it appears in a controller document, its key in the form its type uses. */
    public JsonObject toJson() {
        JsonObject.Builder b = JsonObject.builder()
                .put("id", id)
                .put("type", type)
                .put("controller", controller);
        switch (type) {
            case JSON_WEB_KEY, JSON_WEB_KEY_2020 -> b.put("publicKeyJwk", publicKey.toJwk());
            case ED25519_2018 -> b.put("publicKeyBase58", Multibase.base58(publicKey.raw()));
            default -> b.put("publicKeyMultibase", publicKey.multibase());
        }
        return b.build();
    }
}
