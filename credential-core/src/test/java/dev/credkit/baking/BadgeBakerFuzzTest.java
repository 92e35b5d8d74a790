package dev.credkit.baking;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.testing.FuzzChecks;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes unbaking of PNG and SVG images (strict PNG chunk walk with CRCs; the JDK's XML parser
 * with DOCTYPEs refused). Whatever unbakes is within the credential limit and is a JSON object
 * or a compact JWS; an image that holds no credential takes one, and gives back exactly it.
 */
class BadgeBakerFuzzTest {
    private static final BadgeBaker BAKER = BadgeBaker.withLimits(1 << 20, 64 * 1024);
    private static final JsonObject CREDENTIAL = JsonObject.builder().put("id", "urn:uuid:1f0c8e0e-3c3a-4b59-9d1e-6d1c4bb2f0a1")
            .put("name", "Fuzzed <badge> ]]> & \"quotes\"").build();
    private static final Duration TIME = Duration.ofSeconds(3);
    private static final long MEMORY = 64L << 20;

    @FuzzTest(maxDuration = "30s")
    void unbakeImage(byte[] image) {
        long memory = MEMORY + 64L * image.length;
        FuzzChecks.Outcome<Optional<BakedCredential>> found = FuzzChecks.bounded(TIME, memory, () -> BAKER.unbake(image));
        if (!found.ok()) {
            assertThat(found.error().code()).isIn(ProblemCode.MALFORMED, ProblemCode.LIMIT_EXCEEDED);
            return;
        }
        if (found.value().isPresent()) {
            BakedCredential baked = found.value().get();
            assertThat(baked.text().length()).isLessThanOrEqualTo(BAKER.maxCredentialBytes());
            assertThat(baked.text()).startsWith(baked.kind() == BakedCredential.Kind.JSON ? "{" : "");
            return;
        }
        FuzzChecks.Outcome<byte[]> rebaked = FuzzChecks.bounded(TIME, memory, () -> BAKER.bake(image, CREDENTIAL));
        if (rebaked.ok() && rebaked.value().length <= BAKER.maxImageBytes()) {
            Optional<BakedCredential> back = FuzzChecks.bounded(TIME, memory, () -> BAKER.unbake(rebaked.value())).value();
            assertThat(back).as("a freshly baked image gives its credential back").isPresent();
            assertThat(back.get().kind()).isEqualTo(BakedCredential.Kind.JSON);
            assertThat(back.get().text()).isEqualTo(JsonWriter.compact(CREDENTIAL));
        }
    }
}
