package dev.credkit.json;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class JsonReaderTest {
    private static final JsonReader READER = JsonReader.defaults();

    // ---------------------------------------------------------------- accepted input

    @Test
    void readsEveryKindOfValue() throws Exception {
        JsonObject o = READER.readObject("{\"s\":\"x\",\"i\":-12,\"f\":1.50,\"e\":1E+3,\"t\":true,\"n\":null,"
                + "\"a\":[1,[],{}],\"o\":{\"k\":false}}");
        assertThat(o.keys()).containsExactly("s", "i", "f", "e", "t", "n", "a", "o");
        assertThat(o.string("s")).contains("x");
        assertThat(o.get("i")).contains(JsonNumber.of(-12));
        assertThat(o.get("f")).contains(new JsonNumber(new BigDecimal("1.50")));
        assertThat(o.get("e")).contains(new JsonNumber(new BigDecimal("1E+3")));
        assertThat(o.get("t")).contains(JsonBoolean.TRUE);
        assertThat(o.get("n")).contains(JsonNull.INSTANCE);
        assertThat(o.array("a").orElseThrow().elements())
                .containsExactly(JsonNumber.of(1), JsonArray.empty(), JsonObject.empty());
        assertThat(o.object("o").orElseThrow().get("k")).contains(JsonBoolean.FALSE);
    }

    @Test
    void readsScalarsAtTheTopLevel() throws Exception {
        assertThat(READER.read(" \"a\" ")).isEqualTo(new JsonString("a"));
        assertThat(READER.read("42")).isEqualTo(JsonNumber.of(42));
        assertThat(READER.read("null")).isEqualTo(JsonNull.INSTANCE);
        assertThat(READER.read("[]")).isEqualTo(JsonArray.empty());
    }

    @Test
    void readObjectRefusesOtherTopLevelValues() {
        expectMalformed(() -> READER.readObject("[1]"), "object");
        expectMalformed(() -> READER.readObject("\"x\"".getBytes(StandardCharsets.UTF_8)), "object");
    }

    @Test
    void keepsExactNumbers() throws Exception {
        JsonArray a = (JsonArray) READER.read("[12345678901234567890123, 0.1000000000000000000001, -0, -0.0, 1e-400,"
                + " 1.7976931348623157e308, 5e-324]");
        assertThat(a.get(0)).isEqualTo(new JsonNumber(new BigDecimal("12345678901234567890123")));
        assertThat(a.get(1)).isEqualTo(new JsonNumber(new BigDecimal("0.1000000000000000000001")));
        assertThat(((JsonNumber) a.get(2)).value().signum()).isZero();
        assertThat(a.get(3)).isEqualTo(new JsonNumber(new BigDecimal("0.0")));
        assertThat(a.get(4)).isEqualTo(new JsonNumber(new BigDecimal("1e-400"))); // underflows to 0: allowed
        assertThat(((JsonNumber) a.get(5)).doubleValue()).isEqualTo(Double.MAX_VALUE);
        assertThat(((JsonNumber) a.get(6)).doubleValue()).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void decodesEscapesAndAllUtf8Lengths() throws Exception {
        JsonValue v = READER.read("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\ud83d\\ude00\", \"Aé€😀\uffff\udbff\udfff\"]");
        assertThat(v).isEqualTo(JsonArray.of(new JsonString("\"\\/\b\f\n\r\tAé\ud83d\ude00"),
                new JsonString("Aé€😀\uffff\udbff\udfff")));
    }

    @Test
    void acceptsAllJsonWhitespaceAndNothingElse() throws Exception {
        assertThat(READER.read(" \t\r\n[ \t\r\n1 \t\r\n] \t\r\n")).isEqualTo(JsonArray.of(JsonNumber.of(1)));
        expectMalformed(() -> READER.read("[1,\u00a02]"), null); // no-break space
        expectMalformed(() -> READER.read("\u000b[]"), null); // vertical tab
        expectMalformed(() -> READER.read("\f[]"), null);
    }

    // ---------------------------------------------------------------- size cap

    @Test
    void defaultCapIsOneMebibyte() throws Exception {
        assertThat(READER.maxBytes()).isEqualTo(1 << 20);
        byte[] exactly = stringDocument(1 << 20);
        assertThat(READER.read(exactly)).isInstanceOf(JsonString.class);
        byte[] oneMore = stringDocument((1 << 20) + 1);
        expectCode(() -> READER.read(oneMore), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void capIsConfigurableAndAppliesToEveryOverload() throws Exception {
        JsonReader small = JsonReader.builder().maxBytes(10).build();
        assertThat(small.read("[1,2,3,45]")).isInstanceOf(JsonArray.class);
        expectCode(() -> small.read("[1,2,3,456]"), ProblemCode.LIMIT_EXCEEDED);
        expectCode(() -> small.read("[1,2,3,456]".getBytes(StandardCharsets.UTF_8)), ProblemCode.LIMIT_EXCEEDED);
        expectCode(() -> small.read(new ByteArrayInputStream("[1,2,3,456]".getBytes(StandardCharsets.UTF_8))),
                ProblemCode.LIMIT_EXCEEDED);
        // the cap counts UTF-8 bytes: 4 chars of text, 12 bytes
        expectCode(() -> small.read("\"€€€\""), ProblemCode.LIMIT_EXCEEDED);
        assertThat(small.read(new ByteArrayInputStream("[1,2,3,45]".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(JsonArray.class);
    }

    @Test
    void streamIsNotReadBeyondTheCap() {
        JsonReader small = JsonReader.builder().maxBytes(100).build();
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                if (served > 10_000) {
                    fail("read too far");
                }
                return ' ';
            }
        };
        expectCode(() -> small.read(endless), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void streamFailureIsReportedAsCredentialException() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        expectMalformed(() -> READER.read(broken), "could not read");
    }

    @Test
    void builderRefusesNonsense() {
        assertThatThrownBy(() -> JsonReader.builder().maxBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonReader.builder().maxDepth(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonReader.builder().maxDepth(901)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonReader.builder().maxStringLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonReader.builder().maxNumberLength(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxBytesMayBeHuge() throws Exception {
        JsonReader unlimited = JsonReader.builder().maxBytes(Integer.MAX_VALUE).build();
        assertThat(unlimited.read(new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)))).isEqualTo(JsonArray.empty());
    }

    // ---------------------------------------------------------------- strict UTF-8 and BOM

    @ParameterizedTest
    @ValueSource(strings = {
            "80", // lone continuation byte
            "bf",
            "c0af", // overlong '/'
            "c1bf", // overlong
            "e080af", // overlong 3-byte
            "e09fbf", // overlong 3-byte, highest
            "f08080af", // overlong 4-byte
            "f08fbfbf", // overlong 4-byte, highest
            "eda080", // UTF-8-encoded high surrogate U+D800
            "edbfbf", // UTF-8-encoded low surrogate U+DFFF
            "eda0bdedb880", // CESU-8 surrogate pair
            "f4908080", // U+110000
            "f5808080", "f8", "fc", "fe", "ff", // never valid
            "e282", // truncated
            "c3", // truncated
            "e228a1", // bad continuation (2nd byte)
            "e282c0", // bad continuation (3rd byte)
            "f0908028", // bad continuation (4th byte)
            "c328", // ASCII where a continuation byte belongs
    })
    void invalidUtf8IsRejected(String hex) {
        byte[] doc = concat("{\"a\":\"".getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex(hex),
                "\"}".getBytes(StandardCharsets.US_ASCII));
        expectMalformed(() -> READER.read(doc), "not valid UTF-8");
    }

    @Test
    void invalidUtf8IsRejectedAtTheEndOfInputToo() {
        byte[] doc = concat("\"a".getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex("e282"));
        expectMalformed(() -> READER.read(doc), "truncated");
    }

    @Test
    void invalidUtf8OutsideStringsIsRejectedWithItsPosition() {
        byte[] doc = concat("{\n  \"a\": 1,".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC0, (byte) 0x80},
                "}".getBytes(StandardCharsets.US_ASCII));
        expectMalformed(() -> READER.read(doc), "line 2, column 10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7f", "c280", "dfbf", "e0a080", "ed9fbf", "ee8080", "efbfbf", "f0908080", "f48fbfbf"})
    void boundaryCodePointsAreAccepted(String hex) throws Exception {
        byte[] bytes = HexFormat.of().parseHex(hex);
        byte[] doc = concat(new byte[] {'"'}, bytes, new byte[] {'"'});
        assertThat(READER.read(doc)).isEqualTo(new JsonString(new String(bytes, StandardCharsets.UTF_8)));
    }

    @Test
    void nulBytesAreRejected() {
        expectMalformed(() -> READER.read(new byte[] {'[', 0, ']'}), "NUL");
        expectMalformed(() -> READER.read(new byte[] {'"', 0, '"'}), "NUL");
    }

    @Test
    void oneLeadingUtf8BomIsSkipped() throws Exception {
        byte[] doc = concat(HexFormat.of().parseHex("efbbbf"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(READER.readObject(doc).get("a")).contains(JsonNumber.of(1));
        assertThat(READER.readObject("\ufeff{\"a\":1}").get("a")).contains(JsonNumber.of(1));
    }

    @Test
    void aSecondBomOrALateOneIsRejected() {
        byte[] twice = concat(HexFormat.of().parseHex("efbbbfefbbbf"), "{}".getBytes(StandardCharsets.UTF_8));
        expectMalformed(() -> READER.read(twice), null);
        expectMalformed(() -> READER.read("[1,\ufeff2]"), null);
        expectMalformed(() -> READER.read("{}\ufeff"), null);
        expectMalformed(() -> READER.read("\ufeff"), "empty");
    }

    @Test
    void bomInsideAStringIsContent() throws Exception {
        assertThat(READER.read("\"\ufeffx\"")).isEqualTo(new JsonString("\ufeffx"));
    }

    @Test
    void utf16AndUtf32AreRejected() {
        String json = "{\"a\":1}";
        for (String charset : new String[] {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"}) {
            byte[] bytes = json.getBytes(java.nio.charset.Charset.forName(charset));
            expectMalformed(() -> READER.read(bytes), "UTF-8");
        }
        byte[] utf16LeWithBom = concat(HexFormat.of().parseHex("fffe"), json.getBytes(StandardCharsets.UTF_16LE));
        expectMalformed(() -> READER.read(utf16LeWithBom), "UTF-8");
        byte[] utf32LeWithBom = concat(HexFormat.of().parseHex("fffe0000"), json.getBytes(java.nio.charset.Charset.forName("UTF-32LE")));
        expectMalformed(() -> READER.read(utf32LeWithBom), "UTF-8");
    }

    // ---------------------------------------------------------------- lone surrogates

    @Test
    void textWithALoneSurrogateIsRejected() {
        expectMalformed(() -> READER.read("[\"a\ud800b\"]"), "surrogate");
        expectMalformed(() -> READER.read("[\"\udc00\"]"), "surrogate");
        expectMalformed(() -> READER.read("[\"\ud800"), "surrogate"); // at the very end
        expectMalformed(() -> READER.readObject("{\"\ud83d\":1}"), "surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[\"\\ud800\"]", "[\"\\uDC00\"]", "[\"\\ud800\\u0041\"]", "[\"\\ud800\\ud800\"]", "[\"x\\udfff\"]",
            "[\"\\udc00\\ud800\"]", "{\"\\ud800\":1}", "{\"a\":{\"b\\uDBFF\":1}}",
    })
    void escapedLoneSurrogatesAreRejected(String json) {
        expectMalformed(() -> READER.read(json), "surrogate");
    }

    @Test
    void escapedSurrogatePairsAreAccepted() throws Exception {
        assertThat(READER.read("[\"\\ud83d\\ude00\", \"\\uD83D\\uDE00\"]"))
                .isEqualTo(JsonArray.of(new JsonString("😀"), new JsonString("😀")));
        // an escaped backslash followed by "ud800" is no surrogate escape
        assertThat(READER.read("\"\\\\ud800\"")).isEqualTo(new JsonString("\\ud800"));
    }

    // ---------------------------------------------------------------- depth

    @Test
    void depthUpToTheLimitIsAccepted() throws Exception {
        assertThat(READER.read("[".repeat(64) + "]".repeat(64))).isInstanceOf(JsonArray.class);
        assertThat(READER.read("{\"a\":".repeat(64) + "1" + "}".repeat(64))).isInstanceOf(JsonObject.class);
    }

    @Test
    void depthBeyondTheLimitIsRejected() {
        expectMalformed(() -> READER.read("[".repeat(65) + "]".repeat(65)), "depth");
        expectMalformed(() -> READER.read("{\"a\":".repeat(65) + "1" + "}".repeat(65)), "depth");
        expectMalformed(() -> READER.read("[{\"a\":".repeat(33) + "1" + "}]".repeat(33)), "depth");
    }

    @Test
    void depthIsConfigurable() throws Exception {
        JsonReader shallow = JsonReader.builder().maxDepth(2).build();
        assertThat(shallow.maxDepth()).isEqualTo(2);
        assertThat(shallow.read("[[1]]")).isInstanceOf(JsonArray.class);
        expectMalformed(() -> shallow.read("[[[1]]]"), "depth");
        JsonReader deep = JsonReader.builder().maxDepth(900).build();
        assertThat(deep.read("[".repeat(900) + "]".repeat(900))).isInstanceOf(JsonArray.class);
        expectMalformed(() -> deep.read("[".repeat(901) + "]".repeat(901)), "depth");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void hundredThousandDeepArrayIsRejectedQuicklyWithoutStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        long start = System.nanoTime();
        expectMalformed(() -> READER.read(deep), "depth");
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));
        String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        expectMalformed(() -> READER.read(deepObjects), "depth");
        String unclosed = "[".repeat(100_000);
        expectMalformed(() -> READER.read(unclosed), "depth");
    }

    // ---------------------------------------------------------------- duplicates

    @Test
    void duplicateMemberNamesAreRejected() {
        expectMalformed(() -> READER.read("{\"a\":1,\"a\":2}"), "duplicate member name \"a\"");
        expectMalformed(() -> READER.read("{\"a\":1,\"b\":{\"c\":1,\"c\":1}}"), "duplicate");
        expectMalformed(() -> READER.read("[{\"x\":[],\"x\":{}}]"), "duplicate");
        // equal after unescaping
        expectMalformed(() -> READER.read("{\"a\":1,\"\\u0061\":2}"), "duplicate");
    }

    @Test
    void sameNameInDifferentObjectsIsFine() throws Exception {
        assertThat(READER.read("{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}]}")).isInstanceOf(JsonObject.class);
        assertThat(READER.read("{\"a\":1,\"A\":2,\"a \":3}")).isInstanceOf(JsonObject.class);
    }

    @Test
    void duplicateMessageTruncatesLongNames() {
        String name = "k".repeat(10_000);
        CredentialException e = expectMalformed(() -> READER.read("{\"" + name + "\":1,\"" + name + "\":2}"), "duplicate");
        assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("k".repeat(41)).contains("10000 chars");
    }

    @Test
    void duplicateMessageEscapesControlCharacters() {
        CredentialException e = expectMalformed(() -> READER.read("{\"a\\nb\":1,\"a\\nb\":2}"), "duplicate");
        assertThat(e.getMessage()).contains("\"a\\nb\"").doesNotContain("\n");
    }

    // ---------------------------------------------------------------- strict syntax

    @ParameterizedTest
    @ValueSource(strings = {
            "{} {}", "{}x", "{}}", "{},", "1 2", "[] []", "null null", "\"a\"\"b\"", "{} // c", "[]]",
    })
    void trailingContentIsRejected(String json) {
        expectMalformed(() -> READER.read(json), null);
    }

    @Test
    void trailingWhitespaceIsFine() throws Exception {
        assertThat(READER.read("{}\n\n  \t\r\n")).isEqualTo(JsonObject.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "\n\t",                                       // empty
            "{/* c */}", "[1 // c\n]", "# c\n{}", "/* c */ {}",     // comments
            "NaN", "[NaN]", "Infinity", "-Infinity", "[+Infinity]", "[-NaN]",
            "['a']", "{'a':1}", "{a:1}",                           // quotes
            "[01]", "[-01]", "[00]", "[00.5]", "[0123e1]",          // leading zeros
            "[1,]", "{\"a\":1,}", "[1,,2]", "[,1]", "{,}", "[,]",   // commas
            "[+1]", "[.5]", "[1.]", "[1e]", "[1e+]", "[-]", "[0x10]", "[1.e3]", "[--1]",
            "[\"a\tb\"]", "[\"a\nb\"]", "[\"\u0001\"]", "[\"\u001f\"]", // raw control characters
            "[\"\\x41\"]", "[\"\\'\"]", "[\"\\a\"]", "[\"\\u12\"]", "[\"\\u12g4\"]", "[\"\\U0041\"]", // escapes
            "[\"abc]", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{1:2}", "[true false]", "[True]", "[nul]", "[tru]",
            "{\"a\":1", "[1", "\"", "]", "}", ":", ",",
    })
    void nonStandardJsonIsRejected(String json) {
        expectMalformed(() -> READER.read(json), null);
    }

    // ---------------------------------------------------------------- numbers

    @ParameterizedTest
    @ValueSource(strings = {"[1e309]", "[-1e309]", "[1.8e308]", "[17976931348623159e292]", "[1e400]", "[123456789e999999]"})
    void numbersOverflowingToInfinityAreRejected(String json) {
        expectMalformed(() -> READER.read(json), "out of range");
    }

    @Test
    void largestFiniteNumbersAreAccepted() throws Exception {
        assertThat(READER.read("[1.7976931348623157e308, -1.7976931348623157e308, 1.7976931348623158e308]"))
                .isInstanceOf(JsonArray.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1e-999999999]", "[1e99999999999]", "[1e-99999999999]", "[0e999999]", "[1e-1101]"})
    void absurdExponentsAreRejected(String json) {
        expectMalformed(() -> READER.read(json), "out of range");
    }

    @Test
    void numberLengthIsLimited() throws Exception {
        String hundred = "1".repeat(100);
        assertThat(READER.read("[" + hundred + "]")).isEqualTo(JsonArray.of(new JsonNumber(new BigDecimal(hundred))));
        expectMalformed(() -> READER.read("[" + "1".repeat(101) + "]"), "101 significant digits");
        expectMalformed(() -> READER.read("[0." + "1".repeat(1000) + "]"), "1000 significant digits");
        expectMalformed(() -> READER.read("[" + "9".repeat(100_000) + "]"), "Number value length");
        JsonReader shortNumbers = JsonReader.builder().maxNumberLength(5).build();
        assertThat(shortNumbers.read("12345")).isEqualTo(JsonNumber.of(12345));
        expectMalformed(() -> shortNumbers.read("123456"), "6 significant digits, more than the limit of 5");
        // more cases, and the round trip they keep, in JsonNumberLimitTest
    }

    // ---------------------------------------------------------------- strings

    @Test
    void stringLengthIsLimited() throws Exception {
        JsonReader shortStrings = JsonReader.builder().maxStringLength(10).build();
        assertThat(shortStrings.read("\"0123456789\"")).isEqualTo(new JsonString("0123456789"));
        expectMalformed(() -> shortStrings.read("\"0123456789a\""), "String value length");
        expectMalformed(() -> shortStrings.read("{\"0123456789a\":1}"), "Name length");
    }

    @Test
    void hugeStringsAreRejectedWithoutEchoingThem() {
        JsonReader reader = JsonReader.builder().maxBytes(8 << 20).build();
        String huge = "\"" + "x".repeat((1 << 20) + 1) + "\"";
        CredentialException e = expectMalformed(() -> reader.read(huge), "String value length");
        assertThat(e.getMessage()).hasSizeLessThan(300);
    }

    @Test
    void hugeNamesAreRejected() {
        String name = "n".repeat(50_001);
        CredentialException e = expectMalformed(() -> READER.read("{\"" + name + "\":1}"), "Name length");
        assertThat(e.getMessage()).hasSizeLessThan(300);
    }

    // ---------------------------------------------------------------- error reports

    @Test
    void errorsCarryLineAndColumn() {
        expectMalformed(() -> READER.read("{\n  \"a\": 1,\n  \"b\": tru\n}"), "line 3, column");
        expectMalformed(() -> READER.read("{\n  \"a\": 1,\n  \"a\": 2\n}"), "line 3");
        expectMalformed(() -> READER.read("[1]\n\n  x"), "line 3, column");
        expectMalformed(() -> READER.read("[\n\n\n\"\\ud800\"]"), "line 4");
    }

    @Test
    void limitErrorsCarryALocationToo() {
        expectMalformed(() -> READER.read("[".repeat(65)), "line 1, column 66");
    }

    @Test
    void messagesDoNotLeakParserInternals() {
        for (String json : new String[] {"[NaN]", "[1 /* c */]", "[".repeat(65), "[" + "1".repeat(101) + "]", "{\"a\":\u00e9}"}) {
            CredentialException e = expectMalformed(() -> READER.read(json), null);
            assertThat(e.getMessage()).doesNotContain("JsonReadFeature", "StreamReadConstraints", "Feature", "`");
        }
        // Jackson calls a stray non-ASCII character "Invalid UTF-8"; the input is valid UTF-8
        expectMalformed(() -> READER.read("[1,\u00a02]"), "unexpected non-ASCII character outside a string");
    }

    @Test
    void messagesNeverEchoLargeInput() {
        String garbage = "x".repeat(100_000);
        for (String json : new String[] {garbage, "[" + garbage + "]", "{\"a\":" + garbage + "}", "[tru" + garbage,
                "{\"" + garbage + "\" 1}", "[\"\\q" + garbage + "\"]"}) {
            CredentialException e = expectMalformed(() -> READER.read(json), null);
            assertThat(e.getMessage()).as(e.getMessage()).hasSizeLessThan(300).doesNotContain("\n");
            assertThat(e.getCause()).isNull();
        }
    }

    /** Random mutations of a real document: every outcome is a tree or a CredentialException. */
    @Test
    void mutatedInputNeverEscapesAsAnUncheckedException() throws Exception {
        byte[] original = JcsTest.resource("/bench/ob3-course-completion.json");
        READER.read(original);
        SplittableRandom random = new SplittableRandom(42);
        byte[] interesting = {0, '"', '\\', '{', '}', '[', ']', ',', ':', '-', 'e', '0', (byte) 0x80, (byte) 0xC3,
                (byte) 0xED, (byte) 0xF4, (byte) 0xFF, 'u', 'd'};
        int rejected = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] mutated = original.clone();
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits; i++) {
                int at = random.nextInt(mutated.length);
                mutated[at] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
            }
            try {
                READER.read(mutated);
            } catch (CredentialException e) {
                assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
                assertThat(e.getMessage()).hasSizeLessThan(300);
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(1000);
    }

    @Test
    void readerIsSharedSafelyAcrossThreads() throws Exception {
        byte[] doc = JcsTest.resource("/bench/ob3-course-record.json");
        JsonValue expected = READER.read(doc);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<JsonValue>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> READER.read(doc)));
            }
            for (java.util.concurrent.Future<JsonValue> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    interface Action {
        void run() throws Exception;
    }

    static CredentialException expectMalformed(Action action, String messagePart) {
        CredentialException e = expectCode(action, ProblemCode.MALFORMED);
        if (messagePart != null) {
            assertThat(e.getMessage()).containsIgnoringCase(messagePart);
        }
        return e;
    }

    static CredentialException expectCode(Action action, ProblemCode code) {
        try {
            action.run();
        } catch (CredentialException e) {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            return e;
        } catch (Exception | StackOverflowError e) {
            throw new AssertionError("expected CredentialException " + code + " but got " + e, e);
        }
        throw new AssertionError("expected CredentialException " + code + " but the input was accepted");
    }

    private static byte[] stringDocument(int totalBytes) {
        byte[] doc = new byte[totalBytes];
        java.util.Arrays.fill(doc, (byte) 'a');
        doc[0] = '"';
        doc[totalBytes - 1] = '"';
        return doc;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
