package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.keys.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** {@code credkit keygen}: a new Ed25519 key file that signs as its {@code did:key}. */
@Command(name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
                "Create an Ed25519 key file (a Multikey with its secret) whose identifier is its did:key.",
                "Prints the key file, or with -o writes it (owner-only permissions) and prints the public key."})
final class KeygenCommand extends CredkitCommand {
    private static final Pattern HEX_SEED = Pattern.compile("[0-9a-fA-F]{64}");

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Derive the key from this 32-byte seed instead of a random one: a secretKeyMultibase "
                    + "(z3u2..., base58btc of 0x8026 + seed) or 64 hex digits. The same seed gives the same key.")
    private String seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the key file to FILE ('-' = standard output).")
    private String output;

    @Option(names = "--force", description = "Replace FILE if it exists with another key.")
    private boolean force;

    @Override
    public Integer call() throws CredentialException, IOException {
        Ed25519KeyPair keyPair = seed == null ? Ed25519KeyPair.generate(new SecureRandom()) : fromSeed(seed);
        KeyFile keyFile = KeyFile.of(keyPair);
        if (output == null || output.equals("-")) {
            out().print(keyFile.toPrettyJson());
            out().flush();
            return ExitCodes.OK;
        }
        Path path = Path.of(output);
        boolean exists = Files.exists(path);
        if (exists && !force && !sameContent(path, keyFile)) {
            throw CliException.usage("file already exists: " + path + " (use --force to replace it)");
        }
        if (!exists || force) {
            keyFile.write(path, exists);
        }
        out().print(JsonWriter.pretty(keyFile.toPublicJson()) + "\n");
        out().flush();
        return ExitCodes.OK;
    }

    /** True when {@code path} already holds exactly this key file (re-running with the same seed). */
    private static boolean sameContent(Path path, KeyFile keyFile) throws IOException {
        if (!Files.isRegularFile(path) || Files.size(path) > KeyFile.MAX_BYTES) {
            return false;
        }
        byte[] existing = Files.readAllBytes(path);
        byte[] wanted = keyFile.toPrettyJson().getBytes(StandardCharsets.UTF_8);
        try {
            return Arrays.equals(existing, wanted);
        } finally {
            Arrays.fill(existing, (byte) 0);
            Arrays.fill(wanted, (byte) 0);
        }
    }

    static Ed25519KeyPair fromSeed(String seed) throws CredentialException {
        String s = seed.strip();
        if (HEX_SEED.matcher(s).matches()) {
            return Ed25519KeyPair.fromSeed(HexFormat.of().parseHex(s));
        }
        if (s.startsWith("z")) {
            try {
                return Ed25519KeyPair.fromSecretMultibase(s);
            } catch (CredentialException e) {
                throw new CredentialException(e.code(), "invalid --seed: " + e.getMessage());
            }
        }
        throw new CredentialException(ProblemCode.MALFORMED,
                "invalid --seed: expected 64 hex digits or a secretKeyMultibase (z3u2...)");
    }
}
