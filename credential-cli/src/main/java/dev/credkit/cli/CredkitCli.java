package dev.credkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The {@code credkit} command line. {@link #main} runs it on the process's streams and exits
 * with the command's exit code ({@link ExitCodes}); {@link #run} runs it in-process.
 *
 * <p>Every failure ends as one line {@code credkit: <message>} on standard error with the exit
 * code of {@link ExitCodes#forException}: bad options (picocli's parameter errors) are
 * {@link ExitCodes#USAGE}, malformed input {@link ExitCodes#MALFORMED_INPUT}, anything
 * unexpected {@link ExitCodes#INTERNAL}. Never a stack trace.
 */
@Command(name = "credkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Issue, sign and verify W3C Verifiable Credentials (course certificates and records) offline.",
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0   success / verified",
                "  1   verified and rejected",
                "  2   indeterminate (something required could not be checked)",
                "  64  usage error",
                "  65  malformed input (credential, key, image...)",
                "  70  internal error",
                "",
                "Run 'credkit COMMAND --help' for a command's options."})
public final class CredkitCli implements Callable<Integer> {
    private final CliEnvironment environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public CredkitCli(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public CliEnvironment environment() {
        return environment;
    }

    public static void main(String[] args) {
        int code = run(CliEnvironment.system(), args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs credkit with these arguments and returns its exit code; never throws. */
    public static int run(CliEnvironment environment, String... args) {
        CommandLine commandLine;
        try {
            commandLine = commandLine(environment);
        } catch (Throwable t) {
            PrintWriter err = writer(environment.err());
            err.println("credkit: " + ExitCodes.message(t));
            err.flush();
            return ExitCodes.forException(t);
        }
        return execute(commandLine, args);
    }

    /**
     * Executes a command line made by {@link #commandLine} and returns the exit code; never
     * throws. Errors that picocli lets through (a {@link StackOverflowError}...) end here as one line.
     */
    public static int execute(CommandLine commandLine, String... args) {
        PrintWriter err = commandLine.getErr();
        try {
            return commandLine.execute(args);
        } catch (Throwable t) {
            err.println("credkit: " + ExitCodes.message(t));
            return ExitCodes.forException(t);
        } finally {
            err.flush();
            commandLine.getOut().flush();
        }
    }

    /** The configured command line: every subcommand, UTF-8 writers, one-line error handlers. */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(new CredkitCli(environment));
        // subcommands: one line each, in the order of `credkit --help`
        commandLine.addSubcommand(new KeygenCommand());
        commandLine.addSubcommand(new SignCommand());
        commandLine.addSubcommand(new VerifyCommand());
        commandLine.addSubcommand(new StatusCommand());
        commandLine.addSubcommand(new ImageCommands.Bake());
        commandLine.addSubcommand(new ImageCommands.Unbake());
        commandLine.addSubcommand(new ImageCommands.Render());
        commandLine.addSubcommand(new ServeCommand());
        commandLine.addSubcommand(new DemoCommand());
        commandLine.addSubcommand(new CommandLine.HelpCommand());

        PrintWriter out = writer(environment.out());
        PrintWriter err = writer(environment.err());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // the root's writers, also for subcommands registered later
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            err.println("credkit: " + ExitCodes.message(ex));
            return ExitCodes.forException(ex);
        });
        commandLine.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            err.println("credkit: " + ExitCodes.oneLine(ex.getMessage())
                    + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        return commandLine;
    }

    private static PrintWriter writer(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** {@code credkit} without a command. */
    @Override
    public Integer call() {
        throw CliException.usage("a command is required: "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()) + " (see 'credkit --help')");
    }
}
