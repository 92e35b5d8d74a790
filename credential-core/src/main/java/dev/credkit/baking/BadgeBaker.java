package dev.credkit.baking;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bakes an Open Badges 3.0 credential into a PNG or SVG image, and finds it again.
 *
 * <ul>
 *   <li>PNG: one uncompressed {@code iTXt} chunk, keyword {@code openbadgecredential}, before
 *       {@code IEND}; CRCs written and checked.</li>
 *   <li>SVG: {@code <openbadges:credential>} right after the root start tag
 *       ({@code xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"}), the JSON in CDATA, or a
 *       compact JWS in its {@code verify} attribute.</li>
 * </ul>
 * The format is detected from the content, never a file name. An image holds at most one
 * credential: baking a second fails with {@code ALREADY_BAKED}, and an image with two is
 * {@code MALFORMED}. Nothing here verifies a credential.
 *
 * <p>Immutable and thread-safe. Defaults: images up to 10 MiB, credential text up to 1 MiB.
 */
public final class BadgeBaker {
    public static final int DEFAULT_MAX_IMAGE_BYTES = 10 << 20;
    public static final int DEFAULT_MAX_CREDENTIAL_BYTES = 1 << 20;
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");
    private static final BadgeBaker DEFAULTS = new BadgeBaker(DEFAULT_MAX_IMAGE_BYTES, DEFAULT_MAX_CREDENTIAL_BYTES);

    private final int maxImageBytes;
    private final int maxCredentialBytes;

    private BadgeBaker(int maxImageBytes, int maxCredentialBytes) {
        this.maxImageBytes = maxImageBytes;
        this.maxCredentialBytes = maxCredentialBytes;
    }

    public static BadgeBaker defaults() {
        return DEFAULTS;
    }

    /** Limits in bytes; both must be positive. */
    public static BadgeBaker withLimits(int maxImageBytes, int maxCredentialBytes) {
        if (maxImageBytes <= 0 || maxCredentialBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        return new BadgeBaker(maxImageBytes, maxCredentialBytes);
    }

    public int maxImageBytes() {
        return maxImageBytes;
    }

    public int maxCredentialBytes() {
        return maxCredentialBytes;
    }

    /** Bakes a JSON credential (written compactly, exactly as {@link JsonWriter#compact}). */
    public byte[] bake(byte[] image, JsonObject credential) throws CredentialException {
        return bakeText(image, JsonWriter.compact(credential), false);
    }

    /** Bakes a compact JWS (a {@code vc+jwt} credential). */
    public byte[] bakeJws(byte[] image, String compactJws) throws CredentialException {
        if (compactJws == null || !COMPACT_JWS.matcher(compactJws).matches()) {
            throw new CredentialException(ProblemCode.MALFORMED, "not a compact JWS");
        }
        return bakeText(image, compactJws, true);
    }

    private byte[] bakeText(byte[] image, String text, boolean jws) throws CredentialException {
        checkImageSize(image);
        if (text.length() > maxCredentialBytes
                || text.getBytes(StandardCharsets.UTF_8).length > maxCredentialBytes) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "credential is larger than the baking limit");
        }
        return switch (ImageFormat.detect(image)) {
            case PNG -> PngBaking.bake(image, text);
            case SVG -> SvgBaking.bake(utf8(image), text, jws).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The credential baked into the image, or empty when there is none. */
    public Optional<BakedCredential> unbake(byte[] image) throws CredentialException {
        checkImageSize(image);
        ImageFormat format = ImageFormat.detect(image);
        String text;
        BakedCredential.Kind kind;
        if (format == ImageFormat.PNG) {
            text = PngBaking.unbake(image);
            if (text == null) {
                return Optional.empty();
            }
            text = text.strip();
            kind = text.startsWith("{") ? BakedCredential.Kind.JSON : BakedCredential.Kind.JWS;
        } else {
            String[] found = SvgBaking.unbake(utf8(image));
            if (found == null) {
                return Optional.empty();
            }
            text = found[1];
            kind = found[0].equals("jws") ? BakedCredential.Kind.JWS : BakedCredential.Kind.JSON;
        }
        if (text.length() > maxCredentialBytes) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "baked credential is larger than the limit");
        }
        if (kind == BakedCredential.Kind.JWS && !COMPACT_JWS.matcher(text).matches()) {
            throw new CredentialException(ProblemCode.MALFORMED, "baked credential is neither JSON nor a compact JWS");
        }
        if (kind == BakedCredential.Kind.JSON && !text.startsWith("{")) {
            throw new CredentialException(ProblemCode.MALFORMED, "baked credential is not a JSON object");
        }
        return Optional.of(new BakedCredential(format, kind, text));
    }

    private void checkImageSize(byte[] image) throws CredentialException {
        if (image == null || image.length == 0) {
            throw new CredentialException(ProblemCode.MALFORMED, "image is empty");
        }
        if (image.length > maxImageBytes) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED,
                    "image is larger than " + maxImageBytes + " bytes");
        }
    }

    private static String utf8(byte[] data) throws CredentialException {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "SVG is not valid UTF-8");
        }
    }
}
