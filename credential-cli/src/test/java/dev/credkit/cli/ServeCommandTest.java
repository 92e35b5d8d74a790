package dev.credkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code credkit serve} as a command: options, the lines it prints, stopping, usage errors. */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("credkit serve: listening on (\\S+)");

    @Test
    void servesOnAFreePortAndPrintsIt(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        CommandLine commandLine = CredkitCli.commandLine(env);
        ServeCommand serve = (ServeCommand) commandLine.getSubcommands().get("serve").getCommand();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread thread = new Thread(() -> exit.set(CredkitCli.execute(commandLine, "serve", "--port", "0", "--data", dir.toString())));
        thread.start();
        try {
            String url = null;
            for (int i = 0; i < 300 && url == null; i++) {
                Matcher m = LISTENING.matcher(out.toString(StandardCharsets.UTF_8));
                if (m.find()) {
                    url = m.group(1);
                } else {
                    Thread.sleep(100);
                }
            }
            assertThat(url).as("stdout: %s stderr: %s", out, err).matches("http://localhost:\\d+");
            assertThat(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1))).isPositive();
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("credkit serve: issuer did:key:z6Mk").contains("issuing is open to clients on this machine");

            HttpResponse<String> did = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/did")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(did.statusCode()).isEqualTo(200);
            assertThat(did.body()).contains("did:key:z6Mk");
            assertThat(dir.resolve("issuer-key.json")).exists();
        } finally {
            serve.stop();
            thread.join(15_000);
        }
        assertThat(thread.isAlive()).isFalse();
        assertThat(exit.get()).as("stderr: %s", err).isZero();
    }

    @Test
    void helpListsTheOptions() {
        CliHarness.Result r = CliHarness.run("serve", "--help").assertSuccess();
        assertThat(r.out()).contains("--port").contains("--key").contains("--tls").contains("--data").contains("--host")
                .contains("--base-url").contains("--issuer-token-file");
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
        CliHarness.run("serve", "--port", "70000", "--data", dir.toString()).assertFailure(ExitCodes.USAGE);
        CliHarness.run("serve", "--port", "x").assertFailure(ExitCodes.USAGE);
        CliHarness.run("serve", "--base-url", "ftp://example", "--data", dir.toString()).assertFailure(ExitCodes.USAGE);
        Path token = Files.writeString(dir.resolve("token"), "short\n");
        CliHarness.run("serve", "--issuer-token-file", token.toString(), "--data", dir.toString()).assertFailure(ExitCodes.USAGE);
        CliHarness.run("serve", "--key", dir.resolve("missing.json").toString(), "--data", dir.toString())
                .assertFailure(ExitCodes.MALFORMED_INPUT);
        try (ServerSocket taken = new ServerSocket(0)) {
            CliHarness.Result r = CliHarness.run("serve", "--port", String.valueOf(taken.getLocalPort()), "--data",
                    dir.resolve("data").toString()).assertFailure(ExitCodes.USAGE);
            assertThat(r.err()).contains("choose another --port");
        }
    }
}
