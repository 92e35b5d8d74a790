package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A credential input as the CLI receives it: a file or {@code -} (standard input), whose kind
 * is detected from its content, never from its file name.
 */
final class InputDocument {
    /** Inputs larger than this are refused before parsing (images with a baked credential included). */
    static final int MAX_INPUT_BYTES = 16 << 20;

    enum Kind { JSON, JWS, PNG, SVG }

    private final String name;
    private final byte[] bytes;
    private final Kind kind;

    private InputDocument(String name, byte[] bytes, Kind kind) {
        this.name = name;
        this.bytes = bytes;
        this.kind = kind;
    }

    static InputDocument read(String argument, InputStream stdin) throws IOException, CredentialException {
        byte[] bytes;
        String name;
        if (argument.equals("-")) {
            bytes = stdin.readNBytes(MAX_INPUT_BYTES + 1);
            name = "standard input";
        } else {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                throw CliException.usage(argument + " is a directory, not a credential file");
            }
            if (Files.size(path) > MAX_INPUT_BYTES) {
                throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, argument + " is larger than " + (MAX_INPUT_BYTES >> 20) + " MiB");
            }
            bytes = Files.readAllBytes(path);
            name = argument;
        }
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, name + " is larger than " + (MAX_INPUT_BYTES >> 20) + " MiB");
        }
        return new InputDocument(name, bytes, detect(bytes));
    }

    static Kind detect(byte[] bytes) throws CredentialException {
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return Kind.PNG;
        }
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        if (i == bytes.length) {
            throw new CredentialException(ProblemCode.MALFORMED, "the input is empty");
        }
        byte first = bytes[i];
        if (first == '{' || first == '[') {
            return Kind.JSON;
        }
        if (first == '<') {
            return Kind.SVG;
        }
        if (first == 'e') { // base64url of '{"' starts every compact JWS header
            return Kind.JWS;
        }
        throw new CredentialException(ProblemCode.MALFORMED,
                "the input is not JSON, a compact JWS, a PNG or an SVG");
    }

    String name() {
        return name;
    }

    byte[] bytes() {
        return bytes;
    }

    Kind kind() {
        return kind;
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    JsonObject json() throws CredentialException {
        if (kind != Kind.JSON) {
            throw new CredentialException(ProblemCode.MALFORMED, name + " is " + kind + ", expected a JSON credential or presentation");
        }
        return JsonReader.defaults().readObject(bytes);
    }

    static JsonObject readJsonFile(String path, String what) throws IOException, CredentialException {
        Path p = Path.of(path);
        if (Files.size(p) > JsonReader.DEFAULT_MAX_BYTES) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, what + " " + path + " is larger than 1 MiB");
        }
        try {
            return JsonReader.defaults().readObject(Files.readAllBytes(p));
        } catch (CredentialException e) {
            throw new CredentialException(e.code(), what + " " + path + ": " + e.getMessage());
        }
    }
}
