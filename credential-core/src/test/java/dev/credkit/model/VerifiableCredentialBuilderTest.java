package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonWriter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.credkit.model.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VerifiableCredentialBuilderTest {
    private static final Instant FROM = Instant.parse("2025-01-15T00:00:00Z");

    private static VerifiableCredentialBuilder minimal() {
        return VerifiableCredential.builder()
                .issuer("did:key:z6MksFn44HX4jtsk8a7889WERWzWQbeZ41o2m3rcEhvYJ5zj")
                .credentialSubject(json("{'id': 'did:example:ebfeb1f712ebc6f1c276e12ec21'}"));
    }

    @Test
    void writesTheUnsignedVectorExactly() throws CredentialException {
        VerifiableCredential vc = VerifiableCredential.builder()
                .context("https://www.w3.org/ns/credentials/examples/v2")
                .id("urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33")
                .type("AlumniCredential")
                .name("Alumni Credential")
                .description("A minimum viable example of an Alumni Credential.")
                .issuer("https://vc.example/issuers/5678")
                .validFrom(Instant.parse("2023-01-01T00:00:00Z"))
                .credentialSubject(json("{'id': 'did:example:abcdefgh', 'alumniOf': 'The School of Examples'}"))
                .build();

        JsonObject expected = Fixtures.read("vectors/vc-di-eddsa/unsigned.json");
        assertThat(JsonWriter.compact(vc.json())).isEqualTo(JsonWriter.compact(expected));
        assertThat(vc.version()).isEqualTo(DataModelVersion.V2_0);
    }

    @Test
    void writesTheOpenBadgeVectorExactly() throws CredentialException {
        JsonObject expected = Fixtures.read("vectors/ob3-eddsa-rdfc-2022/unsigned.json");
        VerifiableCredential vc = VerifiableCredential.builder()
                .context("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
                .id("http://example.com/credentials/3527")
                .type("OpenBadgeCredential")
                .issuer("https://example.edu/issuers/565049", expected.object("issuer").orElseThrow().without("id"))
                .validFrom(Instant.parse("2010-01-01T00:00:00Z"))
                .name(expected.get("name").orElseThrow())
                .credentialSubject(expected.object("credentialSubject").orElseThrow())
                .build();
        // same members; the builder writes name before issuer, the vector after validFrom
        assertThat(vc.json()).isEqualTo(expected);
    }

    @Test
    void writesEveryStandardMemberInAFixedOrder() throws CredentialException {
        VerifiableCredential vc = minimal()
                .property("extension", json("{'kept': true}"))
                .relatedResource(json("{'id': 'https://www.w3.org/ns/credentials/v2', "
                        + "'digestSRI': 'sha384-Ml/HrjlBCNWyAX91hr6LFV2Y3heB5Tcr6IeE4/Tje8YyzYBM8IhqjHWiWpr8+ZbYU'}"))
                .refreshService(json("{'type': 'VerifiableCredentialRefreshService2021', 'url': 'https://r.example'}"))
                .termsOfUse(json("{'type': 'IssuerPolicy', 'id': 'https://policy.example/1'}"))
                .evidence(json("{'type': ['Evidence'], 'id': 'https://evidence.example/1'}"))
                .credentialSchema(json("{'id': 'https://schema.example/1.json', 'type': 'JsonSchema'}"))
                .credentialStatus(json("{'type': 'BitstringStatusListEntry', 'statusPurpose': 'revocation', "
                        + "'statusListIndex': '7', 'statusListCredential': 'https://status.example/1'}"))
                .validUntil(Instant.parse("2030-01-01T00:00:00Z"))
                .validFrom(FROM)
                .description("Completed the course")
                .name("Course certificate", "en")
                .type("OpenBadgeCredential")
                .id("urn:uuid:91f3c1a0-5d2e-4b7a-9c8d-1e2f3a4b5c6d")
                .context("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
                .build();

        assertThat(List.copyOf(vc.json().keys())).containsExactly("@context", "id", "type", "name", "description", "issuer",
                "validFrom", "validUntil", "credentialSubject", "credentialStatus", "credentialSchema", "evidence",
                "termsOfUse", "refreshService", "relatedResource", "extension");
        assertThat(vc.contexts()).containsExactly(Fixtures.V2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(vc.types()).containsExactly("VerifiableCredential", "OpenBadgeCredential");
        assertThat(vc.json().get("name")).contains(json("{'@value': 'Course certificate', '@language': 'en'}"));
        assertThat(vc.json().get("validUntil")).contains(new JsonString("2030-01-01T00:00:00Z"));
        assertThat(vc.credentialStatus()).hasSize(1);
        assertThat(vc.json().get("credentialStatus").orElseThrow()).isInstanceOf(JsonObject.class);
    }

    @Test
    void writesRepeatedMembersAsArraysAndSkipsRepeatedContextsAndTypes() throws CredentialException {
        VerifiableCredential vc = VerifiableCredential.builder()
                .context(Fixtures.V2)
                .contexts(List.of(Fixtures.EXAMPLES_V2, Fixtures.EXAMPLES_V2))
                .context(json("{'@vocab': 'https://example.org/#'}"))
                .type("VerifiableCredential", "ExampleCredential", "ExampleCredential")
                .issuer(json("{'id': 'did:example:issuer', 'name': 'Example University'}"))
                .credentialSubjects(List.of(json("{'id': 'did:example:1'}"), json("{'id': 'did:example:2'}")))
                .evidence(json("{'type': 'Evidence'}"))
                .evidence(json("{'type': 'Evidence', 'n': 2}"))
                .build();

        assertThat(vc.json().get("@context")).contains(JsonArray.of(new JsonString(Fixtures.V2),
                new JsonString(Fixtures.EXAMPLES_V2), json("{'@vocab': 'https://example.org/#'}")));
        assertThat(vc.types()).containsExactly("VerifiableCredential", "ExampleCredential");
        assertThat(vc.json().get("credentialSubject").orElseThrow()).isInstanceOf(JsonArray.class);
        assertThat(vc.credentialSubjects()).hasSize(2);
        assertThat(vc.json().array("evidence")).hasValueSatisfying(a -> assertThat(a.size()).isEqualTo(2));
        assertThat(vc.issuerId()).isEqualTo("did:example:issuer");
    }

    @Test
    void writesTimesInUtcToTheSecond() throws CredentialException {
        VerifiableCredential vc = minimal()
                .validFrom(Instant.parse("2025-03-01T10:15:30.987654321Z"))
                .validUntil(Instant.parse("+10000-01-01T00:00:00Z"))
                .build();

        assertThat(vc.json().string("validFrom")).contains("2025-03-01T10:15:30Z");
        assertThat(vc.json().string("validUntil")).contains("10000-01-01T00:00:00Z");
        assertThat(vc.validFrom()).contains(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(vc.validUntil()).contains(Instant.parse("+10000-01-01T00:00:00Z"));
    }

    @Test
    void issuerObjectPutsTheIdFirst() throws CredentialException {
        VerifiableCredential vc = minimal()
                .issuer("https://example.edu/issuers/565049", json("{'type': ['Profile'], 'name': 'Example University'}"))
                .build();
        JsonObject issuer = vc.json().object("issuer").orElseThrow();
        assertThat(List.copyOf(issuer.keys())).containsExactly("id", "type", "name");
        assertThat(vc.issuerId()).isEqualTo("https://example.edu/issuers/565049");
        assertThatThrownBy(() -> minimal().issuer("did:example:1", json("{'id': 'did:example:2'}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtCredentialsSurviveAWriteAndReadRoundTrip() throws CredentialException {
        VerifiableCredential built = minimal().validFrom(FROM).name("Name").property("score", JsonNumber.of(97)).build();
        JsonObject reread = JsonReader.defaults().readObject(JsonWriter.pretty(built.json()));
        VerifiableCredential read = VerifiableCredential.of(reread);
        assertThat(read).isEqualTo(built);
        assertThat(JsonWriter.compact(read.json())).isEqualTo(JsonWriter.compact(built.json()));
    }

    @Test
    void theBuilderCanBeReusedAndIsNotChangedByBuilding() throws CredentialException {
        VerifiableCredentialBuilder builder = minimal();
        VerifiableCredential first = builder.build();
        VerifiableCredential second = builder.id("urn:uuid:2").build();
        assertThat(first.id()).isEmpty();
        assertThat(second.id()).contains("urn:uuid:2");
    }

    @Test
    void refusesInvalidContentWithTheRuleItBreaks() {
        assertRefused(VerifiableCredential.builder().credentialSubject(json("{'id': 'did:example:1'}")), "issuer is required");
        assertRefused(VerifiableCredential.builder().issuer("did:example:issuer"), "credentialSubject is required");
        assertRefused(minimal().credentialSubject(json("{}")), "credentialSubject[1] must not be empty");
        assertRefused(VerifiableCredential.builder().issuer("did:example:issuer").credentialSubject(json("{}")),
                "credentialSubject must not be empty");
        assertRefused(minimal().issuer("Example University"), "issuer must be a URL");
        assertRefused(minimal().issuer(json("{'name': 'Example University'}")), "issuer must be a URL or an object with a URL id");
        assertRefused(minimal().id("credential 1"), "id must be a URL");
        assertRefused(minimal().context("not a url"), "@context[1] must be a URL or an object");
        assertRefused(minimal().context(Fixtures.V1), "credkit writes VC Data Model 2.0 only");
        assertRefused(minimal().validFrom(FROM).validUntil(FROM.minusSeconds(1)), "validFrom must not be later than validUntil");
        assertRefused(minimal().name("Name", "not a language"), "name.@language must be a well-formed BCP 47 language tag");
        assertRefused(minimal().credentialStatus(json("{'id': 'https://status.example/1#1'}")), "credentialStatus.type is required");
        assertRefused(minimal().credentialSchema(json("{'type': 'JsonSchema'}")), "credentialSchema.id is required");
        assertRefused(minimal().relatedResource(json("{'id': 'https://r.example/1'}")),
                "relatedResource must have a digestSRI or a digestMultibase");
        assertRefused(minimal().type(""), "type must contain only non-empty strings");
    }

    @Test
    void usesTheConfiguredValidator() {
        DataModelValidator knowsV2 = DataModelValidator.builder()
                .relatedResources(url -> url.equals(Fixtures.V2) ? Optional.of(new byte[] {1, 2, 3}) : Optional.empty())
                .build();
        VerifiableCredentialBuilder builder = minimal().relatedResource(json("{'id': 'https://www.w3.org/ns/credentials/v2', "
                + "'digestSRI': 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='}"));
        assertRefused(builder.validator(knowsV2), "relatedResource.digestSRI does not match the resource");
    }

    @Test
    void programmingErrorsAreRefusedAtOnce() {
        VerifiableCredentialBuilder builder = VerifiableCredential.builder();
        for (String managed : List.of("@context", "type", "issuer", "credentialSubject", "validFrom", "relatedResource")) {
            assertThatThrownBy(() -> builder.property(managed, new JsonString("x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("own builder method");
        }
        for (String notWritten : List.of("proof", "issuanceDate", "expirationDate")) {
            assertThatThrownBy(() -> builder.property(notWritten, new JsonString("x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(notWritten);
        }
        assertThatThrownBy(() -> builder.issuer((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.credentialSubject(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.type("A", null)).isInstanceOf(NullPointerException.class);
    }

    private static void assertRefused(VerifiableCredentialBuilder builder, String rule) {
        CredentialException e = catchThrowableOfType(CredentialException.class, builder::build);
        assertThat(e).as(rule).isNotNull();
        assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL);
        assertThat(e.getMessage()).contains(rule);
    }
}
