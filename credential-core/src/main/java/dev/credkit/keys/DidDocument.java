package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.keys.Multicodec;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A DID document (or any controller document) reduced to what verification needs: its id, its
 * Ed25519 verification methods, and which of them are listed under each verification
 * relationship ({@code assertionMethod}, {@code authentication}, ...), by reference or embedded.
 *
 * <p>Methods are read from {@code verificationMethod} and from objects embedded in the
 * relationships. Understood: {@code Multikey} and {@code Ed25519VerificationKey2020}
 * ({@code publicKeyMultibase}), {@code Ed25519VerificationKey2018} ({@code publicKeyBase58}),
 * {@code JsonWebKey} and {@code JsonWebKey2020} ({@code publicKeyJwk} with {@code crv} Ed25519).
 * Methods of other types or key types are skipped; an Ed25519 key that is malformed or weak is an
 * error ({@link ProblemCode#INVALID_KEY}). A method without {@code controller} gets the document
 * id. Relative references ({@code #key-1}) are resolved against the document id. Immutable.
 */
public final class DidDocument {
    /** The verification relationships of DID Core. */
    public static final List<String> RELATIONSHIPS = List.of(
            "authentication", "assertionMethod", "keyAgreement", "capabilityInvocation", "capabilityDelegation");

    private final String id;
    private final List<VerificationMethod> methods;
    private final Map<String, VerificationMethod> methodsById;
    private final Map<String, Set<String>> relationships;
    private final JsonObject json;

    DidDocument(String id, List<VerificationMethod> methods, Map<String, Set<String>> relationships, JsonObject json) {
        this.id = id;
        this.methods = List.copyOf(methods);
        Map<String, VerificationMethod> byId = new HashMap<>();
        for (VerificationMethod m : this.methods) {
            byId.putIfAbsent(m.id(), m);
        }
        this.methodsById = Map.copyOf(byId);
        Map<String, Set<String>> rels = new HashMap<>();
        relationships.forEach((k, v) -> rels.put(k, Set.copyOf(v)));
        this.relationships = Map.copyOf(rels);
        this.json = json;
    }

    /** Reads a controller document; methods with keys credkit cannot use are skipped. */
    public static DidDocument parse(JsonObject json) throws CredentialException {
        if (json == null) {
            throw malformed("controller document is missing");
        }
        String id = json.string("id").orElseThrow(() -> malformed("controller document has no string \"id\""));
        if (id.isEmpty() || id.indexOf('#') >= 0) {
            throw malformed("controller document id must be a non-empty URI without a fragment");
        }
        Map<String, VerificationMethod> methods = new LinkedHashMap<>();
        for (JsonValue v : elements(json, "verificationMethod")) {
            if (!(v instanceof JsonObject o)) {
                throw malformed("verificationMethod entries must be objects");
            }
            addMethod(methods, parseMethod(o, id));
        }
        Map<String, Set<String>> relationships = new HashMap<>();
        for (String relationship : RELATIONSHIPS) {
            Set<String> ids = new HashSet<>();
            for (JsonValue v : elements(json, relationship)) {
                if (v instanceof JsonString ref) {
                    ids.add(resolve(ref.value(), id));
                } else if (v instanceof JsonObject embedded) {
                    String embeddedId = embedded.string("id").orElseThrow(() ->
                            malformed("embedded verification method in " + relationship + " has no \"id\""));
                    ids.add(resolve(embeddedId, id));
                    addMethod(methods, parseMethod(embedded, id));
                } else {
                    throw malformed(relationship + " entries must be references or method objects");
                }
            }
            relationships.put(relationship, ids);
        }
        return new DidDocument(id, new ArrayList<>(methods.values()), relationships, json);
    }

    private static List<JsonValue> elements(JsonObject json, String name) throws CredentialException {
        JsonValue v = json.get(name).orElse(null);
        if (v == null) {
            return List.of();
        }
        if (v instanceof JsonArray a) {
            return a.elements();
        }
        if (v instanceof JsonObject || v instanceof JsonString) {
            return List.of(v);
        }
        throw malformed("\"" + name + "\" must be an array");
    }

    private static void addMethod(Map<String, VerificationMethod> methods, Optional<VerificationMethod> parsed)
            throws CredentialException {
        if (parsed.isEmpty()) {
            return;
        }
        VerificationMethod m = parsed.get();
        VerificationMethod existing = methods.putIfAbsent(m.id(), m);
        if (existing != null && !existing.equals(m)) {
            throw malformed("two different verification methods share one id");
        }
    }

    /** The method, or empty when its type or key type is not one credkit uses. */
    private static Optional<VerificationMethod> parseMethod(JsonObject o, String documentId) throws CredentialException {
        String methodId = o.string("id").orElseThrow(() -> malformed("verification method has no string \"id\""));
        if (methodId.isEmpty()) {
            throw malformed("verification method id is empty");
        }
        JsonValue typeValue = o.get("type").orElseThrow(() -> malformed("verification method has no \"type\""));
        if (!(typeValue instanceof JsonString typeString)) {
            throw malformed("verification method type must be a string");
        }
        String type = typeString.value();
        JsonValue controllerValue = o.get("controller").orElse(null);
        String controller;
        if (controllerValue == null) {
            controller = documentId;
        } else if (controllerValue instanceof JsonString c && !c.value().isEmpty()) {
            controller = c.value();
        } else {
            throw malformed("verification method controller must be a non-empty string");
        }
        Ed25519PublicKey key = switch (type) {
            case VerificationMethod.MULTIKEY -> multikey(o);
            case VerificationMethod.ED25519_2020 -> Ed25519PublicKey.fromMultibase(requiredString(o, "publicKeyMultibase", type));
            case VerificationMethod.ED25519_2018 -> Ed25519PublicKey.fromRaw(Multibase.fromBase58(requiredString(o, "publicKeyBase58", type)));
            case VerificationMethod.JSON_WEB_KEY, VerificationMethod.JSON_WEB_KEY_2020 -> jsonWebKey(o, type);
            default -> null;
        };
        if (key == null) {
            return Optional.empty();
        }
        return Optional.of(new VerificationMethod(resolve(methodId, documentId), type, controller, key));
    }

    /** A Multikey's Ed25519 key, or null for other key types. */
    private static Ed25519PublicKey multikey(JsonObject o) throws CredentialException {
        String mb = o.string("publicKeyMultibase").orElse(null);
        if (mb == null) {
            return null;
        }
        Multicodec.Prefix prefix = Multicodec.read(Multibase.decodeBase58Btc(mb));
        if (prefix == null || prefix.code() != Multicodec.ED25519_PUB) {
            return null;
        }
        return Ed25519PublicKey.fromMultibase(mb);
    }

    private static Ed25519PublicKey jsonWebKey(JsonObject o, String type) throws CredentialException {
        JsonObject jwk = o.object("publicKeyJwk").orElseThrow(() -> malformed(type + " method has no \"publicKeyJwk\" object"));
        if (!"OKP".equals(jwk.string("kty").orElse(null)) || !"Ed25519".equals(jwk.string("crv").orElse(null))) {
            return null;
        }
        if (jwk.has("d")) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "a published JWK must not contain the private key \"d\"");
        }
        return Ed25519PublicKey.fromJwk(jwk);
    }

    private static String requiredString(JsonObject o, String name, String type) throws CredentialException {
        return o.string(name).orElseThrow(() -> malformed(type + " method has no string \"" + name + "\""));
    }

    private static String resolve(String reference, String documentId) {
        return reference.startsWith("#") ? documentId + reference : reference;
    }

    private static CredentialException malformed(String message) {
        return new CredentialException(ProblemCode.MALFORMED, message);
    }

    public String id() {
        return id;
    }

    /** The Ed25519 methods, declared ones first, then those embedded in relationships. */
    public List<VerificationMethod> verificationMethods() {
        return methods;
    }

    /** The method with this id (absolute, or a fragment relative to the document id). */
    public Optional<VerificationMethod> method(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(methodsById.get(resolve(id, this.id)));
    }

    /** True when {@code methodId} is listed under {@code relationship} (e.g. "assertionMethod"). */
    public boolean isAuthorized(String methodId, String relationship) {
        if (methodId == null || relationship == null) {
            return false;
        }
        return relationships.getOrDefault(relationship, Collections.emptySet()).contains(resolve(methodId, id));
    }

    /** The document as read (or, for {@code did:key}, as generated). */
    public JsonObject toJson() {
        return json;
    }

    @Override
    public String toString() {
        return "DidDocument[" + id + ", " + methods.size() + " Ed25519 method(s)]";
    }
}
