package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.keys.Base58;

import java.util.Base64;

/**
 * Multibase text for the two bases Data Integrity uses: {@code z} base58btc (keys, signatures)
 * and {@code u} base64url without padding. Decoding is strict: unknown prefixes, characters
 * outside the alphabet, padding and non-canonical trailing bits are refused with
 * {@link ProblemCode#MALFORMED}. Base58 input is capped at {@value Base58#MAX_ENCODED_LENGTH}
 * characters ({@link ProblemCode#LIMIT_EXCEEDED}): it only ever carries keys and signatures.
 */
public final class Multibase {
    /** Prefix of base58btc multibase text. */
    public static final char BASE58BTC = 'z';
    /** Prefix of base64url (no padding) multibase text. */
    public static final char BASE64URL = 'u';

    private static final Base64.Encoder BASE64URL_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private Multibase() {
    }

    /** {@code z} + base58btc of {@code data}. */
    public static String encodeBase58Btc(byte[] data) {
        return BASE58BTC + Base58.encode(data);
    }

    /** {@code u} + base64url of {@code data}, without padding. */
    public static String encodeBase64Url(byte[] data) {
        return BASE64URL + BASE64URL_ENCODER.encodeToString(data);
    }

    /** Decodes {@code z} (base58btc) or {@code u} (base64url) multibase text. */
    public static byte[] decode(String multibase) throws CredentialException {
        if (multibase == null || multibase.isEmpty()) {
            throw new CredentialException(ProblemCode.MALFORMED, "multibase value is empty");
        }
        char prefix = multibase.charAt(0);
        if (prefix == BASE58BTC) {
            return Base58.decode(multibase.substring(1));
        }
        if (prefix == BASE64URL) {
            return fromBase64Url(multibase.substring(1));
        }
        throw new CredentialException(ProblemCode.MALFORMED, "unsupported multibase prefix '" + printable(prefix)
                + "' (expected 'z' base58btc or 'u' base64url)");
    }

    /** Decodes multibase text that must be base58btc ({@code z}). */
    public static byte[] decodeBase58Btc(String multibase) throws CredentialException {
        if (multibase == null || multibase.isEmpty()) {
            throw new CredentialException(ProblemCode.MALFORMED, "multibase value is empty");
        }
        if (multibase.charAt(0) != BASE58BTC) {
            throw new CredentialException(ProblemCode.MALFORMED,
                    "expected base58btc multibase (prefix 'z'), found prefix '" + printable(multibase.charAt(0)) + "'");
        }
        return Base58.decode(multibase.substring(1));
    }

    /** Plain base58btc (Bitcoin alphabet) without a multibase prefix, as in {@code publicKeyBase58}. */
    public static String base58(byte[] data) {
        return Base58.encode(data);
    }

    /** Decodes plain base58btc text (no multibase prefix). */
    public static byte[] fromBase58(String base58) throws CredentialException {
        return Base58.decode(base58);
    }

    /** Plain base64url without padding (JOSE style), no multibase prefix. */
    public static String base64Url(byte[] data) {
        return BASE64URL_ENCODER.encodeToString(data);
    }

    /** Decodes unpadded base64url text strictly (no padding, no line breaks, canonical last character). */
    public static byte[] fromBase64Url(String text) throws CredentialException {
        if (text.indexOf('=') >= 0) {
            throw new CredentialException(ProblemCode.MALFORMED, "base64url value must not be padded");
        }
        byte[] bytes;
        try {
            bytes = BASE64URL_DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "invalid base64url value");
        }
        // The JDK ignores stray low bits in the last character: several texts, one value.
        if (text.length() % 4 != 0 && !BASE64URL_ENCODER.encodeToString(bytes).equals(text)) {
            throw new CredentialException(ProblemCode.MALFORMED, "non-canonical base64url value");
        }
        return bytes;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
