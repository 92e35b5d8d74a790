package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.credkit.model.Fixtures.VC1;
import static dev.credkit.model.Fixtures.VC2;
import static dev.credkit.model.Fixtures.with;
import static dev.credkit.model.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DataModelValidatorTest {

    static Stream<Arguments> invalidCredentials() {
        return Stream.of(
                // @context
                Arguments.of("no @context", without(VC2, "@context"), "@context is required"),
                Arguments.of("@context a v2 string", with(VC2, "{'@context': 'https://www.w3.org/ns/credentials/v2'}"),
                        "@context must be an array in VC Data Model 2.0"),
                Arguments.of("@context another string", with(VC2, "{'@context': 'https://www.w3.org/ns/credentials/examples/v2'}"),
                        "@context must start with https://www.w3.org/ns/credentials/v2"),
                Arguments.of("@context an object", with(VC2, "{'@context': {'@vocab': 'https://example.org/#'}}"),
                        "@context must be an array"),
                Arguments.of("@context empty", with(VC2, "{'@context': []}"), "@context must not be empty"),
                Arguments.of("base context not first", with(VC2,
                                "{'@context': ['https://www.w3.org/ns/credentials/examples/v2', 'https://www.w3.org/ns/credentials/v2']}"),
                        "@context must start with https://www.w3.org/ns/credentials/v2"),
                Arguments.of("inline context first", with(VC2, "{'@context': [{'@version': 1.1}]}"),
                        "@context must start with"),
                Arguments.of("later context not a URL", with(VC2,
                                "{'@context': ['https://www.w3.org/ns/credentials/v2', 'https ://not-a-url/contexts/v2']}"),
                        "@context[1] must be a URL or an object"),
                Arguments.of("later context a number", with(VC2, "{'@context': ['https://www.w3.org/ns/credentials/v2', 42]}"),
                        "@context[1] must be a URL or an object"),
                Arguments.of("later context null", with(VC2, "{'@context': ['https://www.w3.org/ns/credentials/v2', null]}"),
                        "@context[1] must be a URL or an object"),
                // id
                Arguments.of("id is free text", with(VC2, "{'id': 'not a url'}"), "id must be a URL"),
                Arguments.of("id is a relative path", with(VC2, "{'id': '/credentials/1872'}"), "id must be a URL"),
                Arguments.of("id has no scheme", with(VC2, "{'id': 'university.example/credentials/1872'}"), "id must be a URL"),
                Arguments.of("id has a space", with(VC2, "{'id': 'https ://university.example/credentials/1872'}"), "id must be a URL"),
                Arguments.of("id http without host", with(VC2, "{'id': 'https://'}"), "id must be a URL"),
                Arguments.of("id is an array", with(VC2, "{'id': ['urn:uuid:1', 'urn:uuid:2']}"), "id must be a single URL, not an array"),
                Arguments.of("id is a number", with(VC2, "{'id': 1872}"), "id must be a single URL, not a number"),
                // type
                Arguments.of("no type", without(VC2, "type"), "type is required"),
                Arguments.of("type without VerifiableCredential", with(VC2, "{'type': ['ExampleCredential']}"),
                        "type must include VerifiableCredential"),
                Arguments.of("type is a presentation", with(VC2, "{'type': 'VerifiablePresentation'}"),
                        "type must include VerifiableCredential"),
                Arguments.of("type empty", with(VC2, "{'type': []}"), "type must not be empty"),
                Arguments.of("type a number", with(VC2, "{'type': 7}"), "type must be a string or an array of strings"),
                Arguments.of("type with a number", with(VC2, "{'type': ['VerifiableCredential', 7]}"),
                        "type must contain only non-empty strings"),
                Arguments.of("type with an empty string", with(VC2, "{'type': ['VerifiableCredential', '']}"),
                        "type must contain only non-empty strings"),
                // issuer
                Arguments.of("no issuer", without(VC2, "issuer"), "issuer is required"),
                Arguments.of("issuer null", with(VC2, "{'issuer': null}"), "issuer must be a URL or an object with a URL id"),
                Arguments.of("issuer a number", with(VC2, "{'issuer': 565049}"), "issuer must be a URL or an object with a URL id"),
                Arguments.of("issuer not a URL", with(VC2, "{'issuer': 'not a url'}"), "issuer must be a URL"),
                Arguments.of("issuer an empty object", with(VC2, "{'issuer': {}}"), "issuer must be a URL or an object with a URL id"),
                Arguments.of("issuer object without id", with(VC2, "{'issuer': {'name': 'Example University'}}"),
                        "issuer must be a URL or an object with a URL id"),
                Arguments.of("issuer id a number", with(VC2, "{'issuer': {'id': 565049}}"), "issuer.id must be a single URL"),
                Arguments.of("issuer id not a URL", with(VC2, "{'issuer': {'id': 'not a url'}}"), "issuer.id must be a URL"),
                Arguments.of("issuer id null", with(VC2, "{'issuer': {'id': null}}"), "issuer.id must be a single URL"),
                Arguments.of("issuer name with an extra member", with(VC2,
                                "{'issuer': {'id': 'did:example:1', 'name': {'@value': 'Uni', '@language': 'en', 'url': 'https://uni.example'}}}"),
                        "issuer.name must be a language value object with only @value, @language and @direction"),
                Arguments.of("issuer description with an extra member", with(VC2,
                                "{'issuer': {'id': 'did:example:1', 'description': {'@value': 'Uni', 'foo': 1}}}"),
                        "issuer.description must be a language value object"),
                // credentialSubject
                Arguments.of("no credentialSubject", without(VC2, "credentialSubject"), "credentialSubject is required"),
                Arguments.of("credentialSubject empty object", with(VC2, "{'credentialSubject': {}}"),
                        "credentialSubject must not be empty"),
                Arguments.of("credentialSubject empty array", with(VC2, "{'credentialSubject': []}"),
                        "credentialSubject must not be empty"),
                Arguments.of("credentialSubject array of empty objects", with(VC2, "{'credentialSubject': [{}, {}]}"),
                        "credentialSubject[0] must not be empty"),
                Arguments.of("credentialSubject second one empty", with(VC2,
                        "{'credentialSubject': [{'id': 'did:example:1'}, {}]}"), "credentialSubject[1] must not be empty"),
                Arguments.of("credentialSubject a string", with(VC2, "{'credentialSubject': 'did:example:1'}"),
                        "credentialSubject must be an object or an array of objects"),
                Arguments.of("credentialSubject array of strings", with(VC2, "{'credentialSubject': ['did:example:1']}"),
                        "credentialSubject[0] must be an object"),
                Arguments.of("credentialSubject with several ids", with(VC2,
                                "{'credentialSubject': {'id': ['did:example:1', 'did:example:2'], 'name': 'A'}}"),
                        "credentialSubject.id must be a single URL"),
                Arguments.of("credentialSubject id not a URL", with(VC2, "{'credentialSubject': {'id': 'alice'}}"),
                        "credentialSubject.id must be a URL"),
                // validity period
                Arguments.of("validFrom a date only", with(VC2, "{'validFrom': '2024-01-01'}"),
                        "validFrom must be an XML Schema dateTime with a time zone"),
                Arguments.of("validFrom without time zone", with(VC2, "{'validFrom': '2024-01-01T00:00:00'}"),
                        "validFrom must be an XML Schema dateTime with a time zone"),
                Arguments.of("validFrom with a space", with(VC2, "{'validFrom': '2024-01-01 00:00:00Z'}"),
                        "validFrom must be an XML Schema dateTime"),
                Arguments.of("validFrom on February 30", with(VC2, "{'validFrom': '2024-02-30T00:00:00Z'}"),
                        "validFrom must be an XML Schema dateTime"),
                Arguments.of("validFrom at hour 25", with(VC2, "{'validFrom': '2024-01-01T25:00:00Z'}"),
                        "validFrom must be an XML Schema dateTime"),
                Arguments.of("validFrom free text", with(VC2, "{'validFrom': 'yesterday'}"), "validFrom must be an XML Schema dateTime"),
                Arguments.of("validFrom a number", with(VC2, "{'validFrom': 1704067200}"),
                        "validFrom must be an XML Schema dateTime string, not a number"),
                Arguments.of("validUntil month 13", with(VC2, "{'validUntil': '2024-13-01T00:00:00Z'}"),
                        "validUntil must be an XML Schema dateTime"),
                Arguments.of("validUntil before validFrom", with(VC2,
                        "{'validFrom': '2024-01-02T00:00:00Z', 'validUntil': '2024-01-01T00:00:00Z'}"),
                        "validFrom must not be later than validUntil"),
                Arguments.of("validUntil before validFrom across offsets", with(VC2,
                        "{'validFrom': '2024-01-01T10:00:00-02:00', 'validUntil': '2024-01-01T11:00:00Z'}"),
                        "validFrom must not be later than validUntil"),
                // name and description
                Arguments.of("name a number", with(VC2, "{'name': 42}"), "name must be a string or a language value object"),
                Arguments.of("name with an extra member", with(VC2, "{'name': {'@value': 'Alumni', '@language': 'en', 'url': 'x'}}"),
                        "name must be a language value object with only @value, @language and @direction"),
                Arguments.of("name without @value", with(VC2, "{'name': {'@language': 'en'}}"), "name.@value must be a string"),
                Arguments.of("name @value a number", with(VC2, "{'name': {'@value': 5}}"), "name.@value must be a string"),
                Arguments.of("name with a bad language tag", with(VC2, "{'name': {'@value': 'Alumni', '@language': 'not a tag'}}"),
                        "name.@language must be a well-formed BCP 47 language tag"),
                Arguments.of("name with a bad direction", with(VC2,
                                "{'name': {'@value': 'Alumni', '@language': 'en', '@direction': 'up'}}"),
                        "name.@direction must be ltr or rtl"),
                Arguments.of("name an empty array", with(VC2, "{'name': []}"), "name must not be an empty array"),
                Arguments.of("name array with a number", with(VC2, "{'name': [{'@value': 'Alumni', '@language': 'en'}, 5]}"),
                        "name[1] must be a string or a language value object"),
                Arguments.of("name array with a bad entry", with(VC2,
                                "{'name': [{'@value': 'Alumni', '@language': 'en'}, {'@value': 'Ancien', '@language': '12'}]}"),
                        "name[1].@language must be a well-formed BCP 47 language tag"),
                Arguments.of("description with an extra member", with(VC2,
                                "{'description': {'@value': 'About', '@language': 'en', 'x': 'y'}}"),
                        "description must be a language value object"),
                // credentialStatus
                Arguments.of("status without type", with(VC2, "{'credentialStatus': {'id': 'https://status.example/1#5'}}"),
                        "credentialStatus.type is required"),
                Arguments.of("second status without type", with(VC2,
                                "{'credentialStatus': [{'type': 'BitstringStatusListEntry'}, {'id': 'https://status.example/1#5'}]}"),
                        "credentialStatus[1].type is required"),
                Arguments.of("status id not a URL", with(VC2, "{'credentialStatus': {'id': 'not a url', 'type': 'X'}}"),
                        "credentialStatus.id must be a URL"),
                Arguments.of("status with several ids", with(VC2,
                                "{'credentialStatus': {'id': ['https://a.example', 'https://b.example'], 'type': 'X'}}"),
                        "credentialStatus.id must be a single URL"),
                Arguments.of("status type a number", with(VC2, "{'credentialStatus': {'type': 5}}"),
                        "credentialStatus.type must be a string or an array of strings"),
                Arguments.of("status a string", with(VC2, "{'credentialStatus': 'https://status.example/1'}"),
                        "credentialStatus must be an object or an array of objects, not a string"),
                Arguments.of("status an empty array", with(VC2, "{'credentialStatus': []}"),
                        "credentialStatus must not be an empty array"),
                Arguments.of("status array with a string", with(VC2, "{'credentialStatus': [{'type': 'X'}, 'x']}"),
                        "credentialStatus[1] must be an object"),
                // credentialSchema
                Arguments.of("schema without type", with(VC2, "{'credentialSchema': {'id': 'https://schema.example/1.json'}}"),
                        "credentialSchema.type is required"),
                Arguments.of("schema without id", with(VC2, "{'credentialSchema': {'type': 'JsonSchema'}}"),
                        "credentialSchema.id is required"),
                Arguments.of("schema id a number", with(VC2, "{'credentialSchema': {'id': 5, 'type': 'JsonSchema'}}"),
                        "credentialSchema.id must be a single URL"),
                Arguments.of("second schema without id", with(VC2,
                                "{'credentialSchema': [{'id': 'https://s.example/1', 'type': 'JsonSchema'}, {'type': 'JsonSchema'}]}"),
                        "credentialSchema[1].id is required"),
                // evidence, termsOfUse, refreshService
                Arguments.of("evidence without type", with(VC2, "{'evidence': {'id': 'https://evidence.example/1'}}"),
                        "evidence.type is required"),
                Arguments.of("second evidence without type", with(VC2, "{'evidence': [{'type': 'Evidence'}, {'name': 'x'}]}"),
                        "evidence[1].type is required"),
                Arguments.of("termsOfUse without type", with(VC2, "{'termsOfUse': {'id': 'https://policy.example/1'}}"),
                        "termsOfUse.type is required"),
                Arguments.of("termsOfUse id not a URL", with(VC2, "{'termsOfUse': {'id': 'policy 1', 'type': 'IssuerPolicy'}}"),
                        "termsOfUse.id must be a URL"),
                Arguments.of("refreshService without type", with(VC2, "{'refreshService': {'id': 'https://refresh.example/1'}}"),
                        "refreshService.type is required"),
                // relatedResource
                Arguments.of("relatedResource strings", with(VC2, "{'relatedResource': ['https://www.w3.org/ns/credentials/v2']}"),
                        "relatedResource[0] must be an object"),
                Arguments.of("relatedResource without id", with(VC2, "{'relatedResource': [{'digestSRI': 'sha256-"
                        + "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='}]}"), "relatedResource[0].id is required"),
                Arguments.of("relatedResource id not a URL", with(VC2, "{'relatedResource': {'id': 'nope', 'digestSRI': "
                        + "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='}}"), "relatedResource.id must be a URL"),
                Arguments.of("relatedResource duplicate ids", with(VC2, "{'relatedResource': ["
                        + "{'id': 'https://a.example/x', 'digestSRI': 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='},"
                        + "{'id': 'https://a.example/x', 'digestSRI': 'sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb'}]}"),
                        "relatedResource[1].id must be unique among relatedResource entries"),
                Arguments.of("relatedResource without digest", with(VC2, "{'relatedResource': {'id': 'https://a.example/x'}}"),
                        "relatedResource must have a digestSRI or a digestMultibase"),
                Arguments.of("relatedResource digestSRI with md5", with(VC2,
                                "{'relatedResource': {'id': 'https://a.example/x', 'digestSRI': 'md5-1B2M2Y8AsgTpgAmY7PhCfg=='}}"),
                        "relatedResource.digestSRI must be sha256-, sha384- or sha512- followed by a base64 digest"),
                Arguments.of("relatedResource digestSRI a number", with(VC2,
                                "{'relatedResource': {'id': 'https://a.example/x', 'digestSRI': 5}}"),
                        "relatedResource.digestSRI must be sha256-"),
                Arguments.of("relatedResource digestMultibase not a multihash", with(VC2,
                                "{'relatedResource': {'id': 'https://a.example/x', "
                                        + "'digestMultibase': 'uZTQ0MjM1NiAgcmVwb3J0cc5jZWxhdGVkLXJlc291cmNlLmpzb24K'}}"),
                        "relatedResource.digestMultibase must be a multibase-encoded multihash"),
                Arguments.of("relatedResource digestMultibase unknown base", with(VC2,
                                "{'relatedResource': {'id': 'https://a.example/x', 'digestMultibase': '?abc'}}"),
                        "relatedResource.digestMultibase must be a multibase-encoded multihash"),
                Arguments.of("relatedResource mediaType a number", with(VC2, "{'relatedResource': {'id': 'https://a.example/x', "
                        + "'mediaType': 5, 'digestSRI': 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='}}"),
                        "relatedResource.mediaType must be a string"),
                // VC 1.1 (read only)
                Arguments.of("1.1 without issuanceDate", without(VC1, "issuanceDate"), "issuanceDate is required in VC Data Model 1.1"),
                Arguments.of("1.1 issuanceDate without zone", with(VC1, "{'issuanceDate': '2010-01-01T19:23:24'}"),
                        "issuanceDate must be an XML Schema dateTime with a time zone"),
                Arguments.of("1.1 expirationDate a date", with(VC1, "{'expirationDate': '2030-01-01'}"),
                        "expirationDate must be an XML Schema dateTime"),
                Arguments.of("1.1 @context another string", with(VC1, "{'@context': 'https://example.org/context'}"),
                        "@context must start with"),
                Arguments.of("1.1 status without id", with(VC1, "{'credentialStatus': {'type': 'StatusList2021Entry'}}"),
                        "credentialStatus.id is required"),
                Arguments.of("1.1 refreshService without id", with(VC1, "{'refreshService': {'type': 'ManualRefreshService2018'}}"),
                        "refreshService.id is required"),
                Arguments.of("1.1 empty subject", with(VC1, "{'credentialSubject': {}}"), "credentialSubject must not be empty"),
                Arguments.of("a conforming-looking document without anything", Fixtures.json("{'type': ['NonconformingDocument']}"),
                        "@context is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCredentials")
    void rejectsCredentialsThatBreakARule(String description, JsonObject json, String rule) {
        CredentialException e = catchThrowableOfType(CredentialException.class,
                () -> DataModelValidator.defaults().validateCredential(json));
        assertThat(e).as(description).isNotNull();
        assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL);
        assertThat(e.getMessage()).contains(rule);
        // the view refuses the same documents
        assertThat(catchThrowableOfType(CredentialException.class, () -> VerifiableCredential.of(json)))
                .hasMessage(e.getMessage());
    }

    static Stream<Arguments> validCredentials() {
        return Stream.of(
                Arguments.of("minimal 2.0", Fixtures.json(VC2)),
                Arguments.of("no optional members", without(VC2, "id", "validFrom")),
                Arguments.of("type a single string", with(VC2, "{'type': 'VerifiableCredential'}")),
                Arguments.of("type an absolute URL", with(VC2,
                        "{'type': ['VerifiableCredential', 'https://example.org/vocab#AlumniCredential']}")),
                Arguments.of("inline context object", with(VC2,
                        "{'@context': ['https://www.w3.org/ns/credentials/v2', {'@vocab': 'https://example.org/#'}]}")),
                Arguments.of("id a DID", with(VC2, "{'id': 'did:example:c276e12ec21ebfeb1f712ebc6f1'}")),
                Arguments.of("id with an escape", with(VC2, "{'id': 'https://university.example/credentials/a%20b'}")),
                Arguments.of("id an IRI", with(VC2, "{'id': 'https://université.example/credentials/1'}")),
                Arguments.of("issuer an object", with(VC2, "{'issuer': {'id': 'did:example:76e12ec712ebc6f1c221ebfeb1f', "
                        + "'name': 'Example University', 'type': ['Profile']}}")),
                Arguments.of("issuer names in two languages", with(VC2, "{'issuer': {'id': 'did:example:1', 'name': ["
                        + "{'@value': 'Example University', '@language': 'en'}, "
                        + "{'@value': 'Université de Exemple', '@language': 'fr-CA', '@direction': 'ltr'}], "
                        + "'description': {'@value': 'جامعة', '@language': 'ar', '@direction': 'rtl'}}}")),
                Arguments.of("several subjects", with(VC2, "{'credentialSubject': [{'id': 'did:example:1', 'spouse': 'did:example:2'}, "
                        + "{'id': 'did:example:2', 'spouse': 'did:example:1'}]}")),
                Arguments.of("subject with only an id", with(VC2, "{'credentialSubject': {'id': 'did:example:subject'}}")),
                Arguments.of("subject without id", with(VC2, "{'credentialSubject': {'name': 'Alice'}}")),
                Arguments.of("validFrom with milliseconds", with(VC2, "{'validFrom': '2024-01-01T00:00:00.123Z'}")),
                Arguments.of("validFrom with an offset", with(VC2, "{'validFrom': '2024-01-01T10:00:00+02:00'}")),
                Arguments.of("validFrom at 24:00", with(VC2, "{'validFrom': '2023-12-31T24:00:00Z'}")),
                Arguments.of("validFrom equal to validUntil", with(VC2,
                        "{'validFrom': '2024-01-01T00:00:00Z', 'validUntil': '2024-01-01T02:00:00+02:00'}")),
                Arguments.of("validUntil alone", with(VC2, "{'validUntil': '2029-12-03T00:00:00Z'}")),
                Arguments.of("offsets put validFrom before validUntil", with(VC2,
                        "{'validFrom': '2024-01-01T10:00:00+02:00', 'validUntil': '2024-01-01T09:00:00Z'}")),
                Arguments.of("name and description strings", with(VC2, "{'name': 'Alumni', 'description': 'About'}")),
                Arguments.of("name with language and direction", with(VC2,
                        "{'name': {'@value': 'Alumni', '@language': 'en', '@direction': 'ltr'}}")),
                Arguments.of("name in several languages", with(VC2, "{'name': [{'@value': 'Alumni', '@language': 'en'}, "
                        + "{'@value': 'Anciens', '@language': 'fr'}, {'@value': 'Ehemalige', '@language': 'de-CH-1996'}]}")),
                Arguments.of("status entries", with(VC2, "{'credentialStatus': [{'id': 'https://status.example/1#94567', "
                        + "'type': 'BitstringStatusListEntry', 'statusPurpose': 'revocation', 'statusListIndex': '94567', "
                        + "'statusListCredential': 'https://status.example/1'}, {'type': 'ExampleStatus'}]}")),
                Arguments.of("status without id", with(VC2, "{'credentialStatus': {'type': 'BitstringStatusListEntry'}}")),
                Arguments.of("schemas", with(VC2, "{'credentialSchema': [{'id': 'https://schema.example/a.json', 'type': 'JsonSchema'}, "
                        + "{'id': 'https://schema.example/b.json', 'type': 'JsonSchema'}]}")),
                Arguments.of("evidence", with(VC2, "{'evidence': [{'id': 'https://evidence.example/1', 'type': ['Evidence']}, "
                        + "{'type': ['Evidence'], 'verifier': 'https://verifier.example'}]}")),
                Arguments.of("termsOfUse with id", with(VC2, "{'termsOfUse': {'id': 'https://policy.example/1', 'type': 'IssuerPolicy'}}")),
                Arguments.of("refreshService without id", with(VC2, "{'refreshService': {'type': 'VerifiableCredentialRefreshService2021', "
                        + "'url': 'https://refresh.example'}}")),
                Arguments.of("relatedResource digests in several forms", with(VC2, "{'relatedResource': ["
                        + "{'id': 'https://raw.example/degree.json', "
                        + "'digestMultibase': 'uEiAjCHMnK5-ayOIZLWo_TBoKYVvSAprlkYEjRlm19Cj0uw', 'mediaType': 'application/json'},"
                        + "{'id': 'https://raw.example/degree.json?q=1', "
                        + "'digestSRI': 'sha256-ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356'},"
                        + "{'id': 'https://www.w3.org/ns/credentials/v2', 'digestSRI': "
                        + "'sha384-Ml/HrjlBCNWyAX91hr6LFV2Y3heB5Tcr6IeE4/Tje8YyzYBM8IhqjHWiWpr8+ZbYU sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='}]}")),
                Arguments.of("extension members anywhere", with(VC2, "{'achievement': {'x': [1, 2.50, null, true]}, "
                        + "'credentialSubject': {'id': 'did:example:1', 'deep': {'id': 'not checked below the subject'}}}")),
                Arguments.of("proof object", with(VC2, "{'proof': {'type': 'DataIntegrityProof'}}")),
                Arguments.of("proof set", with(VC2, "{'proof': [{'type': 'DataIntegrityProof'}, {'type': 'DataIntegrityProof'}]}")),
                Arguments.of("minimal 1.1", Fixtures.json(VC1)),
                Arguments.of("1.1 with a string @context", with(VC1, "{'@context': 'https://www.w3.org/2018/credentials/v1'}")),
                Arguments.of("1.1 with expirationDate and status", with(VC1, "{'expirationDate': '2030-01-01T00:00:00Z', "
                        + "'credentialStatus': {'id': 'https://example.edu/status/24', 'type': 'StatusList2021Entry'}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCredentials")
    void acceptsValidCredentials(String description, JsonObject json) {
        assertThatCode(() -> DataModelValidator.defaults().validateCredential(json)).as(description).doesNotThrowAnyException();
    }

    @Test
    void reportsTheVersionOfTheFirstContext() throws CredentialException {
        assertThat(DataModelValidator.defaults().validateCredential(Fixtures.json(VC2))).isEqualTo(DataModelVersion.V2_0);
        assertThat(DataModelValidator.defaults().validateCredential(Fixtures.json(VC1))).isEqualTo(DataModelVersion.V1_1);
    }

    @Test
    void malformedProofMembersAreInvalidProofs() {
        for (String proof : new String[] {"{'proof': 'z3FXQjecWufY46'}", "{'proof': [{'type': 'DataIntegrityProof'}, 5]}"}) {
            CredentialException e = catchThrowableOfType(CredentialException.class,
                    () -> DataModelValidator.defaults().validateCredential(with(VC2, proof)));
            assertThat(e.code()).isEqualTo(ProblemCode.INVALID_PROOF);
            assertThat(e.getMessage()).contains("proof must be an object or an array of objects");
        }
    }

    // ---- related resources the validator knows

    private static final String RESOURCE_URL = "https://contexts.example/v1.json";
    private static final byte[] RESOURCE = "{\"hello\":\"credkit\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final DataModelValidator KNOWS_RESOURCE = DataModelValidator.builder()
            .relatedResources(url -> RESOURCE_URL.equals(url) ? Optional.of(RESOURCE.clone()) : Optional.empty())
            .build();

    private static JsonObject relatedResource(String digestMember, String digest) {
        return with(VC2, "{'relatedResource': [{'id': '" + RESOURCE_URL + "', '" + digestMember + "': '" + digest + "'}]}");
    }

    private static String sri(String algorithm, String jcaName, byte[] data) throws Exception {
        return algorithm + "-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance(jcaName).digest(data));
    }

    static Stream<Arguments> matchingDigests() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(RESOURCE);
        byte[] multihash = new byte[34];
        multihash[0] = 0x12;
        multihash[1] = 0x20;
        System.arraycopy(sha256, 0, multihash, 2, 32);
        return Stream.of(
                Arguments.of("digestSRI", sri("sha256", "SHA-256", RESOURCE)),
                Arguments.of("digestSRI", sri("sha384", "SHA-384", RESOURCE)),
                Arguments.of("digestSRI", sri("sha512", "SHA-512", RESOURCE)),
                Arguments.of("digestSRI", "sha256-" + HexFormat.of().formatHex(sha256)),
                // the strongest algorithm decides: a wrong sha256 next to a right sha384 is fine
                Arguments.of("digestSRI", "sha256-AAAA " + sri("sha384", "SHA-384", RESOURCE)),
                Arguments.of("digestMultibase", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(multihash)),
                Arguments.of("digestMultibase", "m" + Base64.getEncoder().withoutPadding().encodeToString(multihash)),
                Arguments.of("digestMultibase", "f" + HexFormat.of().formatHex(multihash)),
                Arguments.of("digestMultibase", "zQmdboBxeis6WFPSe7aWd4NJb4wR18oGy1k8kKm6LLaezrs"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matchingDigests")
    void acceptsDigestsThatMatchAKnownResource(String member, String digest) {
        assertThatCode(() -> KNOWS_RESOURCE.validateCredential(relatedResource(member, digest))).doesNotThrowAnyException();
    }

    static Stream<Arguments> mismatchingDigests() throws Exception {
        byte[] other = "something else".getBytes(StandardCharsets.UTF_8);
        byte[] sha512 = MessageDigest.getInstance("SHA-512").digest(other);
        byte[] sha3 = MessageDigest.getInstance("SHA3-256").digest(other);
        byte[] sha3Multihash = new byte[34];
        sha3Multihash[0] = 0x16;
        sha3Multihash[1] = 0x20;
        System.arraycopy(sha3, 0, sha3Multihash, 2, 32);
        byte[] unknownHash = new byte[67]; // varint code 0x2032, length 64, 64 bytes
        unknownHash[0] = (byte) 0xb2;
        unknownHash[1] = 0x40;
        unknownHash[2] = 0x40;
        return Stream.of(
                Arguments.of("digestSRI", sri("sha256", "SHA-256", other), "digestSRI does not match the resource " + RESOURCE_URL),
                Arguments.of("digestSRI", "sha256-ca3d163bab055381827226140568f3bef634ac187cebd76878e0b63e9e442356",
                        "digestSRI does not match"),
                Arguments.of("digestSRI", sri("sha256", "SHA-256", RESOURCE) + " " + sri("sha512", "SHA-512", other),
                        "digestSRI does not match"),
                Arguments.of("digestMultibase", "f1340" + HexFormat.of().formatHex(sha512),
                        "digestMultibase does not match"),
                Arguments.of("digestMultibase", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha3Multihash),
                        "digestMultibase does not match"),
                Arguments.of("digestMultibase", "f" + HexFormat.of().formatHex(unknownHash),
                        "digestMultibase uses a hash function credkit does not support"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mismatchingDigests")
    void rejectsDigestsThatDoNotMatchAKnownResource(String member, String digest, String rule) {
        JsonObject json = relatedResource(member, digest);
        CredentialException e = catchThrowableOfType(CredentialException.class, () -> KNOWS_RESOURCE.validateCredential(json));
        assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL);
        assertThat(e.getMessage()).contains("relatedResource[0]." + rule);
        // a validator that does not know the resource checks the form only
        assertThatCode(() -> DataModelValidator.defaults().validateCredential(json)).doesNotThrowAnyException();
    }

    @Test
    void checksKnownResourcesInsideEmbeddedCredentialsToo() throws Exception {
        JsonObject credential = relatedResource("digestSRI", sri("sha256", "SHA-256", new byte[0]));
        JsonObject presentation = Fixtures.json("{'@context': ['https://www.w3.org/ns/credentials/v2'], "
                + "'type': ['VerifiablePresentation']}").with("verifiableCredential", credential);
        assertThat(catchThrowableOfType(CredentialException.class, () -> KNOWS_RESOURCE.validatePresentation(presentation)))
                .hasMessageContaining("verifiableCredential.relatedResource[0].digestSRI does not match");
    }

    @Test
    void aFailingLookupIsAnInternalErrorNotAnEscapingException() {
        DataModelValidator broken = DataModelValidator.builder()
                .relatedResources(url -> {
                    throw new IllegalStateException("disk on fire");
                })
                .build();
        CredentialException e = catchThrowableOfType(CredentialException.class,
                () -> broken.validateCredential(relatedResource("digestSRI", "sha256-AAAA")));
        assertThat(e.code()).isEqualTo(ProblemCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).contains("relatedResource[0]");
    }

    @Test
    void aLookupReturningNullCountsAsUnknown() {
        Map<String, Optional<byte[]>> none = Map.of();
        DataModelValidator lookupReturnsNull = DataModelValidator.builder().relatedResources(none::get).build();
        assertThatCode(() -> lookupReturnsNull.validateCredential(relatedResource("digestSRI", "sha256-AAAA")))
                .doesNotThrowAnyException();
    }

    @Test
    void messagesDoNotEchoLongIdentifiers() {
        String longUrl = "https://contexts.example/" + "a".repeat(5000);
        DataModelValidator knowsEverything = DataModelValidator.builder()
                .relatedResources(url -> Optional.of(new byte[0]))
                .build();
        JsonObject json = with(VC2, "{'relatedResource': {'id': '" + longUrl + "', 'digestSRI': 'sha256-AAAA'}}");
        CredentialException e = catchThrowableOfType(CredentialException.class, () -> knowsEverything.validateCredential(json));
        assertThat(e.getMessage()).hasSizeLessThan(250);
    }
}
