package dev.credkit.server;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.keys.KeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import static dev.credkit.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start, restart, TLS, who may issue. */
class ServerLifecycleTest {

    @Test
    void restartKeepsTheKeyTheCredentialsTheLinksAndTheStatusLists(@TempDir Path dir) throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            String did = t.did();
            assertThat(dir.resolve(CredkitServer.KEY_FILE_NAME)).exists();

            HttpResponse<String> certificate = t.post("/credentials/issue", JsonObject.builder()
                    .put("credential", Samples.certificate(t, "Kept course"))
                    .put("options", JsonObject.builder().put("credentialStatus", true).build()).build());
            assertThat(certificate.statusCode()).as(certificate.body()).isEqualTo(201);
            String verifyPath = TestServer.location(certificate);
            JsonObject issued = json(certificate).object("verifiableCredential").orElseThrow();

            HttpResponse<String> record = t.post("/records", JsonObject.builder()
                    .put("credential", Samples.record(t, "Kept record", t.clock)).put("learner", "s-1").build());
            JsonObject recordJson = json(record);
            String code = recordJson.string("code").orElseThrow();
            String token = recordJson.object("learner").orElseThrow().string("managementToken").orElseThrow();
            JsonObject link = json(t.post("/records/" + code + "/links", "{\"show\":\"all\"}", "Authorization", "Bearer " + token));
            String sharePath = link.string("url").orElseThrow().substring(t.base().length());
            assertThat(t.get(sharePath).statusCode()).isEqualTo(200);
            HttpResponse<String> revoke = t.post("/credentials/status", JsonObject.builder().put("credentialId", issued.string("id").orElseThrow())
                    .put("credentialStatus", JsonObject.builder().put("statusPurpose", "revocation").build()).build());
            assertThat(revoke.statusCode()).isEqualTo(200);

            t.restart();

