package dev.credkit.internal.jose;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strict base64url for JWS parts: every character's value, canonical trailing bits, and parts of a longer text. */
class Base64UrlTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void everyCharacterDecodesToItsValue() throws Exception {
        // 64 characters, 48 bytes: each value once, no trailing bits
        byte[] decoded = Base64Url.decode(ALPHABET, "all");
        assertThat(Base64Url.encode(decoded)).isEqualTo(ALPHABET);
        for (char c = 0; c < 0x100; c++) {
            assertThat(Base64Url.isAlphabet(c)).as("char %d", (int) c).isEqualTo(ALPHABET.indexOf(c) >= 0);
        }
        assertThat(Base64Url.isAlphabet('\u0100')).isFalse();
        assertThat(Base64Url.isAlphabet('\uffff')).isFalse();
    }

    @Test
    void trailingBitsMustBeZeroWhateverTheLastCharacter() throws Exception {
        for (int value = 0; value < 64; value++) {
            char last = ALPHABET.charAt(value);
            String two = "A" + last; // one byte: 4 unused bits
            String three = "AA" + last; // two bytes: 2 unused bits
            check(two, (value & 0x0f) == 0);
            check(three, (value & 0x03) == 0);
            // no unused bits in a whole group: every last character is fine
            assertThat(Base64Url.decode("AAA" + last, "group")).hasSize(3);
        }
    }

    private static void check(String text, boolean canonical) throws Exception {
        if (canonical) {
            assertThat(Base64Url.decode(text, "part")).isEqualTo(Base64.getUrlDecoder().decode(text));
        } else {
            assertMalformed(() -> Base64Url.decode(text, "part"), "non-zero trailing bits");
        }
    }

    @Test
    void aPartOfALongerTextIsCheckedOnItsOwn() throws Exception {
        String token = "eyJ9.AAAB.AA";
        assertThat(Base64Url.decode(token, 5, 9, "the payload")).hasSize(3);
        assertThat(Base64Url.decode(token, 10, 12, "the signature")).hasSize(1);
        assertMalformed(() -> Base64Url.decode("xxxxx.A.yy", 6, 7, "the payload"), "the payload is not valid base64url (impossible length)");
        assertMalformed(() -> Base64Url.decode("AAAAA.AB", 6, 8, "the signature"), "the signature is not canonical");
        assertMalformed(() -> Base64Url.decode("AA=A", "x"), "x is not base64url without padding (character at offset 2)");
        assertMalformed(() -> Base64Url.decode("AA\u0080A", "x"), "offset 2");
        assertMalformed(() -> Base64Url.decode("AA\u00ffA", "x"), "offset 2");
        // offsets count from the start of the part, not of the text
        assertMalformed(() -> Base64Url.decode("eyJ9.AA=A.AA", 5, 9, "the payload"), "(character at offset 2)");
    }

    private interface Call {
        Object run() throws CredentialException;
    }

    private static void assertMalformed(Call call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
