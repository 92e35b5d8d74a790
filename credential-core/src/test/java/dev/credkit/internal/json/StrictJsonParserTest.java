package dev.credkit.internal.json;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonParserTest {

    @Test
    void validatorFlagsPossibleSurrogateEscapesOnly() throws Exception {
        assertThat(StrictJsonParser.validateUtf8(utf8("[\"\\u0041 é € 😀\"]"))).isFalse();
        assertThat(StrictJsonParser.validateUtf8(utf8("[\"\\ud83d\\ude00\"]"))).isTrue();
        assertThat(StrictJsonParser.validateUtf8(utf8("[\"\\uDFFF\"]"))).isTrue();
        assertThat(StrictJsonParser.validateUtf8(utf8("\\u"))).isFalse();
        assertThat(StrictJsonParser.validateUtf8(new byte[0])).isFalse();
    }

    @Test
    void validatorReportsLineColumnAndOffset() {
        byte[] bad = {'[', '\n', ' ', (byte) 0xFF, ']'};
        assertThatThrownBy(() -> StrictJsonParser.validateUtf8(bad))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED))
                .hasMessage("invalid JSON at line 2, column 2 (byte offset 3): not valid UTF-8: invalid byte 0xff");
    }

    @Test
    void validatorNamesTheProblem() {
        assertThatThrownBy(() -> StrictJsonParser.validateUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .hasMessageEndingWith("UTF-8-encoded surrogate");
        assertThatThrownBy(() -> StrictJsonParser.validateUtf8(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}))
                .hasMessageEndingWith("overlong encoding");
        assertThatThrownBy(() -> StrictJsonParser.validateUtf8(new byte[] {(byte) 0xC1, (byte) 0x81}))
                .hasMessageEndingWith("overlong encoding");
        assertThatThrownBy(() -> StrictJsonParser.validateUtf8(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}))
                .hasMessageEndingWith("above U+10FFFF");
    }

    @Test
    void shortenKeepsMessagesOnOneShortLine() {
        assertThat(StrictJsonParser.shorten(null)).isEqualTo("unknown error");
        assertThat(StrictJsonParser.shorten("a\n  b\tc")).isEqualTo("a b c");
        String shortened = StrictJsonParser.shorten("x".repeat(1_000_000));
        assertThat(shortened).hasSize(200).endsWith("...");
    }

    @Test
    void namesInMessagesAreQuotedAndTruncated() {
        assertThat(StrictJsonParser.nameForMessage("id")).isEqualTo("\"id\"");
        assertThat(StrictJsonParser.nameForMessage("a\"\n")).isEqualTo("\"a\\\"\\n\"");
        assertThat(StrictJsonParser.nameForMessage("y".repeat(500))).isEqualTo("\"" + "y".repeat(40) + "\"... (500 chars)");
        // never cut a surrogate pair in half
        String name = "y".repeat(39) + "😀" + "tail";
        assertThat(StrictJsonParser.nameForMessage(name)).startsWith("\"" + "y".repeat(39) + "\"");
    }

    @Test
    void parserInstancesAreIndependentlyConfigured() throws Exception {
        StrictJsonParser tight = new StrictJsonParser(1, 5, 3);
        assertThat(tight.parse(utf8("[123]"))).isEqualTo(JsonArray.of(JsonNumber.of(123)));
        assertThatThrownBy(() -> tight.parse(utf8("[[1]]"))).isInstanceOf(CredentialException.class);
        assertThatThrownBy(() -> tight.parse(utf8("[1234]"))).isInstanceOf(CredentialException.class);
        assertThatThrownBy(() -> tight.parse(utf8("[\"123456\"]"))).isInstanceOf(CredentialException.class);
    }

    @Test
    void significantDigitsRunFromTheFirstToTheLastNonZeroDigitOfTheMantissa() {
        assertThat(significantDigits("0")).isEqualTo(1);
        assertThat(significantDigits("-0.000e-5")).isEqualTo(1);
        assertThat(significantDigits("7")).isEqualTo(1);
        assertThat(significantDigits("-1200")).isEqualTo(2);
        assertThat(significantDigits("0.00120")).isEqualTo(2);
        assertThat(significantDigits("10.01")).isEqualTo(4);
        assertThat(significantDigits("105E+123")).isEqualTo(3);
        assertThat(significantDigits("9.5e-99")).isEqualTo(2);
        // only the given slice of the buffer counts
        char[] buffer = "99[1.5]99".toCharArray();
        assertThat(StrictJsonParser.significantDigits(buffer, 3, 3)).isEqualTo(2);
    }

    private static int significantDigits(String number) {
        return StrictJsonParser.significantDigits(number.toCharArray(), 0, number.length());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
