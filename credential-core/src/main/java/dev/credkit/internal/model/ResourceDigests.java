package dev.credkit.internal.model;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digests of {@code relatedResource} entries: {@code digestSRI} (Subresource Integrity
 * hash expressions) and {@code digestMultibase} (a multibase-encoded multihash).
 */
public final class ResourceDigests {
    private static final Pattern SRI_EXPRESSION = Pattern.compile(
            "(sha256|sha384|sha512)-([A-Za-z0-9+/_-]+={0,2})(?:\\?[\\x21-\\x7e]*)?");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\r\\n\\f]+");
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int MAX_DIGEST_TEXT = 4096;

    private ResourceDigests() {
    }

    /** One SRI hash expression: the JCA algorithm, its strength rank and the encoded digest. */
    public record SriExpression(String algorithm, int strength, String encodedDigest) {
    }

    /** A decoded multihash; {@code algorithm} is the JCA name, empty for hash functions credkit does not know. */
    public record Multihash(long code, Optional<String> algorithm, byte[] digest) {
    }

    /** Parses a {@code digestSRI} value (one or more hash expressions); empty when malformed. */
    public static Optional<List<SriExpression>> parseSri(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_DIGEST_TEXT) {
            return Optional.empty();
        }
        List<SriExpression> out = new ArrayList<>();
        for (String token : WHITESPACE.split(trimmed)) {
            Matcher m = SRI_EXPRESSION.matcher(token);
            if (!m.matches()) {
                return Optional.empty();
            }
            switch (m.group(1)) {
                case "sha256" -> out.add(new SriExpression("SHA-256", 1, m.group(2)));
                case "sha384" -> out.add(new SriExpression("SHA-384", 2, m.group(2)));
                default -> out.add(new SriExpression("SHA-512", 3, m.group(2)));
            }
        }
        return Optional.of(List.copyOf(out));
    }

    /**
     * Subresource Integrity matching: the expressions with the strongest algorithm count, and
     * one of them must match. Digests are base64 (or base64url); hexadecimal is accepted too,
     * as some published examples use it.
     */
    public static boolean sriMatches(List<SriExpression> expressions, byte[] resource) {
        int strongest = expressions.stream().mapToInt(SriExpression::strength).max().orElse(0);
        for (SriExpression e : expressions) {
            if (e.strength() != strongest) {
                continue;
            }
            byte[] actual = digest(e.algorithm(), resource);
            Optional<byte[]> base64 = decodeBase64(e.encodedDigest());
            if (base64.isPresent() && MessageDigest.isEqual(base64.get(), actual)) {
                return true;
            }
            Optional<byte[]> hex = decodeHex(e.encodedDigest());
            if (hex.isPresent() && MessageDigest.isEqual(hex.get(), actual)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes a {@code digestMultibase} value: multibase ({@code u} base64url, {@code m} base64,
     * {@code z} base58btc, {@code f}/{@code F} base16) around a multihash whose length byte
     * matches its digest. Empty when it is not one.
     */
    public static Optional<Multihash> parseMultibaseMultihash(String value) {
        if (value.length() < 2 || value.length() > MAX_DIGEST_TEXT) {
            return Optional.empty();
        }
        String body = value.substring(1);
        Optional<byte[]> bytes = switch (value.charAt(0)) {
            case 'u' -> body.indexOf('=') >= 0 ? Optional.empty() : decodeBase64(body);
            case 'm' -> body.indexOf('=') >= 0 ? Optional.empty() : decodeBase64(body);
            case 'z' -> decodeBase58(body);
            case 'f', 'F' -> decodeHex(body);
            default -> Optional.empty();
        };
        return bytes.flatMap(ResourceDigests::parseMultihash);
    }

    /** True when the multihash's digest is that of {@code resource}; its algorithm must be known. */
    public static boolean multihashMatches(Multihash multihash, byte[] resource) {
        return multihash.algorithm().isPresent()
                && MessageDigest.isEqual(multihash.digest(), digest(multihash.algorithm().get(), resource));
    }

    private static Optional<Multihash> parseMultihash(byte[] bytes) {
        int[] pos = {0};
        long code = readVarint(bytes, pos);
        long length = readVarint(bytes, pos);
        if (code < 0 || length < 1 || length != bytes.length - pos[0]) {
            return Optional.empty();
        }
        Optional<String> algorithm = Optional.ofNullable(switch ((int) Math.min(code, Integer.MAX_VALUE)) {
            case 0x12 -> length == 32 ? "SHA-256" : null;
            case 0x13 -> length == 64 ? "SHA-512" : null;
            case 0x20 -> length == 48 ? "SHA-384" : null;
            case 0x16 -> length == 32 ? "SHA3-256" : null;
            case 0x15 -> length == 48 ? "SHA3-384" : null;
            case 0x14 -> length == 64 ? "SHA3-512" : null;
            default -> null;
        });
        byte[] digest = new byte[(int) length];
        System.arraycopy(bytes, pos[0], digest, 0, digest.length);
        return Optional.of(new Multihash(code, algorithm, digest));
    }

    /** Unsigned LEB128 as multiformats use it (at most 9 bytes); -1 when truncated or too long. */
    private static long readVarint(byte[] bytes, int[] pos) {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (pos[0] >= bytes.length) {
                return -1;
            }
            int b = bytes[pos[0]++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            // every algorithm named here is mandatory in Java 17
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static Optional<byte[]> decodeBase64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> decodeHex(String text) {
        if (text.isEmpty() || text.length() % 2 != 0) {
            return Optional.empty();
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> decodeBase58(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        int leadingZeros = 0;
        boolean leading = true;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            int digit = BASE58.indexOf(b);
            if (digit < 0) {
                return Optional.empty();
            }
            if (leading && digit == 0) {
                leadingZeros++;
            } else {
                leading = false;
            }
            value = value.multiply(base).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[leadingZeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, leadingZeros, magnitude.length - skip);
        return Optional.of(out);
    }
}
