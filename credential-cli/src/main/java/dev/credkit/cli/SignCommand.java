package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.KeyFile;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.JwtIssuer;
import dev.credkit.signing.JwtOptions;
import dev.credkit.signing.SignedJwt;
import dev.credkit.signing.SignedDocument;
import dev.credkit.signing.Signers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;

/** {@code credkit sign}: adds a proof to a credential or presentation. */
@Command(name = "sign",
        mixinStandardHelpOptions = true,
        description = {
                "Add a Data Integrity proof to a credential or presentation and print the signed document.",
                "The document is validated first (VC data model, allowed contexts, no undefined terms)."})
final class SignCommand extends CredkitCommand {
    @Option(names = "--key", required = true, paramLabel = "FILE", description = "Key file (Multikey with secret, or a private JWK).")
    private Path keyFile;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "eddsa-rdfc-2022",
            description = "eddsa-rdfc-2022 (default), eddsa-jcs-2022, Ed25519Signature2020, vc-jwt (prints a compact JWS: vc+jwt / vp+jwt).")
    private String suite;

    @Option(names = "--created", paramLabel = "ISO", description = "The proof's created time (makes the output deterministic).")
    private String created;

    @Option(names = "--verification-method", paramLabel = "URI", description = "The verification method named in the proof (default: the key file's id).")
    private String verificationMethod;

    @Option(names = "--proof-purpose", paramLabel = "PURPOSE",
            description = "Default: assertionMethod for credentials, authentication for presentations.")
    private String proofPurpose;

    @Option(names = "--challenge", paramLabel = "C", description = "Challenge (presentations).")
    private String challenge;

    @Option(names = "--domain", paramLabel = "D", description = "Domain (presentations).")
    private String domain;

    @Option(names = "--status-state", paramLabel = "FILE",
            description = "Allocate a status entry from this state file's list (with --status-list) and add it as credentialStatus.")
    private Path statusState;

    @Option(names = "--status-list", paramLabel = "URL", description = "The status list to allocate from (with --status-state).")
    private String statusList;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the signed document to FILE.")
    private Path output;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The document to sign ('-' = standard input).")
    private String input;

    @Override
    public Integer call() throws CredentialException, IOException {
        KeyFile key = KeyFile.read(keyFile);
        JsonObject document = InputDocument.read(input, env().in()).json();
        if ((statusState == null) != (statusList == null)) {
            throw CliException.usage("--status-state and --status-list go together");
        }
        if (statusState != null) {
            JsonObject entry = StatusCommand.withManager(statusState, this, m -> m.allocate(statusList).toJson());
            document = document.with("credentialStatus", entry);
        }
        if (suite.equalsIgnoreCase("vc-jwt") || suite.equalsIgnoreCase("vc+jwt")) {
            return signJwt(key, document);
        }
        ProofOptions options = proofOptions();
        CredentialIssuer issuer = CredentialIssuer.builder()
                .signer(Signers.ed25519(key.keyPair(), key.verificationMethodId()))
                .clock(env().clock())
                .build();
        SignedDocument signed = CliSupport.isPresentation(document)
                ? issuer.present(document, options)
                : issuer.issue(document, options);
        signed.warnings().forEach(w -> err().println("credkit: warning: " + w));
        CliSupport.writeText(this, output, JsonWriter.pretty(signed.json()) + "\n");
        return ExitCodes.OK;
    }

    /** VC-JOSE-COSE: the payload is the document; the issued-at time is --created when given. */
    private Integer signJwt(KeyFile key, JsonObject document) throws CredentialException, IOException {
        if (proofPurpose != null) {
            throw CliException.usage("--proof-purpose does not apply to vc-jwt");
        }
        JwtOptions.Builder options = JwtOptions.builder();
        if (created != null) {
            options.issuedAt(CliSupport.instant(created, "--created"));
        }
        if (verificationMethod != null) {
            options.keyId(verificationMethod);
        }
        if (challenge != null) {
            options.challenge(challenge);
        }
        if (domain != null) {
            options.domain(domain);
        }
        JwtIssuer issuer = JwtIssuer.builder().signer(Signers.ed25519(key.keyPair(), key.verificationMethodId()))
                .clock(env().clock()).build();
        SignedJwt jwt = CliSupport.isPresentation(document) ? issuer.present(document, options.build())
                : issuer.issue(document, options.build());
        jwt.warnings().forEach(w -> err().println("credkit: warning: " + w));
        CliSupport.writeText(this, output, jwt.compact() + "\n");
        return ExitCodes.OK;
    }

    private ProofOptions proofOptions() throws CredentialException {
        ProofOptions.Builder b = ProofOptions.builder().cryptosuite(Cryptosuite.fromName(suite));
        if (created != null) {
            b.created(CliSupport.instant(created, "--created"));
        }
        try {
            if (verificationMethod != null) {
                b.verificationMethod(verificationMethod);
            }
            if (proofPurpose != null) {
                b.proofPurpose(proofPurpose);
            }
            if (challenge != null) {
                b.challenge(challenge);
            }
            if (domain != null) {
                b.domain(domain);
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        return b.build();
    }
}
