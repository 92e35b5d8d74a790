package dev.credkit.internal.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NQuadsParserTest {

    private static List<List<String>> parse(String text) throws CredentialException {
        List<List<String>> quads = new ArrayList<>();
        NQuadsParser.parse(text, (s, p, o, d, l, dir, g) -> {
            quads.add(Arrays.asList(s, p, o, d, l, dir, g));
            return null;
        });
        return quads;
    }

    @Test
    void readsEveryKindOfTerm() throws CredentialException {
        String text = """
                # a comment line
                <http://ex/s> <http://ex/p> <http://ex/o> .
                _:b0 <http://ex/p> "plain" <http://ex/g> .
                _:b0 <http://ex/p> "tagged"@en-GB _:g1 . # trailing comment
                <http://ex/s> <http://ex/p> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
                \t<http://ex/s>\t<http://ex/p>  "esc \\t\\n\\"\\\\ \\u00e9 \\U0001F600" .\r
                _:a.b <http://ex/p> _:c.
                """;
        assertThat(parse(text)).containsExactly(
                Arrays.asList("http://ex/s", "http://ex/p", "http://ex/o", null, null, null, null),
                Arrays.asList("_:b0", "http://ex/p", "plain", "http://www.w3.org/2001/XMLSchema#string", null, null, "http://ex/g"),
                Arrays.asList("_:b0", "http://ex/p", "tagged", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", "en-GB", null, "_:g1"),
                Arrays.asList("http://ex/s", "http://ex/p", "42", "http://www.w3.org/2001/XMLSchema#integer", null, null, null),
                Arrays.asList("http://ex/s", "http://ex/p", "esc \t\n\"\\ \u00e9 \uD83D\uDE00", "http://www.w3.org/2001/XMLSchema#string", null, null, null),
                Arrays.asList("_:a.b", "http://ex/p", "_:c", null, null, null, null));
    }

    @Test
    void emptyAndCommentOnlyInputHaveNoQuads() throws CredentialException {
        assertThat(parse("")).isEmpty();
        assertThat(parse("\n\n# nothing\n  \n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<http://ex/s> <http://ex/p> <http://ex/o>",               // no '.'
            "<http://ex/s> <http://ex/p> <http://ex/o> . extra",       // trailing content
            "<http://ex/s> <http://ex/p> <http://ex/o> . <http://ex/s> <http://ex/p> <http://ex/o> .", // two on a line
            "<s> <http://ex/p> <http://ex/o> .",                       // relative IRI
            "<http://ex/s> _:p <http://ex/o> .",                       // blank predicate
            "\"lit\" <http://ex/p> <http://ex/o> .",                   // literal subject
            "<http://ex/s> <http://ex/p> \"unterminated .",
            "<http://ex/s> <http://ex/p> \"bad \\q escape\" .",
            "<http://ex/s> <http://ex/p> \"x\"@ .",
            "<http://ex/s> <http://ex/p> \"x\"^^\"y\" .",
            "<http://ex/s> <http://ex/p> \"\\uD800\" .",               // surrogate escape
            "<http://ex/s> <http://ex/p> \"\\u12\" .",
            "<http://ex/a b> <http://ex/p> <http://ex/o> .",           // space in IRI
            "<http://ex/s> <http://ex/p> <http://ex/o",
            "_: <http://ex/p> <http://ex/o> .",
            "_:-x <http://ex/p> <http://ex/o> .",
            "<http://ex/s> <http://ex/p> <http://ex/o> \"g\" .",       // literal graph
    })
    void malformedStatementsAreRefusedWithTheirLine(String statement) {
        assertThatThrownBy(() -> parse("<http://ex/s> <http://ex/p> <http://ex/o> .\n" + statement + "\n"))
                .isInstanceOfSatisfying(CredentialException.class, e -> {
                    assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
                    assertThat(e.getMessage()).contains("line 2");
                });
    }

    /** RDF 1.1 N-Quads BLANK_NODE_LABEL: the first character and the others, at the edges of their ranges. */
    @ParameterizedTest
    @ValueSource(strings = {"\u00C0", "\u00D6", "\u00D8", "\u00F6", "\u00F8", "\u02FF", "\u0370", "\u037D", "\u037F",
            "\u1FFF", "\u200C", "\u200D", "\u2070", "\u218F", "\u2C00", "\u2FEF", "\u3001", "\uD7FF", "\uF900",
            "\uFDCF", "\uFDF0", "\uFFFD", "\uD800\uDC00", "\uDB7F\uDFFF", "_", ":", "0", "9", "a", "z", "A", "Z",
            "a-b", "a\u00B7b", "a\u0300b", "a\u036Fb", "a\u203Fb", "a\u2040b", "a.b", "a0", "a9"})
    void blankNodeLabelsAtTheEdgesOfTheirRanges(String label) throws CredentialException {
        assertThat(parse("_:" + label + " <http://ex/p> \"o\" .\n")).singleElement()
                .satisfies(q -> assertThat(q.get(0)).isEqualTo("_:" + label));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00BF", "\u00D7", "\u00F7", "\u0300", "\u037E", "\u2000", "\u200B", "\u200E", "\u206F",
            "\u2190", "\u2FF0", "\u3000", "\uD7FF\u0000", "\uFDD0", "\uFFFE", "-", ".", "\u00B7",
            "a\u00B6b", "a\u2041b", "a\u0370\u037Eb"})
    void charactersOutsideThoseRangesEndOrBreakTheLabel(String label) {
        assertThatThrownBy(() -> parse("_:" + label + " <http://ex/p> \"o\" .\n"))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:x", "z:x", "A:x", "Z:x", "a+b.c-d9:x", "urn:uuid:1"})
    void iriSchemes(String iri) throws CredentialException {
        assertThat(parse("<" + iri + "> <http://ex/p> \"o\" .\n")).singleElement()
                .satisfies(q -> assertThat(q.get(0)).isEqualTo(iri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1a:x", "+a:x", ":x", "a b:x", "a_b:x", "a/b:x", "@a:x", "[a:x", "`a:x", "{a:x"})
    void notSchemes(String iri) {
        assertThatThrownBy(() -> parse("<" + iri + "> <http://ex/p> \"o\" .\n"))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "EN", "zz", "en-GB", "en-gb-x1", "de-CH-1901", "a-0-z-9"})
    void languageTags(String tag) throws CredentialException {
        assertThat(parse("<http://ex/s> <http://ex/p> \"o\"@" + tag + " .\n")).singleElement()
                .satisfies(q -> assertThat(q.get(4)).isEqualTo(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"e1", "en-", "en--GB", "-en", "en_GB", "en-G_B", "\u00E9n"})
    void notLanguageTags(String tag) {
        assertThatThrownBy(() -> parse("<http://ex/s> <http://ex/p> \"o\"@" + tag + " .\n"))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED));
    }

    @Test
    void escapesAtTheEdges() throws CredentialException {
        assertThat(parse("<http://ex/s> <http://ex/p> \"\\u0041\\U0010FFFF\\u00e9\\'\" .\n")).singleElement()
                .satisfies(q -> assertThat(q.get(2)).isEqualTo("A\uDBFF\uDFFF\u00e9'"));
        assertThatThrownBy(() -> parse("<http://ex/s> <http://ex/p> \"\\U00110000\" .\n")).isInstanceOf(CredentialException.class);
        assertThatThrownBy(() -> parse("<http://ex/s> <http://ex/p> \"\\uDFFF\" .\n")).isInstanceOf(CredentialException.class);
        assertThatThrownBy(() -> parse("<http://ex/s> <http://ex/p> \"\\u004\" .\n")).isInstanceOf(CredentialException.class);
        assertThatThrownBy(() -> parse("<http://ex/s> <http://ex/p> \"abc\\")).isInstanceOf(CredentialException.class);
        assertThat(parse("<http://ex/\\u0041> <http://ex/p> \"o\" .\n")).singleElement()
                .satisfies(q -> assertThat(q.get(0)).isEqualTo("http://ex/A"));
        assertThatThrownBy(() -> parse("<http://ex/\\u0020> <http://ex/p> \"o\" .\n")).isInstanceOf(CredentialException.class);
        assertThatThrownBy(() -> parse("<http://ex/\\u003E> <http://ex/p> \"o\" .\n")).isInstanceOf(CredentialException.class);
    }

    @Test
    void statementsEndAtALineEndOrTheEndOfInput() throws CredentialException {
        assertThat(parse("<http://ex/s> <http://ex/p> \"o\" .")).hasSize(1);
        assertThat(parse("<http://ex/s> <http://ex/p> \"o\" .\r\n<http://ex/s> <http://ex/p> \"o2\" .\t# c\n")).hasSize(2);
        assertThat(parse("<http://ex/s>\t<http://ex/p>\t\"o\"\t<http://ex/g>\t.")).singleElement()
                .satisfies(q -> assertThat(q.get(6)).isEqualTo("http://ex/g"));
    }

    /** The fuzzing input that made titanium-rdf-n-quads loop until the heap was full. */
    @Test
    void theInputThatExhaustedTheOldReaderFailsAtOnce() {
        byte[] raw = TestResources.bytes("dev/credkit/jsonld/RdfCanonicalizerFuzzTestInputs/canonicalizeDocument/oom-nquads-reader-loop");
        String text = new String(raw, 1, raw.length - 1, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(CredentialException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
