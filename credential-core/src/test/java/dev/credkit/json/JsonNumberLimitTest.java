package dev.credkit.json;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The number limit counts significant digits, so that whatever the reader accepts, JsonWriter
 * and Jcs write in a form the same reader accepts again ("parse, serialize, parse").
 */
class JsonNumberLimitTest {
    /** Limits a host may configure: tiny ones are where JCS's plain expansion ({@code 1e2} to {@code 100}) bit. */
    private static final int[] LIMITS = {1, 2, 3, 5, 17, 22, 100};
    private static final int SHAPES_PER_LIMIT = 4_000;

    /**
     * The fuzzing finding: 99 digits, accepted when the limit counted digits as written, but
     * JsonWriter writes the same BigDecimal as {@code 0.00001000…} with 103 digits, refused.
     */
    @Test
    void exponentExpandedByTheWriterIsAcceptedAgain() throws Exception {
        String found = "[1." + "0".repeat(97) + "e-5]";
        JsonValue value = JsonReader.defaults().read(found);
        String written = JsonWriter.compact(value);
        assertThat(written).isEqualTo("[0.00001" + "0".repeat(97) + "]");
        assertThat(JsonReader.defaults().read(written)).isEqualTo(value);
    }

    /** With a small configured limit JCS's plain form of an exponent ({@code 1e2} to {@code 100}) was refused. */
    @Test
    void jcsPlainFormOfAnExponentIsAcceptedAgain() throws Exception {
        JsonReader twoDigits = JsonReader.builder().maxNumberLength(2).build();
        JsonValue value = twoDigits.read("1e2");
        assertThat(new String(Jcs.canonicalize(value), StandardCharsets.UTF_8)).isEqualTo("100");
        assertThat(twoDigits.read(Jcs.canonicalize(value))).isEqualTo(JsonNumber.of(100));
    }

    @Test
    void everyAcceptedNumberRoundTripsThroughWriterAndJcs() {
        SplittableRandom random = new SplittableRandom(20_240_611);
        int accepted = 0;
        for (int limit : LIMITS) {
            JsonReader reader = JsonReader.builder().maxNumberLength(limit).build();
            for (int i = 0; i < SHAPES_PER_LIMIT; i++) {
                String text = randomNumber(random, limit);
                if (roundTrips(reader, text)) {
                    accepted++;
                }
            }
        }
        assertThat(accepted).as("the shapes exercise accepted numbers").isGreaterThan(LIMITS.length * SHAPES_PER_LIMIT / 4);
    }

    @Test
    void acceptedExactlyWhenSignificantDigitsExponentAndRangeAreWithinTheLimits() {
        SplittableRandom random = new SplittableRandom(7);
        for (int limit : LIMITS) {
            JsonReader reader = JsonReader.builder().maxNumberLength(limit).build();
            for (int i = 0; i < SHAPES_PER_LIMIT; i++) {
                String text = randomNumber(random, limit);
                BigDecimal exact = new BigDecimal(text);
                boolean expected = significantDigits(exact) <= limit && Math.abs(exact.scale()) <= 1_100
                        && Double.isFinite(exact.doubleValue());
                try {
                    assertThat(reader.read(text)).as(text).isEqualTo(new JsonNumber(exact));
                    assertThat(expected).as("accepted %s with limit %d", text, limit).isTrue();
                } catch (CredentialException e) {
                    assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
                    assertThat(expected).as("refused %s with limit %d: %s", text, limit, e.getMessage()).isFalse();
                }
            }
        }
    }

