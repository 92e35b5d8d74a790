package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.keys.Base58;
import dev.credkit.internal.keys.KeyDer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixed caps on key material (base58 text, PEM text, key files), at and just past each. */
class KeyLimitsTest {
    private static final Ed25519KeyPair KEY = key();

    private static Ed25519KeyPair key() {
        try {
            byte[] seed = new byte[32];
            Arrays.fill(seed, (byte) 5);
            return Ed25519KeyPair.fromSeed(seed);
        } catch (CredentialException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void base58AtAndPastTheLimit() throws Exception {
        assertThat(Base58.MAX_ENCODED_LENGTH).isEqualTo(1024);
        assertThat(Multibase.fromBase58("1".repeat(1024))).hasSize(1024);
        assertThat(Multibase.decode("z" + "1".repeat(1024))).hasSize(1024);
        assertCode(() -> Multibase.fromBase58("1".repeat(1025)), ProblemCode.LIMIT_EXCEEDED);
        assertCode(() -> Multibase.decode("z" + "1".repeat(1025)), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void pemAtAndPastTheLimit() throws Exception {
        String pem = KEY.publicKey().toPem();
        // RFC 7468 allows text before the block: pad with it to exactly the limit
        String at = "x".repeat(KeyDer.MAX_PEM_CHARS - pem.length() - 1) + "\n" + pem;
        assertThat(at).hasSize(16 * 1024);
        assertThat(Ed25519PublicKey.fromPem(at)).isEqualTo(KEY.publicKey());
        assertCode(() -> Ed25519PublicKey.fromPem("x" + at), ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void keyFileAtAndPastTheLimit() throws Exception {
        byte[] json = KeyFile.of(KEY).toPrettyJson().getBytes(StandardCharsets.UTF_8);
        byte[] at = Arrays.copyOf(json, KeyFile.MAX_BYTES);
        Arrays.fill(at, json.length, at.length, (byte) ' ');
        assertThat(at).hasSize(64 * 1024);
        assertThat(KeyFile.parse(at).publicKey()).isEqualTo(KEY.publicKey());
        byte[] past = Arrays.copyOf(at, at.length + 1);
        past[at.length] = ' ';
        assertCode(() -> KeyFile.parse(past), ProblemCode.LIMIT_EXCEEDED);
    }

    private interface Call {
        Object run() throws CredentialException;
    }

    private static void assertCode(Call call, ProblemCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
