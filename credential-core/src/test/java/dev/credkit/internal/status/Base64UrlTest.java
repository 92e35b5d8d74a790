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
}
