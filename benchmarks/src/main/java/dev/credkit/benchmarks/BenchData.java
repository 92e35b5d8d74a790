package dev.credkit.benchmarks;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The benchmark documents and key (copies of {@code credential-core/src/test/resources/bench/}):
 * the same inputs for credkit and for the baseline, so the numbers compare.
 */
public final class BenchData {
    /** The {@code document} parameter of the benchmarks: short name to resource. */
    public static final String COURSE_COMPLETION = "course-completion";
    public static final String COURSE_RECORD = "course-record";

    private static final String DIR = "/dev/credkit/benchmarks/";

    private BenchData() {
    }

    /** The raw bytes of an unsigned benchmark document, by its short name. */
    public static byte[] documentBytes(String document) {
        return switch (document) {
            case COURSE_COMPLETION -> resource("ob3-course-completion.json");
            case COURSE_RECORD -> resource("ob3-course-record.json");
            default -> throw new IllegalArgumentException("unknown benchmark document " + document);
        };
    }

    public static JsonObject document(String document) {
        return read(documentBytes(document));
    }

    /** {@code key.json}: the issuer's Ed25519 key as did:key Multikey. */
    public static JsonObject key() {
        return read(resource("key.json"));
    }

    public static String secretKeyMultibase() {
        return key().string("secretKeyMultibase").orElseThrow();
    }

    public static byte[] seed() {
        return HexFormat.of().parseHex(key().string("seedHex").orElseThrow());
    }

    public static byte[] publicKey() {
        return HexFormat.of().parseHex(key().string("publicKeyHex").orElseThrow());
    }

    public static String verificationMethod() {
        return key().string("verificationMethod").orElseThrow();
    }

    /** {@code created} of every proof, so that signatures are deterministic. */
    public static Instant proofCreated() {
        return Instant.parse(key().string("proofCreated").orElseThrow());
    }

    private static JsonObject read(byte[] json) {
        try {
            return JsonReader.defaults().readObject(json);
        } catch (CredentialException e) {
            throw new IllegalStateException("bundled benchmark data is not valid JSON: " + e.getMessage(), e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = BenchData.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
