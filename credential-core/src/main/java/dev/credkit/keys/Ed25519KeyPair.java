package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.keys.Ed25519Engine;
import dev.credkit.internal.keys.KeyDer;
import dev.credkit.internal.keys.Multicodec;
import dev.credkit.json.JsonObject;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 key pair held in memory. The secret never appears in {@code toString}, logs or
 * exception messages; exporting it is an explicit call ({@code export...}).
 *
 * <p>Immutable and thread-safe. Two key pairs are equal when their secrets are (compared in
 * constant time).
 */
public final class Ed25519KeyPair {
    private static final String PEM_LABEL = "PRIVATE KEY";

    private final byte[] seed;
    private final Ed25519PublicKey publicKey;

    private Ed25519KeyPair(byte[] seed, Ed25519PublicKey publicKey) {
        this.seed = seed;
        this.publicKey = publicKey;
    }

    public static Ed25519KeyPair generate() {
        return generate(new SecureRandom());
    }

    public static Ed25519KeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        try {
            return fromSeedOwned(Ed25519Engine.generateSeed(random));
        } catch (CredentialException e) {
            // a public key derived from a seed is always valid
            throw new IllegalStateException("derived Ed25519 public key rejected", e);
        }
    }

    /** From the 32-byte RFC 8032 seed (the private key). */
    public static Ed25519KeyPair fromSeed(byte[] seed) throws CredentialException {
        if (seed == null || seed.length != Ed25519Engine.SEED_BYTES) {
            throw new CredentialException(ProblemCode.INVALID_KEY,
                    "an Ed25519 seed is 32 bytes, got " + (seed == null ? 0 : seed.length));
        }
        return fromSeedOwned(seed.clone());
    }

    private static Ed25519KeyPair fromSeedOwned(byte[] seed) throws CredentialException {
        return new Ed25519KeyPair(seed, Ed25519PublicKey.fromRaw(Ed25519Engine.publicKey(seed)));
    }

    /**
     * From {@code secretKeyMultibase}: base58btc of 0x80 0x26 and either the 32-byte seed or the
     * 64-byte seed‖public key (whose public half must match).
     */
    public static Ed25519KeyPair fromSecretMultibase(String multibase) throws CredentialException {
        byte[] bytes = Multibase.decodeBase58Btc(multibase);
        try {
            Multicodec.Prefix prefix = Multicodec.read(bytes);
            if (prefix == null || prefix.code() != Multicodec.ED25519_PRIV) {
                throw new CredentialException(ProblemCode.INVALID_KEY,
                        "expected an Ed25519 secret key (ed25519-priv, 0x1300), found "
                                + (prefix == null ? "no multicodec prefix" : Multicodec.describe(prefix.code())));
            }
            int length = bytes.length - prefix.length();
            if (length != 32 && length != 64) {
                throw new CredentialException(ProblemCode.INVALID_KEY,
                        "an Ed25519 secret key is 32 bytes (or 64 with the public key), got " + length);
            }
            byte[] seed = Arrays.copyOfRange(bytes, prefix.length(), prefix.length() + 32);
            Ed25519KeyPair pair = fromSeedOwned(seed);
            if (length == 64) {
                pair.requirePublicKey(Arrays.copyOfRange(bytes, prefix.length() + 32, bytes.length));
            }
            return pair;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * From a private RFC 8037 JWK: {@code kty} OKP, {@code crv} Ed25519, {@code d} (the seed)
     * and {@code x}, which must be the seed's public key.
     */
    public static Ed25519KeyPair fromJwk(JsonObject jwk) throws CredentialException {
        Ed25519PublicKey.checkJwkType(jwk);
        String d = jwk.string("d").orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_KEY, "Ed25519 JWK has no private key \"d\""));
        String x = jwk.string("x").orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_KEY, "Ed25519 JWK has no \"x\""));
        byte[] seed = Multibase.fromBase64Url(d);
        if (seed.length != Ed25519Engine.SEED_BYTES) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "an Ed25519 JWK \"d\" is 32 bytes, got " + seed.length);
        }
        Ed25519KeyPair pair = fromSeedOwned(seed);
        pair.requirePublicKey(Multibase.fromBase64Url(x));
        return pair;
    }

    /** From DER PKCS#8 (v1, or v2 whose public key must match). */
    public static Ed25519KeyPair fromPkcs8(byte[] der) throws CredentialException {
        KeyDer.PrivateKeyInfo info = KeyDer.decodePkcs8(der);
        Ed25519KeyPair pair = fromSeedOwned(info.seed());
        if (info.publicKey() != null) {
            pair.requirePublicKey(info.publicKey());
        }
        return pair;
    }

    /** From a PEM {@code PRIVATE KEY} block (PKCS#8, as OpenSSL writes it; not encrypted). */
    public static Ed25519KeyPair fromPkcs8Pem(String pem) throws CredentialException {
        return fromPkcs8(KeyDer.decodePem(pem, PEM_LABEL));
    }

    private void requirePublicKey(byte[] claimed) throws CredentialException {
        if (!MessageDigest.isEqual(claimed, publicKey.rawUnsafe())) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "the public key given with the secret key does not match it");
        }
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** Deterministic RFC 8032 Ed25519 signature (64 bytes). */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        return Ed25519Engine.sign(seed, publicKey.rawUnsafe(), message);
    }

    /** The secret as {@code secretKeyMultibase} (0x8026 + 32-byte seed). Handle with care. */
    public String exportSecretMultibase() {
        byte[] prefixed = new byte[2 + seed.length];
        prefixed[0] = Multicodec.ED25519_PRIV_PREFIX[0];
        prefixed[1] = Multicodec.ED25519_PRIV_PREFIX[1];
        System.arraycopy(seed, 0, prefixed, 2, seed.length);
        try {
            return Multibase.encodeBase58Btc(prefixed);
        } finally {
            Arrays.fill(prefixed, (byte) 0);
        }
    }

    /** A copy of the 32-byte seed. Handle with care. */
    public byte[] exportSeed() {
        return seed.clone();
    }

    /** The private JWK ({@code kty}, {@code crv}, {@code x}, {@code d}). Handle with care. */
    public JsonObject exportPrivateJwk() {
        return publicKey.toJwk().with("d", Multibase.base64Url(seed));
    }

    /** DER PKCS#8 v1 (RFC 8410). Handle with care. */
    public byte[] exportPkcs8() {
        return KeyDer.encodePkcs8(seed);
    }

    /** A PEM {@code PRIVATE KEY} block (unencrypted PKCS#8). Handle with care. */
    public String exportPkcs8Pem() {
        byte[] der = exportPkcs8();
        try {
            return KeyDer.encodePem(PEM_LABEL, der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519KeyPair other && MessageDigest.isEqual(seed, other.seed);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[public=" + publicKey.multibase() + "]";
    }
}
