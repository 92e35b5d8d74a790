package dev.credkit.jsonld;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.testing.FuzzChecks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes offline JSON-LD processing and RDFC-1.0, the costliest step of verification: the
 * context allow-list walk, lossless expansion to RDF, and canonicalization under its work
 * budget, from JSON-LD documents and from raw N-Quads (poison graphs are easiest to write
 * there). Nothing escapes but CredentialException, each input stays within the budget (plus
 * slack), and canonical output is a fixed point: canonicalizing it again changes nothing.
 */
class RdfCanonicalizerFuzzTest {
    private static final RdfCanonicalizer CANONICALIZER = RdfCanonicalizer.defaults();
    /** The budget's own 1 s wall-time cap, plus JSON-LD expansion and a busy machine. */
    private static final Duration TIME = Duration.ofSeconds(5);
    private static final long MEMORY = 256L << 20;

    /** Input: the low bit of byte 0 picks N-Quads (1) or a JSON-LD document (0); the rest is that text. */
    @FuzzTest(maxDuration = "30s")
    void canonicalizeDocument(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] payload = Arrays.copyOfRange(input, 1, input.length);
        if ((input[0] & 1) == 1) {
            String nquads = new String(payload, StandardCharsets.UTF_8);
            FuzzChecks.Outcome<String> canonical = FuzzChecks.bounded(TIME, MEMORY, () -> CANONICALIZER.canonicalizeNQuads(nquads));
            if (canonical.ok()) {
                assertFixedPoint(canonical.value());
            }
            return;
        }
        FuzzChecks.Outcome<JsonObject> document = FuzzChecks.bounded(TIME, MEMORY, () -> JsonReader.defaults().readObject(payload));
        if (!document.ok()) {
            return;
        }
        FuzzChecks.bounded(TIME, MEMORY, () -> {
            CANONICALIZER.contexts().checkAllowed(document.value());
            return null;
        });
        // Canonicalize even what the allow-list walk refused: the loader behind it must refuse
        // to fetch on its own, with a CredentialException.
        FuzzChecks.Outcome<String> canonical = FuzzChecks.bounded(TIME, MEMORY, () -> CANONICALIZER.canonicalize(document.value()));
        if (canonical.ok()) {
            assertThat(canonical.value()).satisfiesAnyOf(s -> assertThat(s).isEmpty(), s -> assertThat(s).endsWith("\n"));
            assertThat(FuzzChecks.bounded(TIME, MEMORY, () -> CANONICALIZER.canonicalize(document.value())).value())
                    .as("canonicalization is deterministic").isEqualTo(canonical.value());
            assertFixedPoint(canonical.value());
        }
    }

    private static void assertFixedPoint(String canonical) {
        FuzzChecks.Outcome<String> again = FuzzChecks.bounded(TIME, MEMORY, () -> CANONICALIZER.canonicalizeNQuads(canonical));
        assertThat(again.error()).as("canonical N-Quads are refused").isNull();
        assertThat(again.value()).as("canonical N-Quads are a fixed point").isEqualTo(canonical);
    }
}
