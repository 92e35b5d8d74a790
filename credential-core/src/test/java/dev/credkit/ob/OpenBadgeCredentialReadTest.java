package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.model.DataModelVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenBadgeCredentialReadTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/bench/ob3-course-completion.json",
            "/bench/ob3-course-record.json",
            "/vectors/ob3-eddsa-rdfc-2022/unsigned.json",
            "/vectors/ob3-eddsa-rdfc-2022/signed.json"})
    void readsPublishedExamplesAndKeepsThemUnchanged(String path) throws Exception {
        JsonObject json = Fixtures.resource(path);
        OpenBadgeCredential c = OpenBadgeCredential.read(json);
        assertThat(c.toJson()).isSameAs(json);
        assertThat(c.dataModel()).isEqualTo(DataModelVersion.V2_0);
        assertThat(c.issuer().id()).isNotBlank();
        assertThat(c.achievement().criteria().narrative()).isPresent();
        assertThat(c.hasProof()).isEqualTo(path.contains("signed.json") && !path.contains("unsigned"));
    }

    /** The AchievementCredential embedded in 1EdTech's CLR 2.0 test vector (single-string types, creator, image). */
    @Test
    void readsTheCredentialOfTheClrTestVector() throws Exception {
        String text = """
                {"@context":["https://www.w3.org/ns/credentials/v2",
                  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                  "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"],
                 "id":"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
                 "type":["VerifiableCredential","AchievementCredential"],
                 "issuer":{"id":"https://example.edu/issuers/565049","type":"Profile","name":"Example University"},
                 "validFrom":"2010-01-01T00:00:00Z","name":"Example University Degree",
                 "credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21","type":"AchievementSubject",
                   "achievement":{"id":"urn:uuid:a7467ef6-56cb-11ec-bf63-0242ac130002","type":"Achievement",
                     "creator":{"id":"https://example.edu/issuers/565049","type":"Profile"},
                     "name":"Achievement 1",
                     "criteria":{"id":"https://example.edu/achievements/a7467ef6-56cb-11ec-bf63-0242ac130002/criteria"},
                     "description":"Achievement 1",
                     "image":{"id":"https://example.edu/achievements/sample.png","type":"Image"}}},
                 "credentialSchema":[{"id":"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
                   "type":"1EdTechJsonSchemaValidator2019"}],
                 "proof":[{"type":"DataIntegrityProof","created":"2010-01-01T19:23:24Z",
                   "verificationMethod":"https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
                   "cryptosuite":"eddsa-rdfc-2022","proofPurpose":"assertionMethod",
                   "proofValue":"z45QnLySMt2mWuW787G6cf3SLkP97ZkMZxLeXH5yaaTQPCtTup4GCV95tU8HEnQJSyGCokSj3AvUhmJtvveTmN4Vu"}]}
                """;
        OpenBadgeCredential c = OpenBadgeCredential.read(dev.credkit.json.JsonReader.defaults().readObject(text));
        assertThat(c.hasProof()).isTrue();
        assertThat(c.achievement().creator()).hasValueSatisfying(p -> assertThat(p.id()).endsWith("565049"));
        assertThat(c.achievement().image()).hasValueSatisfying(i -> assertThat(i.id()).endsWith("sample.png"));
        assertThat(c.achievement().criteria().id()).isPresent();
        assertThat(c.types()).contains("AchievementCredential");
    }

    @Test
    void courseRecordResultsLinkToTheirDescriptions() throws Exception {
        OpenBadgeCredential c = OpenBadgeCredential.read(Fixtures.resource("/bench/ob3-course-record.json"));
        assertThat(c.credentialSubject().results()).hasSize(20);
        assertThat(c.achievement().resultDescriptions()).hasSize(20);
        Result first = c.credentialSubject().results().get(0);
        assertThat(c.achievement().resultDescription(first.resultDescription().orElseThrow()))
                .hasValueSatisfying(rd -> assertThat(rd.resultType()).isEqualTo("LetterGrade"));
        assertThat(first.value()).contains("A");
    }

    @ParameterizedTest
    @ValueSource(strings = {ObContexts.OB_3_0_0, ObContexts.OB_3_0_1, ObContexts.OB_3_0_2, ObContexts.OB_3_0_3})
    void readsEveryContextRevision(String obContext) throws Exception {
        JsonObject json = vector().with("@context", JsonArray.ofStrings(List.of(ObContexts.VC_V2, obContext)));
        assertThat(OpenBadgeCredential.read(json).contexts()).containsExactly(ObContexts.VC_V2, obContext);
    }

    @Test
    void readsVcDataModel11() throws Exception {
        JsonObject v2 = vector();
        JsonObject json = v2.toBuilder()
                .put("@context", JsonArray.ofStrings(List.of(ObContexts.VC_V1, ObContexts.OB_3_0_2,
                        ObContexts.OB_EXTENSIONS)))
                .remove("validFrom")
                .put("issuanceDate", "2010-01-01T00:00:00Z")
                .put("type", JsonArray.ofStrings(List.of("VerifiableCredential", "AchievementCredential")))
                .build();
        OpenBadgeCredential c = OpenBadgeCredential.read(json);
        assertThat(c.dataModel()).isEqualTo(DataModelVersion.V1_1);
        assertThat(c.validFrom()).isEqualTo("2010-01-01T00:00:00Z");
        assertThatThrownBy(() -> OpenBadgeCredential.read(json.without("issuanceDate")))
                .hasMessageContaining("issuanceDate is REQUIRED");
    }

    @Test
    void extensionPropertiesSurvive() throws Exception {
        JsonObject json = vector();
        JsonObject achievement = at(json, "credentialSubject", "achievement").with("ext:level", "advanced");
        JsonObject withExt = replace(json, achievement, "credentialSubject", "achievement");
        OpenBadgeCredential c = OpenBadgeCredential.read(withExt);
        assertThat(c.achievement().toJson().string("ext:level")).contains("advanced");
        assertThat(c.toJson()).isEqualTo(withExt);
    }

    @Test
    void acceptsSingleTypeStringsAndSingleSubjectArrays() throws Exception {
        JsonObject json = vector();
        JsonObject subject = at(json, "credentialSubject").with("type", "AchievementSubject");
        JsonObject doc = json.with("credentialSubject", JsonArray.of(subject));
        assertThat(OpenBadgeCredential.read(doc).credentialSubject().id()).isPresent();
    }

    /** Each REQUIRED member removed in turn: the message names the rule. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "id|OpenBadgeCredential.id is REQUIRED",
            "name|OpenBadgeCredential.name is REQUIRED",
            "issuer|OpenBadgeCredential.issuer is REQUIRED",
            "validFrom|OpenBadgeCredential.validFrom is REQUIRED",
            "credentialSubject|OpenBadgeCredential.credentialSubject is REQUIRED",
            "type|OpenBadgeCredential.type MUST include 'VerifiableCredential'",
            "@context|@context is REQUIRED",
            "issuer.id|Profile.id is REQUIRED",
            "issuer.type|Profile.type is REQUIRED",
            "credentialSubject.type|AchievementSubject.type is REQUIRED",
            "credentialSubject.achievement|AchievementSubject.achievement is REQUIRED",
            "credentialSubject.id|AchievementSubject needs an id or at least one identifier",
            "credentialSubject.achievement.id|Achievement.id is REQUIRED",
            "credentialSubject.achievement.type|Achievement.type is REQUIRED",
            "credentialSubject.achievement.name|Achievement.name is REQUIRED",
            "credentialSubject.achievement.description|Achievement.description is REQUIRED",
            "credentialSubject.achievement.criteria|Achievement.criteria is REQUIRED"})
    void missingRequiredMemberIsNamed(String path, String message) throws Exception {
        JsonObject broken = remove(vector(), path.split("\\."));
        assertThatThrownBy(() -> OpenBadgeCredential.read(broken))
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL))
                .hasMessageContaining(message);
    }

    /** REQUIRED members of nested tables (IdentityObject, Result, ResultDescription, RubricCriterionLevel). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "identifier|type|IdentityObject.type is REQUIRED",
            "identifier|hashed|IdentityObject.hashed is REQUIRED",
            "identifier|identityHash|IdentityObject.identityHash is REQUIRED",
            "identifier|identityType|IdentityObject.identityType is REQUIRED",
            "result|type|Result.type is REQUIRED",
            "resultDescription|id|ResultDescription.id is REQUIRED",
            "resultDescription|type|ResultDescription.type is REQUIRED",
            "resultDescription|name|ResultDescription.name is REQUIRED",
            "resultDescription|resultType|ResultDescription.resultType is REQUIRED",
            "level|id|RubricCriterionLevel.id is REQUIRED",
            "level|name|RubricCriterionLevel.name is REQUIRED"})
    void missingRequiredMemberOfNestedTableIsNamed(String table, String member, String message) throws Exception {
        JsonObject good = courseRecord();
        JsonObject broken = switch (table) {
            case "identifier" -> replaceFirst(good, member, "credentialSubject", "identifier");
            case "result" -> replaceFirst(good, member, "credentialSubject", "result");
            case "resultDescription" -> replaceFirst(good, member, "credentialSubject", "achievement",
                    "resultDescription");
            default -> replaceLevel(good, member);
        };
        assertThatThrownBy(() -> OpenBadgeCredential.read(broken))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining(message);
    }

    @Test
    void resultMustPointToAResultDescriptionOfTheAchievement() throws Exception {
        JsonObject good = courseRecord();
        JsonArray results = at(good, "credentialSubject").array("result").orElseThrow();
        JsonObject bad = ((JsonObject) results.get(0)).with("resultDescription", "urn:uuid:not-there");
        List<JsonValue> list = new ArrayList<>(results.elements());
        list.set(0, bad);
        JsonObject broken = replace(good, at(good, "credentialSubject").with("result", JsonArray.of(list)),
                "credentialSubject");
        assertThatThrownBy(() -> OpenBadgeCredential.read(broken))
                .hasMessageContaining("Result.resultDescription must be the id of a ResultDescription");
    }

    @Test
    void refusesOtherShapes() throws Exception {
        JsonObject v = vector();
        assertThatThrownBy(() -> OpenBadgeCredential.read(v.with("@context",
                JsonArray.ofStrings(List.of(ObContexts.OB_3_0_3, ObContexts.VC_V2)))))
                .hasMessageContaining("the first @context must be");
        assertThatThrownBy(() -> OpenBadgeCredential.read(v.with("@context",
                JsonArray.ofStrings(List.of(ObContexts.VC_V2)))))
                .hasMessageContaining("must include an Open Badges 3.0 context");
        assertThatThrownBy(() -> OpenBadgeCredential.read(v.with("type",
                JsonArray.ofStrings(List.of("VerifiableCredential")))))
                .hasMessageContaining("'OpenBadgeCredential' or 'AchievementCredential'");
        assertThatThrownBy(() -> OpenBadgeCredential.read(v.with("issuer", "https://example.edu/issuers/1")))
                .hasMessageContaining("Profile must be an object");
        assertThatThrownBy(() -> OpenBadgeCredential.read(v.with("validFrom", "2010-01-01")))
                .hasMessageContaining("validFrom must be a date-time with a time zone");
        assertThatThrownBy(() -> OpenBadgeCredential.read(v.with("id", "not a uri")))
                .hasMessageContaining("OpenBadgeCredential.id must be an absolute URI");
        assertThatThrownBy(() -> OpenBadgeCredential.read(v.with("name", JsonArray.empty())))
                .hasMessageContaining("OpenBadgeCredential.name must be a string");
        JsonObject twoSubjects = v.with("credentialSubject",
                JsonArray.of(at(v, "credentialSubject"), at(v, "credentialSubject")));
        assertThatThrownBy(() -> OpenBadgeCredential.read(twoSubjects))
                .hasMessageContaining("must be one AchievementSubject");
    }

    @Test
    void hashedIdentityMustBeAnIdentityHash() throws Exception {
        JsonObject good = courseRecord();
        JsonObject broken = replaceFirst(good, null, "credentialSubject", "identifier");
        assertThat(OpenBadgeCredential.read(broken)).isNotNull();
        JsonArray ids = at(good, "credentialSubject").array("identifier").orElseThrow();
        JsonObject email = (JsonObject) ids.get(1);
        JsonObject bad = email.with("identityHash", "sha256$nothex");
        JsonObject doc = replace(good, at(good, "credentialSubject")
                .with("identifier", JsonArray.of(ids.get(0), bad)), "credentialSubject");
        assertThatThrownBy(() -> OpenBadgeCredential.read(doc))
                .hasMessageContaining("identityHash must be sha256$");
    }

    // ---- helpers

    static JsonObject vector() throws Exception {
        return Fixtures.resource("/vectors/ob3-eddsa-rdfc-2022/unsigned.json");
    }

    static JsonObject courseRecord() throws Exception {
        ResultDescription rubric = ResultDescription.builder()
                .id("urn:uuid:00000000-0000-4000-8000-00000000000a")
                .name("Essay")
                .resultType("RubricCriterion")
                .level(RubricCriterionLevel.builder().id("urn:uuid:00000000-0000-4000-8000-0000000000b1")
                        .name("Developing").build())
                .level(RubricCriterionLevel.builder().id("urn:uuid:00000000-0000-4000-8000-0000000000b2")
                        .name("Proficient").build())
                .requiredLevel("urn:uuid:00000000-0000-4000-8000-0000000000b2")
                .build();
        return CourseRecordBuilder.create(Fixtures.CLOCK, Fixtures.random())
                .issuer(Fixtures.institution())
                .verifyBaseUrl("https://certs.example.edu")
                .verificationCode(Fixtures.code())
                .learnerName("Ada Lovelace")
                .learnerEmail("ada@example.org")
                .courseName("CS 201")
                .syllabus("Data structures.")
                .finalGrade(Fixtures.percent("urn:uuid:00000000-0000-4000-8000-000000000001", "Final grade", "50"), "87")
                .assignment(rubric, Result.builder().resultDescription(rubric.id())
                        .achievedLevel("urn:uuid:00000000-0000-4000-8000-0000000000b2").build())
                .build()
                .toJson();
    }

    static JsonObject at(JsonObject o, String... path) {
        JsonObject cur = o;
        for (String p : path) {
            cur = cur.object(p).orElseThrow();
        }
        return cur;
    }

    static JsonObject replace(JsonObject root, JsonObject value, String... path) {
        if (path.length == 1) {
            return root.with(path[0], value);
        }
        String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
        return root.with(path[0], replace(root.object(path[0]).orElseThrow(), value, rest));
    }

    static JsonObject remove(JsonObject root, String... path) {
        if (path.length == 1) {
            return root.without(path[0]);
        }
        String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
        return root.with(path[0], remove(root.object(path[0]).orElseThrow(), rest));
    }

    /** Removes {@code member} from the first object of the array at {@code path} (null: no change). */
    static JsonObject replaceFirst(JsonObject root, String member, String... path) {
        String[] parent = java.util.Arrays.copyOf(path, path.length - 1);
        String field = path[path.length - 1];
        JsonObject owner = parent.length == 0 ? root : at(root, parent);
        JsonArray array = owner.array(field).orElseThrow();
        List<JsonValue> list = new ArrayList<>(array.elements());
        if (member != null) {
            list.set(0, ((JsonObject) list.get(0)).without(member));
        }
        JsonObject newOwner = owner.with(field, JsonArray.of(list));
        return parent.length == 0 ? newOwner : replace(root, newOwner, parent);
    }

    private static JsonObject replaceLevel(JsonObject root, String member) {
        JsonObject achievement = at(root, "credentialSubject", "achievement");
        JsonArray rds = achievement.array("resultDescription").orElseThrow();
        JsonObject rubric = (JsonObject) rds.get(1);
        JsonObject newRubric = replaceFirst(rubric, member, "rubricCriterionLevel");
        JsonObject newAchievement = achievement.with("resultDescription", JsonArray.of(rds.get(0), newRubric));
        return replace(root, newAchievement, "credentialSubject", "achievement");
    }
}
