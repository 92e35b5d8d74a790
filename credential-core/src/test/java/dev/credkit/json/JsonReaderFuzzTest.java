package dev.credkit.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.core.ProblemCode;
import dev.credkit.testing.FuzzChecks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the strict JSON front door. Beyond "only CredentialException, bounded": whatever it
 * accepts, {@link JsonWriter#compact} writes as text it accepts again as the same tree (through
 * the byte and the String door alike), and {@link Jcs} canonicalizes it or refuses it with a
 * CredentialException; what it canonicalizes is accepted again.
 */
class JsonReaderFuzzTest {
    private static final JsonReader READER = JsonReader.defaults();
    private static final Duration TIME = Duration.ofSeconds(2);

    @FuzzTest(maxDuration = "30s")
    void readParseSerializeRoundTrip(byte[] input) {
        long memory = 32L * input.length + (32 << 20);
        FuzzChecks.Outcome<JsonValue> read = FuzzChecks.bounded(TIME, memory, () -> READER.read(input));
        if (!read.ok()) {
            assertThat(read.error().code()).isIn(ProblemCode.MALFORMED, ProblemCode.LIMIT_EXCEEDED);
            return;
        }
        JsonValue value = read.value();
        String compact = JsonWriter.compact(value);
        FuzzChecks.Outcome<JsonValue> again = FuzzChecks.bounded(TIME, memory,
                () -> READER.read(compact.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.error()).as("the compact form of an accepted document is rejected").isNull();
        assertThat(again.value()).isEqualTo(value);
        assertThat(JsonWriter.compact(again.value())).isEqualTo(compact);
        assertThat(FuzzChecks.bounded(TIME, memory, () -> READER.read(compact)).value()).isEqualTo(value);
        FuzzChecks.Outcome<byte[]> canonical = FuzzChecks.bounded(TIME, memory, () -> Jcs.canonicalize(value));
        if (canonical.ok()) {
            assertThat(FuzzChecks.bounded(TIME, memory, () -> READER.read(canonical.value())).error())
                    .as("the JCS form of an accepted document is rejected").isNull();
        }
    }
}
