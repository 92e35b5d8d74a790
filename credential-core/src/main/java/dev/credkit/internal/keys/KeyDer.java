package dev.credkit.internal.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * RFC 8410 encodings of Ed25519 keys: X.509 SubjectPublicKeyInfo, PKCS#8 (v1 PrivateKeyInfo
 * and v2 OneAsymmetricKey) and their PEM armour. A minimal strict DER reader, as these
 * structures are small and fixed.
 */
public final class KeyDer {
    /** Longest PEM text accepted. */
    public static final int MAX_PEM_CHARS = 16 * 1024;

    private static final byte[] OID_ED25519 = {0x2b, 0x65, 0x70};
    private static final byte[] SPKI_PREFIX = {
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final byte[] PKCS8_V1_PREFIX = {
            0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int OID = 0x06;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;
    private static final int ATTRIBUTES = 0xa0;
    private static final int PUBLIC_KEY = 0x81;

    private KeyDer() {
    }

    /** The seed, and the public key when the structure carries one (else null). */
    public record PrivateKeyInfo(byte[] seed, byte[] publicKey) {
    }

    public static byte[] encodeSpki(byte[] publicKey) {
        byte[] out = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(publicKey, 0, out, SPKI_PREFIX.length, 32);
        return out;
    }

    /** PKCS#8 v1, as OpenSSL and the JDK write it. */
    public static byte[] encodePkcs8(byte[] seed) {
        byte[] out = Arrays.copyOf(PKCS8_V1_PREFIX, PKCS8_V1_PREFIX.length + 32);
        System.arraycopy(seed, 0, out, PKCS8_V1_PREFIX.length, 32);
        return out;
    }

    /** The 32 raw public key bytes of an Ed25519 SubjectPublicKeyInfo. */
    public static byte[] decodeSpki(byte[] der) throws CredentialException {
        Reader outer = new Reader(der, 0, der.length);
        Reader spki = outer.enter(SEQUENCE, "SubjectPublicKeyInfo");
        outer.expectEnd("SubjectPublicKeyInfo");
        Reader algorithm = spki.enter(SEQUENCE, "AlgorithmIdentifier");
        checkAlgorithm(algorithm);
        byte[] bits = spki.content(BIT_STRING, "subjectPublicKey");
        spki.expectEnd("SubjectPublicKeyInfo");
        return bitStringKey(bits);
    }

    /** Reads PKCS#8 v1 or v2; a v2 public key must belong to the seed (checked by the caller). */
    public static PrivateKeyInfo decodePkcs8(byte[] der) throws CredentialException {
        Reader outer = new Reader(der, 0, der.length);
        Reader info = outer.enter(SEQUENCE, "PrivateKeyInfo");
        outer.expectEnd("PrivateKeyInfo");
        byte[] version = info.content(INTEGER, "version");
        if (version.length != 1 || (version[0] != 0 && version[0] != 1)) {
            throw malformed("unsupported PKCS#8 version");
        }
        checkAlgorithm(info.enter(SEQUENCE, "AlgorithmIdentifier"));
        byte[] wrapped = info.content(OCTET_STRING, "privateKey");
        Reader inner = new Reader(wrapped, 0, wrapped.length);
        byte[] seed = inner.content(OCTET_STRING, "CurvePrivateKey");
        inner.expectEnd("CurvePrivateKey");
        if (seed.length != 32) {
            throw new CredentialException(ProblemCode.INVALID_KEY,
                    "an Ed25519 private key is 32 bytes, got " + seed.length);
        }
        if (info.peek() == ATTRIBUTES) {
            info.content(ATTRIBUTES, "attributes");
        }
        byte[] publicKey = null;
        if (info.peek() == PUBLIC_KEY) {
            if (version[0] != 1) {
                throw malformed("a PKCS#8 v1 key cannot carry a public key");
            }
            publicKey = bitStringKey(info.content(PUBLIC_KEY, "publicKey"));
        }
        info.expectEnd("PrivateKeyInfo");
        return new PrivateKeyInfo(seed, publicKey);
    }

    public static String encodePem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * The DER inside the one PEM block labelled {@code label}; text around the block is allowed
     * (RFC 7468), a block with another label is refused with a message naming it.
     */
    public static byte[] decodePem(String text, String label) throws CredentialException {
        if (text.length() > MAX_PEM_CHARS) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "PEM text is larger than " + MAX_PEM_CHARS + " characters");
        }
        int begin = text.indexOf("-----BEGIN ");
        if (begin < 0) {
            throw malformed("not a PEM document (no BEGIN line)");
        }
        int labelStart = begin + "-----BEGIN ".length();
        int labelEnd = text.indexOf("-----", labelStart);
        if (labelEnd < 0) {
            throw malformed("PEM BEGIN line is not terminated");
        }
        String found = text.substring(labelStart, labelEnd);
        if (!found.equals(label)) {
            throw malformed("expected a PEM '" + label + "' block, found '"
                    + (found.length() > 40 ? found.substring(0, 40) + "..." : found) + "'");
        }
        String endLine = "-----END " + label + "-----";
        int end = text.indexOf(endLine, labelEnd + 5);
        if (end < 0) {
            throw malformed("PEM '" + label + "' block has no END line");
        }
        if (text.indexOf("-----BEGIN ", end) >= 0) {
            throw malformed("expected one PEM block, found several");
        }
        StringBuilder body = new StringBuilder(end - labelEnd);
        for (int i = labelEnd + 5; i < end; i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                body.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(body.toString());
        } catch (IllegalArgumentException e) {
            throw malformed("PEM body is not valid base64");
        }
    }

