package dev.credkit.json;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JcsTest {
    private static final String VECTORS = "/vectors/jcs/";

    static Stream<String> vectorFiles() {
        return Stream.of("arrays.json", "french.json", "structures.json", "unicode.json", "values.json", "weird.json");
    }

    @ParameterizedTest
    @MethodSource("vectorFiles")
    void canonicalizesTheReferenceVectorsByteForByte(String name) throws Exception {
        JsonValue input = JsonReader.defaults().read(resource(VECTORS + "input/" + name));
        byte[] expected = resource(VECTORS + "output/" + name);
        String outhex = new String(resource(VECTORS + "outhex/" + name.replace(".json", ".txt")), StandardCharsets.US_ASCII);
        byte[] expectedFromHex = HexFormat.of().parseHex(outhex.replaceAll("\\s+", ""));

        byte[] actual = Jcs.canonicalize(input);

        assertThat(expectedFromHex).isEqualTo(expected);
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("vectorFiles")
    void canonicalFormIsAFixedPoint(String name) throws Exception {
        byte[] once = Jcs.canonicalize(JsonReader.defaults().read(resource(VECTORS + "input/" + name)));
        byte[] twice = Jcs.canonicalize(JsonReader.defaults().read(once));
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void everyRowOfNumbersCsvSerializesAsEcmaScriptDoes() throws IOException {
        String csv = new String(resource(VECTORS + "numbers.csv"), StandardCharsets.US_ASCII);
        List<String> failures = new ArrayList<>();
        int rows = 0;
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.trim().split(",");
            assertThat(cells).as("row %s", line).hasSize(2);
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(cells[0], 16));
            String expected = cells[1];
            String actual = Jcs.serializeNumber(d);
            if (!actual.equals(expected)) {
                failures.add(cells[0] + ": expected " + expected + " but got " + actual);
            }
            rows++;
        }
        assertThat(rows).isGreaterThan(20_000);
        assertThat(failures).as("%d of %d rows differ", failures.size(), rows).isEmpty();
    }

    /** RFC 8785 Appendix B (IEEE-754 bit patterns and their required serialization). */
    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
    })
    void rfc8785AppendixBNumbers(String hex, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
        assertThat(Jcs.serializeNumber(d)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "1, 1", "-1, -1", "0.1, 0.1", "4.5, 4.5", "0.002, 0.002", "1e30, 1e+30", "1e-27, 1e-27",
            "100, 100", "123456789012345680000, 123456789012345680000", "1e21, 1e+21", "1.5e21, 1.5e+21",
            "0.000001, 0.000001", "0.0000012, 0.0000012", "1e-7, 1e-7", "1.25e-7, 1.25e-7",
            "2.2250738585072014e-308, 2.2250738585072014e-308", "4.9e-324, 5e-324", "123.456, 123.456",
            "-0.5, -0.5", "9007199254740993, 9007199254740992", "5e-7, 5e-7", "0.1e-5, 0.000001",
    })
    void ecmaScriptLayout(double value, String expected) {
        assertThat(Jcs.serializeNumber(value)).isEqualTo(expected);
    }

    @Test
    void negativeZeroIsZero() {
        assertThat(Jcs.serializeNumber(-0.0)).isEqualTo("0");
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThatThrownBy(() -> Jcs.serializeNumber(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.serializeNumber(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.serializeNumber(Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Cross-check against a slow, obviously-correct reference (shortest precision whose nearest
     * decimal reads back, closest wins, ties to even) on doubles chosen to stress the algorithm:
     * binade boundaries (unequal gaps), subnormals, integers beyond 2^53 and random bit patterns.
     */
    @Test
    void agreesWithAReferenceImplementationOnStressValues() {
        List<Double> values = new ArrayList<>();
        for (int exp = -1074; exp <= 1023; exp++) {
            double p = Math.scalb(1.0, exp);
            values.add(p);
            values.add(Math.nextUp(p));
            values.add(Math.nextDown(p));
        }
        for (int i = -325; i <= 308; i++) {
            double p = Double.parseDouble("1e" + i);
            values.add(p);
            values.add(Math.nextUp(p));
            values.add(Math.nextDown(p));
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(8785);
        for (int i = 0; i < 1000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                values.add(d);
            }
            values.add(random.nextDouble() * 1e6);
            values.add((double) random.nextLong(1L << 53, Long.MAX_VALUE));
            values.add(Double.longBitsToDouble(random.nextLong(1L << 52))); // subnormal
        }
        List<String> failures = new ArrayList<>();
        for (double d : values) {
            if (d == 0 || !Double.isFinite(d)) {
                continue;
            }
            String actual = Jcs.serializeNumber(d);
            BigDecimal expected = referenceShortest(d);
            if (Double.parseDouble(actual) != d || new BigDecimal(actual).compareTo(expected) != 0
                    || new BigDecimal(actual).stripTrailingZeros().precision() != expected.stripTrailingZeros().precision()) {
                failures.add(Double.toHexString(d) + ": got " + actual + ", reference " + expected);
            }
        }
        assertThat(failures).as("%d of %d values", failures.size(), values.size()).isEmpty();
    }

    private static BigDecimal referenceShortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal down = exact.round(new java.math.MathContext(p, java.math.RoundingMode.FLOOR));
            BigDecimal up = exact.round(new java.math.MathContext(p, java.math.RoundingMode.CEILING));
            boolean downOk = Double.parseDouble(down.toString()) == d;
            boolean upOk = Double.parseDouble(up.toString()) == d;
            if (downOk && upOk) {
                int c = exact.subtract(down).compareTo(up.subtract(exact));
                if (c != 0) {
                    return c < 0 ? down : up;
                }
                return evenAtPrecision(down, p) ? down : up;
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        throw new AssertionError("17 digits always suffice");
    }

    private static boolean evenAtPrecision(BigDecimal v, int p) {
        return v.precision() < p || !v.unscaledValue().testBit(0);
    }

    @Test
    void rfc8785SortingExample() throws Exception {
        String json = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        String canonical = new String(Jcs.canonicalize(JsonReader.defaults().read(json)), StandardCharsets.UTF_8);
        assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void rfc8785Section324Example() throws Exception {
        String json = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        byte[] canonical = Jcs.canonicalize(JsonReader.defaults().read(json));
        // the hex dump printed in RFC 8785 §3.2.4
        assertThat(HexFormat.of().formatHex(canonical)).isEqualTo(
                "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e"
                        + "756d62657273223a5b3333333333333333332e333333333333332c31652b3330"
                        + "2c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac24"
                        + "5c75303030665c6e4127425c225c5c5c5c5c222f227d");
    }

    @Test
    void sortsByUtf16CodeUnitsNotCodePoints() throws Exception {
        // U+FB33 (one unit 0xFB33) sorts after U+1F600 (units 0xD83D 0xDE00) in UTF-16 order,
        // though its code point is smaller.
        JsonObject o = JsonObject.builder().put("\ufb33", 1).put("\ud83d\ude00", 2).put("a", 3).put("B", 4).build();
        assertThat(new String(Jcs.canonicalize(o), StandardCharsets.UTF_8))
                .isEqualTo("{\"B\":4,\"a\":3,\"\ud83d\ude00\":2,\"\ufb33\":1}");
    }

    @Test
    void escapesOnlyWhatRfc8785Requires() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        all.append("\"\\/\u007f\u2028\u2029</script>é");
        String out = new String(Jcs.canonicalize(new JsonString(all.toString())), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a"
                + "\\u001b\\u001c\\u001d\\u001e\\u001f\\\"\\\\/\u007f\u2028\u2029</script>é\"");
    }

    @Test
    void encodesAllPlanesAsUtf8() throws Exception {
        String s = "A\u00e9\u0800\uffff\ud800\udc00\udbff\udfff";
        byte[] out = Jcs.canonicalize(new JsonString(s));
        assertThat(out).isEqualTo(("\"" + s + "\"").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersAreCanonicalizedThroughDoubles() throws Exception {
        JsonArray a = JsonArray.of(new JsonNumber(new BigDecimal("4.50")), new JsonNumber(new BigDecimal("1E30")),
                new JsonNumber(new BigDecimal("-0.0")), new JsonNumber(new BigDecimal("100")),
                new JsonNumber(new BigDecimal("1E2")), new JsonNumber(new BigDecimal("12345678901234567890123")),
                new JsonNumber(new BigDecimal("1e-400")), JsonNumber.of(9007199254740993L));
        assertThat(new String(Jcs.canonicalize(a), StandardCharsets.US_ASCII))
                .isEqualTo("[4.5,1e+30,0,100,100,1.2345678901234568e+22,0,9007199254740992]");
    }

    @Test
    void literalsAndEmptyContainers() throws Exception {
        JsonValue v = JsonObject.builder().put("t", true).put("f", false).put("n", JsonNull.INSTANCE)
                .put("o", JsonObject.empty()).put("a", JsonArray.empty()).put("s", "").build();
        assertThat(new String(Jcs.canonicalize(v), StandardCharsets.US_ASCII))
                .isEqualTo("{\"a\":[],\"f\":false,\"n\":null,\"o\":{},\"s\":\"\",\"t\":true}");
    }

    @Test
    void growsItsBufferForLargeDocuments() throws Exception {
        List<JsonValue> items = new ArrayList<>();
        StringBuilder expected = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            items.add(JsonObject.builder().put("i", i).put("s", "é€😀" + i).build());
            expected.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append(",\"s\":\"é€😀").append(i).append("\"}");
        }
        expected.append(']');
        assertThat(new String(Jcs.canonicalize(JsonArray.of(items)), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @ParameterizedTest
    @CsvSource({"\ud800", "a\udc00b", "\ud800\ud800", "x\udbff"})
    void loneSurrogatesInStringsAreRejected(String bad) {
        assertThatThrownBy(() -> Jcs.canonicalize(JsonArray.of(new JsonString(bad))))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED))
                .hasMessageContaining("surrogate");
    }

    @Test
    void loneSurrogatesInMemberNamesAreRejected() {
        JsonObject o = JsonObject.builder().put("ok", 1).put("bad\udc00", 2).build();
        assertThatThrownBy(() -> Jcs.canonicalize(o))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED));
    }

    @Test
    void numbersBeyondADoubleBuiltByCodeAreRejected() {
        JsonArray a = JsonArray.of(new JsonNumber(new BigDecimal("1e400")));
        assertThatThrownBy(() -> Jcs.canonicalize(a))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED));
    }

    @Test
    void absurdNestingBuiltByCodeIsALimitNotAStackOverflow() {
        JsonValue deep = JsonArray.empty();
        for (int i = 0; i < 100_000; i++) {
            deep = JsonArray.of(deep);
        }
        JsonValue tooDeep = deep;
        assertThatThrownBy(() -> Jcs.canonicalize(tooDeep))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
    }

    @Test
    void nestingUpToTheLimitIsFine() throws Exception {
        JsonValue deep = JsonArray.empty();
        for (int i = 1; i < Jcs.MAX_DEPTH; i++) {
            deep = JsonArray.of(deep);
        }
        assertThat(Jcs.canonicalize(deep)).hasSize(2 * Jcs.MAX_DEPTH);
    }

    /** The eddsa-jcs-2022 vectors of vc-di-eddsa: JCS of the document and of the proof config. */
    @Test
    void jcsMatchesTheVcDiEddsaVectors() throws Exception {
        String dir = "/vectors/vc-di-eddsa/";
        JsonValue unsigned = JsonReader.defaults().read(resource(dir + "unsigned.json"));
        byte[] canonDoc = Jcs.canonicalize(unsigned);
        assertThat(canonDoc).isEqualTo(resource(dir + "eddsa-jcs-2022/canonDocJCS.txt"));
        String docHash = new String(resource(dir + "eddsa-jcs-2022/docHashJCS.txt"), StandardCharsets.US_ASCII).trim();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonDoc))).isEqualTo(docHash);

        JsonValue proofConfig = JsonReader.defaults().read(resource(dir + "eddsa-jcs-2022/proofConfigJCS.json"));
        assertThat(Jcs.canonicalize(proofConfig)).isEqualTo(resource(dir + "eddsa-jcs-2022/proofCanonJCS.txt"));
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = JcsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