            assertThat(t.did()).isEqualTo(did);
            assertThat(json(t.get("/did")).string("id")).contains(did);
            // the port changed (port 0), the stored credential did not
            HttpResponse<String> page = t.get(verifyPath);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Kept course");
            assertThat(json(t.get(verifyPath, "Accept", "application/json"))).isEqualTo(issued);
            HttpResponse<String> shared = t.get(sharePath);
            assertThat(shared.statusCode()).isEqualTo(200);
            assertThat(shared.body()).contains("Kept record");
            JsonObject views = json(t.get("/links/" + link.string("id").orElseThrow() + "/views", "Authorization", "Bearer " + token));
            assertThat(views.get("count")).map(JsonValue::toJson).contains("2");
            // the same learner reference finds the same learner after the restart
            HttpResponse<String> again = t.post("/records", JsonObject.builder()
                    .put("credential", Samples.record(t, "Second record", t.clock)).put("learner", "s-1").build());
            assertThat(json(again).object("learner").orElseThrow().has("managementToken")).isFalse();
            // status lists were kept: the list is still served and another entry is handed out
            String listUrl = ((JsonObject) issued.get("credentialStatus").orElseThrow()).string("statusListCredential").orElseThrow();
            String listPath = listUrl.substring(listUrl.indexOf("/status/"));
            assertThat(t.get(listPath).statusCode()).isEqualTo(404); // the list's URL names the old port
            HttpResponse<String> more = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.minimal())
                    .put("options", JsonObject.builder().put("credentialStatus", true).build()).build());
            assertThat(more.statusCode()).as(more.body()).isEqualTo(201);
        }
    }

    @Test
    void restartWithAStableBaseUrlKeepsStatusListsReachable(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int fixed = port;
        try (TestServer t = TestServer.start(dir, b -> b.port(fixed))) {
            HttpResponse<String> r = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.minimal())
                    .put("options", JsonObject.builder().put("credentialStatus", true).build()).build());
            JsonObject vc = json(r).object("verifiableCredential").orElseThrow();
            assertThat(t.post("/credentials/status", JsonObject.builder().put("credentialId", vc.string("id").orElseThrow())
                    .put("credentialStatus", JsonObject.builder().put("statusPurpose", "revocation").build()).build()).statusCode())
                    .isEqualTo(200);
            t.restart();
            HttpResponse<String> v = t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", vc).build());
            assertThat(v.statusCode()).isEqualTo(422);
            assertThat(v.body()).contains("REVOKED");
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused(@TempDir Path dir) throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            assertThat(t.get("/did").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> CredkitServer.builder().dataDirectory(dir).port(0).start())
                    .isInstanceOf(CredkitServer.StorageException.class)
                    .hasMessageContaining("is in use by another credkit serve");
        }
    }

    @Test
    void aGivenKeyIsUsedAndNotWritten(@TempDir Path dir) throws Exception {
        KeyFile key = KeyFile.of(Ed25519KeyPair.generate(new SecureRandom()));
        try (TestServer t = TestServer.start(dir, b -> b.keyFile(key))) {
            assertThat(t.did()).isEqualTo(key.controller());
            assertThat(dir.resolve(CredkitServer.KEY_FILE_NAME)).doesNotExist();
            assertThat(t.issue(Samples.minimal()).string("issuer")).contains(key.controller());
        }
    }

    @Test
    void tlsWithASelfSignedCertificate(@TempDir Path dir) throws Exception {
        try (TestServer t = TestServer.start(dir, b -> b.tls(true))) {
            assertThat(t.base()).startsWith("https://localhost:");
            X509Certificate certificate = t.server.tlsCertificate().orElseThrow();
            assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=localhost");
            java.util.List<Object> names = new java.util.ArrayList<>();
            certificate.getSubjectAlternativeNames().forEach(l -> names.add(l.get(1)));
            assertThat(names).contains("localhost", "127.0.0.1");

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(java.net.URI.create(t.base() + "/did")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains(t.did());
            HttpResponse<String> issued = client.send(HttpRequest.newBuilder(java.net.URI.create(t.base() + "/credentials/issue"))
                    .POST(HttpRequest.BodyPublishers.ofString(JsonObject.builder().put("credential", Samples.minimal()).build().toJson()))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).isEqualTo(201);
            assertThat(json(issued).object("verifiableCredential").orElseThrow().string("id"))
                    .hasValueSatisfying(id -> assertThat(id).startsWith("https://localhost:"));
            // plain http to the https port gets no answer
            assertThat(RawHttpOrError.request(t.server.port())).doesNotStartWith("HTTP/1.1 200");
        }
    }

    @Test
    void issuerTokenProtectsIssuing(@TempDir Path dir) throws Exception {
        String token = "issuer-token-0123456789abcdef";
        try (TestServer t = TestServer.start(dir, b -> b.issuerToken(token))) {
            String body = JsonObject.builder().put("credential", Samples.minimal()).build().toJson();
            HttpResponse<String> none = t.post("/credentials/issue", body);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(TestServer.problem(none)).isEqualTo("UNAUTHORIZED");
            assertThat(t.post("/credentials/issue", body, "Authorization", "Bearer wrong-token-0123456789").statusCode()).isEqualTo(401);
            HttpResponse<String> ok = t.post("/credentials/issue", body, "Authorization", "Bearer " + token);
            assertThat(ok.statusCode()).isEqualTo(201);
            assertThat(t.post("/records", body).statusCode()).isEqualTo(401);
            assertThat(t.post("/credentials/status", "{}").statusCode()).isEqualTo(401);
            // verifying stays open
            JsonObject vc = json(ok).object("verifiableCredential").orElseThrow();
            assertThat(t.post("/credentials/verify", JsonObject.builder().put("verifiableCredential", vc).build()).statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> CredkitServer.builder().issuerToken("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundBeyondLoopbackWithoutATokenIssuingIsDisabled(@TempDir Path dir) throws Exception {
        try (TestServer t = TestServer.start(dir, b -> b.host("0.0.0.0"))) {
            HttpResponse<String> r = t.post("/credentials/issue", JsonObject.builder().put("credential", Samples.minimal()).build());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(TestServer.problem(r)).isEqualTo("FORBIDDEN");
            assertThat(t.get("/did").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void baseUrlIsWrittenIntoCredentials(@TempDir Path dir) throws Exception {
        try (TestServer t = TestServer.start(dir, b -> b.baseUrl("https://certs.example.edu/"))) {
            assertThat(t.base()).isEqualTo("https://certs.example.edu");
            JsonObject vc = t.issue(Samples.minimal());
            assertThat(vc.string("id")).hasValueSatisfying(id -> assertThat(id).startsWith("https://certs.example.edu/verify/"));
        }
        assertThatThrownBy(() -> CredkitServer.builder().baseUrl("ftp://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CredkitServer.builder().baseUrl("https://x/?q=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slowClientsDoNotHoldUpOthers(@TempDir Path dir) throws Exception {
        try (TestServer t = TestServer.start(dir, b -> b.threads(4))) {
            java.util.List<java.net.Socket> slow = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), t.server.port());
                    s.getOutputStream().write("POST /credentials/verify HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{".getBytes());
                    s.getOutputStream().flush();
                    slow.add(s);
                }
                long start = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    assertThat(t.get("/did").statusCode()).isEqualTo(200);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            } finally {
                for (java.net.Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    @Test
    void anUnusableDataDirectoryIsAStorageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> CredkitServer.builder().dataDirectory(file).port(0).start())
                .isInstanceOf(CredkitServer.StorageException.class);
    }

    /** Plain HTTP to a TLS port: whatever comes back (usually nothing, or an error) is not an answer. */
    static final class RawHttpOrError {
        static String request(int port) {
            try {
                return RawHttp.request(port, "GET /did HTTP/1.1\r\nHost: localhost\r\n\r\n");
            } catch (RuntimeException e) {
                return "";
            }
        }
    }
}
