package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.credkit.model.Fixtures.with;
import static dev.credkit.model.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnvelopeTest {
    private static final String VC_JWT = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZToxIn0.c2ln";
    private static final String ENVELOPED_VC = "{'@context': ['https://www.w3.org/ns/credentials/v2', "
            + "'https://www.w3.org/ns/credentials/examples/v2'], 'id': 'data:application/vc+jwt," + VC_JWT + "', "
            + "'type': 'EnvelopedVerifiableCredential'}";
    private static final String ENVELOPED_VP = "{'@context': 'https://www.w3.org/ns/credentials/v2', "
            + "'id': 'data:application/vp+jwt,eyJhbGciOiJFZERTQSJ9.e30.c2ln', 'type': ['EnvelopedVerifiablePresentation']}";

    @Test
    void readsAnEnvelopedCredential() throws CredentialException {
        Envelope envelope = Envelope.of(Fixtures.json(ENVELOPED_VC));
        assertThat(envelope.kind()).isEqualTo(Envelope.Kind.CREDENTIAL);
        assertThat(envelope.mediaType()).isEqualTo("application/vc+jwt");
        assertThat(envelope.base64()).isFalse();
        assertThat(envelope.data()).isEqualTo(VC_JWT);
        assertThat(envelope.toString()).doesNotContain(VC_JWT);
    }

    @Test
    void readsAnEnvelopedPresentation() throws CredentialException {
        Envelope envelope = Envelope.of(Fixtures.json(ENVELOPED_VP));
        assertThat(envelope.kind()).isEqualTo(Envelope.Kind.PRESENTATION);
        assertThat(envelope.mediaType()).isEqualTo("application/vp+jwt");
        assertThat(envelope.data()).isEqualTo("eyJhbGciOiJFZERTQSJ9.e30.c2ln");
    }

    @Test
    void readsDataUrlParameters() throws CredentialException {
        Envelope base64 = Envelope.of(with(ENVELOPED_VC, "{'id': 'data:Application/VC+COSE;base64,0oRYQ6MBJg=='}"));
        assertThat(base64.mediaType()).isEqualTo("application/vc+cose");
        assertThat(base64.base64()).isTrue();
        assertThat(base64.data()).isEqualTo("0oRYQ6MBJg==");
        Envelope plain = Envelope.of(with(ENVELOPED_VC, "{'id': 'data:,hello%20world'}"));
        assertThat(plain.mediaType()).isEqualTo("text/plain");
        assertThat(plain.data()).isEqualTo("hello%20world");
    }

    @Test
    void writesEnvelopesThatReadBack() throws CredentialException {
        Envelope envelope = new Envelope(Envelope.Kind.CREDENTIAL, "application/vc+jwt", false, VC_JWT);
        JsonObject json = envelope.toJson();
        assertThat(json).isEqualTo(Fixtures.json("{'@context': ['https://www.w3.org/ns/credentials/v2'], "
                + "'id': 'data:application/vc+jwt," + VC_JWT + "', 'type': 'EnvelopedVerifiableCredential'}"));
        assertThat(Envelope.of(json)).isEqualTo(envelope);
        Envelope cose = new Envelope(Envelope.Kind.PRESENTATION, "application/vp+cose", true, "0oRY");
        assertThat(cose.dataUrl()).isEqualTo("data:application/vp+cose;base64,0oRY");
        assertThat(Envelope.of(cose.toJson())).isEqualTo(cose);
    }

    static Stream<Arguments> invalidEnvelopes() {
        return Stream.of(
                Arguments.of("not an envelope", Fixtures.json(Fixtures.VC2),
                        "type must include EnvelopedVerifiableCredential or EnvelopedVerifiablePresentation"),
                Arguments.of("type removed", without(ENVELOPED_VC, "type"), "type must include EnvelopedVerifiableCredential"),
                Arguments.of("type replaced", with(ENVELOPED_VP, "{'type': ['VerifiablePresentation']}"),
                        "type must include EnvelopedVerifiableCredential"),
                Arguments.of("empty @context", with(ENVELOPED_VC, "{'@context': []}"),
                        "@context of an EnvelopedVerifiableCredential must start with https://www.w3.org/ns/credentials/v2"),
                Arguments.of("examples @context", with(ENVELOPED_VC, "{'@context': 'https://www.w3.org/ns/credentials/examples/v2'}"),
                        "@context of an EnvelopedVerifiableCredential must start with"),
                Arguments.of("examples @context only", with(ENVELOPED_VP, "{'@context': ['https://www.w3.org/ns/credentials/examples/v2']}"),
                        "@context of an EnvelopedVerifiablePresentation must start with"),
                Arguments.of("1.1 @context", with(ENVELOPED_VC, "{'@context': ['https://www.w3.org/2018/credentials/v1']}"),
                        "@context of an EnvelopedVerifiableCredential must start with"),
                Arguments.of("no @context", without(ENVELOPED_VC, "@context"), "@context is required"),
                Arguments.of("bad later @context", with(ENVELOPED_VC, "{'@context': ['https://www.w3.org/ns/credentials/v2', 5]}"),
                        "@context[1] must be a URL or an object"),
                Arguments.of("id without the data: part", with(ENVELOPED_VC, "{'id': '" + VC_JWT + "'}"),
                        "id of an EnvelopedVerifiableCredential must be a data: URL"),
                Arguments.of("id an https URL", with(ENVELOPED_VP, "{'id': 'https://example.org/vp,1'}"),
                        "id of an EnvelopedVerifiablePresentation must be a data: URL"),
                Arguments.of("id without a comma", with(ENVELOPED_VC, "{'id': 'data:application/vc+jwt'}"),
                        "must be a data: URL"),
                Arguments.of("no id", without(ENVELOPED_VC, "id"), "must be a data: URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnvelopes")
    void rejectsInvalidEnvelopes(String description, JsonObject json, String rule) {
        CredentialException e = catchThrowableOfType(CredentialException.class, () -> Envelope.of(json));
        assertThat(e).as(description).isNotNull();
        assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL);
        assertThat(e.getMessage()).contains(rule);
    }
}
