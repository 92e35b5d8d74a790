package dev.credkit.verify;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonWriter;
import dev.credkit.testing.FuzzChecks;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link Verifier#verify(byte[])}, the verifier's front door for credentials and
 * presentations (Data Integrity JSON or compact JWS). Properties: nothing is thrown (every
 * problem is a check in the result), each check message is one short line, time and allocation
 * stay bounded, nothing verifies without a signature the fixtures made, and a JSON document gets
 * the same verdict and the same problems after a parse and compact re-serialization.
 */
class VerifierFuzzTest {
    /** RDFC's own 1 s cap, times the documents in a presentation and its status list, on a busy machine. */
    static final Duration TIME = Duration.ofSeconds(10);

    static Stream<Arguments> seeds() {
        return FuzzFixtures.SEEDS.entrySet().stream().map(e -> Arguments.of(Named.of(e.getKey(), e.getValue())));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "60s")
    void verifyDocument(byte[] input) {
        long memory = (512L << 20) + 256L * input.length;
        VerificationResult result = verify(input, memory);
        if (FuzzFixtures.isCompact(input)) {
            FuzzFixtures.assertNoForgery(result, null, new String(input, StandardCharsets.ISO_8859_1));
            return;
        }
        FuzzChecks.Outcome<JsonObject> parsed = FuzzChecks.bounded(TIME, memory, () -> JsonReader.defaults().readObject(input));
        assertThat(result.check("parse").orElseThrow().outcome())
                .isEqualTo(parsed.ok() ? CheckOutcome.PASSED : CheckOutcome.FAILED);
        if (!parsed.ok()) {
            return;
        }
        FuzzFixtures.assertNoForgery(result, parsed.value(), null);
        VerificationResult again = verify(JsonWriter.compact(parsed.value()).getBytes(StandardCharsets.UTF_8), memory);
        assertThat(again.outcome()).as("verdict after a parse/serialize round trip").isEqualTo(result.outcome());
        assertThat(again.checks().stream().map(c -> c.name() + " " + c.outcome() + " " + c.problem()).toList())
                .isEqualTo(result.checks().stream().map(c -> c.name() + " " + c.outcome() + " " + c.problem()).toList());
    }

    static VerificationResult verify(byte[] input, long memory) {
        VerificationResult result = FuzzChecks.bounded(TIME, memory, () -> FuzzFixtures.VERIFIER.verify(input)).value();
        checkReport(result);
        return result;
    }

    static void checkReport(VerificationResult result) {
        assertThat(result.checks()).isNotEmpty();
        for (Check check : result.checks()) {
            FuzzChecks.checkMessage(check.message());
            assertThat(check.problem() == null).isEqualTo(check.outcome() == CheckOutcome.PASSED || check.outcome() == CheckOutcome.SKIPPED);
        }
        assertThat(result.outcome() == Outcome.VERIFIED).isEqualTo(result.checks().stream()
                .noneMatch(c -> c.outcome() == CheckOutcome.FAILED || c.outcome() == CheckOutcome.INDETERMINATE));
    }
}
