package dev.credkit.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lossless ("safe mode") JSON-LD: every construct that would be dropped from the RDF form fails. */
class SafeModeTest {
    private static final String V1 = "'https://www.w3.org/2018/credentials/v1'";
    private static final String V2 = "'https://www.w3.org/ns/credentials/v2'";
    private static final String EX = "'https://example.org/vocab#'";

    private final RdfCanonicalizer canonicalizer = RdfCanonicalizer.defaults();

    /** A minimal VC 2.0 credential with extra members (JSON with single quotes). */
    private static String v2(String extra) {
        return "{'@context': [" + V2 + "], 'id': 'urn:uuid:1', 'type': ['VerifiableCredential'],"
                + " 'issuer': 'did:example:issuer', 'credentialSubject': {'id': 'did:example:subject'}" + extra + "}";
    }

    /** The same with an extra inline context after VC 2.0. */
    private static String v2(String context, String extra) {
        return "{'@context': [" + V2 + ", " + context + "], 'id': 'urn:uuid:1', 'type': ['VerifiableCredential'],"
                + " 'issuer': 'did:example:issuer', 'credentialSubject': {'id': 'did:example:subject'}" + extra + "}";
    }

    /** A VC 1.1 credential (its context has no @vocab, so unknown terms are undefined). */
    private static String v1(String extra) {
        return "{'@context': [" + V1 + "], 'id': 'urn:uuid:1', 'type': ['VerifiableCredential'],"
                + " 'issuer': 'did:example:issuer', 'issuanceDate': '2020-01-01T00:00:00Z',"
                + " 'credentialSubject': {'id': 'did:example:subject'}" + extra + "}";
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                // undefined terms and types
                Arguments.of("undefined term", v1(", 'favouriteColour': 'blue'"), ProblemCode.UNDEFINED_TERM),
                Arguments.of("undefined nested term", v1("").replace("'did:example:subject'}", "'did:example:subject', 'degree': 'BSc'}"),
                        ProblemCode.UNDEFINED_TERM),
                Arguments.of("undefined type", v1("").replace("['VerifiableCredential']", "['VerifiableCredential', 'AlumniCredential']"),
                        ProblemCode.UNDEFINED_TERM),
                Arguments.of("relative @type", v2("{'@vocab': null}", ", 'credentialSubject': {'id': 'did:example:s', 'type': 'Person'}")
                        .replace(", 'credentialSubject': {'id': 'did:example:subject'}", ""), ProblemCode.UNDEFINED_TERM),
                Arguments.of("relative datatype", v2("{'ex': " + EX + ", 'size': 'ex:size', '@vocab': null}",
                        ", 'size': {'@value': '12', '@type': 'Size'}"), ProblemCode.UNDEFINED_TERM),
                // relative IRIs (the base IRI is null)
                Arguments.of("relative id", v2("").replace("'urn:uuid:1'", "'credentials/1'"), ProblemCode.RELATIVE_IRI),
                Arguments.of("relative issuer", v2("").replace("'did:example:issuer'", "'issuers/1'"), ProblemCode.RELATIVE_IRI),
                Arguments.of("relative subject id", v2("").replace("'did:example:subject'", "'#me'"), ProblemCode.RELATIVE_IRI),
                Arguments.of("relative @id-typed value", v2("{'ex': " + EX + ", 'homepage': {'@id': 'ex:homepage', '@type': '@id'}}",
                        ", 'homepage': '../index.html'"), ProblemCode.RELATIVE_IRI),
                Arguments.of("@base in an inline context", v2("{'@base': 'https://example.org/'}", ""), ProblemCode.RELATIVE_IRI),
                // protected terms
                Arguments.of("redefined protected term (v2)", v2("{'name': 'https://evil.example/name'}", ", 'name': 'x'"),
                        ProblemCode.PROTECTED_TERM_REDEFINITION),
                Arguments.of("redefined protected term (v1)", v1("").replace("[" + V1 + "]", "[" + V1 + ", {'VerifiableCredential': 'https://evil.example/VC'}]"),
                        ProblemCode.PROTECTED_TERM_REDEFINITION),
                // data loss (jsonld.js safe mode events)
                Arguments.of("@vocab to blank nodes", v2("{'@vocab': '_:'}", ""), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("blank-node predicate", v2("{'secret': '_:secret'}", ", 'secret': 'x'"), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("relative @vocab reference", v2("{'@vocab': 'terms/'}", ""), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("reserved term (key)", v2(", '@foo': 'bar'"), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("keyword that documents cannot use", v2(", '@protected': true"), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("@annotation", v2(", '@annotation': {'ex:a': 'b'}"), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("invalid reserved term (context)", v2("{'@foo': 'https://example.org/foo'}", ""), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("reserved @id value (context)", v2("{'colour': {'@id': '@colour'}}", ", 'colour': 'blue'"),
                        ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("reserved @id value (document)", v2("").replace("'did:example:subject'", "'@me'"), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("reserved @type value", v2("").replace("['VerifiableCredential']", "['VerifiableCredential', '@Special']"),
                        ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("keyword alias other than id/type", v2("{'data': '@graph'}", ""), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("null @value", v2(", 'name': {'@value': null}"), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("object with only @language", v2(", 'name': {'@language': 'en'}"), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("invalid @language value", v2(", 'name': {'@value': 'Alice', '@language': 'not a tag'}"),
                        ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("@direction without rdfDirection", v2(", 'name': {'@value': 'Alice', '@language': 'en', '@direction': 'ltr'}"),
                        ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("@language on a node object", v2("").replace("'did:example:subject'}", "'did:example:subject', '@language': 'en'}"),
                        ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("free-floating scalar", "{'@context': " + V2 + ", '@graph': ['just a string']}", ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("empty object in @graph", "{'@context': " + V2 + ", '@graph': [" + v2("") + ", {}]}", ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("object with only @id in @graph", "{'@context': " + V2 + ", '@graph': [{'id': 'urn:x'}]}",
                        ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("free-floating value object", "{'@context': " + V2 + ", '@graph': [{'@value': 'x'}]}", ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("free-floating list", "{'@context': " + V2 + ", '@graph': [{'@list': ['x']}]}", ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("empty object in a graph container", v2(", 'proof': {}"), ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("document without statements", "{'@context': " + V2 + ", 'id': 'urn:uuid:1'}", ProblemCode.JSON_LD_DATA_LOSS),
                Arguments.of("empty document", "{'@context': " + V2 + "}", ProblemCode.JSON_LD_DATA_LOSS),
                // other JSON-LD errors
                Arguments.of("non-string @id", v2("").replace("'urn:uuid:1'", "5"), ProblemCode.INVALID_JSON_LD),
                Arguments.of("@id array of numbers", v2(", 'credentialStatus': {'@id': [1, 2]}"), ProblemCode.INVALID_JSON_LD),
                Arguments.of("invalid @context value", "{'@context': [" + V2 + ", 5], 'id': 'urn:x', 'name': 'n'}", ProblemCode.INVALID_JSON_LD),
                Arguments.of("invalid type value", v2("").replace("['VerifiableCredential']", "[{'a': 1}]"), ProblemCode.INVALID_JSON_LD),
                Arguments.of("number at or below -1e21", v2("{'ex': " + EX + ", 'n': 'ex:n'}", ", 'n': -1e22"), ProblemCode.INVALID_JSON_LD),
                Arguments.of("colliding keywords", v2(", '@id': 'urn:uuid:2'"), ProblemCode.INVALID_JSON_LD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWithSpecificCode(String name, String json, ProblemCode expected) {
        JsonObject document = TestResources.parse(json);
        assertThatThrownBy(() -> canonicalizer.canonicalize(document))
                .isInstanceOfSatisfying(CredentialException.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(expected);
                    assertThat(e.getMessage()).hasSizeLessThan(300);
                });
    }

    @Test
    void acceptsAMinimalCredential() throws CredentialException {
        assertThat(canonicalizer.canonicalize(TestResources.parse(v2(""))))
                .contains("<urn:uuid:1> <https://www.w3.org/2018/credentials#issuer> <did:example:issuer> .\n");
    }

    @Test
    void undefinedTermInVc2IsRejected() {
        assertThatThrownBy(() -> canonicalizer.canonicalize(TestResources.parse(v2(", 'favouriteColour': 'blue'"))))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.UNDEFINED_TERM));
    }

    @Test
    void vocabMappedTermsAreKeptNotDropped() throws CredentialException {
        // The undefined-terms context's @vocab maps them into the issuer-dependent namespace: signed, not lost.
        String canonical = canonicalizer.canonicalize(TestResources.parse(
                v2("'https://www.w3.org/ns/credentials/undefined-terms/v2'", ", 'favouriteColour': 'blue'")));
        assertThat(canonical).contains("<https://www.w3.org/ns/credentials/undefined-term#favouriteColour> \"blue\" .");
    }

    @Test
    void nullValuesMeanNoValueAsInJsonLd() throws CredentialException {
        assertThat(canonicalizer.canonicalize(TestResources.parse(v2(", 'description': null"))))
                .isEqualTo(canonicalizer.canonicalize(TestResources.parse(v2(""))));
    }

    @Test
    void numbersFollowJsonLdTyping() throws CredentialException {
        String context = "{'ex': " + EX + ", 'a': 'ex:a', 'b': 'ex:b', 'c': 'ex:c', 'd': 'ex:d', 'e': 'ex:e'}";
        String canonical = canonicalizer.canonicalize(TestResources.parse(
                v2(context, ", 'a': 1.0, 'b': 1.5, 'c': 1e21, 'd': 100000000000000000000, 'e': -7")));
        assertThat(canonical)
                .contains("<https://example.org/vocab#a> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>")
                .contains("<https://example.org/vocab#b> \"1.5E0\"^^<http://www.w3.org/2001/XMLSchema#double>")
                .contains("<https://example.org/vocab#c> \"1.0E21\"^^<http://www.w3.org/2001/XMLSchema#double>")
                .contains("<https://example.org/vocab#d> \"100000000000000000000\"^^<http://www.w3.org/2001/XMLSchema#integer>")
                .contains("<https://example.org/vocab#e> \"-7\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    }

    @Test
    void embeddedContextsAreCheckedToo() {
        JsonObject document = TestResources.parse(v2("").replace("{'id': 'did:example:subject'}",
                "{'@context': {'@vocab': '_:'}, 'id': 'did:example:subject', 'x': 1}"));
        assertThatThrownBy(() -> canonicalizer.canonicalize(document))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.JSON_LD_DATA_LOSS));
    }

    @Test
    void deepNestingIsALimitNotACrash() {
        JsonValue nested = JsonString.of("deep");
        for (int i = 0; i < 100_000; i++) { // far beyond what a recursive walk could survive
            nested = JsonArray.of(nested);
        }
        JsonObject document = TestResources.parse(v2("")).with("name", nested);
        assertThatThrownBy(() -> canonicalizer.canonicalize(document))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));

        JsonValue context = JsonObject.empty();
        for (int i = 0; i < 100_000; i++) {
            context = JsonObject.of(java.util.Map.of("t", JsonObject.of(java.util.Map.of("@id", JsonString.of("https://ex.org/t"), "@context", context))));
        }
        JsonObject deepContext = TestResources.parse(v2("")).with("@context", JsonArray.of(JsonString.of("https://www.w3.org/ns/credentials/v2"), context));
        assertThatThrownBy(() -> canonicalizer.canonicalize(deepContext))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
    }

    @Test
    void sharedCanonicalizerIsThreadSafe() throws Exception {
        JsonObject vc = TestResources.json("vectors/vc-di-eddsa/unsigned.json");
        JsonObject ob = TestResources.json("bench/ob3-course-completion.json");
        String expectedVc = TestResources.text("vectors/vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt");
        RdfCanonicalizer fresh = RdfCanonicalizer.builder().build(); // empty context cache: threads race to fill it
        String expectedOb = RdfCanonicalizer.builder().build().canonicalize(ob);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        if (!fresh.canonicalize(vc).equals(expectedVc) || !fresh.canonicalize(ob).equals(expectedOb)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void poisonGraphHitsTheWorkBudgetQuickly() {
        String clique = poisonClique(10);
        long start = System.nanoTime();
        assertThatThrownBy(() -> canonicalizer.canonicalizeNQuads(clique))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void hashBudgetIsConfigurable() {
        RdfCanonicalizer tight = RdfCanonicalizer.builder().maxWorkSteps(3).build();
        assertThatThrownBy(() -> tight.canonicalizeNQuads("_:a <http://ex/p> _:b .\n_:b <http://ex/p> _:c .\n_:c <http://ex/p> _:d .\n_:d <http://ex/p> _:a .\n"))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
    }

    @Test
    void invalidNQuadsAreMalformed() {
        assertThatThrownBy(() -> canonicalizer.canonicalizeNQuads("<not n-quads"))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED));
    }

    private static String poisonClique(int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                sb.append("_:e").append(i).append(" <http://example.com/p> _:e").append(j).append(" .\n");
            }
        }
        return sb.toString();
    }
}
