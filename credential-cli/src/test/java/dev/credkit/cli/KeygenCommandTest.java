package dev.credkit.cli;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.keys.KeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class KeygenCommandTest {
    private static final String W3C_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    private static final String W3C_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    // credential-core test resources bench/key.json
    private static final String BENCH_SEED_HEX = "223cc4751143ab4baf89bcf6ff76a762aacda6e2fc57984989f99ee90a11b95b";
    private static final String BENCH_PUBLIC = "z6MksFn44HX4jtsk8a7889WERWzWQbeZ41o2m3rcEhvYJ5zj";

    private static JsonObject json(String text) throws Exception {
        return JsonReader.defaults().readObject(text);
    }

    @Test
    void seedGivesTheW3cVectorKeyFile() throws Exception {
        CliHarness.Result r = CliHarness.run("keygen", "--seed", W3C_SECRET).assertSuccess();
        assertThat(r.err()).isEmpty();
        JsonObject file = json(r.out());
        assertThat(file.keys()).containsExactly("type", "id", "controller", "publicKeyMultibase", "secretKeyMultibase");
        assertThat(file.string("type")).contains("Multikey");
        assertThat(file.string("publicKeyMultibase")).contains(W3C_PUBLIC);
        assertThat(file.string("controller")).contains("did:key:" + W3C_PUBLIC);
        assertThat(file.string("id")).contains("did:key:" + W3C_PUBLIC + "#" + W3C_PUBLIC);
        assertThat(file.string("secretKeyMultibase")).contains(W3C_SECRET);
        assertThat(r.out()).startsWith("{\n  \"type\": \"Multikey\",").endsWith("}\n");
        // the output is a key file credkit reads back
        assertThat(KeyFile.parse(r.outBytes()).keyPair()).isEqualTo(Ed25519KeyPair.fromSecretMultibase(W3C_SECRET));
    }

    @Test
    void hexSeedWorksToo() throws Exception {
        JsonObject file = json(CliHarness.run("keygen", "--seed", BENCH_SEED_HEX).assertSuccess().out());
        assertThat(file.string("publicKeyMultibase")).contains(BENCH_PUBLIC);
        JsonObject upper = json(CliHarness.run("keygen", "--seed=" + BENCH_SEED_HEX.toUpperCase()).assertSuccess().out());
        assertThat(upper).isEqualTo(file);
    }

    @Test
    void withoutSeedEveryKeyIsFresh() throws Exception {
        JsonObject a = json(CliHarness.run("keygen").assertSuccess().out());
        JsonObject b = json(CliHarness.run("keygen").assertSuccess().out());
        assertThat(a.string("publicKeyMultibase").orElseThrow()).startsWith("z6Mk")
                .isNotEqualTo(b.string("publicKeyMultibase").orElseThrow());
        assertThat(KeyFile.parse(a).publicKey().multibase()).isEqualTo(a.string("publicKeyMultibase").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "zzz",
            "not-a-seed",
            "223cc4751143ab4baf89bcf6ff76a762aacda6e2fc57984989f99ee90a11b9", // 62 hex digits
            "223cc4751143ab4baf89bcf6ff76a762aacda6e2fc57984989f99ee90a11b95b00",
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", // a public key
            "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjx0", // '0' is not base58
            ""})
    void badSeedsAreMalformedInput(String seed) {
        CliHarness.Result r = CliHarness.run("keygen", "--seed", seed).assertFailure(ExitCodes.MALFORMED_INPUT);
        assertThat(r.err()).contains("--seed");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void writesAnOwnerOnlyFileAndPrintsOnlyThePublicKey(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("issuer-key.json");
        CliHarness.Result r = CliHarness.run("keygen", "--seed", W3C_SECRET, "-o", path.toString()).assertSuccess();
        assertThat(r.out()).contains(W3C_PUBLIC).doesNotContain(W3C_SECRET, "secretKeyMultibase");
        String written = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(CliHarness.run("keygen", "--seed", W3C_SECRET).out());
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        }
        // same seed again: nothing to replace
        CliHarness.run("keygen", "--seed", W3C_SECRET, "-o", path.toString()).assertSuccess();
        // another key: refused without --force, the file is kept
        CliHarness.Result refused = CliHarness.run("keygen", "-o", path.toString()).assertFailure(ExitCodes.USAGE);
        assertThat(refused.err()).contains("already exists", "--force");
        assertThat(Files.readString(path, StandardCharsets.UTF_8)).isEqualTo(written);
        // with --force it is replaced, still owner-only
        CliHarness.run("keygen", "--force", "--output", path.toString()).assertSuccess();
        assertThat(Files.readString(path, StandardCharsets.UTF_8)).isNotEqualTo(written).contains("secretKeyMultibase");
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        }
    }

    @Test
    void outputDashMeansStdout() throws Exception {
        CliHarness.Result r = CliHarness.run("keygen", "--seed", W3C_SECRET, "-o", "-").assertSuccess();
        assertThat(json(r.out()).string("secretKeyMultibase")).contains(W3C_SECRET);
    }

    @Test
    void unwritableOutputIsOneLine(@TempDir Path dir) {
        CliHarness.Result r = CliHarness.run("keygen", "-o", dir.resolve("missing/dir/key.json").toString())
                .assertFailure(ExitCodes.USAGE);
        assertThat(r.err()).contains("key.json");
    }
}
