package dev.credkit.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the CLI in-process with captured streams; shared by the command tests. */
final class CliHarness {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZoneOffset.UTC);

    /** One run: exit code, standard output and standard error (UTF-8). */
    record Result(int exitCode, String out, String err, byte[] outBytes) {
        /** Asserts the run failed with {@code code} and one line "credkit: ..." and no stack trace. */
        Result assertFailure(int code) {
            assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(code);
            assertThat(err).startsWith("credkit: ").endsWith("\n");
            assertThat(err.strip().lines()).hasSize(1);
            assertThat(err).doesNotContain("\tat ", "Caused by", "Exception in thread", "java.lang.", "picocli.");
            return this;
        }

        Result assertSuccess() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
            return this;
        }
    }

    private CliHarness() {
    }

    static Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    static Result runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
        int code = CredkitCli.run(env, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }
}
