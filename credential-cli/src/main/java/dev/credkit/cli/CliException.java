package dev.credkit.cli;

/**
 * A command failed for a reason it can name: carries the exit code and a one-line message
 * that {@link CredkitCli} prints as {@code credkit: <message>}.
 */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** A usage error (64): a bad combination of options, an output file that exists... */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** Malformed input (65). */
    public static CliException malformed(String message) {
        return new CliException(ExitCodes.MALFORMED_INPUT, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
