package dev.credkit.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); records end with CRLF, LF or CR. A UTF-8 byte
 * order mark is skipped and blank records (empty lines, or only commas and spaces) are ignored.
 *
 * <p>Errors are reported per record and reading goes on with the next one: a quote inside an
 * unquoted field, text after a closing quote. Two errors end the file, because nothing after them
 * can be trusted: a quoted field that never closes, and a record longer than
 * {@link #MAX_RECORD_CHARS}. Input that is not UTF-8 fails with an {@link IOException}
 * ({@link java.nio.charset.MalformedInputException}) from {@link #next()}.
 */
final class CsvReader implements Closeable {
    /** A record longer than this (an unclosed quote, a binary file) ends the reading. */
    static final int MAX_RECORD_CHARS = 1 << 20;
    /** More fields than this in one record is not a roster. */
    static final int MAX_FIELDS = 1000;

    private static final int EOF = -1;

    /**
     * One record: the line it starts on (from 1), its fields, and what is wrong with it (null
     * when well-formed; the fields are then still the best reading of the record).
     */
    record Record(long line, List<String> fields, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int pushedBack = EOF - 1;
    private long line = 1;
    private boolean started;
    private boolean finished;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** UTF-8 that refuses malformed bytes instead of replacing them. */
    static CsvReader utf8(InputStream in) {
        return new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** The line the next record starts on (after the last record: one past the end). */
    long line() {
        return line;
    }

    /** The next non-blank record, or null at the end. */
    Record next() throws IOException {
        while (!finished) {
            Record r = readRecord();
            if (r == null) {
                finished = true;
                return null;
            }
            // an empty line, or only separators and spaces (spreadsheets export trailing ",,,")
            boolean blank = r.ok() && r.fields().stream().allMatch(String::isBlank);
            if (!blank) {
                return r;
            }
        }
        return null;
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE }

    private Record readRecord() throws IOException {
        if (!started) {
            started = true;
            int first = read();
            if (first != '\uFEFF' && first != EOF) {
                pushedBack = first;
            }
        }
        int c = read();
        if (c == EOF) {
            return null;
        }
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String error = null;
        State state = State.FIELD_START;
        long length = 0;
        while (true) {
            if (++length > MAX_RECORD_CHARS) {
                finished = true;
                return new Record(startLine, List.copyOf(fields), "record longer than " + MAX_RECORD_CHARS
                        + " characters (an unclosed quote?); reading stopped here");
            }
            if (state == State.QUOTED) {
                if (c == EOF) {
                    finished = true;
                    return new Record(startLine, List.copyOf(fields), "a quoted field never closes; reading stopped here");
                }
                if (c == '"') {
                    state = State.AFTER_QUOTE;
                } else {
                    if (isLineEnd(c)) {
                        c = lineEnd(c);
                    }
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == ',' || c == EOF || isLineEnd(c)) {
                fields.add(field.toString());
                field.setLength(0);
                if (fields.size() > MAX_FIELDS) {
                    finished = true;
                    return new Record(startLine, List.copyOf(fields.subList(0, MAX_FIELDS)), "more than " + MAX_FIELDS
                            + " fields in one record; reading stopped here");
                }
                if (c != ',') {
                    if (c != EOF) {
                        lineEnd(c);
                    }
                    return new Record(startLine, List.copyOf(fields), error);
                }
                state = State.FIELD_START;
            } else if (c == '"') {
                if (state == State.FIELD_START) {
                    state = State.QUOTED;
                } else if (state == State.AFTER_QUOTE) {
                    field.append('"'); // "" inside a quoted field
                    state = State.QUOTED;
                } else {
                    error = error != null ? error : "field " + (fields.size() + 1)
                            + " has a quote but does not start with one (quote the whole field and double inner quotes)";
                    field.append('"');
                }
            } else {
                if (state == State.AFTER_QUOTE && error == null) {
                    error = "field " + (fields.size() + 1) + " has text after its closing quote";
                }
                field.append((char) c);
                state = State.UNQUOTED;
            }
            c = read();
        }
    }

    private static boolean isLineEnd(int c) {
        return c == '\n' || c == '\r';
    }

    /** Consumes a line end (CRLF counts once) and returns it as '\n'. */
    private int lineEnd(int c) throws IOException {
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                pushedBack = next;
            }
        }
        line++;
        return '\n';
    }

    private int read() throws IOException {
        if (pushedBack != EOF - 1) {
            int c = pushedBack;
            pushedBack = EOF - 1;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        return buffer[position++];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
