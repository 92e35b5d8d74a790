package dev.credkit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Base of credkit's subcommands: {@link #call()} returns an exit code from {@link ExitCodes};
 * throw {@link CliException} or {@link dev.credkit.core.CredentialException} for failures (the
 * top level prints one line and maps them to an exit code). Register a new command in
 * {@link CredkitCli#commandLine}.
 */
public abstract class CredkitCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    /** Streams and clock of this run. */
    protected CliEnvironment env() {
        return ((CredkitCli) spec.root().userObject()).environment();
    }

    /** Standard output, UTF-8. */
    protected PrintWriter out() {
        return spec.root().commandLine().getOut();
    }

    /** Standard error, UTF-8. */
    protected PrintWriter err() {
        return spec.root().commandLine().getErr();
    }
}
