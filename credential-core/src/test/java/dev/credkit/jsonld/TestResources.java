package dev.credkit.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test resources from the class path. */
final class TestResources {
    private TestResources() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = TestResources.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static JsonObject json(String path) {
        try {
            return JsonReader.defaults().readObject(bytes(path));
        } catch (CredentialException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
    }

    /** Parses JSON text written in a test (single quotes allowed for readability). */
    static JsonObject parse(String json) {
        try {
            return JsonReader.defaults().readObject(json.replace('\'', '"'));
        } catch (CredentialException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
