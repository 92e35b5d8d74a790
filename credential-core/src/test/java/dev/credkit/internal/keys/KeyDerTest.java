package dev.credkit.internal.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.keys.Ed25519PublicKey;
import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyDerTest {
    // RFC 8410 §10.1 and §10.3
    private static final String RFC_PUBLIC_PEM = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
            -----END PUBLIC KEY-----
            """;
    private static final String RFC_PRIVATE_PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
            -----END PRIVATE KEY-----
            """;
    private static final String RFC_PRIVATE_V2_PEM = """
            Some text before the block is allowed (RFC 7468).
            -----BEGIN PRIVATE KEY-----
            MHICAQEwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
            oB8wHQYKKoZIhvcNAQkJFDEPDA1DdXJkbGUgQ2hhaXJzgSEAGb9ECWmEzf6FQbrB
            Z9w7lshQhqowtrbLDFw4rXAxZuE=
            -----END PRIVATE KEY-----
            """;

    @Test
    void readsTheRfc8410Examples() throws Exception {
        Ed25519PublicKey pub = Ed25519PublicKey.fromPem(RFC_PUBLIC_PEM);
        assertThat(HexFormat.of().formatHex(pub.raw())).isEqualTo("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1");
        Ed25519KeyPair v1 = Ed25519KeyPair.fromPkcs8Pem(RFC_PRIVATE_PEM);
        assertThat(HexFormat.of().formatHex(v1.exportSeed())).isEqualTo("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842");
        assertThat(v1.publicKey()).isEqualTo(pub);
        // v2 with attributes and the public key, which must match
        assertThat(Ed25519KeyPair.fromPkcs8Pem(RFC_PRIVATE_V2_PEM)).isEqualTo(v1);
        // written exactly as the RFC (and OpenSSL) writes it
        assertThat(v1.exportPkcs8Pem()).isEqualTo(RFC_PRIVATE_PEM);
        assertThat(pub.toPem()).isEqualTo(RFC_PUBLIC_PEM);
    }

    @Test
    void interoperatesWithTheJdkEncodings() throws Exception {
        java.security.KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Ed25519KeyPair ours = Ed25519KeyPair.fromPkcs8(jdk.getPrivate().getEncoded());
        assertThat(ours.publicKey()).isEqualTo(Ed25519PublicKey.fromSpki(jdk.getPublic().getEncoded()));
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        assertThat(factory.generatePublic(new X509EncodedKeySpec(ours.publicKey().toSpki()))).isEqualTo(jdk.getPublic());
        assertThat(factory.generatePrivate(new PKCS8EncodedKeySpec(ours.exportPkcs8())).getEncoded())
                .isEqualTo(jdk.getPrivate().getEncoded());
    }

    @Test
    void rejectsOtherAlgorithmsAndBrokenDer() {
        // X25519 SubjectPublicKeyInfo (RFC 8410 §10.2 OID 1.3.101.110)
        byte[] x25519 = KeyDer.encodeSpki(new byte[32]);
        x25519[8] = 0x6e;
        assertCodeOf(() -> KeyDer.decodeSpki(x25519), ProblemCode.INVALID_KEY, "X25519");
        // Ed448 PKCS#8
        byte[] ed448 = KeyDer.encodePkcs8(new byte[32]);
        ed448[11] = 0x71;
        assertCodeOf(() -> KeyDer.decodePkcs8(ed448), ProblemCode.INVALID_KEY, "Ed448");
        byte[] spki = KeyDer.encodeSpki(new byte[32]);
        assertCodeOf(() -> KeyDer.decodeSpki(java.util.Arrays.copyOf(spki, 43)), ProblemCode.MALFORMED, "DER");
        assertCodeOf(() -> KeyDer.decodeSpki(java.util.Arrays.copyOf(spki, 45)), ProblemCode.MALFORMED, "after");
        assertCodeOf(() -> KeyDer.decodeSpki(new byte[0]), ProblemCode.MALFORMED, "DER");
        // v1 PKCS#8 that claims a public key
        byte[] v2 = Base64.getMimeDecoder().decode(RFC_PRIVATE_V2_PEM.lines().filter(l -> !l.contains(" ") && !l.startsWith("-"))
                .reduce("", String::concat));
        v2[4] = 0;
        assertCodeOf(() -> KeyDer.decodePkcs8(v2), ProblemCode.MALFORMED, "v1");
        // v2 whose public key is another key's
        byte[] mismatch = Base64.getMimeDecoder().decode(RFC_PRIVATE_V2_PEM.lines().filter(l -> !l.contains(" ") && !l.startsWith("-"))
                .reduce("", String::concat));
        mismatch[mismatch.length - 1] ^= 1;
        assertCodeOf(() -> Ed25519KeyPair.fromPkcs8(mismatch), ProblemCode.INVALID_KEY, "does not match");
        // PEM problems
        assertCodeOf(() -> KeyDer.decodePem(RFC_PUBLIC_PEM, "PRIVATE KEY"), ProblemCode.MALFORMED, "PUBLIC KEY");
        assertCodeOf(() -> KeyDer.decodePem("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----",
                "PRIVATE KEY"), ProblemCode.MALFORMED, "ENCRYPTED");
        assertCodeOf(() -> KeyDer.decodePem("no pem here", "PRIVATE KEY"), ProblemCode.MALFORMED, "PEM");
        assertCodeOf(() -> KeyDer.decodePem(RFC_PRIVATE_PEM.replace("MC4C", "MC4*"), "PRIVATE KEY"), ProblemCode.MALFORMED, "base64");
        assertCodeOf(() -> KeyDer.decodePem(RFC_PRIVATE_PEM + RFC_PRIVATE_PEM, "PRIVATE KEY"), ProblemCode.MALFORMED, "several");
        assertCodeOf(() -> KeyDer.decodePem(RFC_PRIVATE_PEM.replace("-----END PRIVATE KEY-----", ""), "PRIVATE KEY"),
                ProblemCode.MALFORMED, "END");
    }

    @Test
    void aBrokenBeginLineIsNotQuoted() {
        // found by KeyDecodingFuzzTest: with one dash missing, the "label" ran into the base64
        // body, and 40 characters of it (of a private key, here) ended up in the message
        String broken = RFC_PRIVATE_PEM.replace("-----BEGIN PRIVATE KEY-----\n", "-----BEGIN PRIVATE KEY----");
        assertThatThrownBy(() -> KeyDer.decodePem(broken, "PRIVATE KEY")).isInstanceOf(CredentialException.class)
                .hasMessage("expected a PEM 'PRIVATE KEY' block, found a malformed BEGIN line");
        assertCodeOf(() -> KeyDer.decodePem(RFC_PUBLIC_PEM, "PRIVATE KEY"), ProblemCode.MALFORMED, "found 'PUBLIC KEY'");
    }

    @Test
    void pemTextAtAndPastItsLimit() throws Exception {
        String at = "x".repeat(KeyDer.MAX_PEM_CHARS - RFC_PUBLIC_PEM.length() - 1) + "\n" + RFC_PUBLIC_PEM;
        assertThat(at).hasSize(KeyDer.MAX_PEM_CHARS);
        assertThat(KeyDer.decodeSpki(KeyDer.decodePem(at, "PUBLIC KEY"))).hasSize(32);
        assertCodeOf(() -> KeyDer.decodePem("x" + at, "PUBLIC KEY"), ProblemCode.LIMIT_EXCEEDED, "16384");
    }

    /** Only a label of RFC 7468's shape is quoted: anything else may be key material run into the BEGIN line. */
    @Test
    void aForeignLabelIsQuotedOnlyWhenItLooksLikeOne() {
        for (String label : new String[] {"AZ09 AZ09", "A", "Z", "0", "9", "X".repeat(40)}) {
            assertCodeOf(() -> KeyDer.decodePem(block(label), "PRIVATE KEY"), ProblemCode.MALFORMED, "found '" + label + "'");
        }
        for (String label : new String[] {"", "X".repeat(41), "rsa key", "A@", "A[", "A/", "A:", "KEY="}) {
            assertCodeOf(() -> KeyDer.decodePem(block(label), "PRIVATE KEY"), ProblemCode.MALFORMED, "found a malformed BEGIN line");
        }
    }

    private static String block(String label) {
        return "-----BEGIN " + label + "-----\nAAAA\n-----END " + label + "-----\n";
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertCodeOf(Call call, ProblemCode code, String inMessage) {
        assertThatThrownBy(call::run).isInstanceOf(CredentialException.class)
                .hasMessageContaining(inMessage)
                .satisfies(e -> assertThat(((CredentialException) e).code()).isEqualTo(code));
    }
}
