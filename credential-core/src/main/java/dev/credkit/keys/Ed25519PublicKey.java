package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.keys.Ed25519Engine;
import dev.credkit.internal.keys.KeyDer;
import dev.credkit.internal.keys.Multicodec;
import dev.credkit.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * An Ed25519 public key, validated at decoding: canonical point encoding, not of small order.
 * The one Ed25519 verification path of credkit is {@link #verify(byte[], byte[])}.
 *
 * <p>The point is decoded once, when the key is created, so verifying many signatures with one
 * key does no repeated decoding. Immutable and thread-safe. Keys with a torsion component (not
 * of small order, but not in the prime-order subgroup) are accepted, as libsodium does: they
 * cannot help anyone forge, and the full subgroup check costs as much as a verification.
 */
public final class Ed25519PublicKey {
    private static final String PEM_LABEL = "PUBLIC KEY";

    private final byte[] raw;
    private final Ed25519Engine.PreparedKey prepared;
    /** Computed on first use; a racy single check is fine for an immutable String. */
    private String multibase;

    private Ed25519PublicKey(byte[] raw, Ed25519Engine.PreparedKey prepared, String multibase) {
        this.raw = raw;
        this.prepared = prepared;
        this.multibase = multibase;
    }

    /** From the 32-byte RFC 8032 encoding; rejects wrong lengths, non-canonical and small-order keys. */
    public static Ed25519PublicKey fromRaw(byte[] raw) throws CredentialException {
        return of(raw == null ? null : raw.clone(), null);
    }

    private static Ed25519PublicKey of(byte[] raw, String multibase) throws CredentialException {
        if (raw == null || raw.length != Ed25519Engine.PUBLIC_KEY_BYTES) {
            throw new CredentialException(ProblemCode.INVALID_KEY,
                    "an Ed25519 public key is 32 bytes, got " + (raw == null ? 0 : raw.length));
        }
        Ed25519Engine.PreparedKey prepared = Ed25519Engine.prepare(raw);
        if (prepared == null) {
            throw new CredentialException(ProblemCode.INVALID_KEY,
                    "not a valid Ed25519 public key (non-canonical encoding, not on the curve, or of small order)");
        }
        return new Ed25519PublicKey(raw, prepared, multibase);
    }

    /** From {@code publicKeyMultibase}: base58btc ('z') of 0xed 0x01 followed by the key. */
    public static Ed25519PublicKey fromMultibase(String multibase) throws CredentialException {
        byte[] bytes = Multibase.decodeBase58Btc(multibase);
        Multicodec.Prefix prefix = Multicodec.read(bytes);
        if (prefix == null || prefix.code() != Multicodec.ED25519_PUB) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "expected an Ed25519 public key (ed25519-pub, 0xed), found "
                    + (prefix == null ? "no multicodec prefix" : Multicodec.describe(prefix.code())));
        }
        if (bytes.length != prefix.length() + Ed25519Engine.PUBLIC_KEY_BYTES) {
            throw new CredentialException(ProblemCode.INVALID_KEY,
                    "an Ed25519 public key is 32 bytes, got " + (bytes.length - prefix.length()));
        }
        return of(Arrays.copyOfRange(bytes, prefix.length(), bytes.length), multibase);
    }

    /** From an RFC 8037 JWK ({@code kty} OKP, {@code crv} Ed25519, {@code x}); a {@code d} is ignored. */
    public static Ed25519PublicKey fromJwk(JsonObject jwk) throws CredentialException {
        checkJwkType(jwk);
        String x = jwk.string("x").orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_KEY, "Ed25519 JWK has no \"x\""));
        return fromRaw(Multibase.fromBase64Url(x));
    }

    /** Checks {@code kty}, {@code crv} and, when present, {@code alg} of an Ed25519 JWK. */
    static void checkJwkType(JsonObject jwk) throws CredentialException {
        String kty = jwk.string("kty").orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_KEY, "JWK has no \"kty\""));
        if (!kty.equals("OKP")) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "expected an OKP JWK, found kty " + shorten(kty));
        }
        String crv = jwk.string("crv").orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_KEY, "OKP JWK has no \"crv\""));
        if (!crv.equals("Ed25519")) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "expected crv Ed25519, found " + shorten(crv));
        }
        if (jwk.has("alg") && !jwk.string("alg").map(a -> a.equals("EdDSA") || a.equals("Ed25519")).orElse(false)) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "Ed25519 JWK with an alg other than EdDSA");
        }
    }

    /** From a DER X.509 SubjectPublicKeyInfo (RFC 8410). */
    public static Ed25519PublicKey fromSpki(byte[] der) throws CredentialException {
        return of(KeyDer.decodeSpki(der), null);
    }

    /** From a PEM {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo, as OpenSSL writes it). */
    public static Ed25519PublicKey fromPem(String pem) throws CredentialException {
        return fromSpki(KeyDer.decodePem(pem, PEM_LABEL));
    }

    /** A copy of the 32 raw bytes. */
    public byte[] raw() {
        return raw.clone();
    }

    /** {@code z6Mk...}: base58btc multibase of the multicodec ed25519-pub prefix and the key. */
    public String multibase() {
        String mb = multibase;
        if (mb == null) {
            byte[] prefixed = new byte[2 + raw.length];
            prefixed[0] = Multicodec.ED25519_PUB_PREFIX[0];
            prefixed[1] = Multicodec.ED25519_PUB_PREFIX[1];
            System.arraycopy(raw, 0, prefixed, 2, raw.length);
            mb = Multibase.encodeBase58Btc(prefixed);
            multibase = mb;
        }
        return mb;
    }

    /** The public JWK ({@code kty}, {@code crv}, {@code x}). */
    public JsonObject toJwk() {
        return JsonObject.builder()
                .put("kty", "OKP")
                .put("crv", "Ed25519")
                .put("x", Multibase.base64Url(raw))
                .build();
    }

    /** RFC 7638 JWK thumbprint (SHA-256, base64url without padding). */
    public String jwkThumbprint() {
        // RFC 7638 §3.2 / RFC 8037 §2: required members only, sorted, no white space
        String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Multibase.base64Url(raw) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
            return Multibase.base64Url(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The DER X.509 SubjectPublicKeyInfo (RFC 8410). */
    public byte[] toSpki() {
        return KeyDer.encodeSpki(raw);
    }

    /** A PEM {@code PUBLIC KEY} block. */
    public String toPem() {
        return KeyDer.encodePem(PEM_LABEL, toSpki());
    }

    /**
     * Strict verification: the signature must be exactly 64 bytes with a canonical {@code S};
     * returns false (never throws) for any invalid signature.
     */
    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519Engine.verify(prepared, message, signature);
    }

    /** Raw bytes for the key pair, without a copy. */
    byte[] rawUnsafe() {
        return raw;
    }

    private static String shorten(String s) {
        return s.length() > 20 ? "\"" + s.substring(0, 20) + "...\"" : "\"" + s + "\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + multibase() + "]";
    }
}
