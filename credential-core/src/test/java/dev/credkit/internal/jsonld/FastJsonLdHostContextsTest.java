package dev.credkit.internal.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.jsonld.ContextRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contexts a host registers can use JSON-LD features the bundled ones do not (a default
 * language, language-tagged terms, @vocab, prefixes, type-scoped contexts in both orders): the
 * plain-subset path must either give the complete path's dataset or hand the document over.
 */
class FastJsonLdHostContextsTest {
    private static final String V2 = "https://www.w3.org/ns/credentials/v2";
    private static final String HOST = "https://contexts.example.edu/course/v1";
    private static final BudgetedRdfc RDFC = new BudgetedRdfc(10_000, Duration.ofSeconds(10), "SHA-256");

    private static JsonObject json(String text) throws CredentialException {
        return JsonReader.defaults().readObject(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param context  the host context's definitions (inside {"@context": {...}})
     * @param subject  the credentialSubject members
     * @param subset   whether the subset should take the document
     */
    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        // plain terms, datatype and @id coercion: the subset
        "\"credits\": {\"@id\": \"https://ex.edu/v#credits\", \"@type\": \"http://www.w3.org/2001/XMLSchema#integer\"}, \"page\": {\"@id\": \"https://ex.edu/v#page\", \"@type\": \"@id\"}"
            + "| \"credits\": 5, \"page\": \"https://ex.edu/p/1\" | true | typed terms",
        // a default language tags every plain string: the complete path
        "\"@language\": \"en\", \"title\": \"https://ex.edu/v#title\" | \"title\": \"Robotics\" | false | default language",
        // a language on the term: the complete path
        "\"title\": {\"@id\": \"https://ex.edu/v#title\", \"@language\": \"fr\"} | \"title\": \"Robotique\" | false | term language",
        // a term that says no language, under a default language: the subset
        "\"@language\": \"en\", \"code\": {\"@id\": \"https://ex.edu/v#code\", \"@language\": null} | \"code\": \"CS-101\" | true | language null",
        // @vocab-relative terms: the complete path
        "\"@vocab\": \"https://ex.edu/v#\" | \"room\": \"B12\" | false | vocab term",
        // a prefix used in a compact IRI value: the complete path
        "\"ex\": \"https://ex.edu/v#\", \"page\": {\"@id\": \"ex:page\", \"@type\": \"@id\"} | \"page\": \"ex:p1\" | false | compact IRI value",
        // a reverse property: the complete path
        "\"teaches\": {\"@reverse\": \"https://ex.edu/v#taughtBy\"} | \"teaches\": {\"id\": \"https://ex.edu/c/1\"} | false | reverse property",
        // a list container: the complete path
        "\"steps\": {\"@id\": \"https://ex.edu/v#steps\", \"@container\": \"@list\"} | \"steps\": [\"a\", \"b\"] | false | list",
        // two types whose scoped contexts define the same term: applied in lexicographic order
        "\"Zed\": {\"@id\": \"https://ex.edu/v#Zed\", \"@context\": {\"label\": \"https://ex.edu/v#zedLabel\"}},"
            + " \"Alpha\": {\"@id\": \"https://ex.edu/v#Alpha\", \"@context\": {\"label\": \"https://ex.edu/v#alphaLabel\"}}"
            + "| \"type\": [\"Zed\", \"Alpha\"], \"label\": \"x\" | true | type-scoped order",
        // a type-scoped term must not reach a nested node
        "\"Course\": {\"@id\": \"https://ex.edu/v#Course\", \"@context\": {\"label\": \"https://ex.edu/v#courseLabel\"}},"
            + " \"part\": \"https://ex.edu/v#part\", \"name\": \"https://ex.edu/v#name\""
            + "| \"type\": \"Course\", \"label\": \"x\", \"part\": {\"name\": \"y\", \"label\": \"z\"} | false | type scope does not propagate",
        // ... but a property-scoped one does
        "\"part\": {\"@id\": \"https://ex.edu/v#part\", \"@context\": {\"label\": \"https://ex.edu/v#partLabel\"}}"
            + "| \"part\": {\"label\": \"z\", \"inner\": {\"label\": \"w\"}} | false | property scope with an undefined inner term",
        "\"part\": {\"@id\": \"https://ex.edu/v#part\", \"@context\": {\"label\": \"https://ex.edu/v#partLabel\"}}"
            + "| \"part\": {\"label\": \"z\", \"part\": {\"label\": \"w\"}} | true | property scope propagates",
    })
    void subsetTakesPlainDocumentsAndAgreesOrHandsOver(String context, String subject, boolean subset, String name)
            throws Exception {
        ContextRegistry registry = ContextRegistry.builder().addBundled()
                .add(HOST, ("{\"@context\": {" + context + "}}").getBytes(StandardCharsets.UTF_8)).build();
        LosslessJsonLd jsonLd = new LosslessJsonLd(registry);
        JsonObject document = json("{\"@context\": [\"" + V2 + "\", \"" + HOST + "\"], \"type\": \"VerifiableCredential\","
                + " \"issuer\": \"did:example:issuer\", \"credentialSubject\": {\"id\": \"did:example:learner\", " + subject + "}}");

        String complete;
        try {
            complete = RDFC.canonicalize(c -> jsonLd.toRdfComplete(document, c), System.nanoTime()).nquads();
        } catch (CredentialException e) {
            complete = "refused: " + e.code();
        }
        boolean[] handled = {false};
        String fast;
        try {
            fast = RDFC.canonicalize(c -> handled[0] = jsonLd.toRdfFast(document, c), System.nanoTime()).nquads();
        } catch (CredentialException e) {
            fast = "refused: " + e.code();
        }
        assertThat(handled[0]).as("the subset takes it").isEqualTo(subset);
        if (handled[0]) {
            assertThat(fast).isEqualTo(complete);
        }
        if (name.equals("type-scoped order")) {
            // Alpha's context is applied first, Zed's last: Zed's definition of "label" wins
            assertThat(complete).contains("<https://ex.edu/v#zedLabel>").doesNotContain("alphaLabel");
        }
        if (name.equals("language null")) {
            assertThat(complete).contains("\"CS-101\" .").doesNotContain("@en");
        }
    }
}
