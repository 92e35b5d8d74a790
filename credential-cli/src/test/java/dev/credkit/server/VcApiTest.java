package dev.credkit.server;

import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.Signers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;

import static dev.credkit.server.TestServer.json;
import static dev.credkit.server.TestServer.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** The VC-API endpoints as the W3C test suites call them, against a server on a free port. */
class VcApiTest {
    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = TestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void didIsTheServersDidKey() {
        HttpResponse<String> r = t.get("/did");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json(r).string("id")).contains(t.did());
        assertThat(t.did()).startsWith("did:key:z6Mk");
    }

    @Test
    void issuesWithoutIssuerAsTheServersDidAndTheCredentialVerifies() {
        HttpResponse<String> r = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.minimal()).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(TestServer.location(r)).startsWith("/verify/");
        JsonObject vc = json(r).object("verifiableCredential").orElseThrow();
        assertThat(vc.string("issuer")).contains(t.did());
        assertThat(vc.string("id")).hasValueSatisfying(id -> assertThat(id).startsWith(t.base() + "/verify/"));
        JsonObject proof = vc.object("proof").orElseThrow();
        assertThat(proof.string("cryptosuite")).contains("eddsa-rdfc-2022");
        assertThat(proof.string("verificationMethod")).hasValueSatisfying(m -> assertThat(m).startsWith(t.did() + "#"));

        HttpResponse<String> v = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", vc)
                .put("options", JsonObject.builder().put("checks", JsonArray.ofStrings(java.util.List.of("proof"))).build()).build());
        assertThat(v.statusCode()).as(v.body()).isEqualTo(200);
        JsonObject report = json(v);
        assertThat(report.get("verified")).contains(dev.credkit.json.JsonBoolean.TRUE);
        assertThat(report.array("checks").orElseThrow().elements()).contains(new JsonString("proof"));
        assertThat(report.array("errors").orElseThrow().isEmpty()).isTrue();
        assertThat(report.array("warnings").orElseThrow().isEmpty()).isTrue();
    }

    @Test
    void anotherValidIssuerIsReplacedByTheServersDidKeepingTheIssuerObject() {
        JsonObject url = t.issue(Samples.minimal().with("issuer", "https://some-url/issuer/foo"));
        assertThat(url.string("issuer")).contains(t.did());
        JsonObject object = t.issue(Samples.minimal().with("issuer",
                JsonObject.builder().put("id", "did:example:issuer").put("name", "ExampleIssuer").build()));
        JsonObject issuer = object.object("issuer").orElseThrow();
        assertThat(issuer.string("id")).contains(t.did());
        assertThat(issuer.string("name")).contains("ExampleIssuer");
    }

    @Test
    void cryptosuiteFromOptionsOrQuery() {
        HttpResponse<String> q = t.post("/credentials/issue?cryptosuite=eddsa-jcs-2022",
                JsonObject.builder().put("credential", Samples.minimal()).build());
        assertThat(q.statusCode()).as(q.body()).isEqualTo(201);
        assertThat(json(q).object("verifiableCredential").orElseThrow().object("proof").orElseThrow().string("cryptosuite"))
                .contains("eddsa-jcs-2022");
        HttpResponse<String> o = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.minimal())
                .put("options", JsonObject.builder().put("cryptosuite", "eddsa-jcs-2022").build()).build());
        assertThat(o.statusCode()).as(o.body()).isEqualTo(201);
        HttpResponse<String> legacy = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.vc11(t.did()))
                .put("options", JsonObject.builder().put("cryptosuite", "Ed25519Signature2020").build()).build());
        assertThat(legacy.statusCode()).as(legacy.body()).isEqualTo(201);
        JsonObject legacyVc = json(legacy).object("verifiableCredential").orElseThrow();
        assertThat(legacyVc.object("proof").orElseThrow().string("type")).contains("Ed25519Signature2020");
        assertThat(t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", legacyVc).build()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> bad = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.minimal())
                .put("options", JsonObject.builder().put("cryptosuite", "rsa-2048").build()).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(problem(bad)).isEqualTo("UNSUPPORTED_CRYPTOSUITE");
    }

    @Test
    void vcJwtIsIssuedEnvelopedAndVerifiedInEveryShape() {
        HttpResponse<String> r = t.post("/credentials/issue?cryptosuite=vc-jwt", JsonObject.builder()
                .put("credential", Samples.minimal().with("name", "JWT credential")).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject envelope = json(r).object("verifiableCredential").orElseThrow();
        assertThat(envelope.string("type")).contains("EnvelopedVerifiableCredential");
        String id = envelope.string("id").orElseThrow();
        assertThat(id).startsWith("data:application/vc+jwt,ey");
        String compact = id.substring(id.indexOf(',') + 1);

        HttpResponse<String> enveloped = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", envelope).build());
        assertThat(enveloped.statusCode()).as(enveloped.body()).isEqualTo(200);
        HttpResponse<String> plain = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", compact).build());
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        String tamperedJws = compact.substring(0, compact.length() - 4) + (compact.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> tampered = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", tamperedJws).build());
        assertThat(tampered.statusCode()).isIn(400, 422);

        HttpResponse<String> page = t.get(TestServer.location(r));
        assertThat(page.body()).contains("JWT credential").contains("Status: Valid");
        HttpResponse<String> uploaded = PortalTest.upload(t, "credential", compact.getBytes(java.nio.charset.StandardCharsets.US_ASCII), null);
        assertThat(uploaded.body()).contains("JWT (vc+jwt)").contains("JWT credential").contains("Status: Valid");
    }

    @Test
    void acceptsVc11Input() {
        JsonObject vc = t.issue(Samples.vc11(t.did()));
        assertThat(vc.string("issuanceDate")).contains("2020-03-16T22:37:26Z");
        HttpResponse<String> v = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", vc).build());
        assertThat(v.statusCode()).as(v.body()).isEqualTo(200);
    }

    @Test
    void refusesUnacceptableCredentialsWith4xx() {
        assertRefused(Samples.minimal().with("issuer", "not a url"));
        assertRefused(Samples.minimal().with("issuer", JsonObject.builder().put("name", "no id").build()));
        assertRefused(Samples.minimal().without("credentialSubject"));
        assertRefused(Samples.minimal().with("validFrom", "yesterday"));
        assertRefused(Samples.minimal().with("validFrom", "2030-01-01T00:00:00Z").with("validUntil", "2020-01-01T00:00:00Z"));
        assertRefused(Samples.minimal().with("@context", JsonArray.ofStrings(java.util.List.of("https://example.com/unknown"))));
        HttpResponse<String> undefined = t.post("/credentials/issue", JsonObject.builder()
                .put("credential", Samples.minimal().with("credentialSubject",
                        JsonObject.builder().put("id", "did:example:subject").put("favouriteColour", "blue").build()))
                .build());
        assertThat(undefined.statusCode()).isEqualTo(422);
        assertThat(problem(undefined)).isEqualTo("UNDEFINED_TERM");
        assertThat(json(undefined).string("error")).hasValueSatisfying(e -> assertThat(e).isNotBlank());
    }

    private static void assertRefused(JsonObject credential) {
        HttpResponse<String> r = t.post("/credentials/issue", JsonObject.builder().put("credential", credential).build());
        assertThat(r.statusCode()).as(r.body()).isIn(400, 422);
        assertThat(problem(r)).isNotEmpty();
    }

    @Test
    void badBodiesAre400NeverA500() {
        for (String body : new String[] {"", "{", "not json", "[]", "{\"credential\": 42}", "{\"credential\": null}",
                "{\"nothing\": {}}", "{\"credential\": {}, \"options\": []}", "{\"a\":1,\"a\":2}", "\"\\ud800\""}) {
            for (String path : new String[] {"/credentials/issue", "/credentials/verify", "/presentations/verify", "/records"}) {
                HttpResponse<String> r = t.post(path, body);
                assertThat(r.statusCode()).as(path + " " + body + " -> " + r.body()).isIn(400, 422);
                assertThat(json(r).string("problem")).as(path + " " + body).isPresent();
                assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
        HttpResponse<String> deep = t.post("/credentials/verify", "{\"verifiableCredential\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(problem(deep)).isIn("MALFORMED", "LIMIT_EXCEEDED");
    }

    @Test
    void wrongContentTypeIs415() {
        HttpResponse<String> r = t.send(java.net.http.HttpRequest.newBuilder(t.uri("/credentials/issue"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<xml/>")).header("Content-Type", "application/xml"));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(problem(r)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void jsonSentWithoutAJsonContentTypeIsStillRead() {
        HttpResponse<String> r = t.send(java.net.http.HttpRequest.newBuilder(t.uri("/credentials/issue"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JsonObject.builder().put("credential", Samples.minimal()).build().toJson()))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(r.statusCode()).isEqualTo(201);
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        String big = "{\"credential\":{\"pad\":\"" + "x".repeat((1 << 20) + 10) + "\"}}";
        HttpResponse<String> r = t.post("/credentials/issue", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(problem(r)).isEqualTo("LIMIT_EXCEEDED");
        // a chunked body (no Content-Length) is cut at the limit too
        HttpResponse<String> chunked = t.send(java.net.http.HttpRequest.newBuilder(t.uri("/credentials/verify"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .header("Content-Type", "application/json"));
        assertThat(chunked.statusCode()).isEqualTo(413);
        // and the server still answers afterwards
        assertThat(t.get("/did").statusCode()).isEqualTo(200);
    }

    @Test
    void verifyReportsTamperingAs422WithTheProblem() {
        JsonObject vc = t.issue(Samples.minimal());
        JsonObject tampered = vc.with("credentialSubject", JsonObject.builder().put("id", "did:example:someone-else").build());
        HttpResponse<String> r = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", tampered).build());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonObject report = json(r);
        assertThat(report.get("verified")).contains(dev.credkit.json.JsonBoolean.FALSE);
        assertThat(report.array("problems").orElseThrow().elements()).contains(new JsonString("INVALID_SIGNATURE"));
        JsonObject error = (JsonObject) report.array("errors").orElseThrow().get(0);
        assertThat(error.string("problem")).contains("INVALID_SIGNATURE");
        assertThat(report.array("checks").orElseThrow().elements()).doesNotContain(new JsonString("proof"));
    }

    @Test
    void verifyOfSomethingThatIsNotACredentialIs400() {
        HttpResponse<String> r = t.post("/credentials/verify", "{\"verifiableCredential\":{\"hello\":\"world\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("verified")).contains(dev.credkit.json.JsonBoolean.FALSE);
        HttpResponse<String> missing = t.post("/credentials/verify", "{\"options\":{}}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(problem(missing)).isEqualTo("MALFORMED");
    }

    @Test
    void presentationsWithChallengeAndDomain() throws Exception {
        JsonObject vc = t.issue(Samples.minimal());
        Ed25519KeyPair holder = Ed25519KeyPair.generate(new SecureRandom());
        String holderDid = DidKey.did(holder.publicKey());
        JsonObject vp = TestServer.parse("""
                {"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"holder":"%s"}"""
                .formatted(holderDid)).with("verifiableCredential", JsonArray.of(vc));
        JsonObject signed = CredentialIssuer.builder().signer(Signers.didKey(holder)).build()
                .present(vp, ProofOptions.builder().challenge("c-123").domain("example.org").build()).json();

        HttpResponse<String> ok = t.post("/presentations/verify", JsonObject.builder().put("verifiablePresentation", signed)
                .put("options", JsonObject.builder().put("challenge", "c-123").put("domain", "example.org").build()).build());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        HttpResponse<String> wrong = t.post("/presentations/verify", JsonObject.builder().put("verifiablePresentation", signed)
                .put("options", JsonObject.builder().put("challenge", "other").build()).build());
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(json(wrong).array("problems").orElseThrow().elements()).contains(new JsonString("CHALLENGE_MISMATCH"));
        HttpResponse<String> domain = t.post("/presentations/verify", JsonObject.builder().put("verifiablePresentation", signed)
                .put("options", JsonObject.builder().put("domain", "evil.example").build()).build());
        assertThat(json(domain).array("problems").orElseThrow().elements()).contains(new JsonString("DOMAIN_MISMATCH"));
    }

    @Test
    void verifyCodeAnswersTheCredentialToJsonClients() {
        HttpResponse<String> issued = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.minimal()).build());
        JsonObject vc = json(issued).object("verifiableCredential").orElseThrow();
        String path = TestServer.location(issued);
        HttpResponse<String> asJson = t.get(path, "Accept", "application/json");
        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(json(asJson)).isEqualTo(vc);
        HttpResponse<String> asVc = t.get(path, "Accept", "application/vc");
        assertThat(asVc.headers().firstValue("Content-Type")).contains("application/vc");
        assertThat(json(asVc)).isEqualTo(vc);
        HttpResponse<String> asHtml = t.get(path, "Accept", "text/html,application/xhtml+xml,application/json;q=0.9");
        assertThat(asHtml.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        HttpResponse<String> r = t.get("/no/such/thing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(problem(r)).isEqualTo("NOT_FOUND");
        HttpResponse<String> m = t.get("/credentials/issue");
        assertThat(m.statusCode()).isEqualTo(405);
        assertThat(m.headers().firstValue("Allow")).contains("POST");
        assertThat(problem(m)).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(RawHttp.request(t.server.port(), "GET /verify/%zz HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(RawHttp.request(t.server.port(), "GET /verify/%00 HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        HttpResponse<String> r = t.get("/did");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    }

    @Test
    void statusEntriesRevocationAndSuspension() {
        HttpResponse<String> r = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.minimal())
                .put("options", JsonObject.builder().put("credentialStatus", JsonArray.of(
                        JsonObject.builder().put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation").build(),
                        JsonObject.builder().put("type", "BitstringStatusListEntry").put("statusPurpose", "suspension").build())).build())
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject vc = json(r).object("verifiableCredential").orElseThrow();
        JsonArray entries = vc.array("credentialStatus").orElseThrow();
        assertThat(entries.size()).isEqualTo(2);
        JsonObject revocation = (JsonObject) entries.get(0);
        assertThat(revocation.string("type")).contains("BitstringStatusListEntry");
        assertThat(revocation.string("id")).isPresent();
        String listUrl = revocation.string("statusListCredential").orElseThrow();
        assertThat(listUrl).isEqualTo(t.base() + "/status/revocation/1");

        HttpResponse<String> list = t.get(listUrl);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonObject listVc = json(list);
        assertThat(listVc.string("id")).contains(listUrl);
        assertThat(listVc.string("issuer")).contains(t.did());
        assertThat(listVc.has("proof")).isTrue();

        assertThat(verify(vc).statusCode()).isEqualTo(200);
        String credentialId = vc.string("id").orElseThrow();

        HttpResponse<String> suspend = t.post("/credentials/status", JsonObject.builder().put("credentialId", credentialId)
                .put("credentialStatus", JsonObject.builder().put("type", "BitstringStatusListEntry").put("statusPurpose", "suspension").build())
                .build());
        assertThat(suspend.statusCode()).as(suspend.body()).isEqualTo(200);
        assertThat(json(verify(vc)).array("problems").orElseThrow().elements()).contains(new JsonString("SUSPENDED"));
        HttpResponse<String> reinstate = t.post("/credentials/status", JsonObject.builder().put("credentialId", credentialId)
                .put("credentialStatus", JsonObject.builder().put("statusPurpose", "suspension").put("status", false).build()).build());
        assertThat(reinstate.statusCode()).isEqualTo(200);
        assertThat(verify(vc).statusCode()).isEqualTo(200);

        assertThat(t.post(listUrl + "/publish", "{}").statusCode()).isEqualTo(204);
        HttpResponse<String> revoke = t.post("/credentials/status", JsonObject.builder().put("credentialId", credentialId)
                .put("credentialStatus", JsonObject.builder().put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation").build())
                .build());
        assertThat(revoke.statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = verify(vc);
        assertThat(revoked.statusCode()).isEqualTo(422);
        assertThat(json(revoked).array("problems").orElseThrow().elements()).contains(new JsonString("REVOKED"));
        HttpResponse<String> undo = t.post("/credentials/status", JsonObject.builder().put("credentialId", credentialId)
                .put("credentialStatus", JsonObject.builder().put("statusPurpose", "revocation").put("status", false).build()).build());
        assertThat(undo.statusCode()).isEqualTo(409);
        assertThat(problem(undo)).isEqualTo("STATUS_UPDATE_REFUSED");
        HttpResponse<String> unknown = t.post("/credentials/status", JsonObject.builder().put("credentialId", "urn:uuid:nope")
                .put("credentialStatus", JsonObject.builder().put("statusPurpose", "revocation").build()).build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(t.get(t.base() + "/status/revocation/99").statusCode()).isEqualTo(404);
    }

    @Test
    void aStatusListThatCannotBeReadFailsOnlyWhenTheStatusCheckIsAskedFor() {
        JsonObject foreign = Samples.minimal().with("credentialStatus", JsonObject.builder()
                .put("id", "https://status.example/list/7#42").put("type", "BitstringStatusListEntry")
                .put("statusPurpose", "revocation").put("statusListIndex", "42")
                .put("statusListCredential", "https://status.example/list/7").build());
        JsonObject vc = t.issue(foreign);
        HttpResponse<String> all = verify(vc);
        assertThat(all.statusCode()).isEqualTo(422);
        assertThat(json(all).get("outcome")).contains(new JsonString("INDETERMINATE"));
        assertThat(json(all).array("problems").orElseThrow().elements()).contains(new JsonString("STATUS_UNAVAILABLE"));
        HttpResponse<String> proofOnly = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", vc)
                .put("options", JsonObject.builder().put("checks", JsonArray.ofStrings(java.util.List.of("proof"))).build()).build());
        assertThat(proofOnly.statusCode()).as(proofOnly.body()).isEqualTo(200);
        assertThat(json(proofOnly).array("warnings").orElseThrow().isEmpty()).isFalse();
        HttpResponse<String> withStatus = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", vc)
                .put("options", JsonObject.builder().put("checks", JsonArray.ofStrings(java.util.List.of("proof", "credentialStatus"))).build()).build());
        assertThat(withStatus.statusCode()).isEqualTo(422);
        HttpResponse<String> badChecks = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", vc)
                .put("options", JsonObject.builder().put("checks", "proof").build()).build());
        assertThat(badChecks.statusCode()).isEqualTo(400);
    }

    @Test
    void vc11CredentialsGetTheStatusContext() {
        HttpResponse<String> r = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.vc11(t.did())
                        .with("id", "urn:uuid:" + java.util.UUID.randomUUID()))
                .put("options", JsonObject.builder().put("credentialStatus", JsonObject.builder()
                        .put("type", "BitstringStatusListEntry").build()).build()).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject vc = json(r).object("verifiableCredential").orElseThrow();
        assertThat(vc.array("@context").orElseThrow().elements()).contains(new JsonString(Issuing.STATUS_CONTEXT));
        assertThat(verify(vc).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> verify(JsonValue vc) {
        return t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", vc).build());
    }
}
