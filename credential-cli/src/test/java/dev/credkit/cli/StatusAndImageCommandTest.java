package dev.credkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end through the CLI: issue with a status entry, revoke, suspend, reinstate; bake and render. */
class StatusAndImageCommandTest {
    static final String URL = "https://status.example/lists/1";
    static final String SUSPEND_URL = "https://status.example/lists/2";

    @TempDir
    Path dir;

    private Path credential(String key) throws Exception {
        String issuer = didOf(key);
        String unsigned = """
                {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
                 "type":["VerifiableCredential","ExampleDegreeCredential"],"issuer":"%s",
                 "validFrom":"2025-01-01T00:00:00Z",
                 "credentialSubject":{"id":"did:example:learner","degree":"Bachelor of Science"}}""".formatted(issuer);
        Path p = dir.resolve("unsigned.json");
        Files.writeString(p, unsigned);
        return p;
    }

    private static String didOf(String keyFile) throws Exception {
        String json = Files.readString(Path.of(keyFile));
        return dev.credkit.json.JsonReader.defaults().readObject(json).string("controller").orElseThrow();
    }

    private String publish(String state, String key, String url, String name) throws Exception {
        Path out = dir.resolve(name);
        CliHarness.run("status", "publish", "--state", state, "--url", url, "--key", key, "--valid-for", "P7D",
                "-o", out.toString()).assertSuccess();
        return out.toString();
    }

    @Test
    void issueVerifyRevokePublishVerifyAgain() throws Exception {
        String key = dir.resolve("key.json").toString();
        CliHarness.run("keygen", "-o", key).assertSuccess();
        String state = dir.resolve("state.json").toString();
        CliHarness.run("status", "create", "--state", state, "--url", URL).assertSuccess();
        CliHarness.run("status", "create", "--state", state, "--url", SUSPEND_URL, "--purpose", "suspension").assertSuccess();

        Path signed = dir.resolve("signed.json");
        CliHarness.run("sign", "--key", key, "--status-state", state, "--status-list", URL, "-o", signed.toString(),
                credential(key).toString()).assertSuccess();
        assertThat(Files.readString(signed)).contains("BitstringStatusListEntry").contains(URL + "#");

        String list = publish(state, key, URL, "list.json");
        CliHarness.Result valid = CliHarness.run("verify", "--status-list", list, signed.toString());
        assertThat(valid.exitCode()).as(valid.out()).isZero();

        CliHarness.Result noList = CliHarness.run("verify", signed.toString());
        assertThat(noList.exitCode()).isEqualTo(2);
        assertThat(noList.out()).contains("STATUS_UNAVAILABLE");

        CliHarness.run("status", "revoke", "--state", state, "--credential", signed.toString()).assertSuccess();
        String revoked = publish(state, key, URL, "list-revoked.json");
        CliHarness.Result rejected = CliHarness.run("verify", "--status-list", revoked, signed.toString());
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.out()).contains("REVOKED");
        assertThat(CliHarness.run("status", "reinstate", "--state", state, "--credential", signed.toString()).exitCode())
                .as("a revocation cannot be lifted").isNotZero();
    }

    @Test
    void suspendAndReinstate() throws Exception {
        String key = dir.resolve("key.json").toString();
        CliHarness.run("keygen", "-o", key).assertSuccess();
        String state = dir.resolve("state.json").toString();
        CliHarness.run("status", "create", "--state", state, "--url", SUSPEND_URL, "--purpose", "suspension").assertSuccess();
        Path signed = dir.resolve("signed.json");
        CliHarness.run("sign", "--key", key, "--status-state", state, "--status-list", SUSPEND_URL, "-o", signed.toString(),
                credential(key).toString()).assertSuccess();

        CliHarness.run("status", "suspend", "--state", state, "--credential", signed.toString()).assertSuccess();
        CliHarness.Result suspended = CliHarness.run("verify", "--status-list", publish(state, key, SUSPEND_URL, "s1.json"), signed.toString());
        assertThat(suspended.exitCode()).isEqualTo(1);
        assertThat(suspended.out()).contains("SUSPENDED");

        CliHarness.run("status", "reinstate", "--state", state, "--credential", signed.toString()).assertSuccess();
        CliHarness.Result back = CliHarness.run("verify", "--status-list", publish(state, key, SUSPEND_URL, "s2.json"), signed.toString());
        assertThat(back.exitCode()).as(back.out()).isZero();
    }

    @Test
    void demoRunsAndRenderedCertificateVerifiesAsAnImage() throws Exception {
        Path out = dir.resolve("demo");
        CliHarness.Result demo = CliHarness.run("demo", "--out", out.toString());
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("INVALID_SIGNATURE").contains("REVOKED");

        Path svg = out.resolve("certificate.svg");
        String content = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(content).startsWith("<").contains("openbadges:credential").contains("Ada Lovelace");
        CliHarness.Result verified = CliHarness.run("verify", "--status-list", out.resolve("status-list.json").toString(), svg.toString());
        assertThat(verified.exitCode()).as(verified.out()).isZero();

        CliHarness.Result unbaked = CliHarness.run("unbake", svg.toString()).assertSuccess();
        assertThat(unbaked.out()).contains("OpenBadgeCredential");

        Path rendered = dir.resolve("again.svg");
        CliHarness.run("render", "-o", rendered.toString(), out.resolve("certificate.json").toString()).assertSuccess();
        CliHarness.Result again = CliHarness.run("verify", "--status-list", out.resolve("status-list.json").toString(), rendered.toString());
        assertThat(again.exitCode()).isZero();
    }

    @Test
    void bakeIntoPngAndVerifyTheImage() throws Exception {
        Path out = dir.resolve("demo");
        CliHarness.run("demo", "--out", out.toString()).assertSuccess();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("badge.png");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        Path baked = dir.resolve("baked.png");
        CliHarness.run("bake", "--credential", out.resolve("course-record.json").toString(), "-o", baked.toString(), png.toString())
                .assertSuccess();
        CliHarness.Result r = CliHarness.run("verify", baked.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(CliHarness.run("bake", "--credential", out.resolve("course-record.json").toString(), baked.toString()).exitCode())
                .as("a second credential is refused").isNotZero();
    }
}
