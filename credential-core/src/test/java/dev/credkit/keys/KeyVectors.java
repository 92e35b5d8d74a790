package dev.credkit.keys;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Reads the test vectors under {@code src/test/resources/vectors/}. */
final class KeyVectors {
    private KeyVectors() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = KeyVectors.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8).trim();
    }

    static JsonObject json(String path) {
        try {
            return JsonReader.builder().maxBytes(8 << 20).build().readObject(bytes(path));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path + ": " + e, e);
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.trim());
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