    @Test
    void defaultLimitAtAndJustPast() throws Exception {
        JsonReader reader = JsonReader.defaults();
        String hundred = "12345678901234567890".repeat(5).replace('0', '7');
        assertThat(reader.read(hundred)).isEqualTo(new JsonNumber(new BigDecimal(hundred)));
        assertThat(reader.read("-" + hundred.charAt(0) + "." + hundred.substring(1) + "e-300")).isInstanceOf(JsonNumber.class);
        // zeros before the first and after the last significant digit do not count
        assertThat(reader.read("0.000" + hundred + "000")).isInstanceOf(JsonNumber.class);
        assertThat(reader.read(hundred + "0".repeat(50))).isInstanceOf(JsonNumber.class);
        assertThat(reader.read("1." + "0".repeat(500))).isEqualTo(new JsonNumber(new BigDecimal("1." + "0".repeat(500))));
        // inner zeros do
        assertThat(reader.read("1" + "0".repeat(98) + "1")).isInstanceOf(JsonNumber.class);
        expectTooManyDigits(() -> reader.read("1" + "0".repeat(99) + "1"), 101, 100);
        expectTooManyDigits(() -> reader.read(hundred + "1"), 101, 100);
        expectTooManyDigits(() -> reader.read("-0.000" + hundred + "1e5"), 101, 100);
    }

    @Test
    void configuredLimitAtAndJustPast() throws Exception {
        JsonReader five = JsonReader.builder().maxNumberLength(5).build();
        assertThat(five.read("12345")).isEqualTo(JsonNumber.of(12345));
        assertThat(five.read("1234500000")).isEqualTo(JsonNumber.of(1_234_500_000L));
        assertThat(five.read("-0.00012345")).isEqualTo(new JsonNumber(new BigDecimal("-0.00012345")));
        expectTooManyDigits(() -> five.read("123456"), 6, 5);
        expectTooManyDigits(() -> five.read("1.23456"), 6, 5);
        expectTooManyDigits(() -> five.read("-1234567890123"), 13, 5); // a long, read on Jackson's fast path
        JsonReader one = JsonReader.builder().maxNumberLength(1).build();
        assertThat(one.read("[0, -0, 0.000, 0e5, 7e300, 9000]")).isInstanceOf(JsonArray.class);
        expectTooManyDigits(() -> one.read("11"), 2, 1);
    }

