package dev.credkit.signing.render;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.credkit.baking.BadgeBaker;
import dev.credkit.baking.BakedCredential;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.ob.CertificateBuilder;
import dev.credkit.ob.Profile;
import dev.credkit.ob.VerificationCode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateRendererTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T09:30:00Z"), ZoneOffset.UTC);

    static JsonObject signedCertificate(String courseName, VerificationCode code) throws Exception {
        JsonObject unsigned = CertificateBuilder.create(CLOCK, new SecureRandom())
                .issuer(Profile.builder().id("did:key:z6MksFn44HX4jtsk8a7889WERWzWQbeZ41o2m3rcEhvYJ5zj")
                        .name("Example State University & Co").url("https://example.edu").build())
                .verifyBaseUrl("https://certs.example.edu")
                .verificationCode(code)
                .learnerName("Ada O'Lovelace")
                .learnerEmail("ada@example.org")
                .courseName(courseName)
                .courseCode("CS 201")
                .syllabus("Arrays, lists, trees and graphs.")
                .workloadHours(120)
                .criteriaNarrative("Pass every assignment.")
                .build().toJson();
        // a stand-in proof: rendering does not verify, it only carries the credential
        return unsigned.with("proof", JsonObject.builder().put("type", "DataIntegrityProof")
                .put("cryptosuite", "eddsa-rdfc-2022").put("proofValue", "z3FXQ").build());
    }

    @Test
    void rendersWellFormedEscapedSvgWithTheCredentialBakedIn() throws Exception {
        VerificationCode code = VerificationCode.generate(new SecureRandom());
        JsonObject cert = signedCertificate("Hacking <script>alert(1)</script> & \"Friends\"", code);
        byte[] svgBytes = CertificateRenderer.create().render(cert);
        String svg = new String(svgBytes, java.nio.charset.StandardCharsets.UTF_8);

        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(svg).contains("Hacking &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Friends&quot;");
        assertThat(svg).contains("Ada O&apos;Lovelace");
        assertThat(svg).contains("EXAMPLE STATE UNIVERSITY &amp; CO");
        assertThat(svg).contains("Issued on 15 January 2025");
        assertThat(svg).contains("https://certs.example.edu/verify/" + code.display());
        assertThat(svg).contains("Code " + code.display());
        assertThat(svg).contains("CS 201  \u00b7  120 hours of study");
        assertThat(svg).contains("viewBox=\"0 0 1123 794\"");
        assertThat(texts(doc)).contains("Verified Certificate", "Ada O'Lovelace", "This certifies that");

        // the picture carries the credential, byte-equal to its compact JSON
        BakedCredential baked = BadgeBaker.defaults().unbake(svgBytes).orElseThrow();
        assertThat(baked.text()).isEqualTo(JsonWriter.compact(cert));
        assertThat(baked.json()).isEqualTo(cert);
    }

    @Test
    void qrCodeDecodesToTheVerifyUrl() throws Exception {
        VerificationCode code = VerificationCode.generate(new SecureRandom());
        JsonObject cert = signedCertificate("Data Structures", code);
        String url = cert.string("id").orElseThrow();
        Document doc = parse(CertificateRenderer.create().renderSvg(cert));

        Element qr = byId(doc, "verify-qr");
        int n = Integer.parseInt(qr.getAttribute("data-modules"));
        boolean[][] modules = new boolean[n][n];
        String d = ((Element) qr.getElementsByTagNameNS("*", "path").item(0)).getAttribute("d");
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(d);
        int quiet = 4;
        while (m.find()) {
            int x = Integer.parseInt(m.group(1)) - quiet;
            int y = Integer.parseInt(m.group(2)) - quiet;
            for (int i = 0; i < Integer.parseInt(m.group(3)); i++) {
                modules[y][x + i] = true;
            }
        }
        // the drawn modules are exactly zxing's encoding of the URL
        BitMatrix expected = CertificateRenderer.qrMatrix(url);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                assertThat(modules[y][x]).as("module %d,%d", x, y).isEqualTo(expected.get(x, y));
            }
        }
        // and a QR reader decodes the rasterised drawing back to the URL
        assertThat(decode(modules)).isEqualTo(url);
    }

    @Test
    void longCourseNamesWrapAndStayInsideTheBorder() throws Exception {
        String longName = "Advanced Topics in Distributed Systems, Consensus Protocols and Fault-Tolerant "
                + "Storage Engines for Planet-Scale Databases";
        Document doc = parse(CertificateRenderer.create().withTitle("Certificate of Completion")
                .renderSvg(signedCertificate(longName, VerificationCode.generate(new SecureRandom()))));
        String all = String.join("|", texts(doc));
        assertThat(all).contains("Certificate of Completion").contains("Advanced Topics").contains("Planet-Scale Databases");
    }

    @Test
    void refusesWhatIsNotAnOpenBadgeCredential() {
        assertThatThrownBy(() -> CertificateRenderer.create().render(JsonObject.empty()))
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_DATA_MODEL));
    }

    // ---- helpers

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static java.util.List<String> texts(Document doc) {
        NodeList list = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }

    static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element " + id);
    }

    static String decode(boolean[][] modules) throws Exception {
        int n = modules.length;
        int scale = 4;
        int quiet = 4;
        int size = (n + 2 * quiet) * scale;
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xffffffff);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (modules[y][x]) {
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            pixels[((y + quiet) * scale + dy) * size + (x + quiet) * scale + dx] = 0xff000000;
                        }
                    }
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
