package dev.credkit.internal.keys;

/** Multicodec prefixes (unsigned varints) of the key types credkit reads or names in errors. */
public final class Multicodec {
    public static final int ED25519_PUB = 0xed;
    public static final int ED25519_PRIV = 0x1300;

    /** The varint encodings, as they appear in front of key bytes. */
    public static final byte[] ED25519_PUB_PREFIX = {(byte) 0xed, 0x01};
    public static final byte[] ED25519_PRIV_PREFIX = {(byte) 0x80, 0x26};

    private Multicodec() {
    }

    /** The code and the length of its varint at the start of {@code bytes}; null when there is none. */
    public record Prefix(int code, int length) {
    }

    /** Reads the leading varint (at most 3 bytes, minimal encoding). */
    public static Prefix read(byte[] bytes) {
        int code = 0;
        for (int i = 0; i < 3 && i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            code |= (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    return null; // non-minimal
                }
                return new Prefix(code, i + 1);
            }
        }
        return null;
    }

    /** A readable name for error messages. */
    public static String describe(int code) {
        String name = switch (code) {
            case 0xed -> "ed25519-pub";
            case 0xec -> "x25519-pub";
            case 0xe7 -> "secp256k1-pub";
            case 0xeb -> "bls12_381-g2-pub";
            case 0x1200 -> "p256-pub";
            case 0x1201 -> "p384-pub";
            case 0x1202 -> "p521-pub";
            case 0x1203 -> "ed448-pub";
            case 0x1205 -> "rsa-pub";
            case 0x1300 -> "ed25519-priv";
            case 0x1302 -> "x25519-priv";
            case 0x1306 -> "p256-priv";
            default -> null;
        };
        String hex = "0x" + Integer.toHexString(code);
        return name == null ? "multicodec " + hex : name + " (" + hex + ")";
    }
}
