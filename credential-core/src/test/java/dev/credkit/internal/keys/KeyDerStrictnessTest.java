package dev.credkit.internal.keys;

import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DER is read strictly: nothing may follow a structure inside its parent, lengths use the
 * shortest form, and a reader at the end of its input never looks past it.
 */
class KeyDerStrictnessTest {
    private static final byte[] SEED = filled(32, 7);
    private static final byte[] RAW_PUBLIC = filled(32, 9);
    private static final byte[] ED25519 = tlv(0x06, 0x2b, 0x65, 0x70);
    private static final byte[] NULL = {0x05, 0x00};

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** Tag, DER length (short or long form), content. */
    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int n = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, int... content) {
        byte[] b = new byte[content.length];
        for (int i = 0; i < content.length; i++) {
            b[i] = (byte) content[i];
        }
        return tlv(tag, b);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bitString(byte[] key) {
        return tlv(0x03, concat(new byte[] {0}, key));
    }

    /** PKCS#8 of {@link #SEED}: version, algorithm, key, then the optional {@code extra} elements. */
    private static byte[] pkcs8(int version, byte[] inner, byte[]... extra) {
        return tlv(0x30, concat(tlv(0x02, version), tlv(0x30, ED25519), tlv(0x04, inner), concat(extra)));
    }

    private static byte[] seedOctets() {
        return tlv(0x04, SEED);
    }

    @Test
    void theBuildersHereWriteWhatKeyDerWrites() throws Exception {
        assertThat(tlv(0x30, tlv(0x30, ED25519), bitString(RAW_PUBLIC))).isEqualTo(KeyDer.encodeSpki(RAW_PUBLIC));
        assertThat(pkcs8(0, seedOctets())).isEqualTo(KeyDer.encodePkcs8(SEED));
        assertThat(KeyDer.decodePkcs8(pkcs8(1, seedOctets(), tlv(0x81, concat(new byte[] {0}, RAW_PUBLIC)))).publicKey())
                .isEqualTo(RAW_PUBLIC);
    }

    @Test
    void nothingMayFollowAStructureInsideItsParent() {
        malformed(() -> KeyDer.decodeSpki(tlv(0x30, tlv(0x30, ED25519), bitString(RAW_PUBLIC), NULL)), "after SubjectPublicKeyInfo");
        // RFC 8410 §3: the parameters of the Ed25519 AlgorithmIdentifier are absent, not NULL
        malformed(() -> KeyDer.decodeSpki(tlv(0x30, tlv(0x30, ED25519, NULL), bitString(RAW_PUBLIC))), "after AlgorithmIdentifier");
        malformed(() -> KeyDer.decodePkcs8(tlv(0x30, tlv(0x02, 0), tlv(0x30, ED25519, NULL), tlv(0x04, seedOctets()))),
                "after AlgorithmIdentifier");
        malformed(() -> KeyDer.decodePkcs8(concat(KeyDer.encodePkcs8(SEED), NULL)), "after PrivateKeyInfo");
        malformed(() -> KeyDer.decodePkcs8(pkcs8(0, concat(seedOctets(), NULL))), "after CurvePrivateKey");
        malformed(() -> KeyDer.decodePkcs8(pkcs8(1, seedOctets(), tlv(0x81, concat(new byte[] {0}, RAW_PUBLIC)), NULL)),
                "after PrivateKeyInfo");
        malformed(() -> KeyDer.decodePkcs8(pkcs8(0, seedOctets(), NULL)), "after PrivateKeyInfo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "3000", "300a3000", "30023001", "3003300106"})
    void aReaderAtTheEndOfItsInputNeverReadsPastIt(String hex) {
        byte[] der = java.util.HexFormat.of().parseHex(hex);
        malformed(() -> KeyDer.decodeSpki(der), "invalid DER");
        malformed(() -> KeyDer.decodePkcs8(der), "invalid DER");
    }

    /** Attributes make a PKCS#8 long enough for one- and two-byte lengths, exactly at each form's start. */
    @ParameterizedTest
    @ValueSource(ints = {0x7f, 0x80, 0xff, 0x100, 0x101, 600})
    void longFormLengthsAreRead(int attributeLength) throws Exception {
        byte[] der = pkcs8(0, seedOctets(), tlv(0xa0, new byte[attributeLength]));
        assertThat(KeyDer.decodePkcs8(der).seed()).isEqualTo(SEED);
    }

    @Test
    void lengthsMustUseTheShortestForm() {
        byte[] spki = KeyDer.encodeSpki(RAW_PUBLIC); // 30 2a ...
        byte[] body = Arrays.copyOfRange(spki, 2, spki.length);
        malformed(() -> KeyDer.decodeSpki(concat(new byte[] {0x30, (byte) 0x81, 0x2a}, body)), "unsupported length");
        malformed(() -> KeyDer.decodeSpki(concat(new byte[] {0x30, (byte) 0x82, 0x00, 0x2a}, body)), "unsupported length");
        malformed(() -> KeyDer.decodeSpki(concat(new byte[] {0x30, (byte) 0x83, 0x00, 0x00, 0x2a}, body)), "unsupported length");
        malformed(() -> KeyDer.decodeSpki(new byte[] {0x30, (byte) 0x81}), "unsupported length");
        malformed(() -> KeyDer.decodeSpki(new byte[] {0x30, (byte) 0x82, 0x01}), "unsupported length");
        malformed(() -> KeyDer.decodeSpki(concat(new byte[] {0x30, (byte) 0x81, (byte) 0x90}, body)), "truncated");
        malformed(() -> KeyDer.decodeSpki(concat(new byte[] {0x30, (byte) 0x82, 0x01, 0x00}, body)), "truncated");
    }

    private static void malformed(KeyDerTest.Call call, String inMessage) {
        KeyDerTest.assertCodeOf(call, ProblemCode.MALFORMED, inMessage);
    }
}