    private static void checkAlgorithm(Reader algorithm) throws CredentialException {
        byte[] oid = algorithm.content(OID, "algorithm");
        if (!MessageDigest.isEqual(oid, OID_ED25519)) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "not an Ed25519 key (algorithm " + describeOid(oid) + ")");
        }
        // RFC 8410 §3: the parameters MUST be absent
        algorithm.expectEnd("AlgorithmIdentifier");
    }

    private static byte[] bitStringKey(byte[] bits) throws CredentialException {
        if (bits.length != 33 || bits[0] != 0) {
            throw new CredentialException(ProblemCode.INVALID_KEY, "an Ed25519 public key is 32 bytes");
        }
        return Arrays.copyOfRange(bits, 1, 33);
    }

    private static String describeOid(byte[] oid) {
        if (oid.length == 3 && oid[0] == 0x2b && oid[1] == 0x65) {
            return switch (oid[2]) {
                case 0x6e -> "X25519";
                case 0x6f -> "X448";
                case 0x71 -> "Ed448";
                default -> "1.3.101." + (oid[2] & 0xff);
            };
        }
        if (MessageDigest.isEqual(oid, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01})) {
            return "EC";
        }
        if (MessageDigest.isEqual(oid, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01})) {
            return "RSA";
        }
        return "other";
    }

    private static CredentialException malformed(String message) {
        return new CredentialException(ProblemCode.MALFORMED, message);
    }

    /** Reads DER TLVs from a window of a byte array; definite minimal lengths only. */
    private static final class Reader {
        private final byte[] b;
        private int pos;
        private final int end;

        Reader(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int peek() {
            return pos < end ? b[pos] & 0xff : -1;
        }

        Reader enter(int tag, String what) throws CredentialException {
            int length = header(tag, what);
            Reader inner = new Reader(b, pos, pos + length);
            pos += length;
            return inner;
        }

        byte[] content(int tag, String what) throws CredentialException {
            int length = header(tag, what);
            byte[] out = Arrays.copyOfRange(b, pos, pos + length);
            pos += length;
            return out;
        }

        void expectEnd(String what) throws CredentialException {
            if (pos != end) {
                throw malformed("unexpected data after " + what);
            }
        }

        private int header(int tag, String what) throws CredentialException {
            if (pos >= end || (b[pos] & 0xff) != tag) {
                throw malformed("invalid DER: expected " + what);
            }
            pos++;
            if (pos >= end) {
                throw malformed("invalid DER: truncated " + what);
            }
            int first = b[pos++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else if (first == 0x81 && pos < end && (b[pos] & 0xff) >= 0x80) {
                length = b[pos++] & 0xff;
            } else if (first == 0x82 && pos + 1 < end && (b[pos] & 0xff) != 0) {
                length = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
                pos += 2;
                if (length < 0x100) {
                    throw malformed("invalid DER: non-minimal length in " + what);
                }
            } else {
                throw malformed("invalid DER: unsupported length in " + what);
            }
            if (length > end - pos) {
                throw malformed("invalid DER: truncated " + what);
            }
            return length;
        }
    }
}
