package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.KeyFile;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.Signers;
import dev.credkit.signing.status.FileStatusListStore;
import dev.credkit.signing.status.ListCredentialOptions;
import dev.credkit.signing.status.StatusListConfig;
import dev.credkit.signing.status.StatusListManager;
import dev.credkit.status.BitstringStatusListCredential;
import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.StatusCheckResult;
import dev.credkit.status.StatusListCheck;
import dev.credkit.status.StatusPurpose;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code credkit status}: Bitstring Status List state kept in a state file (crash-safe, see
 * {@link FileStatusListStore}) and the signed status list credentials published from it.
 */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = {"Revocation and suspension with Bitstring Status Lists.",
                "State lives in a JSON state file (--state); 'publish' signs the list credential verifiers read."},
        subcommands = {
                StatusCommand.Create.class, StatusCommand.Allocate.class, StatusCommand.Revoke.class,
                StatusCommand.Suspend.class, StatusCommand.Reinstate.class, StatusCommand.Publish.class,
                StatusCommand.CheckStatus.class})
final class StatusCommand extends CredkitCommand {
    @Override
    public Integer call() {
        throw CliException.usage("a status command is required: create, allocate, revoke, suspend, reinstate, publish, check");
    }

    /** Opens the state file, runs {@code action}, closes it (releasing the lock). */
    static <T> T withManager(Path state, CredkitCommand command, ManagerAction<T> action) throws CredentialException, IOException {
        try (FileStatusListStore store = FileStatusListStore.open(state)) {
            StatusListManager manager = StatusListManager.builder().store(store).clock(command.env().clock()).build();
            return action.run(manager);
        }
    }

    @FunctionalInterface
    interface ManagerAction<T> {
        T run(StatusListManager manager) throws CredentialException, IOException;
    }

    abstract static class StateCommand extends CredkitCommand {
        @Option(names = "--state", required = true, paramLabel = "FILE", description = "The status list state file (created if missing).")
        Path state;
    }

    /** Names one entry: a list URL and index, or the credential that carries it. */
    abstract static class EntryCommand extends StateCommand {
        @Option(names = "--url", paramLabel = "URL", description = "The status list URL.")
        String url;

        @Option(names = "--index", paramLabel = "N", description = "The entry's index in the list.")
        Long index;

        @Option(names = "--credential", paramLabel = "FILE", description = "A credential whose status entries on lists in the state file to change.")
        String credential;

        abstract void apply(StatusListManager manager, String url, long index) throws CredentialException;

        abstract String verb();

        @Override
        public Integer call() throws CredentialException, IOException {
            if ((credential == null) == (url == null || index == null)) {
                throw CliException.usage("name the entry with --url and --index, or with --credential");
            }
            return withManager(state, this, manager -> {
                if (credential != null) {
                    JsonObject vc = InputDocument.read(credential, env().in()).json();
                    List<BitstringStatusListEntry> entries = BitstringStatusListEntry.fromCredential(vc);
                    int changed = 0;
                    for (BitstringStatusListEntry e : entries) {
                        if (manager.state(e.statusListCredential()).isPresent() && purposeFits(e)) {
                            apply(manager, e.statusListCredential(), e.statusListIndex());
                            out().println(verb() + " " + e.statusListCredential() + " index " + e.statusListIndex());
                            changed++;
                        }
                    }
                    if (changed == 0) {
                        throw new CredentialException(ProblemCode.STATUS_UPDATE_REFUSED,
                                "the credential has no " + verb().toLowerCase(java.util.Locale.ROOT) + "-able entry on a list in " + state);
                    }
                } else {
                    apply(manager, url, index);
                    out().println(verb() + " " + url + " index " + index);
                }
                out().println("publish the list again ('credkit status publish') so verifiers see the change");
                return ExitCodes.OK;
            });
        }

