package dev.credkit.internal.status;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Base64UrlTest {

    @Test
    void decodesWhatTheJdkEncodesForEveryTailLength() {
        Random random = new Random(7);
        for (int length = 0; length < 64; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(Base64Url.decode("u" + text, 1)).containsExactly(bytes);
            assertThat(Base64Url.encode(bytes)).isEqualTo(text);
        }
    }

    @Test
    void rejectsNonCanonicalAndForeignCharacters() {
        assertThat(Base64Url.decode("QQ", 0)).containsExactly('A');
        assertThat(Base64Url.decode("QR", 0)).isNull(); // unused bits set
        assertThat(Base64Url.decode("QUE", 0)).containsExactly('A', 'A');
        assertThat(Base64Url.decode("QUF", 0)).isNull();
        assertThat(Base64Url.decode("QQ==", 0)).isNull();
        assertThat(Base64Url.decode("Q", 0)).isNull();
        assertThat(Base64Url.decode("a+b/", 0)).isNull();
        assertThat(Base64Url.decode("ab\ncd", 0)).isNull();
    }

    /** A foreign character in any position of a short final group, where a valid neighbour could mask it. */
    @Test
    void rejectsForeignCharactersInTheFinalGroup() {
        for (String text : new String[] {"AAAA*A", "AAAA*AA", "AAAAA*A", "*A", "*AA", "A*A", "AA*"}) {
            assertThat(Base64Url.decode(text, 0)).as(text).isNull();
        }
        // beyond ASCII, at the edge of the lookup table and far from it
        for (String text : new String[] {"\u0080AAA", "AA\u0080", "A\u00ff", "\u20acAAA"}) {
            assertThat(Base64Url.decode(text, 0)).as(text).isNull();
        }
    }
}
