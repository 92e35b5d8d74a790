package dev.credkit.cli;

import dev.credkit.baking.BakedCredential;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.verify.BatchVerifier;
import dev.credkit.verify.Outcome;
import dev.credkit.verify.VerificationResult;
import dev.credkit.verify.Verifier;
import dev.credkit.verify.VerifiedItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@code credkit verify --batch DIR|FILE.jsonl}: many credentials verified in parallel through
 * {@link BatchVerifier}, streaming: the directory listing and the JSON Lines file are read lazily
 * and no result is kept after it is counted, so memory does not grow with the number of
 * credentials. A directory gives every regular file matching the glob (JSON, compact JWS, or a
 * baked PNG/SVG, detected by content); a JSON Lines file gives one credential per non-blank line
 * (JSON or compact JWS).
 */
final class BatchVerification {
    private final VerifyCommand command;
    private final Verifier verifier;
    private final Path input;
    private final String glob;
    private final int threads;
    private final boolean json;
    private final boolean listFailures;
    private final long plainIntervalNanos;

    BatchVerification(VerifyCommand command, Verifier verifier, Path input, String glob, int threads, boolean json,
                      boolean listFailures, long plainIntervalNanos) {
        this.command = command;
        this.verifier = verifier;
        this.input = input;
        this.glob = glob;
        this.threads = threads;
        this.json = json;
        this.listFailures = listFailures;
        this.plainIntervalNanos = plainIntervalNanos;
    }

    /**
     * One credential to verify: where it comes from, and its text when it is a line of a JSONL
     * file ({@code tooLong} when the line was too long to keep).
     */
    record Source(String name, Path file, String line, boolean tooLong) {
    }

    int run() throws IOException, InterruptedException {
        boolean directory = Files.isDirectory(input);
        if (!directory && !Files.isRegularFile(input)) {
            throw new java.nio.file.NoSuchFileException(input.toString());
        }
        long total = directory ? countFiles() : countLines();
        if (total == 0) {
            throw CliException.usage("no credentials in " + input + (directory ? " (files matching " + glob + ")" : ""));
        }
        PrintWriter out = command.out();
        PrintWriter err = command.err();
        Progress progress = new Progress(err, Progress.onTerminal(command.env()), "credentials", total, plainIntervalNanos);
        BatchVerifier batch = BatchVerifier.builder().verifier(verifier).parallelism(threads).build();
        long[] counts = new long[2]; // done, not verified
        BatchVerifier.Summary summary;
        try (Stream<Source> sources = directory ? files() : lines()) {
            summary = batch.verify(sources, BatchVerification::load, (VerifiedItem<Source> item) -> {
                counts[0]++;
                if (!item.result().isVerified()) {
                    counts[1]++;
                    if (json) {
                        if (listFailures) {
                            progress.println(out, JsonWriter.compact(failure(item)));
                        }
                    } else {
                        progress.println(out, String.format("%-13s %s  %s", item.outcome(), item.input().name(), item.result().summary()));
                    }
                }
                progress.update(counts[0], counts[1]);
            });
        }
        progress.finish();
        if (json) {
            out.println(JsonWriter.compact(summaryJson(summary)));
        } else {
            printSummary(out, summary);
        }
        out.flush();
        if (summary.rejected() > 0) {
            return ExitCodes.REJECTED;
        }
        return summary.indeterminate() > 0 ? ExitCodes.INDETERMINATE : ExitCodes.OK;
    }

    // ------------------------------------------------------------------ inputs

    private DirectoryStream<Path> listing() throws IOException {
        try {
            return Files.newDirectoryStream(input, glob);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--glob: " + e.getMessage());
        }
    }

    private long countFiles() throws IOException {
        long n = 0;
        try (DirectoryStream<Path> files = listing()) {
            for (Path p : files) {
                if (Files.isRegularFile(p)) {
                    n++;
                }
            }
        }
        return n;
    }

