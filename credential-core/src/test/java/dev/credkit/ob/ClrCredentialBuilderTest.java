package dev.credkit.ob;

import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClrCredentialBuilderTest {
    private static final String PROGRAMME = "https://example.edu/programmes/bsc-cs";

    /** A stand-in proof: bundling checks that one is present, verification happens elsewhere. */
    static JsonObject signed(JsonObject credential) {
        return credential.with("proof", JsonObject.builder().put("type", "DataIntegrityProof")
                .put("cryptosuite", "eddsa-rdfc-2022").put("proofPurpose", "assertionMethod")
                .put("verificationMethod", Fixtures.ISSUER_DID + "#key").put("proofValue", "z3abc").build());
    }

    static ClrCredentialBuilder transcript() throws Exception {
        Achievement programme = Achievement.builder().id(PROGRAMME).name("B.Sc. Computer Science")
                .description("Bachelor programme.").criteria(Criteria.narrative("180 ECTS.")).build();
        return ClrCredentialBuilder.create(Fixtures.CLOCK, Fixtures.random())
                .issuer(Fixtures.institution())
                .verifyBaseUrl("https://certs.example.edu")
                .verificationCode(Fixtures.code())
                .name("Transcript of Records")
                .learnerName("Ada Lovelace")
                .learnerEmail("ada@example.org")
                .credential(signed(Fixtures.certificate().build().toJson()))
                .credential(signed(CourseRecordBuilderTest.record().courseId("https://example.edu/courses/cs202")
                        .build().toJson()))
                .achievement(programme)
                .association("isParentOf", PROGRAMME, "https://example.edu/courses/cs201")
                .association("isParentOf", PROGRAMME, "https://example.edu/courses/cs202");
    }

    @Test
    void bundlesSignedCredentialsWithAssociations() throws Exception {
        JsonObject clr = transcript().partial(true).build();
        assertThat(clr.array("@context").orElseThrow().strings().orElseThrow())
                .containsExactly(ObContexts.VC_V2, ObContexts.CLR_2_0_1, ObContexts.OB_3_0_3);
        assertThat(clr.array("type").orElseThrow().strings().orElseThrow())
                .containsExactly("VerifiableCredential", "ClrCredential");
        assertThat(clr.string("id").orElseThrow()).startsWith("https://certs.example.edu/verify/");
        assertThat(clr.string("validFrom")).contains("2025-03-01T10:15:30Z");
        JsonObject subject = clr.object("credentialSubject").orElseThrow();
        assertThat(subject.array("type").orElseThrow().strings().orElseThrow()).containsExactly("ClrSubject");
        JsonArray bundled = subject.array("verifiableCredential").orElseThrow();
        assertThat(bundled.size()).isEqualTo(2);
        // bundled credentials are embedded exactly as signed
        assertThat(bundled.get(0)).isEqualTo(signed(Fixtures.certificate().build().toJson()));
        assertThat(subject.array("association").orElseThrow().size()).isEqualTo(2);
        assertThat(((JsonObject) subject.array("association").orElseThrow().get(0)).toJson())
                .isEqualTo("{\"type\":[\"Association\"],\"associationType\":\"isParentOf\",\"sourceId\":\""
                        + PROGRAMME + "\",\"targetId\":\"https://example.edu/courses/cs201\"}");
        assertThat(subject.array("identifier").orElseThrow().size()).isEqualTo(2);
        assertThat(clr.toJson()).contains("\"partial\":true");
    }

    @Test
    void refusesUnsignedInvalidOrForeignCredentials() throws Exception {
        assertThatThrownBy(() -> transcript().credential(Fixtures.certificate().build().toJson()).build())
                .hasMessageContaining("verifiableCredential entries must be signed");
        assertThatThrownBy(() -> transcript().credential(signed(JsonObject.empty().with("id", "urn:x"))).build())
                .hasMessageContaining("@context is REQUIRED");
        assertThatThrownBy(() -> transcript().learnerId("did:example:someone-else")
                .credential(signed(Fixtures.certificate().learnerId("did:example:ada").build().toJson())).build())
                .hasMessageContaining("is about another subject");
    }

    @Test
    void eachRuleIsNamed() throws Exception {
        assertThatThrownBy(() -> transcript().name(null).build()).hasMessageContaining("ClrCredential.name is REQUIRED");
        assertThatThrownBy(() -> transcript().issuer(null).build()).hasMessageContaining("ClrCredential.issuer is REQUIRED");
        assertThatThrownBy(() -> ClrCredentialBuilder.create(Fixtures.CLOCK, Fixtures.random())
                .issuer(Fixtures.institution()).verifyBaseUrl("https://certs.example.edu")
                .verificationCode(Fixtures.code()).name("T").learnerName("Ada").build())
                .hasMessageContaining("needs at least one credential");
        assertThatThrownBy(() -> transcript().association("contains", PROGRAMME, "https://example.edu/courses/cs201")
                .build()).hasMessageContaining("associationType 'contains' is not one of");
        assertThatThrownBy(() -> transcript().association("isParentOf", PROGRAMME, "https://example.edu/courses/x")
                .build()).hasMessageContaining("Association ends must be ids of achievements in the transcript");
        assertThatThrownBy(() -> ClrCredentialBuilder.create(Fixtures.CLOCK, Fixtures.random())
                .issuer(Fixtures.institution()).verifyBaseUrl("https://certs.example.edu")
                .verificationCode(Fixtures.code()).name("T")
                .credential(signed(Fixtures.certificate().build().toJson())).build())
                .hasMessageContaining("ClrSubject needs an id or at least one identifier");
    }
}
