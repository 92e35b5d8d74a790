package dev.credkit.cli;

import dev.credkit.baking.BadgeBaker;
import dev.credkit.baking.BakedCredential;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.signing.render.CertificateRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Open Badges 3.0 baking and the printable certificate: {@code bake}, {@code unbake}, {@code render}. */
final class ImageCommands {
    private ImageCommands() {
    }

    /** The credential baked into an image, as the verifier reads it. */
    static BakedCredential unbake(InputDocument image) throws CredentialException {
        return BadgeBaker.defaults().unbake(image.bytes()).orElseThrow(() ->
                new CredentialException(ProblemCode.MALFORMED, image.name() + " is an image without a baked credential"));
    }

    static void writeBinary(CredkitCommand command, Path output, byte[] bytes) throws IOException {
        if (output == null || output.toString().equals("-")) {
            command.out().flush();
            command.env().out().write(bytes);
            command.env().out().flush();
        } else {
            Files.write(output, bytes);
        }
    }

    @Command(name = "bake", mixinStandardHelpOptions = true,
            description = "Put a signed credential into a PNG or SVG (Open Badges 3.0 baking).")
    static final class Bake extends CredkitCommand {
        @Option(names = "--credential", required = true, paramLabel = "FILE", description = "The signed credential (JSON or compact JWS).")
        String credential;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where to write the baked image (default: standard output).")
        Path output;

        @Parameters(index = "0", paramLabel = "IMAGE", description = "A PNG or SVG image.")
        Path image;

        @Override
        public Integer call() throws CredentialException, IOException {
            InputDocument doc = InputDocument.read(credential, env().in());
            byte[] source = Files.readAllBytes(image);
            byte[] baked = doc.kind() == InputDocument.Kind.JWS
                    ? BadgeBaker.defaults().bakeJws(source, doc.text())
                    : BadgeBaker.defaults().bake(source, doc.json());
            writeBinary(this, output, baked);
            return ExitCodes.OK;
        }
    }

    @Command(name = "unbake", mixinStandardHelpOptions = true, description = "Print the credential baked into a PNG or SVG.")
    static final class Unbake extends CredkitCommand {
        @Parameters(index = "0", paramLabel = "IMAGE", description = "A baked PNG or SVG ('-' = standard input).")
        String image;

        @Override
        public Integer call() throws CredentialException, IOException {
            BakedCredential baked = unbake(InputDocument.read(image, env().in()));
            out().println(baked.kind() == BakedCredential.Kind.JSON ? JsonWriter.pretty(baked.json()) : baked.text());
            return ExitCodes.OK;
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "A printable certificate (SVG) with the verify URL, its QR code, and the credential baked in.")
    static final class Render extends CredkitCommand {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT.svg", description = "Where to write the SVG (default: standard output).")
        Path output;

        @Parameters(index = "0", paramLabel = "CREDENTIAL", description = "A signed Open Badges 3.0 certificate.")
        String credential;

        @Override
        public Integer call() throws CredentialException, IOException {
            JsonObject certificate = InputDocument.read(credential, env().in()).json();
            writeBinary(this, output, CertificateRenderer.create().render(certificate));
            return ExitCodes.OK;
        }
    }
}
