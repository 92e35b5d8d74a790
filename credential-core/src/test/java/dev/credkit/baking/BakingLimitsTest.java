package dev.credkit.baking;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Image size and baked credential size, at and just past each limit, for baking and unbaking. */
class BakingLimitsTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>";

    @Test
    void defaults() {
        assertThat(BadgeBaker.defaults().maxImageBytes()).isEqualTo(BadgeBaker.DEFAULT_MAX_IMAGE_BYTES).isEqualTo(10 << 20);
        assertThat(BadgeBaker.defaults().maxCredentialBytes()).isEqualTo(BadgeBaker.DEFAULT_MAX_CREDENTIAL_BYTES).isEqualTo(1 << 20);
    }

    @Test
    void imageSizeAtAndPastTheLimit() throws Exception {
        byte[] png = BadgeBakerTest.tinyPng();
        JsonObject credential = BadgeBakerTest.credential();
        BadgeBaker at = BadgeBaker.withLimits(png.length, 1 << 20);
        byte[] baked = at.bake(png, credential);
        BadgeBaker pastForBaking = BadgeBaker.withLimits(png.length - 1, 1 << 20);
        assertCode(() -> pastForBaking.bake(png, credential), ProblemCode.LIMIT_EXCEEDED);

        assertThat(BadgeBaker.withLimits(baked.length, 1 << 20).unbake(baked)).isPresent();
        assertCode(() -> BadgeBaker.withLimits(baked.length - 1, 1 << 20).unbake(baked), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void defaultImageSizeAtAndPastTheLimit() throws Exception {
        // an SVG padded with a comment to exactly 10 MiB, then one byte more
        byte[] at = padded(BadgeBaker.DEFAULT_MAX_IMAGE_BYTES);
        assertThat(BadgeBaker.defaults().unbake(at)).isEmpty();
        assertCode(() -> BadgeBaker.defaults().unbake(padded(BadgeBaker.DEFAULT_MAX_IMAGE_BYTES + 1)), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void credentialSizeAtAndPastTheLimit() throws Exception {
        JsonObject credential = BadgeBakerTest.credential();
        int length = JsonWriter.compact(credential).getBytes(StandardCharsets.UTF_8).length;
        for (byte[] image : new byte[][] {BadgeBakerTest.tinyPng(), SVG.getBytes(StandardCharsets.UTF_8)}) {
            BadgeBaker at = BadgeBaker.withLimits(1 << 20, length);
            byte[] baked = at.bake(image, credential);
            assertThat(at.unbake(baked).orElseThrow().text()).isEqualTo(JsonWriter.compact(credential));
            BadgeBaker past = BadgeBaker.withLimits(1 << 20, length - 1);
            assertCode(() -> past.bake(image, credential), ProblemCode.LIMIT_EXCEEDED);
            assertCode(() -> past.unbake(baked), ProblemCode.LIMIT_EXCEEDED);
        }
    }

    private static byte[] padded(int size) {
        String head = "<svg xmlns=\"http://www.w3.org/2000/svg\"><!--";
        String tail = "--></svg>";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private interface Call {
        Object run() throws CredentialException;
    }

    private static void assertCode(Call call, ProblemCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
