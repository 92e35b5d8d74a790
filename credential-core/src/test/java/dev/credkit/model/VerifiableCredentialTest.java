package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.credkit.model.Fixtures.VC1;
import static dev.credkit.model.Fixtures.VC2;
import static dev.credkit.model.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class VerifiableCredentialTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "vectors/vc-di-eddsa/unsigned.json",
            "vectors/vc-di-eddsa/employmentAuth.json",
            "vectors/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json",
            "vectors/vc-di-eddsa/eddsa-rdfc-2022/employ/signedDataInt.json",
            "vectors/vc-di-eddsa/eddsa-jcs-2022/signedJCS.json",
            "vectors/vc-di-eddsa/Ed25519Signature2020/signedEdSig.json",
            "vectors/vc-di-eddsa/proof-set-chain/unsigned.json",
            "vectors/vc-di-eddsa/proof-set-chain/signedProofSet1.json",
            "vectors/vc-di-eddsa/proof-set-chain/signedProofSet2.json",
            "vectors/vc-di-eddsa/proof-set-chain/signedProofChain1.json",
            "vectors/vc-di-eddsa/proof-set-chain/signedProofChain2.json",
            "vectors/ob3-eddsa-rdfc-2022/unsigned.json",
            "vectors/ob3-eddsa-rdfc-2022/signed.json",
            "bench/ob3-course-completion.json",
            "bench/ob3-course-record.json"})
    void readsTheVectorsAndBenchmarkDocuments(String resource) throws CredentialException {
        JsonObject json = Fixtures.read(resource);
        VerifiableCredential vc = VerifiableCredential.of(json);

        assertThat(vc.json()).isSameAs(json);
        assertThat(vc.version()).isEqualTo(DataModelVersion.V2_0);
        assertThat(vc.contexts()).first().isEqualTo(Fixtures.V2);
        assertThat(vc.types()).contains("VerifiableCredential");
        assertThat(vc.issuerId()).isNotBlank();
        assertThat(vc.validFrom()).isPresent();
        assertThat(vc.credentialSubjects()).isNotEmpty();
        assertThat(vc.withoutProof().has("proof")).isFalse();
        assertThat(vc.proofs()).hasSize(json.has("proof")
                ? json.array("proof").map(JsonArray::size).orElse(1) : 0);
    }

    @ParameterizedTest
    @CsvSource({
            "vectors/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json, vectors/vc-di-eddsa/unsigned.json",
            "vectors/vc-di-eddsa/eddsa-jcs-2022/signedJCS.json, vectors/vc-di-eddsa/unsigned.json",
            "vectors/vc-di-eddsa/proof-set-chain/signedProofChain2.json, vectors/vc-di-eddsa/proof-set-chain/unsigned.json",
            "vectors/vc-di-eddsa/eddsa-rdfc-2022/employ/signedDataInt.json, vectors/vc-di-eddsa/employmentAuth.json",
            "vectors/ob3-eddsa-rdfc-2022/signed.json, vectors/ob3-eddsa-rdfc-2022/unsigned.json"})
    void withoutProofIsTheUnsignedDocumentMemberForMember(String signed, String unsigned) throws CredentialException {
        VerifiableCredential vc = VerifiableCredential.of(Fixtures.read(signed));
        JsonObject expected = Fixtures.read(unsigned);

        assertThat(vc.withoutProof()).isEqualTo(expected);
        // same order too: compact serializations are identical
        assertThat(JsonWriter.compact(vc.withoutProof())).isEqualTo(JsonWriter.compact(expected));
        assertThat(vc.withoutProof()).isSameAs(vc.withoutProof());
    }

    @Test
    void keepsTheDocumentAsReceivedIncludingExtensionsAndNumbers() throws CredentialException {
        String text = "{\"credentialSubject\":{\"id\":\"did:example:1\",\"score\":1.50,\"big\":12345678901234567890123,"
                + "\"nested\":{\"z\":1,\"a\":[true,null,\"x\"]}},\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                + "\"x-extension\":{\"unknown\":\"kept\"},\"type\":\"VerifiableCredential\","
                + "\"issuer\":\"did:example:issuer\",\"proof\":{\"type\":\"DataIntegrityProof\"},\"zzz\":[]}";
        JsonObject json = JsonReader.defaults().readObject(text);
        VerifiableCredential vc = VerifiableCredential.of(json);

        assertThat(JsonWriter.compact(vc.json())).isEqualTo(text);
        assertThat(JsonWriter.compact(vc.withoutProof()))
                .isEqualTo(text.replace(",\"proof\":{\"type\":\"DataIntegrityProof\"}", ""));
        assertThat(new ArrayList<>(vc.withoutProof().keys()))
                .containsExactly("credentialSubject", "@context", "x-extension", "type", "issuer", "zzz");
    }

    @Test
    void withoutProofOfAnUnsignedCredentialIsTheDocumentItself() throws CredentialException {
        VerifiableCredential vc = VerifiableCredential.of(Fixtures.json(VC2));
        assertThat(vc.withoutProof()).isSameAs(vc.json());
        assertThat(vc.proofs()).isEmpty();
    }

    @Test
    void accessorsOfA20Credential() throws CredentialException {
        VerifiableCredential vc = VerifiableCredential.of(with(VC2, """
                {'@context': ['https://www.w3.org/ns/credentials/v2', {'@vocab': 'https://example.org/#'},
                              'https://www.w3.org/ns/credentials/examples/v2'],
                 'issuer': {'id': 'did:example:issuer', 'name': 'Example University'},
                 'validUntil': '2030-06-30T12:00:00+02:00',
                 'credentialSubject': [{'id': 'did:example:1', 'a': 1}, {'id': 'did:example:2', 'b': 2}],
                 'credentialStatus': {'type': 'BitstringStatusListEntry', 'statusListIndex': '5'},
                 'credentialSchema': [{'id': 'https://schema.example/1', 'type': 'JsonSchema'},
                                      {'id': 'https://schema.example/2', 'type': 'JsonSchema'}],
                 'relatedResource': {'id': 'https://r.example/1', 'digestSRI': 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='},
                 'proof': [{'type': 'DataIntegrityProof', 'id': 'urn:p1'}, {'type': 'DataIntegrityProof', 'id': 'urn:p2'}]}
                """));

        assertThat(vc.version()).isEqualTo(DataModelVersion.V2_0);
        assertThat(vc.contexts()).containsExactly(Fixtures.V2, Fixtures.EXAMPLES_V2);
        assertThat(vc.types()).containsExactly("VerifiableCredential", "ExampleCredential");
        assertThat(vc.hasType("ExampleCredential")).isTrue();
        assertThat(vc.hasType("OpenBadgeCredential")).isFalse();
        assertThat(vc.id()).contains("urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33");
        assertThat(vc.issuerId()).isEqualTo("did:example:issuer");
        assertThat(vc.issuer()).isInstanceOf(JsonObject.class);
        assertThat(vc.validFrom()).contains(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(vc.validUntil()).contains(Instant.parse("2030-06-30T10:00:00Z"));
        assertThat(vc.credentialSubjects()).extracting(s -> s.string("id").orElseThrow())
                .containsExactly("did:example:1", "did:example:2");
        assertThat(vc.credentialStatus()).singleElement()
                .satisfies(s -> assertThat(s.string("statusListIndex")).contains("5"));
        assertThat(vc.credentialSchemas()).hasSize(2);
        assertThat(vc.relatedResources()).hasSize(1);
        assertThat(vc.proofs()).extracting(p -> p.string("id").orElseThrow()).containsExactly("urn:p1", "urn:p2");
    }

    @Test
    void accessorsOfA11CredentialFallBackToIssuanceAndExpirationDates() throws CredentialException {
        VerifiableCredential vc = VerifiableCredential.of(with(VC1, """
                {'@context': 'https://www.w3.org/2018/credentials/v1', 'type': 'VerifiableCredential',
                 'expirationDate': '2030-01-01T00:00:00Z', 'issuer': {'id': 'https://example.edu/issuers/14'}}
                """));

        assertThat(vc.version()).isEqualTo(DataModelVersion.V1_1);
        assertThat(vc.contexts()).containsExactly(Fixtures.V1);
        assertThat(vc.types()).containsExactly("VerifiableCredential");
        assertThat(vc.issuerId()).isEqualTo("https://example.edu/issuers/14");
        assertThat(vc.validFrom()).contains(Instant.parse("2010-01-01T19:23:24Z"));
        assertThat(vc.validUntil()).contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(vc.credentialStatus()).isEmpty();
    }

    @Test
    void withProofAddsOrAppendsWithoutTouchingTheRest() throws CredentialException {
        VerifiableCredential unsigned = VerifiableCredential.of(Fixtures.read("vectors/vc-di-eddsa/proof-set-chain/unsigned.json"));
        JsonObject signed1 = Fixtures.read("vectors/vc-di-eddsa/proof-set-chain/signedProofSet1.json");
        JsonObject signed2 = Fixtures.read("vectors/vc-di-eddsa/proof-set-chain/signedProofSet2.json");
        List<JsonObject> proofs = VerifiableCredential.of(signed2).proofs();

        VerifiableCredential one = unsigned.withProof(proofs.get(0));
        assertThat(JsonWriter.compact(one.json())).isEqualTo(JsonWriter.compact(signed1));
        VerifiableCredential two = one.withProof(proofs.get(1));
        assertThat(JsonWriter.compact(two.json())).isEqualTo(JsonWriter.compact(signed2));
        assertThat(two.withProof(proofs.get(0)).proofs()).hasSize(3);
        assertThat(two.withoutProof()).isEqualTo(unsigned.json());
        assertThat(two.validFrom()).isEqualTo(unsigned.validFrom());
        assertThat(unsigned.proofs()).isEmpty();
    }

    @Test
    void equalityFollowsTheDocument() throws CredentialException {
        VerifiableCredential a = VerifiableCredential.of(Fixtures.json(VC2));
        VerifiableCredential b = VerifiableCredential.of(Fixtures.json(VC2));
        VerifiableCredential c = VerifiableCredential.of(Fixtures.json(VC2).with("name", new JsonString("x")));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a.toString()).contains("V2_0", "urn:uuid:58172aac").hasSizeLessThan(200);
    }

    @Test
    void validatesQuicklyEvenForLargeDocuments() throws CredentialException {
        StringBuilder subjects = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            subjects.append(i == 0 ? "" : ",").append("{'id':'did:example:").append(i).append("','n':").append(i).append('}');
        }
        JsonObject json = with(VC2, "{'credentialSubject': " + subjects.append(']') + "}");
        long start = System.nanoTime();
        assertThat(VerifiableCredential.of(json).credentialSubjects()).hasSize(20_000);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
