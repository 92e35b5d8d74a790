package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.KeyFile;
import dev.credkit.ob.CertificateBuilder;
import dev.credkit.ob.CourseRecordBuilder;
import dev.credkit.ob.VerificationCode;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.BatchIssuer;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.IssuedItem;
import dev.credkit.signing.SignedDocument;
import dev.credkit.signing.Signers;
import dev.credkit.signing.render.CertificateRenderer;
import dev.credkit.signing.status.FileStatusListStore;
import dev.credkit.signing.status.StatusListManager;
import dev.credkit.status.BitstringStatusListEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@code credkit issue --batch}: one signed Open Badges 3.0 certificate per roster row (and a
 * course record for rows with scores), in parallel, with a per-row error report that never stops
 * the batch. Built on {@link BatchIssuer}: rows are read lazily on the calling thread, each row
 * is built, signed, rendered and written on a worker, and the index and error report are written
 * in roster order.
 */
@Command(name = "issue",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Issue a cohort: one signed Open Badges 3.0 certificate per roster row, plus a course record for rows with scores, in parallel.",
                "",
                "The roster is CSV (RFC 4180, UTF-8) whose first row names the columns: name, email and/or student_id, "
                        + "optionally learner_id (a DID or URL), and the score columns the template names "
                        + "(a final_grade column alone is enough for course records). Other columns are ignored.",
                "",
                "Each credential gets its own verification code and is written to DIR/<CODE>.json (and DIR/<CODE>.svg with --render). "
                        + "DIR/index.jsonl lists them (row, credential, code, id, learner, file, image); "
                        + "DIR/errors.csv lists the rows that failed (row, name, reason). "
                        + "A bad row is reported and skipped: it never stops the batch. "
                        + "Row numbers are line numbers in the roster (the header is row 1).",
                ""},
        footerHeading = "%nTemplate (--template, JSON):%n",
        footer = IssueCommand.FOOTER)
final class IssueCommand extends CredkitCommand {
    static final String INDEX_FILE = "index.jsonl";
    static final String ERRORS_FILE = "errors.csv";
    /** Per-row errors shown on the console; errors.csv has every one. */
    static final int MAX_ERRORS_SHOWN = 20;
    private static final int MAX_THREADS = 256;

    @Option(names = "--batch", required = true, paramLabel = "ROSTER.csv", description = "The roster: one learner per row.")
    private Path roster;

    @Option(names = "--template", required = true, paramLabel = "FILE", description = "The course and institution (JSON, shape below).")
    private Path templateFile;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The institution's key file.")
    private Path keyFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing; must not hold an earlier batch's index.jsonl).")
    private Path outputDir;

