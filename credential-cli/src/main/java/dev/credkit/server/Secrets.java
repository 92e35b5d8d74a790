package dev.credkit.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens and their hashes. Tokens are base64url without padding; only their SHA-256
 * hashes are stored, and a presented token is compared with a stored hash in constant time.
 */
final class Secrets {
    /** 256 bits for secrets (management tokens, share links). */
    static final int SECRET_BYTES = 32;
    /** 128 bits for identifiers that are not secrets but must not be guessable (link ids). */
    static final int ID_BYTES = 16;

    private Secrets() {
    }

    static String randomToken(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code value}. */
    static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    /** True when {@code presented} hashes to {@code storedHex}; constant time in the hash. */
    static boolean matches(String presented, String storedHex) {
        if (presented == null || storedHex == null || storedHex.length() != 64) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), expected);
    }

    /** Whether {@code s} looks like a token of ours: base64url characters only, bounded length. */
    static boolean isTokenSyntax(String s, int maxLength) {
        if (s == null || s.isEmpty() || s.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
