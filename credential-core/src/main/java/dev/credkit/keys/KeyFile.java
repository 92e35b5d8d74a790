package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonValue;
import dev.credkit.json.JsonWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * A signing key file: an Ed25519 key pair with the verification method id and controller it
 * signs as.
 *
 * <p>Read forms (detected from content): a Multikey JSON object with {@code secretKeyMultibase}
 * (or {@code privateKeyMultibase}, as in the W3C vectors; 32-byte seed or 64-byte seed‖public
 * key), an optional {@code publicKeyMultibase} that must match, an optional {@code type}
 * ({@code Multikey} or {@code Ed25519VerificationKey2020}); a private JWK ({@code kty} OKP,
 * {@code crv} Ed25519, {@code d}, {@code x}); or a PEM PKCS#8 {@code PRIVATE KEY}. Without
 * {@code id} and {@code controller}, the key signs as its {@code did:key}; with only a
 * {@code controller}, the id is {@code controller#publicKeyMultibase}; with only an absolute
 * {@code id}, the controller is the id without its fragment; a relative id ({@code #key-1}) is
 * resolved against the controller.
 *
 * <p>Written form: pretty JSON {@code {"type":"Multikey","id","controller","publicKeyMultibase",
 * "secretKeyMultibase"}}, owner-only permissions. Immutable; never shows the secret in
 * {@code toString}.
 */
public final class KeyFile {
    /** Largest key file read. */
    public static final int MAX_BYTES = 64 * 1024;

    private final Ed25519KeyPair keyPair;
    private final String verificationMethodId;
    private final String controller;

    private KeyFile(Ed25519KeyPair keyPair, String verificationMethodId, String controller) {
        this.keyPair = keyPair;
        this.verificationMethodId = verificationMethodId;
        this.controller = controller;
    }

    /** A key that signs as its {@code did:key}. */
    public static KeyFile of(Ed25519KeyPair keyPair) {
        Ed25519PublicKey pub = keyPair.publicKey();
        return new KeyFile(keyPair, DidKey.verificationMethodId(pub), DidKey.did(pub));
    }

    /** A key that signs as {@code verificationMethodId}, controlled by {@code controller}. */
    public static KeyFile of(Ed25519KeyPair keyPair, String verificationMethodId, String controller) {
        Objects.requireNonNull(keyPair, "keyPair");
        if (verificationMethodId == null || verificationMethodId.isEmpty() || controller == null || controller.isEmpty()) {
            throw new IllegalArgumentException("verificationMethodId and controller must be non-empty");
        }
        return new KeyFile(keyPair, verificationMethodId, controller);
    }

    /** Reads a key file (JSON or PEM, at most {@link #MAX_BYTES}). */
    public static KeyFile read(Path path) throws CredentialException {
        byte[] content;
        try (InputStream in = Files.newInputStream(path)) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "key file not found: " + path);
        } catch (AccessDeniedException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "key file not readable: " + path);
        } catch (IOException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "cannot read key file " + path + ": " + e.getClass().getSimpleName());
        }
        return parse(content);
    }

    /** Parses key file content: JSON (Multikey or JWK) or a PEM PKCS#8 private key. */
    public static KeyFile parse(byte[] content) throws CredentialException {
        if (content.length > MAX_BYTES) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "key file is larger than " + MAX_BYTES + " bytes");
        }
        int start = 0;
        while (start < content.length && Character.isWhitespace(content[start])) {
            start++;
        }
        if (start < content.length && content[start] == '-') {
            return of(Ed25519KeyPair.fromPkcs8Pem(new String(content, StandardCharsets.US_ASCII)));
        }
        JsonValue value;
        try {
            value = JsonReader.defaults().read(content);
        } catch (CredentialException e) {
            // the parser's message may quote the content, which holds a secret
            throw new CredentialException(e.code(), "key file is not valid JSON or PEM");
        }
        if (!(value instanceof JsonObject json)) {
            throw new CredentialException(ProblemCode.MALFORMED, "key file must be a JSON object");
        }
        return parse(json);
    }

    /** Reads a key file's JSON object (Multikey or private JWK). */
    public static KeyFile parse(JsonObject json) throws CredentialException {
        Ed25519KeyPair keyPair = json.has("kty") ? Ed25519KeyPair.fromJwk(json) : multikey(json);
        String mb = keyPair.publicKey().multibase();
        String id = optionalString(json, "id");
        String controller = optionalString(json, "controller");
        if (id == null && controller == null) {
            return of(keyPair);
        }
        if (id == null) {
            id = controller + "#" + mb;
        } else if (id.startsWith("#")) {
            if (controller == null) {
                throw new CredentialException(ProblemCode.MALFORMED, "key file has a relative id but no controller");
            }
            id = controller + id;
        } else if (controller == null) {
            int hash = id.indexOf('#');
            if (hash <= 0) {
                throw new CredentialException(ProblemCode.MALFORMED, "key file has an id without fragment and no controller");
            }
            controller = id.substring(0, hash);
        }
        return new KeyFile(keyPair, id, controller);
    }

    private static Ed25519KeyPair multikey(JsonObject json) throws CredentialException {
        String type = optionalString(json, "type");
        if (type != null && !type.equals(VerificationMethod.MULTIKEY) && !type.equals(VerificationMethod.ED25519_2020)) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "key file type must be Multikey");
        }
        String secret = optionalString(json, "secretKeyMultibase");
        String privateKey = optionalString(json, "privateKeyMultibase");
        if (secret != null && privateKey != null && !secret.equals(privateKey)) {
            throw new CredentialException(ProblemCode.MALFORMED, "key file has different secretKeyMultibase and privateKeyMultibase");
        }
        if (secret == null && privateKey == null) {
            throw new CredentialException(ProblemCode.MALFORMED,
                    "key file has no secretKeyMultibase (or privateKeyMultibase, or JWK \"d\")");
        }
        Ed25519KeyPair keyPair = Ed25519KeyPair.fromSecretMultibase(secret != null ? secret : privateKey);
        String publicMultibase = optionalString(json, "publicKeyMultibase");
        if (publicMultibase != null && !Ed25519PublicKey.fromMultibase(publicMultibase).equals(keyPair.publicKey())) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "publicKeyMultibase does not match the secret key");
        }
        return keyPair;
    }

    private static String optionalString(JsonObject json, String name) throws CredentialException {
        JsonValue v = json.get(name).orElse(null);
        if (v == null) {
            return null;
        }
        if (json.string(name).filter(s -> !s.isEmpty()).isEmpty()) {
            throw new CredentialException(ProblemCode.MALFORMED, "key file \"" + name + "\" must be a non-empty string");
        }
        return json.string(name).get();
    }

    public Ed25519KeyPair keyPair() {
        return keyPair;
    }

    public Ed25519PublicKey publicKey() {
        return keyPair.publicKey();
    }

    /** The verification method id the key signs as (e.g. {@code did:key:z6Mk…#z6Mk…}). */
    public String verificationMethodId() {
        return verificationMethodId;
    }

    /** The controller of the verification method (e.g. the issuer's DID). */
    public String controller() {
        return controller;
    }

    /** The public Multikey verification method. */
    public VerificationMethod verificationMethod() {
        return VerificationMethod.multikey(verificationMethodId, controller, keyPair.publicKey());
    }

    /** The key file, secret included. Handle with care. */
    public JsonObject toJson() {
        return publicJson().put("secretKeyMultibase", keyPair.exportSecretMultibase()).build();
    }

    /** The key file without its secret: the public Multikey, in key file member order. */
    public JsonObject toPublicJson() {
        return publicJson().build();
    }

    private JsonObject.Builder publicJson() {
        return JsonObject.builder()
                .put("type", VerificationMethod.MULTIKEY)
                .put("id", verificationMethodId)
                .put("controller", controller)
                .put("publicKeyMultibase", keyPair.publicKey().multibase());
    }

    /** The key file as written: pretty JSON with a final newline, secret included. */
    public String toPrettyJson() {
        return JsonWriter.pretty(toJson()) + "\n";
    }

    /**
     * Writes the key file, readable and writable by its owner only where the file system
     * supports POSIX permissions or ACLs. Without {@code replaceExisting} an existing file is
     * an error ({@link java.nio.file.FileAlreadyExistsException}); with it the file is replaced
     * atomically where the file system allows.
     */
    public void write(Path path, boolean replaceExisting) throws IOException {
        byte[] bytes = toPrettyJson().getBytes(StandardCharsets.UTF_8);
        Path target = path.toAbsolutePath();
        if (!replaceExisting) {
            Files.createFile(target, ownerOnly(target));
            restrictAcl(target);
            Files.write(target, bytes);
            return;
        }
        Path tmp = Files.createTempFile(target.getParent(), ".credkit-key-", ".tmp", ownerOnly(target));
        try {
            restrictAcl(tmp);
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path path) {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** On ACL file systems (Windows) without POSIX permissions: one entry, for the owner. */
    private static void restrictAcl(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(path);
        AclEntry entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                        AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES,
                        AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.READ_ACL,
                        AclEntryPermission.WRITE_ACL, AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE))
                .build();
        acl.setAcl(List.of(entry));
    }

    @Override
    public String toString() {
        return "KeyFile[id=" + verificationMethodId + ", public=" + keyPair.publicKey().multibase() + "]";
    }
}