    @Option(names = "--render", description = "Also write each certificate as a printable SVG with the credential baked in.")
    private boolean render;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    private Integer threads;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "eddsa-rdfc-2022",
            description = "eddsa-rdfc-2022 (default), eddsa-jcs-2022 or Ed25519Signature2020.")
    private String suite;

    @Option(names = "--status-state", paramLabel = "FILE",
            description = "Give every credential a revocation/suspension entry from this status list state file (with --status-list).")
    private Path statusState;

    @Option(names = "--status-list", paramLabel = "URL", description = "The status list to allocate from (with --status-state).")
    private String statusList;

    /** The help footer: the template's shape, then the exit codes. */
    static final String FOOTER = IssueTemplate.SHAPE
            + "%nExit codes:%n"
            + "  0   every row issued%n"
            + "  1   some rows failed (see DIR/errors.csv); the other rows were issued%n"
            + "  64  usage error (options, a missing file, DIR holds a batch already)%n"
            + "  65  unusable input: template, roster header or CSV structure, key%n"
            + "  70  internal error";

    @Override
    public Integer call() throws CredentialException, IOException, InterruptedException {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1 || threadCount > MAX_THREADS) {
            throw CliException.usage("--threads must be between 1 and " + MAX_THREADS);
        }
        if ((statusState == null) != (statusList == null)) {
            throw CliException.usage("--status-state and --status-list go together");
        }
        if (suite.equalsIgnoreCase("vc-jwt") || suite.equalsIgnoreCase("vc+jwt")) {
            throw CliException.usage("batch issuing signs with a Data Integrity suite: eddsa-rdfc-2022, eddsa-jcs-2022 or Ed25519Signature2020");
        }
        Cryptosuite cryptosuite = Cryptosuite.fromName(suite);
        KeyFile key = KeyFile.read(keyFile);
        IssueTemplate template;
        try {
            template = IssueTemplate.read(InputDocument.readJsonFile(templateFile.toString(), "template"), key.controller());
        } catch (CredentialException e) {
            throw CliException.malformed(e.getMessage().startsWith("template") ? e.getMessage() : "template " + templateFile + ": " + e.getMessage());
        }
        RosterScan scan = scan(roster, template);
        Roster columns = scan.roster;
        if (scan.rows == 0) {
            throw CliException.malformed("the roster " + roster + " has a header but no learner rows");
        }
        if (Files.exists(outputDir.resolve(INDEX_FILE))) {
            throw CliException.usage(outputDir + " already holds a batch (" + INDEX_FILE + "): choose a new output directory");
        }
        Clock clock = env().clock();
        SecureRandom random = new SecureRandom();
        CredentialIssuer issuer = CredentialIssuer.builder()
                .signer(Signers.ed25519(key.keyPair(), key.verificationMethodId()))
                .clock(clock).build();
        ProofOptions options = ProofOptions.builder().cryptosuite(cryptosuite).build();
        RowIssuer rows = new RowIssuer(columns, clock, random, options, render ? CertificateRenderer.create() : null, outputDir);
        List<String> warnings = rows.checkTemplate(issuer);

        Files.createDirectories(outputDir);
        warnings.forEach(w -> err().println("credkit: warning: " + w));
        if (!columns.ignoredColumns().isEmpty()) {
            err().println("credkit: ignoring roster columns: " + Roster.shown(String.join(", ", columns.ignoredColumns())));
        }

        long worstCaseCredentials = scan.rows * (columns.hasScoreColumns() ? 2L : 1L);
        try (StatusAllocator status = statusState == null ? null
                : StatusAllocator.open(statusState, statusList, worstCaseCredentials, clock, random);
             BatchReport report = new BatchReport(outputDir, columns, err(), Progress.onTerminal(env()), scan.rows)) {
            RowIssuer withStatus = rows.withStatus(status);
            BatchIssuer batch = BatchIssuer.builder().issuer(issuer).parallelism(threadCount).build();
            BatchIssuer.Summary summary;
            try (Stream<CsvReader.Record> records = records(roster)) {
                summary = batch.issue(records, withStatus::issue, report::accept);
            }
            report.finish();
            printSummary(summary, report, threadCount, status);
            return report.failedRows == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
        }
    }

    private void printSummary(BatchIssuer.Summary summary, BatchReport report, int threadCount, StatusAllocator status) {
        double seconds = summary.elapsed().toNanos() / 1e9;
        out().println(String.format(Locale.ROOT, "Issued %s of %s rows in %.1f s (%s rows/s, %d threads): %s certificates, %s course records%s.",
                Progress.count(summary.items() - report.failedRows), Progress.count(summary.items()), seconds,
                Progress.count(Math.round(summary.perSecond())), threadCount,
                Progress.count(report.certificates), Progress.count(report.courseRecords),
                render ? ", " + Progress.count(report.certificates) + " SVGs" : ""));
        if (report.failedRows > 0) {
            out().println(Progress.count(report.failedRows) + (report.failedRows == 1 ? " row" : " rows") + " failed: see "
                    + outputDir.resolve(ERRORS_FILE) + (report.failedRows > MAX_ERRORS_SHOWN ? " (the first " + MAX_ERRORS_SHOWN + " are shown above)" : ""));
        }
        out().println("Index: " + outputDir.resolve(INDEX_FILE));
        if (status != null) {
            out().println("Status entries: " + Progress.count(status.used()) + " allocated on " + statusList
                    + (status.unused() > 0 ? " (" + status.unused() + " more reserved, unused)" : "")
                    + "; publish the list again with 'credkit status publish'.");
        }
        out().flush();
    }

    // ------------------------------------------------------------------ roster reading

    private record RosterScan(Roster roster, long rows) {
    }

    /**
     * Reads the whole roster once before issuing anything: the header, the number of rows (for
     * the progress bar), and the errors that would make the rest of the file meaningless
     * (not UTF-8, a quote that never closes), so that they stop the batch before it starts.
     */
    static RosterScan scan(Path roster, IssueTemplate template) throws IOException {
        try (InputStream in = Files.newInputStream(roster); CsvReader csv = CsvReader.utf8(in)) {
            CsvReader.Record header;
            try {
                header = csv.next();
                Roster columns = Roster.fromHeader(header, template);
                long rows = 0;
                for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
                    if (!r.ok() && r.error().endsWith("reading stopped here")) {
                        throw CliException.malformed("roster " + roster + ", line " + r.line() + ": " + r.error());
                    }
                    rows++;
                }
                return new RosterScan(columns, rows);
            } catch (CharacterCodingException e) {
                throw CliException.malformed("roster " + roster + " is not UTF-8 text (near line " + csv.line()
                        + "): save it as 'CSV UTF-8'");
            }
        }
    }

    /** The data rows, read lazily (the header is skipped); the stream closes the file. */
    static Stream<CsvReader.Record> records(Path roster) throws IOException {
        InputStream in = Files.newInputStream(roster);
        CsvReader csv = CsvReader.utf8(in);
        Iterator<CsvReader.Record> it = new Iterator<>() {
            private boolean started;
            private CsvReader.Record next;

            private CsvReader.Record read(boolean skipHeader) {
                try {
                    if (skipHeader) {
                        csv.next();
                    }
                    return csv.next();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                if (!started) {
                    started = true;
                    next = read(true);
                }
                return next != null;
            }

            @Override
            public CsvReader.Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvReader.Record r = next;
                next = read(false);
                return r;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        csv.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    // ------------------------------------------------------------------ one row, on a worker

    /** What one row produced: its credentials' files. */
    record RowOutput(String learner, List<Written> credentials) {
    }

    /** One written credential. */
    record Written(String kind, String code, String id, String file, String image) {
    }

    /** Builds, signs, renders and writes one row's credentials. Thread-safe. */
    static final class RowIssuer {
        private final Roster roster;
        private final IssueTemplate template;
        private final Clock clock;
        private final SecureRandom random;
        private final ProofOptions options;
        private final CertificateRenderer renderer;
        private final Path dir;
        private final StatusAllocator status;

        RowIssuer(Roster roster, Clock clock, SecureRandom random, ProofOptions options, CertificateRenderer renderer, Path dir) {
            this(roster, clock, random, options, renderer, dir, null);
        }

        private RowIssuer(Roster roster, Clock clock, SecureRandom random, ProofOptions options, CertificateRenderer renderer,
                          Path dir, StatusAllocator status) {
            this.status = status;
            this.roster = roster;
            this.template = roster.template();
            this.clock = clock;
            this.random = random;
            this.options = options;
            this.renderer = renderer;
            this.dir = dir;
        }

        /** The same, giving every credential a status entry from {@code allocator} (null: none). */
        RowIssuer withStatus(StatusAllocator allocator) {
            return new RowIssuer(roster, clock, random, options, renderer, dir, allocator);
        }

        /**
         * Builds and signs a certificate for a sample learner, so that a template Open Badges
         * refuses (or a key the suite cannot use) stops the batch once instead of failing every
         * row; returns the issuer's warnings, to show once.
         */
        List<String> checkTemplate(CredentialIssuer issuer) {
            try {
                JsonObject sample = template.apply(CertificateBuilder.create(clock, random))
                        .verificationCode(VerificationCode.generate(random))
                        .learnerName("Template Check").learnerEmail("template.check@example.org")
                        .build().toJson();
                SignedDocument signed = issuer.issue(sample, options);
                if (renderer != null) {
                    renderer.render(signed.json());
                }
                return signed.warnings();
            } catch (CredentialException e) {
                throw CliException.malformed("template: " + e.getMessage());
            }
        }

        RowOutput issue(CsvReader.Record row, CredentialIssuer issuer) throws CredentialException, IOException {
            Roster.Learner learner = roster.learner(row);
            VerificationCode certificateCode = VerificationCode.generate(random);
            JsonObject certificate = learner(template.apply(CertificateBuilder.create(clock, random)), learner)
                    .verificationCode(certificateCode).build().toJson();
            VerificationCode recordCode = null;
            JsonObject record = null;
            if (learner.hasScores()) {
                recordCode = VerificationCode.generate(random);
                CourseRecordBuilder b = learner(template.apply(CourseRecordBuilder.create(clock, random)), learner)
                        .verificationCode(recordCode)
                        .finalGrade(template.finalGrade().description(), learner.finalGrade());
                for (int i = 0; i < template.assignments().size(); i++) {
                    String value = learner.assignments().get(i);
                    if (value != null) {
                        b.assignment(template.assignments().get(i).description(), value);
                    }
                }
                record = b.build().toJson();
            }
            if (status != null) {
                certificate = certificate.with("credentialStatus", status.next().toJson());
                if (record != null) {
                    record = record.with("credentialStatus", status.next().toJson());
                }
            }
            SignedDocument signedCertificate = issuer.issue(certificate, options);
            SignedDocument signedRecord = record == null ? null : issuer.issue(record, options);
            byte[] svg = renderer == null ? null : renderer.render(signedCertificate.json());

            List<Path> written = new ArrayList<>(3);
            try {
                List<Written> out = new ArrayList<>(2);
                out.add(write(written, "certificate", certificateCode, signedCertificate.json(), svg));
                if (signedRecord != null) {
                    out.add(write(written, "courseRecord", recordCode, signedRecord.json(), null));
                }
                return new RowOutput(learner.name(), out);
            } catch (IOException e) {
                // a row is all or nothing: remove what was written before the failure
                for (Path p : written) {
                    Files.deleteIfExists(p);
                }
                throw e;
            }
        }

        private static <B extends dev.credkit.ob.CourseCredentialBuilder<B>> B learner(B builder, Roster.Learner learner) {
            return builder.learnerName(learner.name()).learnerEmail(learner.email())
                    .learnerStudentId(learner.studentId()).learnerId(learner.learnerId());
        }

        private Written write(List<Path> written, String kind, VerificationCode code, JsonObject json, byte[] svg) throws IOException {
            String name = code.display();
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, JsonWriter.pretty(json) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            written.add(file);
            String image = null;
            if (svg != null) {
                Path svgFile = dir.resolve(name + ".svg");
                Files.write(svgFile, svg, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                written.add(svgFile);
                image = svgFile.getFileName().toString();
            }
            return new Written(kind, name, json.string("id").orElse(""), file.getFileName().toString(), image);
        }
    }

    // ------------------------------------------------------------------ results, on the calling thread

    /** Writes index.jsonl and errors.csv in roster order, shows errors and progress. */
    static final class BatchReport implements AutoCloseable {
        private final BufferedWriter index;
        private final BufferedWriter errors;
        private final java.io.PrintWriter err;
        private final Progress progress;
        private final Roster roster;
        long done;
        long failedRows;
        long certificates;
        long courseRecords;

        BatchReport(Path dir, Roster roster, java.io.PrintWriter err, boolean terminal, long total) throws IOException {
            this.roster = roster;
            this.index = Files.newBufferedWriter(dir.resolve(INDEX_FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            BufferedWriter e;
            try {
                e = Files.newBufferedWriter(dir.resolve(ERRORS_FILE), StandardCharsets.UTF_8);
                e.write("row,name,reason\r\n");
            } catch (IOException ex) {
                index.close();
                throw ex;
            }
            this.errors = e;
            this.err = err;
            this.progress = new Progress(err, terminal, "rows", total, Progress.PLAIN_INTERVAL_NANOS);
        }

        void accept(IssuedItem<CsvReader.Record, RowOutput> item) {
            try {
                long row = item.input().line();
                if (item.succeeded()) {
                    RowOutput r = item.value();
                    for (Written w : r.credentials()) {
                        JsonObject.Builder line = JsonObject.builder().put("row", row).put("credential", w.kind())
                                .put("code", w.code()).put("id", w.id()).put("learner", r.learner()).put("file", w.file());
                        line.putIfPresent("image", w.image());
                        index.write(JsonWriter.compact(line.build()));
                        index.write('\n');
                        if (w.kind().equals("certificate")) {
                            certificates++;
                        } else {
                            courseRecords++;
                        }
                    }
                } else {
                    failedRows++;
                    String reason = ExitCodes.oneLine(item.errorMessage().orElse("failed"));
                    String name = roster.nameOf(item.input());
                    errors.write(row + "," + csvField(name, true) + "," + csvField(reason, false) + "\r\n");
                    if (failedRows <= MAX_ERRORS_SHOWN) {
                        progress.println(err, "credkit: row " + row + (name.isEmpty() ? "" : " (" + Roster.shown(name) + ")") + ": " + reason);
                    } else if (failedRows == MAX_ERRORS_SHOWN + 1) {
                        progress.println(err, "credkit: more rows failed; every one is in " + ERRORS_FILE);
                    }
                }
                // flushed per row: after an interrupted run the index still lists every file written
                index.flush();
                errors.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the index cannot be written: stop the batch
            }
            done++;
            progress.update(done, failedRows);
        }

        void finish() throws IOException {
            progress.finish();
            index.flush();
            errors.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                index.close();
            } finally {
                errors.close();
            }
        }
    }

    /**
     * One CSV field: quoted when needed (RFC 4180); for text from the roster, a leading
     * {@code = + - @} is neutralized so a spreadsheet does not run it as a formula.
     */
    static String csvField(String value, boolean untrusted) {
        String v = value;
        if (untrusted && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    // ------------------------------------------------------------------ status entries

    /**
     * Hands out status entries to the workers from a state file, reserving them in chunks so the
     * state file is committed a few dozen times per batch instead of once per credential. Never
     * reserves more than the batch can use.
     */
    static final class StatusAllocator implements AutoCloseable {
        private static final int CHUNK = 256;
        private final FileStatusListStore store;
        private final StatusListManager manager;
        private final String url;
        private final ArrayDeque<BitstringStatusListEntry> reserve = new ArrayDeque<>();
        private long reservable;
        private long used;

        private StatusAllocator(FileStatusListStore store, StatusListManager manager, String url, long reservable) {
            this.store = store;
            this.manager = manager;
            this.url = url;
            this.reservable = reservable;
        }

        static StatusAllocator open(Path state, String url, long maxEntries, Clock clock, SecureRandom random) throws CredentialException {
            FileStatusListStore store = FileStatusListStore.open(state);
            try {
                StatusListManager manager = StatusListManager.builder().store(store).clock(clock).random(random).build();
                if (manager.state(url).isEmpty()) {
                    throw CliException.usage("the state file " + state + " has no status list " + url + " (create it with 'credkit status create')");
                }
                return new StatusAllocator(store, manager, url, maxEntries);
            } catch (RuntimeException | CredentialException e) {
                store.close();
                throw e;
            }
        }

        synchronized BitstringStatusListEntry next() throws CredentialException {
            if (reserve.isEmpty()) {
                int n = (int) Math.max(1, Math.min(CHUNK, reservable));
                reserve.addAll(manager.allocate(url, n));
                reservable -= n;
            }
            used++;
            return reserve.poll();
        }

        synchronized long used() {
            return used;
        }

        synchronized int unused() {
            return reserve.size();
        }

        @Override
        public void close() throws CredentialException {
            store.close();
        }
    }
}
