package dev.credkit.internal.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.w3.org/ns/credentials/v2", "http://example.edu/credentials/1872", "HTTPS://EXAMPLE.COM",
            "https://example.com:8443/a?b=c#d", "https://user@example.com/", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
            "did:example:ebfeb1f712ebc6f1c276e12ec21", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6Mkr",
            "data:application/vc+jwt,eyJhbGciOiJFZERTQSJ9.e30.c2ln", "mailto:registrar@example.edu", "tag:example.org,2024:x",
            "https://example.com/a%20b", "https://université.example/ç", "x-y.z+w:opaque", "ipfs:QmYwAPJzv5CZsnA"})
    void acceptsAbsoluteUrls(String url) {
        assertThat(Syntax.isAbsoluteUrl(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not a url", "https ://not-a-url/contexts/v2", "https://exa mple.com", "/credentials/1", "credentials/1",
            "example.com/credentials", "#fragment", "?query", ":no-scheme", "1http://example.com", "ht_tp://example.com",
            "https:", "https://", "https:///path", "http:/example.com", "https://example.com/\"quoted\"",
            "https://example.com/<tag>", "https://example.com/a%2", "https://example.com/a%zz", "https://example.com/\ttab",
            "urn:uuid:1\n", "https://example.com/{x}", "https://example.com/\u00a0nbsp", "did:example:\u2003"})
    void refusesEverythingElse(String url) {
        assertThat(Syntax.isAbsoluteUrl(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "en", "EN", "en-US", "fr-CA", "de-CH-1996", "zh-Hant-TW", "sr-Latn-RS", "es-419", "ar", "yue-HK",
            "zh-min-nan", "sl-rozaj-biske", "en-a-bbb-x-a-ccc", "x-whatever", "i-klingon", "en-GB-oed", "qaa-Qaaa-QM-x-southern",
            "ast", "tlh", "hy-Latn-IT-arevela"})
    void acceptsWellFormedLanguageTags(String tag) {
        assertThat(Syntax.isLanguageTag(tag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "e", "english language", "en_US", "en-", "-en", "12", "en-US-", "en--US", "toolonglanguage",
            "en-a", "en-x", "de-419-DE-1996-", "en-US-a-b", "x", "x-toolongsubtag", "fr-CA.utf8"})
    void refusesMalformedLanguageTags(String tag) {
        assertThat(Syntax.isLanguageTag(tag)).isFalse();
    }
}
