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
