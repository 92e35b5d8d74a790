package dev.credkit.baking;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.nio.charset.StandardCharsets;

/** The image formats Open Badges 3.0 credentials can be baked into, detected from content. */
public enum ImageFormat {
    PNG,
    SVG;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /**
     * Detects the format from the first bytes, never from a file name: the PNG signature, or
     * (after an optional UTF-8 byte order mark and whitespace) {@code <svg}, {@code <?xml} or
     * {@code <!--}.
     */
    public static ImageFormat detect(byte[] image) throws CredentialException {
        if (image.length >= PNG_SIGNATURE.length && startsWith(image, PNG_SIGNATURE, 0)) {
            return PNG;
        }
        int i = 0;
        if (image.length >= 3 && (image[0] & 0xff) == 0xef && (image[1] & 0xff) == 0xbb && (image[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < image.length && i < 4096 && (image[i] == ' ' || image[i] == '\t' || image[i] == '\r'
                || image[i] == '\n')) {
            i++;
        }
        for (String prefix : new String[] {"<svg", "<?xml", "<!--"}) {
            if (startsWith(image, prefix.getBytes(StandardCharsets.US_ASCII), i)) {
                return SVG;
            }
        }
        throw new CredentialException(ProblemCode.MALFORMED, "image is neither PNG nor SVG");
    }

    static boolean startsWith(byte[] data, byte[] prefix, int offset) {
        if (data.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
