package dev.credkit.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * What a command may use from the outside world: standard streams and the clock. Tests pass
 * their own to run the CLI in-process. Commands write text through the picocli writers of
 * {@link CredkitCommand} (UTF-8) and binary output (images) to {@link #out()} after flushing them.
 */
public record CliEnvironment(InputStream in, PrintStream out, PrintStream err, Clock clock) {
    public CliEnvironment {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
    }

    /** The process's streams and the system clock (UTC). */
    public static CliEnvironment system() {
        return new CliEnvironment(System.in, System.out, System.err, Clock.systemUTC());
    }
}
