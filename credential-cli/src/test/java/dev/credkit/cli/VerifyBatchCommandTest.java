package dev.credkit.cli;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.keys.KeyFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code credkit verify --batch}: a directory or a JSON Lines file, counts per outcome and problem. */
class VerifyBatchCommandTest {
    @TempDir
    Path dir;
    Path key;
    String issuer;

    @BeforeEach
    void setUp() throws Exception {
        key = dir.resolve("key.json");
        CliHarness.run("keygen", "-o", key.toString()).assertSuccess();
        issuer = JsonReader.defaults().readObject(Files.readString(key)).string("controller").orElseThrow();
    }

    String unsigned(String issuerId, int n) {
        return """
                {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
                 "id":"urn:uuid:00000000-0000-4000-8000-%012d",
                 "type":["VerifiableCredential","ExampleDegreeCredential"],"issuer":"%s",
                 "validFrom":"2025-01-01T00:00:00Z",
                 "credentialSubject":{"id":"did:example:learner%d","degree":"Bachelor of Science"}}""".formatted(n, issuerId, n);
    }

    /** A credential signed through the CLI, as compact JSON (one line). */
    String signed(Path keyFile, String issuerId, int n) throws Exception {
        Path in = dir.resolve("unsigned-" + n + ".json");
        Files.writeString(in, unsigned(issuerId, n));
        String pretty = CliHarness.run("sign", "--key", keyFile.toString(), in.toString()).assertSuccess().out();
        Files.delete(in);
        return JsonReader.defaults().readObject(pretty).toJson();
    }

    @Test
    void countsEveryOutcomeAndProblemInADirectory() throws Exception {
        Path batch = Files.createDirectory(dir.resolve("batch"));
        for (int i = 0; i < 12; i++) {
            Files.writeString(batch.resolve("good-" + i + ".json"), signed(key, issuer, i));
        }
        Files.writeString(batch.resolve("tampered.json"), signed(key, issuer, 99).replace("Bachelor", "Master"));
        Files.writeString(batch.resolve("broken.json"), "{\"not\": ");
        Files.writeString(batch.resolve("ignored.txt"), "not matched by the glob");

        CliHarness.Result r = CliHarness.run("verify", "--batch", "--threads", "2", batch.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.out()).contains("Verified 12 of 14 credentials")
                .containsPattern("VERIFIED +12").containsPattern("REJECTED +2").containsPattern("INDETERMINATE +0")
                .containsPattern("INVALID_SIGNATURE +1").containsPattern("MALFORMED +1");
        assertThat(r.out().lines().filter(l -> l.startsWith("REJECTED"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("tampered.json").contains("INVALID_SIGNATURE"))
                .anySatisfy(l -> assertThat(l).contains("broken.json").contains("MALFORMED"));

        CliHarness.Result json = CliHarness.run("verify", "--batch", "--json", batch.toString());
        assertThat(json.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(json.out().lines()).hasSize(1);
        JsonObject summary = JsonReader.defaults().readObject(json.out());
        assertThat(summary.string("type")).contains("summary");
        assertThat(summary.get("total").orElseThrow()).hasToString("14");
        assertThat(summary.get("verified").orElseThrow()).hasToString("12");
        assertThat(summary.get("rejected").orElseThrow()).hasToString("2");
        assertThat(summary.object("problems").orElseThrow().keys()).containsExactlyInAnyOrder("INVALID_SIGNATURE", "MALFORMED");
    }

    @Test
    void aJsonLinesFileIsReadLineByLineAndFailuresComeInInputOrder() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add(signed(key, issuer, i));
        }
        lines.set(2, lines.get(2).replace("Bachelor", "Doctor"));
        lines.add(3, "");
        lines.add("garbage");
        Path jsonl = dir.resolve("all.jsonl");
        Files.writeString(jsonl, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        CliHarness.Result r = CliHarness.run("verify", "--batch", "--json", "--list-failures", jsonl.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.REJECTED);
        List<JsonObject> out = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            out.add(JsonReader.defaults().readObject(line));
        }
        assertThat(out).hasSize(3);
        assertThat(out.get(0).string("input")).contains(jsonl + ":3");
        assertThat(out.get(0).get("index").orElseThrow()).hasToString("2");
        assertThat(out.get(0).string("outcome")).contains("REJECTED");
        assertThat(out.get(1).string("input")).contains(jsonl + ":8");
        assertThat(out.get(1).get("index").orElseThrow()).hasToString("6");
        assertThat(out.get(2).string("type")).contains("summary");
        assertThat(out.get(2).get("total").orElseThrow()).hasToString("7");
        assertThat(out.get(2).get("verified").orElseThrow()).hasToString("5");
    }

    @Test
    void exitsTwoWhenNothingIsRejectedButSomethingIsIndeterminate() throws Exception {
        // a did:web key: nobody resolves it offline without --did, so its proofs cannot be checked
        Path webKey = dir.resolve("web-key.json");
        byte[] seed = new byte[32];
        seed[0] = 9;
        KeyFile.of(Ed25519KeyPair.fromSeed(seed), "did:web:university.example#key-1", "did:web:university.example")
                .write(webKey, false);
        Path jsonl = dir.resolve("mixed.jsonl");
        Files.writeString(jsonl, signed(key, issuer, 1) + "\n" + signed(webKey, "did:web:university.example", 2) + "\n");

        CliHarness.Result r = CliHarness.run("verify", "--batch", jsonl.toString());
        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.INDETERMINATE);
        assertThat(r.out()).containsPattern("INDETERMINATE +1").containsPattern("UNKNOWN_KEY +1");

        Path good = dir.resolve("good.jsonl");
        Files.writeString(good, signed(key, issuer, 1) + "\n");
        CliHarness.Result ok = CliHarness.run("verify", "--batch", good.toString());
        assertThat(ok.exitCode()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("Verified 1 of 1");
    }

    @Test
    void aLineTooLongToKeepIsRejectedOnTheLimitAndTheOthersAreVerified() throws Exception {
        Path jsonl = dir.resolve("huge.jsonl");
        String huge = "{\"x\":\"" + "a".repeat(InputDocument.MAX_INPUT_BYTES) + "\"}";
        Files.writeString(jsonl, signed(key, issuer, 1) + "\n" + huge + "\n" + signed(key, issuer, 2) + "\n");
        CliHarness.Result r = CliHarness.run("verify", "--batch", jsonl.toString());
        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.out()).contains("Verified 2 of 3").contains(jsonl + ":2").containsPattern("LIMIT_EXCEEDED +1");
    }

    @Test
    void refusesWhatCannotBeABatch() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(CliHarness.run("verify", "--batch", empty.toString()).assertFailure(ExitCodes.USAGE).err()).contains("no credentials");
        CliHarness.run("verify", "--batch", dir.resolve("missing").toString()).assertFailure(ExitCodes.USAGE);
        CliHarness.run("verify", "--batch", "-").assertFailure(ExitCodes.USAGE);
        CliHarness.run("verify", "--batch", "--threads", "0", empty.toString()).assertFailure(ExitCodes.USAGE);
        // without --batch a directory is still refused as before
        CliHarness.run("verify", empty.toString()).assertFailure(ExitCodes.USAGE);
    }
}
