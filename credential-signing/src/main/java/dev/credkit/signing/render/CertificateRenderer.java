package dev.credkit.signing.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.credkit.baking.BadgeBaker;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.ob.OpenBadgeCredential;
import dev.credkit.ob.VerificationCode;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a (signed) certificate into an SVG a person can print or post: institution, learner,
 * course, issue date, and the verify URL with its QR code (vector rectangles, no raster), on an
 * A4 landscape page with a border and serif titles. The credential itself is baked into the
 * picture ({@code <openbadges:credential>}), so the image is verifiable on its own.
 *
 * <p>Every text taken from the credential is XML-escaped (a {@code <script>} in a course name
 * is drawn as text). Immutable and thread-safe.
 */
public final class CertificateRenderer {
    /** A4 landscape at 96 px per inch. */
    static final int WIDTH = 1123;
    static final int HEIGHT = 794;
    private static final int QR_SIZE = 150;
    private static final int QR_QUIET_ZONE = 4;
    private static final String SERIF = "Georgia, 'Times New Roman', Times, serif";
    private static final String SANS = "'Helvetica Neue', Arial, sans-serif";
    private static final String INK = "#1f2a44";
    private static final String ACCENT = "#9c7a3c";

    private final String title;
    private final DateTimeFormatter dateFormat;
    private final BadgeBaker baker;

    private CertificateRenderer(String title, DateTimeFormatter dateFormat, BadgeBaker baker) {
        this.title = title;
        this.dateFormat = dateFormat;
        this.baker = baker;
    }

