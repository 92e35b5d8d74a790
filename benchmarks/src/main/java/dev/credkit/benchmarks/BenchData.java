package dev.credkit.benchmarks;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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

    /**
     * The course record with {@code results} results (and as many result descriptions), made
     * from the 20-result one by repeating its first result and description with fresh ids.
     */
    public static JsonObject courseRecord(int results) {
        JsonObject record = document(COURSE_RECORD);
        JsonObject subject = record.object("credentialSubject").orElseThrow();
        JsonObject achievement = subject.object("achievement").orElseThrow();
        JsonObject description = (JsonObject) achievement.array("resultDescription").orElseThrow().get(0);
        JsonObject result = (JsonObject) subject.array("result").orElseThrow().get(0);
        List<JsonValue> descriptions = new ArrayList<>();
        List<JsonValue> values = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            String id = String.format("urn:uuid:6c0f1b2e-0000-4000-8000-2%011d", i);
            descriptions.add(description.with("id", id).with("name", "Assignment " + (i + 1)));
            values.add(result.with("resultDescription", id).with("value", String.valueOf((char) ('A' + i % 5))));
        }
        achievement = achievement.with("resultDescription", JsonArray.of(descriptions));
        subject = subject.with("achievement", achievement).with("result", JsonArray.of(values));
        return record.with("credentialSubject", subject);
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
