package dev.credkit.verify;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.keys.Ed25519PublicKey;
import dev.credkit.keys.VerificationMethod;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trust list: the issuers a verifier trusts, with optional display data and the keys bound to
 * each. Immutable. JSON form (the README documents it):
 *
 * <pre>{@code
 * {"issuers": [{
 *    "id": "https://vc.example/issuers/5678",
 *    "name": "Example University", "url": "https://vc.example", "logo": "https://vc.example/logo.png",
 *    "keys": ["did:key:z6Mk…"],
 *    "verificationMethods": [{"id": "https://vc.example/issuers/5678#key-1", "publicKeyMultibase": "z6Mk…"}]
 * }]}
 * }</pre>
 *
 * {@code keys} holds DIDs (any of their methods), verification method ids, or
 * {@code publicKeyMultibase} values; {@code verificationMethods} supplies key material for
 * methods no DID document describes, and binds them too.
 */
public final class TrustList implements TrustRegistry {
    private final Map<String, TrustedIssuer> issuers;
    private final Map<String, VerificationMethod> methods;

    private TrustList(Map<String, TrustedIssuer> issuers, Map<String, VerificationMethod> methods) {
        this.issuers = Map.copyOf(issuers);
        this.methods = Map.copyOf(methods);
    }

    /** A trust list of these issuers (no extra key material). */
    public static TrustList of(Collection<TrustedIssuer> issuers) {
        Map<String, TrustedIssuer> byId = new LinkedHashMap<>();
        issuers.forEach(i -> byId.put(i.id(), i));
        return new TrustList(byId, Map.of());
    }

    /** Reads the JSON form. */
    public static TrustList read(JsonObject json) throws CredentialException {
        JsonArray list = json.array("issuers").orElseThrow(() -> malformed("a trust list needs an 'issuers' array"));
        Map<String, TrustedIssuer> byId = new LinkedHashMap<>();
        Map<String, VerificationMethod> methods = new LinkedHashMap<>();
        int index = 0;
        for (JsonValue v : list) {
            String where = "issuers[" + index++ + "]";
            if (!(v instanceof JsonObject entry)) {
                throw malformed(where + " must be an object");
            }
            String id = entry.string("id").filter(s -> !s.isBlank()).orElseThrow(() -> malformed(where + " needs a string 'id'"));
            List<String> keys = new ArrayList<>();
            if (entry.has("keys")) {
                keys.addAll(entry.array("keys").flatMap(JsonArray::strings)
                        .orElseThrow(() -> malformed(where + ".keys must be an array of strings")));
            }
            for (JsonValue m : entry.array("verificationMethods").orElse(JsonArray.empty())) {
                if (!(m instanceof JsonObject method)) {
                    throw malformed(where + ".verificationMethods entries must be objects");
                }
                String methodId = method.string("id").orElseThrow(() -> malformed(where + ".verificationMethods entries need an 'id'"));
                String multibase = method.string("publicKeyMultibase").orElseThrow(() ->
                        malformed(where + ".verificationMethods entries need a 'publicKeyMultibase'"));
                Ed25519PublicKey key = Ed25519PublicKey.fromMultibase(multibase);
                methods.put(methodId, new VerificationMethod(methodId, "Multikey", method.string("controller").orElse(id), key));
                keys.add(methodId);
            }
            if (byId.containsKey(id)) {
                throw malformed("issuer '" + id + "' is listed twice");
            }
            byId.put(id, new TrustedIssuer(id, entry.string("name").orElse(null), entry.string("url").orElse(null),
                    entry.string("logo").orElse(null), keys));
        }
        return new TrustList(byId, methods);
    }

    /** One list holding the entries of several (later lists cannot redefine an issuer). */
    public static TrustList merge(Collection<TrustList> lists) throws CredentialException {
        Map<String, TrustedIssuer> byId = new LinkedHashMap<>();
        Map<String, VerificationMethod> methods = new LinkedHashMap<>();
        for (TrustList l : lists) {
            for (TrustedIssuer i : l.issuers.values()) {
                if (byId.putIfAbsent(i.id(), i) != null) {
                    throw malformed("issuer '" + i.id() + "' is on more than one trust list");
                }
            }
            methods.putAll(l.methods);
        }
        return new TrustList(byId, methods);
    }

    public Collection<TrustedIssuer> issuers() {
        return issuers.values();
    }

    @Override
    public Optional<TrustedIssuer> issuer(String issuerId) {
        return Optional.ofNullable(issuers.get(issuerId));
    }

    @Override
    public boolean bindsKey(String issuerId, VerificationMethod method) {
        TrustedIssuer issuer = issuers.get(issuerId);
        if (issuer == null) {
            return false;
        }
        List<String> keys = issuer.keys();
        return keys.contains(method.id()) || keys.contains(method.controller())
                || keys.contains(method.publicKey().multibase());
    }

    @Override
    public Optional<VerificationMethod> verificationMethod(String methodId) {
        return Optional.ofNullable(methods.get(methodId));
    }

    private static CredentialException malformed(String message) {
        return new CredentialException(ProblemCode.MALFORMED, "trust list: " + message);
    }
}
