package dev.credkit.server;

import dev.credkit.baking.BadgeBaker;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static dev.credkit.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages for people: start page, verify page per code, the upload form and its report. */
class PortalTest {
    static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = TestServer.start(dir, b -> b.siteName("Example State University · Certificates"));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void startPageHasTheCodeFormAndAStrictPolicy() {
        HttpResponse<String> r = t.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains(PAGE_CSP);
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.body()).contains("<html lang=\"en\">").contains("name=\"code\"").contains("<label for=\"code\">")
                .contains("Example State University · Certificates")
                .doesNotContain("<script").doesNotContain("style=");
        HttpResponse<String> css = t.get("/assets/credkit.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
    }

    @Test
    void headAnswersWithoutABody() {
        HttpResponse<String> r = t.send(HttpRequest.newBuilder(t.uri("/")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void verifyPageShowsTheCertificate() throws Exception {
        HttpResponse<String> issued = t.post("/credentials/issue",
                JsonObject.builder().put("credential", Samples.certificate(t, "CS 201: Introduction to Data Structures")).build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String path = TestServer.location(issued);
        HttpResponse<String> page = t.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(PAGE_CSP);
        String html = page.body();
        assertThat(html).contains("CS 201: Introduction to Data Structures")
                .contains("Ada Lovelace")
                .contains("Example State University")
                .contains("Arrays, linked lists, stacks, queues, hash tables, trees and graphs.")
                .contains("<dt>Workload</dt><dd>120 hours</dd>")
                .contains("Complete all ten programming assignments")
                .contains("Status: Valid")
                .contains("Signature is valid: nothing was changed")
                .contains("href=\"https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME")
                .contains("href=\"" + path + "/credential.json\"")
                .contains(path.substring("/verify/".length()));

        HttpResponse<String> download = t.get(path + "/credential.json");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(json(download)).isEqualTo(json(issued).object("verifiableCredential").orElseThrow());
    }

    @Test
    void everyCredentialFieldIsEscaped() throws Exception {
        String evil = "<script>alert('x')</script> & \"Hacking\" 101";
        JsonObject credential = Samples.certificate(t, evil);
        HttpResponse<String> issued = t.post("/credentials/issue", JsonObject.builder().put("credential", credential).build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String html = t.get(TestServer.location(issued)).body();
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Hacking&quot; 101");
    }

    @Test
    void unknownAndMistypedCodesGetAFriendlyPage() {
        assertThat(dev.credkit.ob.VerificationCode.isValid("22222-22222-22222")).isTrue(); // all zeros: check symbol '2'
        HttpResponse<String> unknown = t.get("/verify/22222-22222-22222");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(unknown.body()).contains("No credential was issued here with the code").contains("name=\"code\"");

        HttpResponse<String> typo = t.get("/verify/ABCDE-FGHIJ-KLMN0");
        assertThat(typo.statusCode()).isEqualTo(404);
        assertThat(typo.body()).contains("is not a valid verification code");

        HttpResponse<String> json = t.get("/verify/ABCDE", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(TestServer.problem(json)).isEqualTo("NOT_FOUND");
    }

    @Test
    void codeFormRedirectsToTheCodesPage() {
        JsonObject vc = t.issue(Samples.minimal());
        String display = vc.string("id").orElseThrow().substring((t.base() + "/verify/").length());
        String typed = display.toLowerCase().replace("-", " ");
        HttpResponse<String> r = t.get("/verify?code=" + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/verify/" + display);
        assertThat(t.get("/verify?code=nope").statusCode()).isEqualTo(404);
        assertThat(t.get("/verify").body()).contains("enctype=\"multipart/form-data\"");
    }

    @Test
    void revokedAndExpiredCredentialsSaySo() throws Exception {
        HttpResponse<String> issued = t.post("/credentials/issue", JsonObject.builder()
                .put("credential", Samples.certificate(t, "Revocable course"))
                .put("options", JsonObject.builder().put("credentialStatus", JsonObject.builder()
                        .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation").build()).build())
                .build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String path = TestServer.location(issued);
        assertThat(t.get(path).body()).contains("Status: Valid").contains("Not revoked or suspended");
        HttpResponse<String> revoke = t.post("/credentials/status", JsonObject.builder()
                .put("code", path.substring("/verify/".length()))
                .put("credentialStatus", JsonObject.builder().put("statusPurpose", "revocation").build()).build());
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
        String revoked = t.get(path).body();
        assertThat(revoked).contains("Status: Revoked").doesNotContain("linkedin.com");

        JsonObject expiring = Samples.minimal().with("name", "Short-lived credential")
                .with("validUntil", dev.credkit.server.Sharing.time(t.clock.instant().plus(Duration.ofDays(1))).replace(".000", ""));
        HttpResponse<String> e = t.post("/credentials/issue", JsonObject.builder().put("credential", expiring).build());
        assertThat(e.statusCode()).as(e.body()).isEqualTo(201);
        t.clock.advance(Duration.ofDays(3));
        try {
            assertThat(t.get(TestServer.location(e)).body()).contains("Status: Expired");
        } finally {
            t.clock.advance(Duration.ofDays(-3));
        }
    }

    @Test
    void uploadReportsEachStep() {
        JsonObject vc = t.issue(Samples.minimal().with("name", "Pasted credential"));
        HttpResponse<String> ok = upload("credential", vc.toJson().getBytes(StandardCharsets.UTF_8), null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("Verification report").contains("Status: Valid").contains("Pasted credential")
                .contains("Signature is valid: nothing was changed");

        JsonObject tampered = vc.with("name", "Tampered credential");
        HttpResponse<String> bad = upload("file", tampered.toJson().getBytes(StandardCharsets.UTF_8), "vc.json");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Status: Not valid").contains("INVALID_SIGNATURE");

        HttpResponse<String> garbage = upload("file", "hello".getBytes(StandardCharsets.UTF_8), "x.txt");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("This is not a credential credkit can read").contains("role=\"alert\"");

        HttpResponse<String> empty = upload("credential", new byte[0], null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Choose a file or paste a credential first.");

        HttpResponse<String> notJson = upload("credential", "{\"a\":".getBytes(StandardCharsets.UTF_8), null);
        assertThat(notJson.statusCode()).isEqualTo(200);
        assertThat(notJson.body()).contains("Status: Not valid").contains("MALFORMED");
    }

    @Test
    void uploadReadsBakedBadgeImages() throws Exception {
        JsonObject vc = t.issue(Samples.certificate(t, "Baked course"));
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] baked = BadgeBaker.defaults().bake(png.toByteArray(), vc);
        HttpResponse<String> r = upload("file", baked, "badge.png");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("JSON in a PNG badge image").contains("Status: Valid").contains("Baked course");

        HttpResponse<String> plain = upload("file", png.toByteArray(), "plain.png");
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("no credential baked into it");
    }

    @Test
    void oversizedUploadsAre413() {
        byte[] big = new byte[(5 << 20) + 100];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpResponse<String> r = upload("file", big, "big.json");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("The file is larger than 5 MiB");
    }

    @Test
    void formWithoutMultipartIsReadToo() {
        JsonObject vc = t.issue(Samples.minimal().with("name", "Url-encoded"));
        HttpResponse<String> r = t.send(HttpRequest.newBuilder(t.uri("/verify"))
                .POST(HttpRequest.BodyPublishers.ofString("credential=" + java.net.URLEncoder.encode(vc.toJson(), StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Status: Valid");
    }

    static HttpResponse<String> upload(String field, byte[] content, String fileName) {
        return upload(t, field, content, fileName);
    }

    static HttpResponse<String> upload(TestServer t, String field, byte[] content, String fileName) {
        String boundary = "----credkit" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return t.send(HttpRequest.newBuilder(t.uri("/verify"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary));
    }
}
