package dev.credkit.internal.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceDigestsTest {
    private static final byte[] DATA = "{\"hello\":\"credkit\"}\n".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
            "sha384-Ml/HrjlBCNWyAX91hr6LFV2Y3heB5Tcr6IeE4/Tje8YyzYBM8IhqjHWiWpr8+ZbYU",
            "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==",
            "sha256-ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356",
            "sha256-abc sha512-def?ct=application/json",
            "  sha256-47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU  "})
    void parsesSubresourceIntegrityValues(String value) {
        assertThat(ResourceDigests.parseSri(value)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "sha1-abc", "md5-1B2M2Y8AsgTpgAmY7PhCfg==", "sha256-", "sha256", "SHA256-abc",
            "sha256-ab!c", "sha256-abc sha1-def", "sha256-a===", "abc"})
    void refusesMalformedSubresourceIntegrityValues(String value) {
        assertThat(ResourceDigests.parseSri(value)).isEmpty();
    }

    @Test
    void decodesMultibaseMultihashes() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(DATA);
        var base58 = ResourceDigests.parseMultibaseMultihash("zQmdboBxeis6WFPSe7aWd4NJb4wR18oGy1k8kKm6LLaezrs").orElseThrow();
        assertThat(base58.code()).isEqualTo(0x12);
        assertThat(base58.algorithm()).contains("SHA-256");
        assertThat(base58.digest()).isEqualTo(sha256);
        assertThat(ResourceDigests.multihashMatches(base58, DATA)).isTrue();
        assertThat(ResourceDigests.multihashMatches(base58, new byte[0])).isFalse();

        var hex = ResourceDigests.parseMultibaseMultihash("F1220" + HexFormat.of().withUpperCase().formatHex(sha256)).orElseThrow();
        assertThat(hex.digest()).isEqualTo(sha256);
        // the W3C test suite's digestMultibase example
        var suite = ResourceDigests.parseMultibaseMultihash("uEiAjCHMnK5-ayOIZLWo_TBoKYVvSAprlkYEjRlm19Cj0uw").orElseThrow();
        assertThat(suite.algorithm()).contains("SHA-256");
        assertThat(suite.digest()).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "u", "z0OIl", "uEiAjCHMnK5-ayOIZLWo_TBoKYVvSAprlkYEjRlm19Cj0", "uEiAjCHMnK5-ayOIZLWo_TBoKYVvSAprlkYEjRlm19Cj0uw==",
            "f12", "f1220zz", "uZTQ0MjM1NiAgcmVwb3J0cc5jZWxhdGVkLXJlc291cmNlLmpzb24K", "Qabc", "u////////////"})
    void refusesWhatIsNotAMultibaseMultihash(String value) {
        assertThat(ResourceDigests.parseMultibaseMultihash(value)).isEmpty();
    }

    @Test
    void aKnownCodeWithAnOddLengthHasNoAlgorithm() {
        var odd = ResourceDigests.parseMultibaseMultihash("f1202abcd").orElseThrow();
        assertThat(odd.algorithm()).isEmpty();
        assertThat(ResourceDigests.multihashMatches(odd, DATA)).isFalse();
    }
}
