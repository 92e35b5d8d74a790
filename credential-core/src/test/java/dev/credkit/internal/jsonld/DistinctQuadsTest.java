package dev.credkit.internal.jsonld;

import dev.credkit.jsonld.RdfCanonicalizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static dev.credkit.testing.TestResources.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** A dataset is a set: repeated quads canonicalize exactly as the set does (a fuzzing finding). */
class DistinctQuadsTest {
    static final String FINDING = "dev/credkit/jsonld/RdfCanonicalizerFuzzTestInputs/canonicalizeDocument/duplicate-quads-tied-blank-nodes";

    @Test
    void repeatedQuadsCanonicalizeAsTheSetAndTheResultIsAFixedPoint() throws Exception {
        byte[] raw = bytes(FINDING);
        String nquads = new String(raw, 1, raw.length - 1, StandardCharsets.UTF_8);
        String distinct = nquads.lines().distinct().collect(Collectors.joining("\n", "", "\n"));
        assertThat(nquads.lines().count()).isGreaterThan(distinct.lines().count());

        RdfCanonicalizer c = RdfCanonicalizer.defaults();
        String canonical = c.canonicalizeNQuads(nquads);
        assertThat(canonical).isEqualTo(c.canonicalizeNQuads(distinct));
        assertThat(c.canonicalizeNQuads(canonical)).isEqualTo(canonical);
    }
}
