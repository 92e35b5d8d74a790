package dev.credkit.json;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON limits not covered by JsonReaderTest: default string length and member name length, at and just past. */
class JsonLimitsTest {
    private static final JsonReader ROOMY = JsonReader.builder().maxBytes(4 << 20).build();

    @Test
    void defaultStringLengthAtAndPastTheLimit() throws Exception {
        String at = "x".repeat(JsonReader.DEFAULT_MAX_STRING_LENGTH);
        assertThat(ROOMY.read("\"" + at + "\"")).isEqualTo(new JsonString(at));
        assertMalformed(() -> ROOMY.read("\"" + at + "y\""), "String value length");
    }

    @Test
    void memberNameLengthAtAndPastTheLimit() throws Exception {
        String name = "n".repeat(50_000);
        assertThat(ROOMY.readObject("{\"" + name + "\":1}").has(name)).isTrue();
        assertMalformed(() -> ROOMY.read("{\"" + name + "n\":1}"), "Name length");
        // names never exceed the string limit either
        JsonReader tight = JsonReader.builder().maxStringLength(8).build();
        assertThat(tight.readObject("{\"12345678\":1}").has("12345678")).isTrue();
        assertMalformed(() -> tight.read("{\"123456789\":1}"), "Name length");
    }

    private interface Read {
        Object run() throws CredentialException;
    }

    private static void assertMalformed(Read read, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
            assertThat(e.getMessage()).contains(message).hasSizeLessThan(300);
        });
    }
}
