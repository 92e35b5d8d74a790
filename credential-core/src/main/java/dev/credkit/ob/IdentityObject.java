package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Open Badges 3.0 {@code IdentityObject}: one way to recognise the learner. {@code type
 * "IdentityObject"}, {@code hashed}, {@code identityHash} and {@code identityType} are REQUIRED.
 *
 * <p>A hashed identity is an IdentityHash: {@code sha256$<hex>} of the UTF-8 bytes of the
 * plaintext immediately followed by the salt ({@code md5$} is read, never written). A learner's
 * display name is usually given unhashed ({@code identityType "name"}); e-mail addresses and
 * student numbers should be hashed with a random salt so the public credential does not leak them
 * while anyone who knows the value can still check it with {@link #matches(String)}.
 */
public final class IdentityObject implements ObValue {
    private static final String OWNER = "IdentityObject";
    private static final Pattern HASH = Pattern.compile("(sha256\\$[0-9a-fA-F]{64})|(md5\\$[0-9a-fA-F]{32})");

    private final String identityType;
    private final boolean hashed;
    private final String identityHash;
    private final String salt;
    private final JsonObject json;

    private IdentityObject(String identityType, boolean hashed, String identityHash, String salt, JsonObject json) {
        this.identityType = identityType;
        this.hashed = hashed;
        this.identityHash = identityHash;
        this.salt = salt;
        this.json = json;
    }

    /** An unhashed identity, e.g. {@code plaintext("name", "Ada Lovelace")}. */
    public static IdentityObject plaintext(String identityType, String value) throws CredentialException {
        ObJson.checkNotBlank(identityType, OWNER, "identityType");
        ObVocabulary.check(ObVocabulary.IDENTIFIER_TYPES, identityType, OWNER, "identityType");
        ObJson.checkNotBlank(value, OWNER, "identityHash");
        return new IdentityObject(identityType, false, value, null, write(identityType, false, value, null));
    }

    /** A salted SHA-256 identity: {@code identityHash = "sha256$" + hex(SHA-256(plaintext + salt))}. */
    public static IdentityObject hashed(String identityType, String plaintext, String salt) throws CredentialException {
        ObJson.checkNotBlank(identityType, OWNER, "identityType");
        ObVocabulary.check(ObVocabulary.IDENTIFIER_TYPES, identityType, OWNER, "identityType");
        ObJson.checkNotBlank(plaintext, OWNER, "identityHash");
        Objects.requireNonNull(salt, "salt");
        String hash = identityHash(plaintext, salt);
        return new IdentityObject(identityType, true, hash, salt, write(identityType, true, hash, salt));
    }

    /**
     * A hashed e-mail address. The address is trimmed and lower-cased first (addresses are
     * compared case-insensitively in practice); {@link #matchesEmail(String)} does the same.
     */
    public static IdentityObject hashedEmail(String email, String salt) throws CredentialException {
        ObJson.checkNotBlank(email, OWNER, "identityHash");
        if (email.indexOf('@') < 1) {
            throw ObJson.invalid("IdentityObject: an emailAddress identity needs an e-mail address");
        }
        return hashed("emailAddress", normalizeEmail(email), salt);
    }

    /** 16 random bytes as hex, a fresh salt for one identity. */
    public static String newSalt(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code "sha256$" + lowercase hex(SHA-256(UTF-8(plaintext + salt)))}. */
    public static String identityHash(String plaintext, String salt) {
        return "sha256$" + HexFormat.of().formatHex(digest("SHA-256", plaintext + (salt == null ? "" : salt)));
    }

    public static IdentityObject read(JsonObject o) throws CredentialException {
        ObJson.requireType(o, OWNER, "IdentityObject");
        Boolean hashed = ObJson.bool(o, OWNER, "hashed");
        if (hashed == null) {
            throw ObJson.required(OWNER, "hashed");
        }
        String identityHash = ObJson.requireString(o, OWNER, "identityHash");
        String identityType = ObJson.requireString(o, OWNER, "identityType");
        String salt = ObJson.string(o, OWNER, "salt");
        if (hashed && !HASH.matcher(identityHash).matches()) {
            throw ObJson.invalid("IdentityObject.identityHash must be sha256$<64 hex> or md5$<32 hex> when hashed");
        }
        return new IdentityObject(identityType, hashed, identityHash, salt, o);
    }

    public String identityType() {
        return identityType;
    }

    public boolean hashed() {
        return hashed;
    }

    /** The IdentityHash, or the plaintext value when {@link #hashed()} is false. */
    public String identityHash() {
        return identityHash;
    }

    public Optional<String> salt() {
        return Optional.ofNullable(salt);
    }

    /**
     * Whether {@code plaintext} is this identity. Hashed identities are recomputed with the salt
     * and compared in constant time; unhashed ones are compared in constant time too.
     */
    public boolean matches(String plaintext) {
        if (plaintext == null) {
            return false;
        }
        if (!hashed) {
            return MessageDigest.isEqual(plaintext.getBytes(StandardCharsets.UTF_8),
                    identityHash.getBytes(StandardCharsets.UTF_8));
        }
        int dollar = identityHash.indexOf('$');
        String algorithm = identityHash.substring(0, dollar);
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(identityHash.substring(dollar + 1).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        String input = plaintext + (salt == null ? "" : salt);
        byte[] actual = digest(algorithm.equals("md5") ? "MD5" : "SHA-256", input);
        return MessageDigest.isEqual(actual, expected);
    }

    /** {@link #matches(String)} after the same normalisation as {@link #hashedEmail}. */
    public boolean matchesEmail(String email) {
        return email != null && matches(normalizeEmail(email));
    }

    @Override
    public JsonObject toJson() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityObject other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return "IdentityObject[" + identityType + (hashed ? ", hashed" : "") + "]";
    }

    private static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static JsonObject write(String identityType, boolean hashed, String identityHash, String salt) {
        JsonObject.Builder b = JsonObject.builder()
                .put("type", "IdentityObject")
                .put("identityType", identityType)
                .put("hashed", hashed)
                .put("identityHash", identityHash);
        b.putIfPresent("salt", salt);
        return b.build();
    }

    private static byte[] digest(String algorithm, String input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + algorithm, e);
        }
    }
}