        boolean purposeFits(BitstringStatusListEntry entry) {
            return true;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a status list in the state file.")
    static final class Create extends StateCommand {
        @Option(names = "--url", required = true, paramLabel = "URL", description = "Where the list credential will be published.")
        String url;

        @Option(names = "--purpose", defaultValue = "revocation", paramLabel = "P", description = "revocation (default), suspension, message.")
        String purpose;

        @Option(names = "--entries", defaultValue = "131072", paramLabel = "N", description = "Number of entries (at least 131072).")
        int entries;

        @Option(names = "--status-size", defaultValue = "1", paramLabel = "BITS", description = "Bits per entry (message lists: more than 1).")
        int statusSize;

        @Override
        public Integer call() throws CredentialException, IOException {
            StatusPurpose p = StatusPurpose.fromValue(purpose).orElseThrow(() ->
                    CliException.usage("--purpose must be revocation, suspension or message"));
            StatusListConfig config;
            try {
                config = StatusListConfig.builder(url, p).entries(entries).statusSize(statusSize).build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw CliException.usage(e.getMessage());
            }
            return withManager(state, this, manager -> {
                manager.create(config);
                out().println("created " + purpose + " list " + url + " with " + entries + " entries in " + state);
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "allocate", mixinStandardHelpOptions = true,
            description = "Allocate a random unused entry and print its credentialStatus JSON.")
    static final class Allocate extends StateCommand {
        @Option(names = "--url", required = true, paramLabel = "URL", description = "The status list URL.")
        String url;

        @Override
        public Integer call() throws CredentialException, IOException {
            return withManager(state, this, manager -> {
                out().println(JsonWriter.pretty(manager.allocate(url).toJson()));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an entry (irreversible).")
    static final class Revoke extends EntryCommand {
        @Override
        void apply(StatusListManager manager, String url, long index) throws CredentialException {
            manager.revoke(url, index);
        }

        @Override
        String verb() {
            return "Revoked";
        }

        @Override
        boolean purposeFits(BitstringStatusListEntry entry) {
            return entry.statusPurpose().equals("revocation");
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend an entry (reversible with reinstate).")
    static final class Suspend extends EntryCommand {
        @Override
        void apply(StatusListManager manager, String url, long index) throws CredentialException {
            manager.suspend(url, index);
        }

        @Override
        String verb() {
            return "Suspended";
        }

        @Override
        boolean purposeFits(BitstringStatusListEntry entry) {
            return entry.statusPurpose().equals("suspension");
        }
    }

    @Command(name = "reinstate", mixinStandardHelpOptions = true, description = "Lift a suspension.")
    static final class Reinstate extends EntryCommand {
        @Override
        void apply(StatusListManager manager, String url, long index) throws CredentialException {
            manager.reinstate(url, index);
        }

        @Override
        String verb() {
            return "Reinstated";
        }

        @Override
        boolean purposeFits(BitstringStatusListEntry entry) {
            return entry.statusPurpose().equals("suspension");
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Sign the list's BitstringStatusListCredential (to publish at its URL).")
    static final class Publish extends StateCommand {
        @Option(names = "--url", required = true, paramLabel = "URL", description = "The status list URL.")
        String url;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "The issuer's key file (the same issuer as the credentials').")
        Path key;

        @Option(names = "--issuer", paramLabel = "ID", description = "Issuer id (default: the key's controller).")
        String issuer;

        @Option(names = "--valid-for", paramLabel = "DURATION", description = "validUntil = now + DURATION (ISO 8601, e.g. P7D).")
        String validFor;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the signed list credential to FILE.")
        Path output;

        @Override
        public Integer call() throws CredentialException, IOException {
            KeyFile keyFile = KeyFile.read(key);
            ListCredentialOptions.Builder options = ListCredentialOptions.builder(issuer != null ? issuer : keyFile.controller())
                    .validFrom(env().clock().instant());
            if (validFor != null) {
                try {
                    options.validFor(Duration.parse(validFor));
                } catch (DateTimeParseException e) {
                    throw CliException.usage("--valid-for expects an ISO 8601 duration such as P7D");
                }
            }
            JsonObject unsigned = withManager(state, this, manager -> manager.unsignedListCredential(url, options.build()));
            CredentialIssuer credentialIssuer = CredentialIssuer.builder()
                    .signer(Signers.ed25519(keyFile.keyPair(), keyFile.verificationMethodId()))
                    .clock(env().clock()).build();
            JsonObject signed = credentialIssuer.issue(unsigned).json();
            CliSupport.writeText(this, output, JsonWriter.pretty(signed) + "\n");
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Show a credential's status entries as read from status list credentials (no signature checks: use 'verify --status-list').")
    static final class CheckStatus extends CredkitCommand {
        @Option(names = "--status-list", required = true, paramLabel = "FILE", description = "A status list credential (repeatable).")
        List<String> lists;

        @Parameters(index = "0", paramLabel = "CREDENTIAL")
        String credential;

        @Override
        public Integer call() throws CredentialException, IOException {
            JsonObject vc = InputDocument.read(credential, env().in()).json();
            List<BitstringStatusListEntry> entries = BitstringStatusListEntry.fromCredential(vc);
            if (entries.isEmpty()) {
                out().println("the credential has no BitstringStatusListEntry");
                return ExitCodes.OK;
            }
            int worst = ExitCodes.OK;
            for (BitstringStatusListEntry e : entries) {
                BitstringStatusListCredential list = null;
                for (String f : lists) {
                    BitstringStatusListCredential candidate = BitstringStatusListCredential.read(InputDocument.readJsonFile(f, "status list"));
                    if (candidate.id().filter(e.statusListCredential()::equals).isPresent()) {
                        list = candidate;
                    }
                }
                if (list == null) {
                    out().println(e.statusPurpose() + " " + e.statusListIndex() + ": list " + e.statusListCredential() + " not given");
                    worst = Math.max(worst, ExitCodes.INDETERMINATE);
                    continue;
                }
                StatusCheckResult r = StatusListCheck.defaults().check(e, list);
                out().println(e.statusPurpose() + " " + e.statusListIndex() + ": "
                        + r.problem().map(p -> p.name() + (r.message() == null ? "" : " " + r.message())).orElse("not set"));
                if (r.problem().filter(p -> p != ProblemCode.STATUS_MESSAGE).isPresent()) {
                    worst = Math.max(worst == ExitCodes.INDETERMINATE ? ExitCodes.REJECTED : worst, ExitCodes.REJECTED);
                }
            }
            return worst;
        }
    }
}