    /** The longest text of an accepted number: 309 integer digits (below 1.8e308) and 1100 fraction digits. */
    @Test
    void longestWrittenFormOfAnAcceptedNumberIsAccepted() throws Exception {
        String widest = "-1" + "0".repeat(308) + "." + "0".repeat(1_099) + "1";
        expectTooManyDigits(() -> JsonReader.defaults().read(widest), 1_409, 100);
        JsonReader all = JsonReader.builder().maxNumberLength(1_409).build();
        assertThat(roundTrips(all, widest)).isTrue();
        assertThat(roundTrips(JsonReader.defaults(), "1" + "0".repeat(308) + "." + "0".repeat(1_100))).isTrue();
        assertThat(roundTrips(JsonReader.defaults(), "0." + "0".repeat(1_099) + "1")).isTrue();
        assertThat(roundTrips(JsonReader.defaults(), "1." + "0".repeat(1_093) + "e-7")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e" + "0", "1e-0001100", "1e+0000000000000000000000000000000000000000000000000000000300"})
    void exponentsWithLeadingZerosAreRead(String text) throws Exception {
        assertThat(JsonReader.defaults().read(text)).isEqualTo(new JsonNumber(new BigDecimal(text)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void numberTextIsBoundedWhateverItsDigits(int limit) {
        // zeros cost parsing time too: the whole text is capped, well above any accepted number's written form
        JsonReader reader = JsonReader.builder().maxNumberLength(limit).build();
        for (String text : new String[] {"1e" + "0".repeat(1_500) + "1", "0." + "0".repeat(1_500) + "1",
                "1" + "0".repeat(1_500), "9".repeat(100_000)}) {
            assertThatThrownBy(() -> reader.read("[" + text + "]")).isInstanceOfSatisfying(CredentialException.class, e -> {
                assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
                assertThat(e.getMessage()).contains("Number value length").hasSizeLessThan(300);
            });
        }
    }

    /** Reads {@code text}; when accepted, checks its compact and canonical forms are accepted as the same number. */
    private static boolean roundTrips(JsonReader reader, String text) {
        JsonValue value;
        try {
            value = reader.read("[" + text + "]");
        } catch (CredentialException e) {
            return false;
        }
        String written = JsonWriter.compact(value);
        assertThat(readAgain(reader, text, "JsonWriter", written)).isEqualTo(value);
        String canonical = new String(canonicalize(value), StandardCharsets.US_ASCII);
        JsonValue again = readAgain(reader, text, "JCS", canonical);
        assertThat(((JsonNumber) ((JsonArray) again).get(0)).doubleValue())
                .isEqualTo(((JsonNumber) ((JsonArray) value).get(0)).doubleValue());
        assertThat(canonicalize(again)).isEqualTo(canonical.getBytes(StandardCharsets.US_ASCII));
        return true;
    }

    private static JsonValue readAgain(JsonReader reader, String text, String writer, String written) {
        try {
            return reader.read(written);
        } catch (CredentialException e) {
            return fail("accepted " + text + " but not its " + writer + " form " + written + ": " + e.getMessage());
        }
    }

    private static byte[] canonicalize(JsonValue value) {
        try {
            return Jcs.canonicalize(value);
        } catch (CredentialException e) {
            return fail("JCS refused an accepted number: " + e.getMessage());
        }
    }

    private static int significantDigits(BigDecimal d) {
        return d.signum() == 0 ? 1 : d.stripTrailingZeros().precision();
    }

    /**
     * A JSON number of a random shape: negative or not; significant digits mostly around the
     * limit; zeros before (in a fraction) and after them; a decimal point anywhere; an exponent
     * written in any of JSON's ways, small or near the bounds; and zeros written in many ways.
     */
    static String randomNumber(SplittableRandom r, int limit) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(3) == 0) {
            sb.append('-');
        }
        String digits;
        if (r.nextInt(12) == 0) {
            digits = "0";
        } else {
            int count = switch (r.nextInt(3)) {
                case 0 -> 1 + r.nextInt(20);
                case 1 -> Math.max(1, limit - 2 + r.nextInt(5));
                default -> 1 + r.nextInt(limit + 5);
            };
            StringBuilder d = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                boolean end = i == 0 || i == count - 1;
                d.append((char) ('0' + (end ? 1 + r.nextInt(9) : r.nextInt(10))));
            }
            digits = d.toString();
        }
        int trailingZeros = r.nextInt(4) == 0 ? r.nextInt(120) : r.nextInt(3);
        switch (r.nextInt(4)) {
            case 0 -> sb.append(digits).append(digits.equals("0") ? "" : "0".repeat(trailingZeros)); // an integer
            case 1 -> sb.append("0.").append("0".repeat(r.nextInt(4) == 0 ? r.nextInt(1_000) : r.nextInt(8)))
                    .append(digits).append("0".repeat(trailingZeros)); // a fraction below one
            case 2 -> { // the point among the digits
                int at = 1 + r.nextInt(digits.length());
                sb.append(digits, 0, at).append('.').append(digits.substring(at));
                if (at == digits.length()) {
                    sb.append('0');
                }
                sb.append("0".repeat(trailingZeros));
            }
            default -> sb.append(digits).append('.').append("0".repeat(1 + trailingZeros));
        }
        if (r.nextInt(5) < 3) {
            sb.append(r.nextBoolean() ? 'e' : 'E');
            int exponent = switch (r.nextInt(5)) {
                case 0 -> r.nextInt(25);
                case 1 -> 280 + r.nextInt(40);
                case 2 -> 1_050 + r.nextInt(100);
                default -> r.nextInt(1_200);
            };
            boolean negative = r.nextBoolean();
            sb.append(negative ? "-" : r.nextBoolean() ? "+" : "");
            sb.append("0".repeat(r.nextInt(6) == 0 ? 1 + r.nextInt(3) : 0)).append(exponent);
        }
        return sb.toString();
    }

    private interface Read {
        Object run() throws CredentialException;
    }

    private static void expectTooManyDigits(Read read, int digits, int limit) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
            assertThat(e.getMessage()).contains(digits + " significant digits")
                    .contains("limit of " + limit).hasSizeLessThan(300);
        });
    }
}