    private Stream<Source> files() throws IOException {
        DirectoryStream<Path> listing = listing();
        Stream<Source> stream = StreamSupport.stream(listing.spliterator(), false)
                .filter(Files::isRegularFile)
                .map(p -> new Source(p.toString(), p, null, false));
        return stream.onClose(() -> {
            try {
                listing.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private long countLines() throws IOException {
        try (LineReader lines = new LineReader(Files.newInputStream(input))) {
            long n = 0;
            while (lines.next() != null) {
                n++;
            }
            return n;
        }
    }

    private Stream<Source> lines() throws IOException {
        LineReader reader = new LineReader(Files.newInputStream(input));
        String prefix = input.toString() + ":";
        Iterator<Source> it = new Iterator<>() {
            private Source next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        LineReader.Line line = reader.next();
                        if (line == null) {
                            done = true;
                        } else {
                            next = new Source(prefix + line.number(), null, line.text(), line.text() == null);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next != null;
            }

            @Override
            public Source next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Source s = next;
                next = null;
                return s;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** On a worker: a file's bytes (unbaked when it is an image), or a line's. */
    static byte[] load(Source source) throws IOException, CredentialException {
        if (source.file() == null) {
            if (source.tooLong()) {
                throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "the line is longer than " + (InputDocument.MAX_INPUT_BYTES >> 20) + " MiB");
            }
            return source.line().getBytes(StandardCharsets.UTF_8);
        }
        InputDocument document = InputDocument.read(source.file().toString(), InputStream.nullInputStream());
        if (document.kind() == InputDocument.Kind.PNG || document.kind() == InputDocument.Kind.SVG) {
            BakedCredential baked = ImageCommands.unbake(document);
            return baked.text().getBytes(StandardCharsets.UTF_8);
        }
        return document.bytes();
    }

    /**
     * Non-blank lines of a UTF-8 file, one at a time. A line longer than the input limit is not
     * kept (its {@link Line#text()} is null), so memory stays bounded.
     */
    static final class LineReader implements AutoCloseable {
        /** A line and its number (from 1); {@code text} is null for a line longer than the input limit. */
        record Line(long number, String text) {
        }

        private final InputStreamReader reader;
        private final char[] buffer = new char[16384];
        private int position;
        private int limit;
        private long lineNumber;

        LineReader(InputStream in) {
            this.reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        }

        /** The next non-blank line (stripped), or null at the end. */
        Line next() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                sb.setLength(0);
                boolean tooLong = false;
                boolean any = false;
                boolean newline = false;
                while (!newline) {
                    if (position == limit) {
                        limit = reader.read(buffer, 0, buffer.length);
                        position = 0;
                        if (limit <= 0) {
                            limit = 0;
                            break;
                        }
                    }
                    any = true;
                    int start = position;
                    while (position < limit && buffer[position] != '\n') {
                        position++;
                    }
                    if (!tooLong) {
                        sb.append(buffer, start, position - start);
                        if (sb.length() > InputDocument.MAX_INPUT_BYTES) {
                            tooLong = true;
                            sb.setLength(0);
                        }
                    }
                    if (position < limit) {
                        position++; // the newline
                        newline = true;
                    }
                }
                if (!any) {
                    return null;
                }
                lineNumber++;
                if (tooLong) {
                    return new Line(lineNumber, null);
                }
                String line = sb.toString().strip();
                if (!line.isEmpty()) {
                    return new Line(lineNumber, line);
                }
                if (!newline) {
                    return null;
                }
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    // ------------------------------------------------------------------ reports

    private static JsonObject failure(VerifiedItem<Source> item) {
        VerificationResult r = item.result();
        return JsonObject.builder()
                .put("type", "failure")
                .put("index", item.index())
                .put("input", item.input().name())
                .put("outcome", r.outcome().name())
                .put("problems", JsonArray.ofStrings(r.problems().stream().map(Enum::name).toList()))
                .put("summary", ExitCodes.oneLine(r.summary()))
                .build();
    }

    private JsonObject summaryJson(BatchVerifier.Summary s) {
        JsonObject.Builder problems = JsonObject.builder();
        for (Map.Entry<ProblemCode, Long> e : s.problems().entrySet()) {
            problems.put(e.getKey().name(), e.getValue());
        }
        double seconds = s.elapsed().toNanos() / 1e9;
        return JsonObject.builder()
                .put("type", "summary")
                .put("input", input.toString())
                .put("total", s.items())
                .put("verified", s.verified())
                .put("rejected", s.rejected())
                .put("indeterminate", s.indeterminate())
                .put("problems", problems.build())
                .put("threads", threads)
                .put("elapsedSeconds", JsonNumber.of(Math.round(seconds * 1000) / 1000.0))
                .put("perSecond", JsonNumber.of(Math.round(s.perSecond() * 10) / 10.0))
                .build();
    }

    private void printSummary(PrintWriter out, BatchVerifier.Summary s) {
        double seconds = s.elapsed().toNanos() / 1e9;
        out.println(String.format(Locale.ROOT, "Verified %s of %s credentials in %.1f s (%s/s, %d threads)",
                Progress.count(s.verified()), Progress.count(s.items()), seconds, Progress.count(Math.round(s.perSecond())), threads));
        for (Outcome o : Outcome.values()) {
            out.println(String.format(Locale.ROOT, "  %-15s %10s", o.name(), Progress.count(s.count(o))));
        }
        if (!s.problems().isEmpty()) {
            out.println("Problems (credentials reporting each):");
            for (Map.Entry<ProblemCode, Long> e : s.problems().entrySet()) {
                out.println(String.format(Locale.ROOT, "  %-35s %10s", e.getKey().name(), Progress.count(e.getValue())));
            }
        }
    }
}
