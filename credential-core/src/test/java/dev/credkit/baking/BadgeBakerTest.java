package dev.credkit.baking;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadgeBakerTest {
    private static final BadgeBaker BAKER = BadgeBaker.defaults();
    private static final String JWS = "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl";

    static byte[] tinyPng() throws Exception {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, "png", out)).isTrue();
        return out.toByteArray();
    }

    static JsonObject credential() throws Exception {
        try (InputStream in = BadgeBakerTest.class.getResourceAsStream("/vectors/ob3-eddsa-rdfc-2022/signed.json")) {
            return JsonReader.defaults().readObject(in.readAllBytes());
        }
    }

    private static void fails(Executable e, ProblemCode code, String message) {
        assertThatThrownBy(e::execute)
                .isInstanceOfSatisfying(CredentialException.class, ex -> assertThat(ex.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    // ---- PNG

    @Test
    void pngRoundTripKeepsTheImageAndTheCredential() throws Exception {
        byte[] png = tinyPng();
        JsonObject vc = credential();
        byte[] baked = BAKER.bake(png, vc);

        BakedCredential found = BAKER.unbake(baked).orElseThrow();
        assertThat(found.format()).isEqualTo(ImageFormat.PNG);
        assertThat(found.kind()).isEqualTo(BakedCredential.Kind.JSON);
        assertThat(found.text()).isEqualTo(JsonWriter.compact(vc));
        assertThat(found.json()).isEqualTo(vc);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(baked));
        assertThat(decoded.getWidth()).isEqualTo(4);
        assertThat(decoded.getRGB(1, 1) & 0xffffff).isEqualTo(0x336699);
        // the chunk sits right before IEND, which stays last
        int iend = baked.length - 12;
        assertThat(new String(baked, iend + 4, 4, StandardCharsets.US_ASCII)).isEqualTo("IEND");
        assertThat(new String(baked, StandardCharsets.ISO_8859_1)).contains("iTXtopenbadgecredential\0\0\0\0\0{");
        assertThat(BAKER.unbake(png)).isEmpty();
    }

    @Test
    void pngWithJws() throws Exception {
        BakedCredential found = BAKER.unbake(BAKER.bakeJws(tinyPng(), JWS)).orElseThrow();
        assertThat(found.kind()).isEqualTo(BakedCredential.Kind.JWS);
        assertThat(found.text()).isEqualTo(JWS);
        fails(found::json, ProblemCode.MALFORMED, "is a JWS");
        fails(() -> BAKER.bakeJws(tinyPng(), "not.a jws"), ProblemCode.MALFORMED, "not a compact JWS");
    }

    @Test
    void refusesToBakeASecondCredential() throws Exception {
        byte[] baked = BAKER.bake(tinyPng(), credential());
        fails(() -> BAKER.bake(baked, credential()), ProblemCode.ALREADY_BAKED, "already carries");
        fails(() -> BAKER.bakeJws(baked, JWS), ProblemCode.ALREADY_BAKED, "already carries");
    }

    @Test
    void refusesToUnbakeAPngWithTwoCredentials() throws Exception {
        byte[] png = tinyPng();
        byte[] chunk = chunk("iTXt", ("openbadgecredential\0\0\0\0\0{}").getBytes(StandardCharsets.ISO_8859_1));
        byte[] twice = insertBeforeIend(insertBeforeIend(png, chunk), chunk);
        fails(() -> BAKER.unbake(twice), ProblemCode.MALFORMED, "2 openbadgecredential chunks");
    }

    @Test
    void tamperedPngsAreMalformed() throws Exception {
        byte[] baked = BAKER.bake(tinyPng(), credential());
        int textAt = indexOf(baked, "{\"@context\"".getBytes(StandardCharsets.US_ASCII));
        byte[] flipped = baked.clone();
        flipped[textAt + 5] ^= 0x01;
        fails(() -> BAKER.unbake(flipped), ProblemCode.MALFORMED, "bad CRC in PNG chunk iTXt");

        byte[] truncated = Arrays.copyOf(baked, baked.length - 20);
        fails(() -> BAKER.unbake(truncated), ProblemCode.MALFORMED, "truncated PNG chunk");

        byte[] trailing = Arrays.copyOf(baked, baked.length + 3);
        fails(() -> BAKER.unbake(trailing), ProblemCode.MALFORMED, "data after the PNG IEND chunk");

        byte[] hugeLength = baked.clone();
        hugeLength[8] = 0x7f; // IHDR length far beyond the file
        fails(() -> BAKER.unbake(hugeLength), ProblemCode.MALFORMED, "truncated PNG chunk");

        byte[] badSignature = baked.clone();
        badSignature[1] = 'X';
        fails(() -> BAKER.unbake(badSignature), ProblemCode.MALFORMED, "neither PNG nor SVG");

        byte[] compressed = insertBeforeIend(tinyPng(),
                chunk("iTXt", "openbadgecredential\0\1\0\0\0x".getBytes(StandardCharsets.ISO_8859_1)));
        fails(() -> BAKER.unbake(compressed), ProblemCode.MALFORMED, "compressed");

        byte[] badUtf8 = insertBeforeIend(tinyPng(), chunk("iTXt",
                concat("openbadgecredential\0\0\0\0\0{".getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0xc3})));
        fails(() -> BAKER.unbake(badUtf8), ProblemCode.MALFORMED, "not valid UTF-8");

        byte[] noIhdr = concat(Arrays.copyOf(tinyPng(), 8), chunk("IEND", new byte[0]));
        fails(() -> BAKER.unbake(noIhdr), ProblemCode.MALFORMED, "does not start with IHDR");
    }

    @Test
    void sizeLimits() throws Exception {
        BadgeBaker small = BadgeBaker.withLimits(20, 50);
        fails(() -> small.unbake(tinyPng()), ProblemCode.LIMIT_EXCEEDED, "larger than 20 bytes");
        BadgeBaker tightCredential = BadgeBaker.withLimits(1 << 20, 50);
        fails(() -> tightCredential.bake(tinyPng(), credential()), ProblemCode.LIMIT_EXCEEDED, "baking limit");
        assertThat(BAKER.maxImageBytes()).isEqualTo(10 << 20);
        fails(() -> BAKER.unbake(new byte[0]), ProblemCode.MALFORMED, "empty");
    }

    // ---- SVG

    private static final String SVG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!-- a badge -->\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" data-x=\"a>b\">"
            + "<rect width=\"10\" height=\"10\" fill=\"#369\"/></svg>\n";

    @Test
    void svgRoundTripPutsTheElementRightAfterTheRootStartTag() throws Exception {
        JsonObject vc = credential();
        byte[] baked = BAKER.bake(SVG.getBytes(StandardCharsets.UTF_8), vc);
        String text = new String(baked, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a badge -->\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" data-x=\"a>b\" "
                + "xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><openbadges:credential><![CDATA[{");
        assertThat(text).endsWith("]]></openbadges:credential><rect width=\"10\" height=\"10\" fill=\"#369\"/></svg>\n");
        BakedCredential found = BAKER.unbake(baked).orElseThrow();
        assertThat(found.format()).isEqualTo(ImageFormat.SVG);
        assertThat(found.text()).isEqualTo(JsonWriter.compact(vc));
        assertThat(found.json()).isEqualTo(vc);
        fails(() -> BAKER.bake(baked, vc), ProblemCode.ALREADY_BAKED, "already carries");
        assertThat(BAKER.unbake(SVG.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void cdataTerminatorInsideTheCredentialIsEscaped() throws Exception {
        JsonObject vc = credential().with("name", "tricky ]]> name <script>");
        byte[] baked = BAKER.bake(SVG.getBytes(StandardCharsets.UTF_8), vc);
        assertThat(new String(baked, StandardCharsets.UTF_8)).contains("]]]]><![CDATA[>");
        assertThat(BAKER.unbake(baked).orElseThrow().text()).isEqualTo(JsonWriter.compact(vc));
    }

    @Test
    void svgWithJwsInVerifyAttribute() throws Exception {
        byte[] baked = BAKER.bakeJws(SVG.getBytes(StandardCharsets.UTF_8), JWS);
        assertThat(new String(baked, StandardCharsets.UTF_8)).contains("<openbadges:credential verify=\"" + JWS + "\"/>");
        BakedCredential found = BAKER.unbake(baked).orElseThrow();
        assertThat(found.kind()).isEqualTo(BakedCredential.Kind.JWS);
        assertThat(found.text()).isEqualTo(JWS);
    }

    @Test
    void selfClosingRootAndExistingNamespaceDeclaration() throws Exception {
        String selfClosing = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"/>";
        String baked = new String(BAKER.bake(selfClosing.getBytes(StandardCharsets.UTF_8), credential()),
                StandardCharsets.UTF_8);
        assertThat(baked).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><openbadges:credential>").endsWith("</svg>");
        assertThat(BAKER.unbake(baked.getBytes(StandardCharsets.UTF_8))).isPresent();
        // a BOM before the document is tolerated
        byte[] bom = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, SVG.getBytes(StandardCharsets.UTF_8));
        assertThat(BAKER.unbake(BAKER.bake(bom, credential()))).isPresent();
    }

    @Test
    void unsafeOrBrokenSvgsAreRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>";
        fails(() -> BAKER.unbake(xxe.getBytes(StandardCharsets.UTF_8)), ProblemCode.MALFORMED, "DOCTYPE");
        fails(() -> BAKER.bake(xxe.getBytes(StandardCharsets.UTF_8), credential()), ProblemCode.MALFORMED, "DOCTYPE");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\">&lol2;</svg>";
        fails(() -> BAKER.unbake(bomb.getBytes(StandardCharsets.UTF_8)), ProblemCode.MALFORMED, "DOCTYPE");
        fails(() -> BAKER.unbake("<svg><g></svg>".getBytes(StandardCharsets.UTF_8)), ProblemCode.MALFORMED,
                "not well-formed");
        fails(() -> BAKER.unbake("<?xml version=\"1.0\"?><html/>".getBytes(StandardCharsets.UTF_8)),
                ProblemCode.MALFORMED, "not an SVG");
        fails(() -> BAKER.unbake("hello".getBytes(StandardCharsets.UTF_8)), ProblemCode.MALFORMED, "neither PNG nor SVG");
        String two = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:ob=\"https://purl.imsglobal.org/ob/v3p0\">"
                + "<ob:credential><![CDATA[{}]]></ob:credential><ob:credential><![CDATA[{}]]></ob:credential></svg>";
        fails(() -> BAKER.unbake(two.getBytes(StandardCharsets.UTF_8)), ProblemCode.MALFORMED,
                "2 openbadges:credential elements");
        String otherPrefix = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"urn:other\"/>";
        fails(() -> BAKER.bake(otherPrefix.getBytes(StandardCharsets.UTF_8), credential()), ProblemCode.MALFORMED,
                "another namespace");
        JsonObject nul = credential().with("name", "a\u0000b");
        // JSON escapes control characters, so even NUL survives inside CDATA as \\u0000
        assertThat(BAKER.unbake(BAKER.bake(SVG.getBytes(StandardCharsets.UTF_8), nul)).orElseThrow().json())
                .isEqualTo(nul);
        JsonObject nonChar = credential().with("name", "a\uFFFEb");
        fails(() -> BAKER.bake(SVG.getBytes(StandardCharsets.UTF_8), nonChar), ProblemCode.MALFORMED, "XML");
    }

    @Test
    void deeplyNestedSvgIsHandledQuickly() throws Exception {
        StringBuilder sb = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\">");
        sb.append("<g>".repeat(30_000)).append("</g>".repeat(30_000)).append("</svg>");
        byte[] svg = sb.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        try {
            assertThat(BAKER.unbake(svg)).isEmpty();
        } catch (CredentialException e) {
            assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void detectsFormatFromContentOnly() throws Exception {
        assertThat(ImageFormat.detect(tinyPng())).isEqualTo(ImageFormat.PNG);
        assertThat(ImageFormat.detect("  \n<svg/>".getBytes(StandardCharsets.UTF_8))).isEqualTo(ImageFormat.SVG);
        assertThat(ImageFormat.detect("<?xml version=\"1.0\"?><svg/>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ImageFormat.SVG);
        fails(() -> ImageFormat.detect(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}), ProblemCode.MALFORMED,
                "neither PNG nor SVG");
    }

    // ---- helpers

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static byte[] insertBeforeIend(byte[] png, byte[] chunk) {
        int iend = png.length - 12;
        return concat(concat(Arrays.copyOf(png, iend), chunk), Arrays.copyOfRange(png, iend, png.length));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
