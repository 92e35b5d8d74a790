package dev.credkit.keys;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.credkit.keys.Ed25519KeyPairTest.W3C_PUBLIC;
import static dev.credkit.keys.Ed25519KeyPairTest.W3C_SECRET;
import static dev.credkit.keys.Ed25519KeyPairTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFileTest {
    private static final String DID = "did:key:" + W3C_PUBLIC;

    @Test
    void w3cKeyPairFileSignsAsItsDidKey() throws Exception {
        KeyFile file = KeyFile.parse(KeyVectors.bytes("vc-di-eddsa/keyPair.json"));
        assertThat(file.publicKey().multibase()).isEqualTo(W3C_PUBLIC);
        assertThat(file.controller()).isEqualTo(DID);
        assertThat(file.verificationMethodId()).isEqualTo(DID + "#" + W3C_PUBLIC);
    }

    @Test
    void ob3KeyFileKeepsItsIdAndController() throws Exception {
        KeyFile file = KeyFile.parse(KeyVectors.bytes("ob3-eddsa-rdfc-2022/key.json"));
        assertThat(file.controller()).isEqualTo("https://example.edu/issuers/565049");
        assertThat(file.verificationMethodId()).isEqualTo("https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
        assertThat(file.publicKey().multibase()).isEqualTo("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
    }

    @Test
    void benchmarkKeyFileReads() throws Exception {
        byte[] content;
        try (var in = KeyFileTest.class.getResourceAsStream("/bench/key.json")) {
            content = in.readAllBytes();
        }
        JsonObject json = JsonReader.defaults().readObject(content);
        KeyFile file = KeyFile.parse(content);
        assertThat(file.verificationMethodId()).isEqualTo(json.string("verificationMethod").orElseThrow());
        assertThat(KeyVectors.hex(file.keyPair().exportSeed())).isEqualTo(json.string("seedHex").orElseThrow());
    }

    @Test
    void writtenFormIsAMultikeyThatReadsBack() throws Exception {
        KeyFile file = KeyFile.of(Ed25519KeyPair.fromSecretMultibase(W3C_SECRET));
        JsonObject json = file.toJson();
        assertThat(json.keys()).containsExactly("type", "id", "controller", "publicKeyMultibase", "secretKeyMultibase");
        assertThat(json.string("type")).contains("Multikey");
        assertThat(json.string("secretKeyMultibase")).contains(W3C_SECRET);
        assertThat(file.toPublicJson()).isEqualTo(json.without("secretKeyMultibase"));
        assertThat(file.toPublicJson().toJson()).doesNotContain(W3C_SECRET);
        assertThat(file.toPrettyJson()).startsWith("{\n  \"type\": \"Multikey\",\n  \"id\": ").endsWith("}\n");
        KeyFile back = KeyFile.parse(file.toPrettyJson().getBytes(StandardCharsets.UTF_8));
        assertThat(back.keyPair()).isEqualTo(file.keyPair());
        assertThat(back.verificationMethodId()).isEqualTo(file.verificationMethodId());
        assertThat(back.controller()).isEqualTo(file.controller());
        assertThat(file.toString()).doesNotContain(W3C_SECRET);
    }

    @Test
    void idAndControllerDefaults() throws Exception {
        JsonObject base = JsonObject.builder().put("secretKeyMultibase", W3C_SECRET).build();
        KeyFile onlyController = KeyFile.parse(base.with("controller", "did:web:example.edu"));
        assertThat(onlyController.verificationMethodId()).isEqualTo("did:web:example.edu#" + W3C_PUBLIC);
        KeyFile onlyId = KeyFile.parse(base.with("id", "did:web:example.edu#key-1"));
        assertThat(onlyId.controller()).isEqualTo("did:web:example.edu");
        KeyFile relative = KeyFile.parse(base.with("id", "#key-1").with("controller", "https://example.edu/issuer"));
        assertThat(relative.verificationMethodId()).isEqualTo("https://example.edu/issuer#key-1");
        assertCode(() -> KeyFile.parse(base.with("id", "#key-1")), ProblemCode.MALFORMED);
        assertCode(() -> KeyFile.parse(base.with("id", "https://example.edu/key")), ProblemCode.MALFORMED);
        assertCode(() -> KeyFile.parse(base.with("id", "")), ProblemCode.MALFORMED);
    }

    @Test
    void readsJwkAndPemKeyFiles() throws Exception {
        Ed25519KeyPair pair = Ed25519KeyPair.generate();
        KeyFile jwk = KeyFile.parse(pair.exportPrivateJwk().toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(jwk.keyPair()).isEqualTo(pair);
        assertThat(jwk.verificationMethodId()).isEqualTo(DidKey.verificationMethodId(pair.publicKey()));
        KeyFile pem = KeyFile.parse(pair.exportPkcs8Pem().getBytes(StandardCharsets.US_ASCII));
        assertThat(pem.keyPair()).isEqualTo(pair);
        assertThat(pem.controller()).isEqualTo(DidKey.did(pair.publicKey()));
    }

    @Test
    void rejectsBadKeyFiles() {
        JsonObject base = JsonObject.builder().put("secretKeyMultibase", W3C_SECRET).build();
        String otherPublic = Ed25519KeyPair.generate().publicKey().multibase();
        assertCode(() -> KeyFile.parse(base.with("publicKeyMultibase", otherPublic)), ProblemCode.INVALID_KEY);
        assertCode(() -> KeyFile.parse(base.with("type", "JsonWebKey2020")), ProblemCode.INVALID_KEY);
        assertCode(() -> KeyFile.parse(base.with("privateKeyMultibase", "z3u2W4YnTstS1nSSBAgZcYSJF43JuZ9uLV6bF38B1Bf8NugW")),
                ProblemCode.MALFORMED);
        assertCode(() -> KeyFile.parse(JsonObject.builder().put("publicKeyMultibase", W3C_PUBLIC).build()), ProblemCode.MALFORMED);
        assertCode(() -> KeyFile.parse("[]".getBytes(StandardCharsets.UTF_8)), ProblemCode.MALFORMED);
        assertCode(() -> KeyFile.parse(new byte[KeyFile.MAX_BYTES + 1]), ProblemCode.LIMIT_EXCEEDED);
        assertCode(() -> KeyFile.parse("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII)), ProblemCode.MALFORMED);
        assertCode(() -> KeyFile.read(Path.of("/nonexistent/credkit/key.json")), ProblemCode.MALFORMED);
    }

    @Test
    void brokenJsonMessagesDoNotQuoteTheSecret() {
        byte[] content = ("{\"secretKeyMultibase\": " + W3C_SECRET + "}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> KeyFile.parse(content)).hasMessageNotContaining(W3C_SECRET.substring(1, 10));
    }

    @Test
    void writesOwnerOnlyAndRefusesToOverwriteUnlessAsked(@TempDir Path dir) throws Exception {
        KeyFile file = KeyFile.of(Ed25519KeyPair.generate());
        Path path = dir.resolve("key.json");
        file.write(path, false);
        assertThat(KeyFile.read(path).keyPair()).isEqualTo(file.keyPair());
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        }
        KeyFile other = KeyFile.of(Ed25519KeyPair.generate());
        assertThatThrownBy(() -> other.write(path, false)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(KeyFile.read(path).keyPair()).isEqualTo(file.keyPair());
        other.write(path, true);
        assertThat(KeyFile.read(path).keyPair()).isEqualTo(other.keyPair());
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(path);
        }
    }
}
