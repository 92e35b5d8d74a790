package dev.credkit.cli;

import dev.credkit.baking.BakedCredential;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.DidDocument;
import dev.credkit.verify.Check;
import dev.credkit.verify.CheckOutcome;
import dev.credkit.verify.DidResolver;
import dev.credkit.verify.Outcome;
import dev.credkit.verify.StatusListSource;
import dev.credkit.verify.TrustList;
import dev.credkit.verify.VerificationPolicy;
import dev.credkit.verify.VerificationResult;
import dev.credkit.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@code credkit verify}: verifies a credential or presentation offline. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
                "Verify a credential or presentation offline and print every check, the verdict last.",
                "Exit 0 verified, 1 rejected, 2 indeterminate, 65 not a well-formed credential."})
final class VerifyCommand extends CredkitCommand {
    @Option(names = "--trust", paramLabel = "FILE",
            description = "Trust list of issuers (repeatable). With one, an issuer on none is rejected (UNTRUSTED_ISSUER).")
    private List<String> trustFiles = new ArrayList<>();

    @Option(names = "--did", paramLabel = "FILE", description = "A DID (controller) document to resolve offline, e.g. for did:web (repeatable).")
    private List<String> didFiles = new ArrayList<>();

    @Option(names = "--status-list", paramLabel = "FILE",
            description = "A status list credential, found by the URL inside it (repeatable).")
    private List<String> statusListFiles = new ArrayList<>();

    @Option(names = "--at", paramLabel = "ISO", description = "Verify as of this time instead of now.")
    private String at;

    @Option(names = "--challenge", paramLabel = "C", description = "The challenge a presentation must carry.")
    private String challenge;

    @Option(names = "--domain", paramLabel = "D", description = "The domain a presentation must carry.")
    private String domain;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    private boolean json;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Credential or presentation: JSON, compact JWS, or a baked PNG/SVG ('-' = standard input).")
    private String input;

    @Override
    public Integer call() throws CredentialException, IOException {
        Verifier verifier = verifier();
        InputDocument document = InputDocument.read(input, env().in());
        VerificationResult result = switch (document.kind()) {
            case JSON -> verifier.verify(document.bytes());
            case PNG, SVG -> verifyBaked(verifier, ImageCommands.unbake(document));
            case JWS -> verifier.verifyJwt(document.text());
        };
        print(result);
        return exitCode(result);
    }

    private static VerificationResult verifyBaked(Verifier verifier, BakedCredential baked) {
        if (baked.kind() == BakedCredential.Kind.JSON) {
            return verifier.verify(baked.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return verifier.verifyJwt(baked.text());
    }

    private Verifier verifier() throws IOException, CredentialException {
        VerificationPolicy.Builder policy = VerificationPolicy.builder();
        Clock clock = env().clock();
        if (at != null) {
            clock = Clock.fixed(CliSupport.instant(at, "--at"), ZoneOffset.UTC);
        }
        policy.clock(clock);
        if (challenge != null) {
            policy.expectedChallenge(challenge);
        }
        if (domain != null) {
            policy.expectedDomain(domain);
        }
        Verifier.Builder b = Verifier.builder().policy(policy.build());
        if (!trustFiles.isEmpty()) {
            List<TrustList> lists = new ArrayList<>();
            for (String f : trustFiles) {
                lists.add(TrustList.read(InputDocument.readJsonFile(f, "trust list")));
            }
            b.trustRegistry(TrustList.merge(lists));
        }
        if (!didFiles.isEmpty()) {
            List<DidDocument> documents = new ArrayList<>();
            for (String f : didFiles) {
                documents.add(DidDocument.parse(InputDocument.readJsonFile(f, "DID document")));
            }
            b.didResolver(DidResolver.of(documents));
        }
        if (!statusListFiles.isEmpty()) {
            List<JsonObject> lists = new ArrayList<>();
            for (String f : statusListFiles) {
                lists.add(InputDocument.readJsonFile(f, "status list"));
            }
            b.statusListSource(StatusListSource.of(lists));
        }
        return b.build();
    }

    /** 0 verified, 1 rejected, 2 indeterminate; input that is not a credential at all is 65. */
    static int exitCode(VerificationResult result) {
        boolean notACredential = result.checks().stream().anyMatch(c -> c.outcome() == CheckOutcome.FAILED
                && (c.name().equals("parse") || c.name().equals("data-model")));
        if (notACredential) {
            return ExitCodes.MALFORMED_INPUT;
        }
        return switch (result.outcome()) {
            case VERIFIED -> ExitCodes.OK;
            case REJECTED -> ExitCodes.REJECTED;
            case INDETERMINATE -> ExitCodes.INDETERMINATE;
        };
    }

    private void print(VerificationResult result) {
        if (json) {
            out().println(JsonWriter.pretty(report(result)));
        } else {
            for (Check c : result.checks()) {
                out().println(String.format("%-5s %-40s %s%s", label(c.outcome()), c.name(),
                        c.problem() == null ? "" : c.problem() + ": ", c.message()));
            }
            out().println(result.outcome() == Outcome.VERIFIED ? "VERIFIED"
                    : result.outcome() + " (" + result.firstProblem().map(Enum::name).orElse("?") + ")");
        }
        out().flush();
    }

    static JsonObject report(VerificationResult result) {
        List<JsonValue> checks = new ArrayList<>();
        for (Check c : result.checks()) {
            JsonObject.Builder b = JsonObject.builder().put("check", c.name()).put("outcome", c.outcome().name());
            if (c.problem() != null) {
                b.put("problem", c.problem().name());
            }
            checks.add(b.put("message", c.message()).build());
        }
        List<String> problems = result.problems().stream().map(Enum::name).toList();
        return JsonObject.builder()
                .put("verified", result.isVerified())
                .put("outcome", result.outcome().name())
                .put("problems", JsonArray.ofStrings(problems))
                .put("checks", JsonArray.of(checks))
                .build();
    }

    private static String label(CheckOutcome outcome) {
        return switch (outcome) {
            case PASSED -> "ok";
            case FAILED -> "FAIL";
            case SKIPPED -> "skip";
            case INDETERMINATE -> "??";
            case WARNING -> "warn";
        };
    }
}
