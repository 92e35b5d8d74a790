package dev.credkit.cli;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.credkit.testing.TestResources.bytes;
import static dev.credkit.testing.TestResources.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code credkit sign} and {@code credkit verify} as the contract and the W3C vectors say. */
class SignVerifyCommandTest {
    static final String V = "vectors/vc-di-eddsa/";
    static final String TRUST = """
            {"issuers":[{"id":"https://vc.example/issuers/5678","name":"W3C test issuer",
              "keys":["did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"]}]}""";

    @TempDir
    Path dir;

    Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    Path file(String name, String content) throws Exception {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"eddsa-rdfc-2022,eddsa-rdfc-2022/signedDataInt.json",
            "eddsa-jcs-2022,eddsa-jcs-2022/signedJCS.json",
            "Ed25519Signature2020,Ed25519Signature2020/signedEdSig.json"})
    void signReproducesTheVectorAndVerifyFollowsTheTrustRule(String suite, String signedVector) throws Exception {
        Path key = file("key.json", bytes(V + "keyPair.json"));
        Path unsigned = file("unsigned.json", bytes(V + "unsigned.json"));
        CliHarness.Result signed = CliHarness.run("sign", "--key", key.toString(), "--created", "2023-02-24T23:36:38Z",
                "--suite", suite, unsigned.toString()).assertSuccess();
        JsonObject output = JsonReader.defaults().readObject(signed.out());
        assertThat(output).isEqualTo(json(V + signedVector));
        assertThat(signed.err()).contains("warning").contains("not controlled by the issuer");

        Path signedFile = file("signed.json", signed.out());
        Path trust = file("trust.json", TRUST);
        CliHarness.Result ok = CliHarness.run("verify", "--at", "2024-01-01T00:00:00Z", "--trust", trust.toString(), signedFile.toString());
        assertThat(ok.exitCode()).as(ok.out()).isEqualTo(0);
        assertThat(ok.out().strip()).endsWith("VERIFIED");

        CliHarness.Result unbound = CliHarness.run("verify", "--at", "2024-01-01T00:00:00Z", signedFile.toString());
        assertThat(unbound.exitCode()).isEqualTo(1);
        assertThat(unbound.out()).contains("ISSUER_KEY_MISMATCH");

        String tampered = signed.out().replace("The School of Examples", "The School of Examplez");
        CliHarness.Result bad = CliHarness.run("verify", "--at", "2024-01-01T00:00:00Z", "--trust", trust.toString(),
                file("tampered.json", tampered).toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("INVALID_SIGNATURE");
    }

    @Test
    void jsonReportHasTheContractShape() throws Exception {
        Path trust = file("trust.json", TRUST);
        CliHarness.Result r = CliHarness.run("verify", "--json", "--at", "2024-01-01T00:00:00Z", "--trust", trust.toString(),
                file("s.json", bytes(V + "eddsa-rdfc-2022/signedDataInt.json")).toString());
        JsonObject report = JsonReader.defaults().readObject(r.out());
        assertThat(report.get("verified")).hasValue(dev.credkit.json.JsonBoolean.TRUE);
        assertThat(report.string("outcome")).contains("VERIFIED");
        assertThat(report.array("checks").orElseThrow().elements()).allSatisfy(c -> {
            JsonObject check = (JsonObject) c;
            assertThat(check.keys()).contains("check", "outcome", "message");
        });
    }

    @Test
    void anIssuerOnNoTrustListIsUntrusted() throws Exception {
        Path trust = file("trust.json", "{\"issuers\":[{\"id\":\"https://other.example\"}]}");
        CliHarness.Result r = CliHarness.run("verify", "--at", "2024-01-01T00:00:00Z", "--trust", trust.toString(),
                file("s.json", bytes(V + "eddsa-rdfc-2022/signedDataInt.json")).toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("UNTRUSTED_ISSUER");
    }

    @Test
    void unknownKeyIsIndeterminate() throws Exception {
        CliHarness.Result r = CliHarness.run("verify", "--at", "2024-06-01T00:00:00Z",
                file("ob3.json", bytes("vectors/ob3-eddsa-rdfc-2022/signed.json")).toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).contains("UNKNOWN_KEY").contains("INDETERMINATE");
    }

    @Test
    void malformedInputExits65WithoutAStackTrace() throws Exception {
        CliHarness.Result notJson = CliHarness.run("verify", file("x.json", "{\"a\":1,\"a\":2}").toString());
        assertThat(notJson.exitCode()).isEqualTo(65);
        assertThat(notJson.out()).contains("duplicate");
        CliHarness.Result garbage = CliHarness.run("verify", file("x.bin", "hello").toString());
        assertThat(garbage.exitCode()).isEqualTo(65);
        assertThat(garbage.err()).startsWith("credkit: ").doesNotContain("\tat ");
        CliHarness.Result notACredential = CliHarness.run("verify", file("y.json", "{\"hello\":\"world\"}").toString());
        assertThat(notACredential.exitCode()).isEqualTo(65);
        CliHarness.Result badSuite = CliHarness.run("sign", "--key", file("k.json", bytes(V + "keyPair.json")).toString(),
                "--suite", "rsa-2048", file("u.json", bytes(V + "unsigned.json")).toString());
        assertThat(badSuite.exitCode()).isNotZero();
        assertThat(badSuite.err()).contains("unsupported cryptosuite").doesNotContain("\tat ");
    }

    @Test
    void signRefusesUndefinedTerms() throws Exception {
        String unsigned = """
                {"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],
                 "issuer":"did:example:issuer","credentialSubject":{"id":"did:example:s","favouriteColour":"blue"}}""";
        CliHarness.Result r = CliHarness.run("sign", "--key", file("k.json", bytes(V + "keyPair.json")).toString(),
                file("u.json", unsigned).toString());
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("favouriteColour");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void vcJwtSignsAndVerifiesAndTamperingIsRejected() throws Exception {
        String key = dir.resolve("key.json").toString();
        CliHarness.run("keygen", "-o", key).assertSuccess();
        String issuer = JsonReader.defaults().readObject(Files.readString(Path.of(key))).string("controller").orElseThrow();
        String unsigned = new String(bytes(V + "unsigned.json"), StandardCharsets.UTF_8)
                .replace("https://vc.example/issuers/5678", issuer);
        CliHarness.Result jwt = CliHarness.run("sign", "--key", key, "--suite", "vc-jwt", file("u.json", unsigned).toString())
                .assertSuccess();
        assertThat(jwt.out().strip()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        CliHarness.Result ok = CliHarness.run("verify", file("vc.jwt", jwt.out()).toString());
        assertThat(ok.exitCode()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("jwt.signature");

        String[] parts = jwt.out().strip().split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        CliHarness.Result bad = CliHarness.run("verify", file("forged.jwt", forged).toString());
        assertThat(bad.exitCode()).isIn(1, 65);
    }
}