    /** Title "Verified Certificate", English dates such as "15 January 2025" (UTC). */
    public static CertificateRenderer create() {
        return new CertificateRenderer("Verified Certificate",
                DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC),
                BadgeBaker.defaults());
    }

    /** The same renderer with another title (e.g. a translation). */
    public CertificateRenderer withTitle(String newTitle) {
        return new CertificateRenderer(Objects.requireNonNull(newTitle, "title"), dateFormat, baker);
    }

    /** The same renderer with another date format (its zone decides the calendar day). */
    public CertificateRenderer withDateFormat(DateTimeFormatter format) {
        if (format.getZone() == null) {
            throw new IllegalArgumentException("the date format needs a zone (e.g. withZone(ZoneOffset.UTC))");
        }
        return new CertificateRenderer(title, format, baker);
    }

    /**
     * The SVG, UTF-8 encoded, with the credential baked in. The certificate must be a valid Open
     * Badges 3.0 credential ({@code INVALID_DATA_MODEL} otherwise).
     */
    public byte[] render(JsonObject certificate) throws CredentialException {
        String svg = drawing(OpenBadgeCredential.read(certificate));
        return baker.bake(svg.getBytes(StandardCharsets.UTF_8), certificate);
    }

    /** {@link #render} as text. */
    public String renderSvg(JsonObject certificate) throws CredentialException {
        return new String(render(certificate), StandardCharsets.UTF_8);
    }

    String drawing(OpenBadgeCredential c) throws CredentialException {
        String institution = c.issuer().name().orElse(c.issuer().id());
        String learner = c.credentialSubject().displayName().orElse(c.credentialSubject().id().orElse(""));
        String course = c.achievement().name();
        String issued = dateFormat.format(c.validFromInstant());
        String url = c.id();
        String code = codeFromUrl(url);
        String details = details(c);

        Svg s = new Svg();
        s.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"297mm\" height=\"210mm\" viewBox=\"0 0 "
                + WIDTH + " " + HEIGHT + "\" role=\"img\">\n");
        s.raw("<title>").text(title + ": " + learner + ", " + course).raw("</title>\n");
        s.raw("<rect width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" fill=\"#fffdf8\"/>\n");
        s.raw("<rect x=\"22\" y=\"22\" width=\"" + (WIDTH - 44) + "\" height=\"" + (HEIGHT - 44)
                + "\" fill=\"none\" stroke=\"" + INK + "\" stroke-width=\"6\"/>\n");
        s.raw("<rect x=\"36\" y=\"36\" width=\"" + (WIDTH - 72) + "\" height=\"" + (HEIGHT - 72)
                + "\" fill=\"none\" stroke=\"" + ACCENT + "\" stroke-width=\"1.5\"/>\n");

        int center = WIDTH / 2;
        int maxWidth = WIDTH - 240;
        s.centered(institution.toUpperCase(Locale.ROOT), center, 118, 24, SERIF, INK, "letter-spacing=\"3\"",
                maxWidth, 1);
        s.centered(title, center, 196, 56, SERIF, INK, "font-weight=\"normal\"", maxWidth, 1);
        s.raw("<line x1=\"" + (center - 90) + "\" y1=\"222\" x2=\"" + (center + 90)
                + "\" y2=\"222\" stroke=\"" + ACCENT + "\" stroke-width=\"2\"/>\n");
        s.centered("This certifies that", center, 276, 20, SERIF, "#4a5568", "font-style=\"italic\"", maxWidth, 1);
        s.centered(learner, center, 346, 46, SERIF, INK, "font-weight=\"bold\"", maxWidth, 1);
        s.centered("has successfully completed", center, 404, 20, SERIF, "#4a5568", "font-style=\"italic\"",
                maxWidth, 1);
        int courseLines = s.centered(course, center, 462, 34, SERIF, INK, "", maxWidth, 2);
        if (!details.isEmpty()) {
            s.centered(details, center, 462 + courseLines * 42, 17, SANS, "#4a5568", "", maxWidth, 1);
        }

        int left = 96;
        s.raw("<line x1=\"" + left + "\" y1=\"640\" x2=\"" + (left + 300) + "\" y2=\"640\" stroke=\"" + INK
                + "\" stroke-width=\"1\"/>\n");
        s.left("Issued on " + issued, left, 668, 17, SERIF, INK, 420);
        s.left("by " + institution, left, 694, 17, SERIF, INK, 420);

        BitMatrix qr = qrMatrix(url);
        // whole pixels per module keep the modules crisp on screen and in print
        int moduleSize = Math.max(3, Math.round((float) QR_SIZE / (qr.getWidth() + 2 * QR_QUIET_ZONE)));
        int box = (qr.getWidth() + 2 * QR_QUIET_ZONE) * moduleSize;
        int qrX = WIDTH - 80 - box;
        int qrY = HEIGHT - 96 - box;
        s.qr(qr, qrX, qrY, moduleSize);
        int textRight = qrX - 18;
        s.right("Verify this certificate", textRight, 600, 15, SANS, INK);
        s.right(url, textRight, 624, 12, "'Courier New', monospace", "#2b4c7e");
        if (code != null) {
            s.right("Code " + code, textRight, 648, 15, "'Courier New', monospace", INK);
        }
        s.raw("</svg>\n");
        return s.toString();
    }

    private static String details(OpenBadgeCredential c) {
        List<String> parts = new ArrayList<>();
        c.achievement().humanCode().ifPresent(parts::add);
        for (String line : c.achievement().description().split("\n")) {
            if (line.startsWith("Workload: ")) {
                parts.add(line.substring("Workload: ".length()).replaceAll("\\.$", "") + " of study");
            }
        }
        return String.join("  \u00b7  ", parts);
    }

    private static String codeFromUrl(String url) {
        int slash = url.lastIndexOf('/');
        String last = slash >= 0 ? url.substring(slash + 1) : url;
        try {
            return VerificationCode.parse(last).display();
        } catch (CredentialException e) {
            return null;
        }
    }

    /** A small SVG writer: every text goes through {@link #text}, which escapes it. */
    private static final class Svg {
        private final StringBuilder sb = new StringBuilder(16_384);

        Svg raw(String s) {
            sb.append(s);
            return this;
        }

        /** XML-escapes text; characters XML cannot carry become U+FFFD. */
        Svg text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '&' -> sb.append("&amp;");
                    case '<' -> sb.append("&lt;");
                    case '>' -> sb.append("&gt;");
                    case '"' -> sb.append("&quot;");
                    case '\'' -> sb.append("&apos;");
                    default -> {
                        if (Character.isHighSurrogate(ch) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(ch).append(s.charAt(++i));
                        } else if (ch == '\t' || (ch >= 0x20 && ch < 0xd800) || (ch >= 0xe000 && ch < 0xfffe)) {
                            sb.append(ch);
                        } else {
                            sb.append('\ufffd');
                        }
                    }
                }
            }
            return this;
        }

        /** Centered text wrapped into at most {@code maxLines}; returns the number of lines drawn. */
        int centered(String value, int x, int y, int size, String font, String fill, String extra, int maxWidth,
                     int maxLines) {
            List<String> lines = wrap(value.strip(), size, maxWidth, maxLines);
            for (int i = 0; i < lines.size(); i++) {
                textElement(lines.get(i), x, y + i * (int) (size * 1.2), size, font, fill,
                        "text-anchor=\"middle\" " + extra, maxWidth);
            }
            return lines.size();
        }

        void left(String value, int x, int y, int size, String font, String fill, int maxWidth) {
            textElement(value, x, y, size, font, fill, "", maxWidth);
        }

        void right(String value, int x, int y, int size, String font, String fill) {
            textElement(value, x, y, size, font, fill, "text-anchor=\"end\"", 560);
        }

        private void textElement(String value, int x, int y, int size, String font, String fill, String extra,
                                 int maxWidth) {
            sb.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-family=\"")
                    .append(font).append("\" font-size=\"").append(size).append("\" fill=\"").append(fill)
                    .append('"');
            if (!extra.isBlank()) {
                sb.append(' ').append(extra.strip());
            }
            if (estimate(value, size) > maxWidth) {
                // squeeze rather than overflow the border
                sb.append(" textLength=\"").append(maxWidth).append("\" lengthAdjust=\"spacingAndGlyphs\"");
            }
            sb.append('>');
            text(value);
            sb.append("</text>\n");
        }

        /** Vector QR code: one path of dark-module runs on a white quiet zone. */
        void qr(BitMatrix m, int x, int y, int moduleSize) {
            int n = m.getWidth();
            int quiet = QR_QUIET_ZONE;
            sb.append("<g id=\"verify-qr\" data-modules=\"").append(n).append("\" transform=\"translate(")
                    .append(x).append(' ').append(y).append(") scale(").append(moduleSize)
                    .append(")\" shape-rendering=\"crispEdges\">\n");
            sb.append("<rect width=\"").append(n + 2 * quiet).append("\" height=\"").append(n + 2 * quiet)
                    .append("\" fill=\"#ffffff\"/>\n<path fill=\"#000000\" d=\"");
            for (int row = 0; row < n; row++) {
                int col = 0;
                while (col < n) {
                    if (!m.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < n && m.get(col, row)) {
                        col++;
                    }
                    int len = col - start;
                    sb.append('M').append(start + quiet).append(' ').append(row + quiet)
                            .append('h').append(len).append("v1h-").append(len).append('z');
                }
            }
            sb.append("\"/>\n</g>\n");
        }

        private static List<String> wrap(String value, int size, int maxWidth, int maxLines) {
            List<String> lines = new ArrayList<>();
            if (maxLines <= 1 || estimate(value, size) <= maxWidth) {
                lines.add(value);
                return lines;
            }
            String[] words = value.split("\\s+");
            StringBuilder line = new StringBuilder();
            for (String w : words) {
                String candidate = line.isEmpty() ? w : line + " " + w;
                if (estimate(candidate, size) > maxWidth && !line.isEmpty() && lines.size() < maxLines - 1) {
                    lines.add(line.toString());
                    line = new StringBuilder(w);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** Rough width of serif text: about half an em per character. */
        private static double estimate(String value, int size) {
            return value.codePointCount(0, value.length()) * size * 0.52;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    static BitMatrix qrMatrix(String url) throws CredentialException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException | IllegalArgumentException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "verify URL cannot be drawn as a QR code");
        }
    }
}
