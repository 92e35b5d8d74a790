package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

class CredkitCliTest {

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliHarness.Result r = CliHarness.run("--help").assertSuccess();
        assertThat(r.out()).contains("Usage: credkit", "keygen", "Exit codes:", "64  usage error");
        assertThat(r.err()).isEmpty();
        assertThat(CliHarness.run("keygen", "--help").assertSuccess().out()).contains("Usage: credkit keygen", "--seed", "-o");
        assertThat(CliHarness.run("help", "keygen").assertSuccess().out()).contains("Usage: credkit keygen");
    }

    @Test
    void versionComesFromTheBuild() throws IOException {
        CliHarness.Result r = CliHarness.run("--version").assertSuccess();
        String expected;
        try (InputStream in = CredkitCli.class.getResourceAsStream("version.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            expected = p.getProperty("version");
        }
        assertThat(expected).doesNotContain("${").isNotBlank();
        assertThat(r.out()).isEqualTo("credkit " + expected + "\n");
    }

    @Test
    void usageErrorsAreOneLineAnd64() {
        assertThat(CliHarness.run().assertFailure(ExitCodes.USAGE).err()).contains("a command is required", "keygen");
        assertThat(CliHarness.run("frobnicate").assertFailure(ExitCodes.USAGE).err()).contains("frobnicate");
        assertThat(CliHarness.run("keygen", "--bogus").assertFailure(ExitCodes.USAGE).err())
                .contains("--bogus", "credkit keygen --help");
        CliHarness.run("keygen", "--seed").assertFailure(ExitCodes.USAGE);
        CliHarness.run("keygen", "extra-positional").assertFailure(ExitCodes.USAGE);
        CliHarness.run("keygen", "--seed", "00", "--seed", "11").assertFailure(ExitCodes.USAGE);
    }

    @Command(name = "boom")
    static final class Boom extends CredkitCommand {
        @CommandLine.Parameters
        String what;

        @Override
        public Integer call() throws Exception {
            switch (what) {
                case "npe" -> throw new NullPointerException("something was null\nsecond line");
                case "malformed" -> throw new CredentialException(ProblemCode.MALFORMED, "not a credential");
                case "unknown-key" -> throw new CredentialException(ProblemCode.UNKNOWN_KEY, "no such key");
                case "revoked" -> throw new CredentialException(ProblemCode.REVOKED, "revoked");
                case "io" -> throw new UncheckedIOException(new NoSuchFileException("missing.json"));
                case "error" -> throw new StackOverflowError();
                default -> throw CliException.usage("unknown " + what);
            }
        }
    }

    @Test
    void everyFailureIsOneLineWithItsExitCode() {
        assertThat(runBoom("npe").assertFailure(ExitCodes.INTERNAL).err())
                .isEqualTo("credkit: internal error: NullPointerException: something was null\n");
        assertThat(runBoom("malformed").assertFailure(ExitCodes.MALFORMED_INPUT).err()).isEqualTo("credkit: not a credential\n");
        runBoom("unknown-key").assertFailure(ExitCodes.INDETERMINATE);
        runBoom("revoked").assertFailure(ExitCodes.REJECTED);
        assertThat(runBoom("io").assertFailure(ExitCodes.USAGE).err()).contains("missing.json");
        runBoom("error").assertFailure(ExitCodes.INTERNAL);
        runBoom("other").assertFailure(ExitCodes.USAGE);
    }

    private static CliHarness.Result runBoom(String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CliHarness.CLOCK);
        CommandLine commandLine = CredkitCli.commandLine(env);
        commandLine.addSubcommand(new Boom());
        int code = CredkitCli.execute(commandLine, "boom", what);
        return new CliHarness.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void problemCodesMapToTheContractsExitCodes() {
        assertThat(ExitCodes.forProblem(ProblemCode.MALFORMED)).isEqualTo(65);
        assertThat(ExitCodes.forProblem(ProblemCode.INVALID_KEY)).isEqualTo(65);
        assertThat(ExitCodes.forProblem(ProblemCode.LIMIT_EXCEEDED)).isEqualTo(65);
        assertThat(ExitCodes.forProblem(ProblemCode.INVALID_SIGNATURE)).isEqualTo(1);
        assertThat(ExitCodes.forProblem(ProblemCode.UNTRUSTED_ISSUER)).isEqualTo(1);
        assertThat(ExitCodes.forProblem(ProblemCode.STATUS_UNAVAILABLE)).isEqualTo(2);
        assertThat(ExitCodes.forProblem(ProblemCode.INTERNAL_ERROR)).isEqualTo(70);
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(ExitCodes.forProblem(code)).isIn(1, 2, 64, 65, 70);
        }
        assertThat(ExitCodes.forException(new IllegalStateException())).isEqualTo(70);
        assertThat(ExitCodes.message(new IllegalStateException())).isEqualTo("internal error: IllegalStateException");
        assertThat(ExitCodes.oneLine("a\tb\nc")).isEqualTo("a b");
        assertThat(ExitCodes.oneLine("x".repeat(1000))).hasSize(403);
    }
}
