package dev.credkit.ob;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkedInAddToProfileTest {

    @Test
    void encodesEveryParameterPerRfc3986() throws Exception {
        String url = LinkedInAddToProfile.builder()
                .name("Data Structures & Algorithms: 100% (Ü)")
                .organizationName("Université de Genève")
                .issued(YearMonth.of(2025, 1))
                .expires(YearMonth.of(2028, 12))
                .certUrl("https://certs.example.edu/verify/7KQ4M-XW9RT-HC3PD?x=1 2")
                .certId("7KQ4M-XW9RT-HC3PD")
                .build().url();
        assertThat(url).isEqualTo("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
                + "&name=Data%20Structures%20%26%20Algorithms%3A%20100%25%20%28%C3%9C%29"
                + "&organizationName=Universit%C3%A9%20de%20Gen%C3%A8ve"
                + "&issueYear=2025&issueMonth=1&expirationYear=2028&expirationMonth=12"
                + "&certUrl=https%3A%2F%2Fcerts.example.edu%2Fverify%2F7KQ4M-XW9RT-HC3PD%3Fx%3D1%202"
                + "&certId=7KQ4M-XW9RT-HC3PD");
        assertThat(url).doesNotContain("+").doesNotContain(" ");
    }

    @Test
    void unreservedCharactersAreKept() {
        assertThat(LinkedInAddToProfile.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(LinkedInAddToProfile.encode("a b+c/d")).isEqualTo("a%20b%2Bc%2Fd");
    }

    @Test
    void requiresNameAndOrganization() {
        assertThatThrownBy(() -> LinkedInAddToProfile.builder().organizationName("X").build())
                .hasMessageContaining("certification name");
        assertThatThrownBy(() -> LinkedInAddToProfile.builder().name("X").build())
                .hasMessageContaining("organization name");
        assertThatThrownBy(() -> LinkedInAddToProfile.builder().name("X").organizationName("Y")
                .issued(YearMonth.of(2025, 5)).expires(YearMonth.of(2025, 4)).build())
                .hasMessageContaining("expiration precedes issue");
    }
}
