package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.credkit.model.Fixtures.VC1;
import static dev.credkit.model.Fixtures.VC2;
import static dev.credkit.model.Fixtures.with;
import static dev.credkit.model.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VerifiablePresentationTest {
    private static final String JWT = "eyJhbGciOiJFZERTQSJ9.eyJ0eXAiOiJ2Yytqd3QifQ.c2ln";

    static final String ENVELOPED = "{'@context': ['https://www.w3.org/ns/credentials/v2'], "
            + "'id': 'data:application/vc+jwt," + JWT + "', 'type': 'EnvelopedVerifiableCredential'}";

    static final String VP = """
            {'@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
             'id': 'urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5',
             'type': ['VerifiablePresentation', 'ExamplePresentation'],
             'holder': 'did:example:holder'}
            """;

    private static JsonObject vp(String overrides) {
        return with(VP, overrides);
    }

    static Stream<Arguments> validPresentations() throws CredentialException {
        JsonObject signed = Fixtures.read("vectors/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json");
        return Stream.of(
                Arguments.of("minimal", Fixtures.json("{'@context': ['https://www.w3.org/ns/credentials/v2'], "
                        + "'type': 'VerifiablePresentation'}")),
                Arguments.of("with holder, no credentials", Fixtures.json(VP)),
                Arguments.of("holder an object", vp("{'holder': {'id': 'did:example:holder', 'name': 'Alice'}}")),
                Arguments.of("one embedded credential", Fixtures.json(VP).with("verifiableCredential", signed)),
                Arguments.of("several credentials", Fixtures.json(VP).with("verifiableCredential",
                        JsonArray.of(signed, Fixtures.json(VC2), Fixtures.json(VC1)))),
                Arguments.of("an enveloped credential", vp("{'verifiableCredential': [" + ENVELOPED + "]}")),
                Arguments.of("enveloped with a string @context and base64", vp("{'verifiableCredential': "
                        + "{'@context': 'https://www.w3.org/ns/credentials/v2', 'type': ['EnvelopedVerifiableCredential'], "
                        + "'id': 'data:application/vc+cose;base64,0oRYQ6MBJgRYKnVybjp1dWlk'}}")),
                Arguments.of("termsOfUse and proof", vp("{'termsOfUse': {'type': 'HolderPolicy'}, "
                        + "'proof': {'type': 'DataIntegrityProof', 'proofPurpose': 'authentication'}}")),
                Arguments.of("VC 1.1", Fixtures.json("{'@context': 'https://www.w3.org/2018/credentials/v1', "
                        + "'type': 'VerifiablePresentation'}").with("verifiableCredential", Fixtures.json(VC1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPresentations")
    void acceptsValidPresentations(String description, JsonObject json) {
        assertThatCode(() -> VerifiablePresentation.of(json)).as(description).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidPresentations() {
        return Stream.of(
                Arguments.of("no @context", without(VP, "@context"), "@context is required"),
                Arguments.of("base context not first", vp("{'@context': ['https://www.w3.org/ns/credentials/examples/v2', "
                        + "'https://www.w3.org/ns/credentials/v2']}"), "@context must start with https://www.w3.org/ns/credentials/v2"),
                Arguments.of("no type", without(VP, "type"), "type is required"),
                Arguments.of("type without VerifiablePresentation", vp("{'type': ['ExamplePresentation']}"),
                        "type must include VerifiablePresentation"),
                Arguments.of("type of a credential", vp("{'type': 'VerifiableCredential'}"), "type must include VerifiablePresentation"),
                Arguments.of("id not a URL", vp("{'id': 'presentation 1'}"), "id must be a URL"),
                Arguments.of("holder not a URL", vp("{'holder': 'Alice'}"), "holder must be a URL"),
                Arguments.of("holder a number", vp("{'holder': 7}"), "holder must be a URL or an object with a URL id"),
                Arguments.of("holder object without id", vp("{'holder': {'name': 'Acme'}}"),
                        "holder must be a URL or an object with a URL id"),
                Arguments.of("holder id not a URL", vp("{'holder': {'id': 'Acme'}}"), "holder.id must be a URL"),
                Arguments.of("credential a JWT string", vp("{'verifiableCredential': '" + JWT + "'}"),
                        "verifiableCredential must be an object or an array of objects, not a string"),
                Arguments.of("credential a URL in an array", vp("{'verifiableCredential': ['https://example.edu/credentials/1']}"),
                        "verifiableCredential[0] must be an object (a credential or an EnvelopedVerifiableCredential), not a string"),
                Arguments.of("credentials a number", vp("{'verifiableCredential': [5]}"), "verifiableCredential[0] must be an object"),
                Arguments.of("credentials empty", vp("{'verifiableCredential': []}"), "verifiableCredential must not be an empty array"),
                Arguments.of("credential without its type", vp("{'verifiableCredential': " + with(VC2, "{'type': ['ExampleCredential']}")
                        + "}"), "verifiableCredential.type must include VerifiableCredential"),
                Arguments.of("second credential with an empty subject", vp("{'verifiableCredential': [" + VC2 + ", "
                        + with(VC2, "{'credentialSubject': {}}") + "]}"), "verifiableCredential[1].credentialSubject must not be empty"),
                Arguments.of("enveloped credential without @context", vp("{'verifiableCredential': ["
                        + without(ENVELOPED, "@context") + "]}"), "verifiableCredential[0].@context is required"),
                Arguments.of("enveloped credential with an empty @context", vp("{'verifiableCredential': ["
                        + with(ENVELOPED, "{'@context': []}") + "]}"),
                        "verifiableCredential[0].@context of an EnvelopedVerifiableCredential must start with"),
                Arguments.of("enveloped credential with another @context", vp("{'verifiableCredential': ["
                        + with(ENVELOPED, "{'@context': 'https://www.w3.org/ns/credentials/examples/v2'}") + "]}"),
                        "verifiableCredential[0].@context of an EnvelopedVerifiableCredential must start with"),
                Arguments.of("enveloped credential with a JWT id", vp("{'verifiableCredential': ["
                        + with(ENVELOPED, "{'id': '" + JWT + "'}") + "]}"),
                        "verifiableCredential[0].id of an EnvelopedVerifiableCredential must be a data: URL"),
                Arguments.of("enveloped credential without data", vp("{'verifiableCredential': ["
                        + with(ENVELOPED, "{'id': 'data:application/vc+jwt,'}") + "]}"),
                        "verifiableCredential[0].id of an EnvelopedVerifiableCredential must be a data: URL"),
                Arguments.of("enveloped credential retyped", vp("{'verifiableCredential': ["
                        + with(ENVELOPED, "{'type': 'VerifiableCredential'}") + "]}"),
                        "verifiableCredential[0].issuer is required"),
                Arguments.of("termsOfUse without type", vp("{'termsOfUse': {'id': 'https://policy.example/1'}}"),
                        "termsOfUse.type is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPresentations")
    void rejectsPresentationsThatBreakARule(String description, JsonObject json, String rule) {
        CredentialException e = catchThrowableOfType(CredentialException.class, () -> VerifiablePresentation.of(json));
        assertThat(e).as(description).isNotNull();
        assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL);
        assertThat(e.getMessage()).contains(rule);
    }

    @Test
    void malformedProofIsAnInvalidProof() {
        CredentialException e = catchThrowableOfType(CredentialException.class,
                () -> VerifiablePresentation.of(vp("{'proof': 'abc'}")));
        assertThat(e.code()).isEqualTo(ProblemCode.INVALID_PROOF);
    }

    @Test
    void accessors() throws CredentialException {
        JsonObject signed = Fixtures.read("vectors/ob3-eddsa-rdfc-2022/signed.json");
        JsonObject json = vp("{'holder': {'id': 'did:example:holder'}, 'verifiableCredential': [" + ENVELOPED + "], "
                + "'proof': {'type': 'DataIntegrityProof', 'challenge': 'abc'}}");
        json = json.with("verifiableCredential", json.array("verifiableCredential").orElseThrow().with(signed));
        VerifiablePresentation vp = VerifiablePresentation.of(json);

        assertThat(vp.json()).isSameAs(json);
        assertThat(vp.version()).isEqualTo(DataModelVersion.V2_0);
        assertThat(vp.contexts()).containsExactly(Fixtures.V2, Fixtures.EXAMPLES_V2);
        assertThat(vp.types()).containsExactly("VerifiablePresentation", "ExamplePresentation");
        assertThat(vp.id()).contains("urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5");
        assertThat(vp.holderId()).contains("did:example:holder");
        assertThat(vp.holder()).isPresent();
        assertThat(vp.credentials()).hasSize(2);
        assertThat(vp.credentials().get(1)).isSameAs(signed);
        assertThat(Envelope.kindOf(vp.credentials().get(0))).contains(Envelope.Kind.CREDENTIAL);
        assertThat(Envelope.kindOf(vp.credentials().get(1))).isEmpty();
        assertThat(vp.proofs()).singleElement().satisfies(p -> assertThat(p.string("challenge")).contains("abc"));
        assertThat(vp.withoutProof()).isEqualTo(json.without("proof"));
        assertThat(new java.util.ArrayList<>(vp.withoutProof().keys()))
                .containsExactly("@context", "id", "type", "holder", "verifiableCredential");
        assertThat(vp.toString()).contains("credentials=2");
    }

    @Test
    void holderIsOptional() throws CredentialException {
        VerifiablePresentation vp = VerifiablePresentation.of(without(VP, "holder"));
        assertThat(vp.holderId()).isEmpty();
        assertThat(vp.credentials()).isEmpty();
        assertThat(vp.withoutProof()).isSameAs(vp.json());
    }

    @Test
    void keepsTheDocumentAsReceived() throws CredentialException {
        JsonObject json = vp("{'verifiableCredential': " + VC2 + ", 'extension': {'b': 2, 'a': 1.0}}");
        String before = JsonWriter.compact(json);
        assertThat(JsonWriter.compact(VerifiablePresentation.of(json).json())).isEqualTo(before);
    }
}
