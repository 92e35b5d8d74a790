package dev.credkit.internal.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The W3C rdf-canon (RDFC-1.0) test suite, driven by its manifest, with the default budget. */
class RdfCanonSuiteTest {
    private static final String DIR = "vectors/rdf-canon/";

    static Stream<Arguments> tests(String type) {
        JsonObject manifest = json(DIR + "manifest.jsonld");
        JsonArray entries = manifest.array("entries").orElseThrow();
        return entries.stream()
                .map(JsonObject.class::cast)
                .filter(e -> e.string("type").orElseThrow().equals(type))
                .map(e -> Arguments.of(e.string("id").orElseThrow(), e.string("name").orElseThrow(), e));
    }

    static Stream<Arguments> evalTests() {
        return tests("rdfc:RDFC10EvalTest");
    }

    static Stream<Arguments> mapTests() {
        return tests("rdfc:RDFC10MapTest");
    }

    static Stream<Arguments> negativeTests() {
        return tests("rdfc:RDFC10NegativeEvalTest");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("evalTests")
    void canonicalNQuadsAreByteExact(String id, String name, JsonObject test) throws CredentialException {
        BudgetedRdfc.Result result = rdfc(test).canonicalizeNQuads(text(DIR + test.string("action").orElseThrow()), System.nanoTime());
        assertThat(result.nquads()).isEqualTo(text(DIR + test.string("result").orElseThrow()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mapTests")
    void blankNodeMapMatches(String id, String name, JsonObject test) throws CredentialException {
        BudgetedRdfc.Result result = rdfc(test).canonicalizeNQuads(text(DIR + test.string("action").orElseThrow()), System.nanoTime());
        Map<String, String> expected = new LinkedHashMap<>();
        json(DIR + test.string("result").orElseThrow()).members()
                .forEach((k, v) -> expected.put(k, ((JsonString) v).value()));
        assertThat(result.issuedIdentifiers()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("negativeTests")
    void poisonGraphsAbortWithinTheBudget(String id, String name, JsonObject test) {
        String input = text(DIR + test.string("action").orElseThrow());
        long start = System.nanoTime();
        assertThatThrownBy(() -> rdfc(test).canonicalizeNQuads(input, System.nanoTime()))
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private static BudgetedRdfc rdfc(JsonObject test) {
        String algorithm = test.string("hashAlgorithm").orElse("SHA256").equals("SHA384") ? "SHA-384" : "SHA-256";
        return new BudgetedRdfc(BudgetedRdfc.DEFAULT_MAX_WORK_STEPS, BudgetedRdfc.DEFAULT_MAX_TIME, algorithm);
    }

    static String text(String path) {
        try (InputStream in = RdfCanonSuiteTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(String path) {
        try {
            return JsonReader.defaults().readObject(text(path));
        } catch (CredentialException e) {
            throw new IllegalStateException(e);
        }
    }

}
