package dev.credkit.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Escaping, links and the form parser: the pieces pages and uploads rely on. */
class HtmlTest {
    @Test
    void escapesEveryCharacterThatMeansSomethingInHtml() {
        assertThat(Html.escape("<a href=\"x\" onclick='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.escape("plain text")).isEqualTo("plain text");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("a\u0000b\u001bc\nd\te")).isEqualTo("a\uFFFDb\uFFFDc\nd\te");
    }

    @Test
    void elementsAndAttributesAreEscaped() {
        Html h = new Html().element("p", "<b>").attr("title", "\"quoted\"");
        assertThat(h.toString()).isEqualTo("<p>&lt;b&gt;</p> title=\"&quot;quoted&quot;\"");
        assertThat(new Html().paragraphs("one\n\ntwo <i>\nthree").toString()).isEqualTo("<p>one</p><p>two &lt;i&gt;<br>three</p>");
    }

    @Test
    void onlySafeUrlsBecomeLinks() {
        assertThat(new Html().link("https://example.edu/?a=1&b=\"2\"", "x").toString())
                .isEqualTo("<a href=\"https://example.edu/?a=1&amp;b=&quot;2&quot;\">x</a>");
        assertThat(new Html().link("javascript:alert(1)", "x").toString()).isEqualTo("x");
        assertThat(new Html().link("JaVaScRiPt:alert(1)", "x").toString()).isEqualTo("x");
        assertThat(new Html().link("data:text/html,hi", "x").toString()).isEqualTo("x");
        assertThat(new Html().link("//evil.example", "x").toString()).isEqualTo("x");
        assertThat(new Html().link("/verify", "x").toString()).isEqualTo("<a href=\"/verify\">x</a>");
    }

    @Test
    void multipartFormsAreParsed() throws Exception {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"a\":1}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"credential\"\r\n\r\npasted\r\nmore\r\n--XyZ--\r\n";
        FormData form = FormData.parse("multipart/form-data; boundary=XyZ", body.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(form.bytes("file").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(new String(form.bytes("credential").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("pasted\r\nmore");
        assertThat(form.bytes("other")).isEmpty();
        FormData quoted = FormData.parse("multipart/form-data; boundary=\"XyZ\"", body.getBytes(StandardCharsets.UTF_8));
        assertThat(quoted.bytes("file")).isPresent();
    }

    @Test
    void brokenFormsAre400() {
        assertThatThrownBy(() -> FormData.parse("multipart/form-data", new byte[0]))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> FormData.parse("multipart/form-data; boundary=X", "--X\r\nno end".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> FormData.parse("text/plain", new byte[0]))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(415));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            many.append("--X\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        many.append("--X--\r\n");
        assertThatThrownBy(() -> FormData.parse("multipart/form-data; boundary=X", many.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.problem()).isEqualTo("LIMIT_EXCEEDED"));
        assertThatThrownBy(() -> FormData.parse("application/x-www-form-urlencoded", "a=%zz".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void tokensAreComparedByHash() {
        String token = Secrets.randomToken(new java.security.SecureRandom(), Secrets.SECRET_BYTES);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        String hash = Secrets.sha256Hex(token);
        assertThat(hash).hasSize(64).doesNotContain(token);
        assertThat(Secrets.matches(token, hash)).isTrue();
        assertThat(Secrets.matches(token + "x", hash)).isFalse();
        assertThat(Secrets.matches(token, "not-hex")).isFalse();
        assertThat(Secrets.matches(null, hash)).isFalse();
    }
}
