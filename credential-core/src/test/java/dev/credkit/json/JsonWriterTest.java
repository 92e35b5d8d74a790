package dev.credkit.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonWriterTest {

    static Stream<String> documents() {
        return Stream.of(
                "/bench/ob3-course-completion.json", "/bench/ob3-course-record.json", "/bench/key.json",
                "/vectors/ob3-eddsa-rdfc-2022/signed.json", "/vectors/vc-di-eddsa/eddsa-jcs-2022/signedJCS.json",
                "/vectors/vc-di-eddsa/proof-set-chain/signedProofChain2.json", "/vectors/vc-di-eddsa/employmentAuth.json",
                "/vectors/jcs/input/weird.json", "/vectors/jcs/input/values.json", "/vectors/jcs/input/structures.json",
                "/vectors/jcs/input/unicode.json", "/vectors/jcs/input/french.json", "/vectors/jcs/input/arrays.json");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void compactRoundTripGivesAnEqualTree(String path) throws Exception {
        JsonValue tree = JsonReader.defaults().read(JcsTest.resource(path));
        String compact = JsonWriter.compact(tree);
        JsonValue again = JsonReader.defaults().read(compact);
        assertThat(again).isEqualTo(tree);
        assertThat(JsonWriter.compact(again)).isEqualTo(compact);
        assertThat(compact).doesNotContain("\n");
        // from bytes too, and member order is kept
        JsonValue fromBytes = JsonReader.defaults().read(compact.getBytes(StandardCharsets.UTF_8));
        assertThat(fromBytes).isEqualTo(tree);
        if (tree instanceof JsonObject o) {
            assertThat(((JsonObject) fromBytes).keys()).containsExactlyElementsOf(o.keys());
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void prettyRoundTripGivesAnEqualTree(String path) throws Exception {
        JsonValue tree = JsonReader.defaults().read(JcsTest.resource(path));
        String pretty = JsonWriter.pretty(tree);
        assertThat(JsonReader.defaults().read(pretty)).isEqualTo(tree);
        assertThat(JsonWriter.pretty(JsonReader.defaults().read(pretty))).isEqualTo(pretty);
    }

    @Test
    void toStringIsCompactJson() throws Exception {
        JsonObject o = JsonReader.defaults().readObject("{ \"a\" : [ 1 , 2.50 , \"x\" ] }");
        assertThat(o.toString()).isEqualTo("{\"a\":[1,2.50,\"x\"]}");
        assertThat(o.toJson()).isEqualTo(o.toString());
        assertThat(new JsonString("q\"").toString()).isEqualTo("\"q\\\"\"");
        assertThat(JsonNumber.of(7).toString()).isEqualTo("7");
    }

    @Test
    void prettyLayout() {
        JsonObject o = JsonObject.builder()
                .put("a", JsonArray.of(JsonNumber.of(1), JsonObject.empty(), JsonArray.empty()))
                .put("b", JsonObject.builder().put("c", JsonNull.INSTANCE).put("d", true).build())
                .put("e", "f")
                .build();
        assertThat(JsonWriter.pretty(o)).isEqualTo("""
                {
                  "a": [
                    1,
                    {},
                    []
                  ],
                  "b": {
                    "c": null,
                    "d": true
                  },
                  "e": "f"
                }""");
        assertThat(JsonWriter.compact(o)).isEqualTo("{\"a\":[1,{},[]],\"b\":{\"c\":null,\"d\":true},\"e\":\"f\"}");
        assertThat(JsonWriter.pretty(JsonArray.empty())).isEqualTo("[]");
        assertThat(JsonWriter.pretty(JsonObject.empty())).isEqualTo("{}");
        assertThat(JsonWriter.pretty(JsonBoolean.FALSE)).isEqualTo("false");
    }

    @Test
    void escapesControlCharactersQuotesAndBackslashes() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        assertThat(JsonWriter.compact(new JsonString(controls.toString()))).isEqualTo(
                "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                        + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b"
                        + "\\u001c\\u001d\\u001e\\u001f\"");
        assertThat(JsonWriter.compact(new JsonString("say \"hi\" \\ bye /"))).isEqualTo("\"say \\\"hi\\\" \\\\ bye /\"");
        assertThat(JsonWriter.compact(JsonObject.builder().put("k\"\n", "v").build())).isEqualTo("{\"k\\\"\\n\":\"v\"}");
    }

    @Test
    void keepsNonAsciiLiteral() {
        String s = "é€😀\u007f\u2028\u2029\ufeff\uffff";
        assertThat(JsonWriter.compact(new JsonString(s))).isEqualTo("\"" + s + "\"");
    }

    @Test
    void escapesLoneSurrogatesInsteadOfManglingThem() {
        assertThat(JsonWriter.compact(new JsonString("a\ud800b\udc00\ud83d\ude00\udbff")))
                .isEqualTo("\"a\\ud800b\\udc00\ud83d\ude00\\udbff\"");
    }

    @Test
    void everyCharRoundTripsThroughWriterAndReader() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp < 0x3000; cp++) {
            if (!Character.isSurrogate((char) cp)) {
                all.appendCodePoint(cp);
            }
        }
        all.appendCodePoint(0xFFFF).appendCodePoint(0x10000).appendCodePoint(0x10FFFF).appendCodePoint(0x1F600);
        JsonString s = new JsonString(all.toString());
        assertThat(JsonReader.defaults().read(JsonWriter.compact(s))).isEqualTo(s);
    }

    @Test
    void numbersAreWrittenAsTheirExactDecimal() throws Exception {
        JsonArray a = JsonArray.of(new JsonNumber(new BigDecimal("1.50")), new JsonNumber(new BigDecimal("1E+400")),
                new JsonNumber(new BigDecimal("-1e-7")), JsonNumber.of(0.1), JsonNumber.of(-3));
        String json = JsonWriter.compact(a);
        assertThat(json).isEqualTo("[1.50,1E+400,-1E-7,0.1,-3]");
    }
}
