package dev.credkit.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContextRegistryTest {
    private static final String V2 = "https://www.w3.org/ns/credentials/v2";
    private static final String HOST_URL = "https://contexts.example.edu/course/v1";
    private static final byte[] HOST_CONTEXT =
            "{\"@context\": {\"@protected\": true, \"courseCode\": \"https://vocab.example.edu/courseCode\"}}"
                    .getBytes(StandardCharsets.UTF_8);

    private final ContextRegistry bundled = ContextRegistry.bundled();

    /** The primary table of contexts-MANIFEST.md: URL | file | sha256 | ... */
    static Stream<Arguments> manifest() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : TestResources.text("contexts-MANIFEST.md").split("\n")) {
            if (line.startsWith("## ")) {
                break; // the second table lists alternative copies, not ours
            }
            String[] cells = line.split("\\|");
            if (cells.length > 4 && cells[1].strip().startsWith("https://")) {
                rows.add(Arguments.of(cells[1].strip(), cells[2].strip().replace("`", ""), cells[3].strip().replace("`", "")));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void bundledContextMatchesManifestDigest(String url, String file, String sha256) throws Exception {
        byte[] bytes = TestResources.bytes("dev/credkit/jsonld/contexts/" + file);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(sha256);
        assertThat(bundled.contains(url)).isTrue();
        assertThat(bundled.sha256(url)).contains(sha256);
        assertThat(bundled.document(url)).hasValueSatisfying(d -> assertThat(d.has("@context")).isTrue());
    }

    @Test
    void bundlesExactlyTheManifestUrls() {
        assertThat(bundled.urls()).containsExactlyInAnyOrderElementsOf(manifest().map(a -> (String) a.get()[0]).toList());
        assertThat(bundled.maxContextsPerDocument()).isEqualTo(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.w3.org/ns/credentials/v2/", "http://www.w3.org/ns/credentials/v2",
            "https://WWW.W3.ORG/ns/credentials/v2", "https://www.w3.org/ns/credentials/v2#", "https://www.w3.org/ns/credentials/v2?x",
            " https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/V2"})
    void lookupIsExact(String nearMiss) {
        assertThat(bundled.contains(V2)).isTrue();
        assertThat(bundled.contains(nearMiss)).isFalse();
        assertThat(bundled.document(nearMiss)).isEmpty();
    }

    static Stream<Arguments> notAllowed() {
        return Stream.of(
                Arguments.of("file URL", "{'@context': 'file:///etc/passwd', 'name': 'x'}"),
                Arguments.of("jar URL", "{'@context': 'jar:file:/app.jar!/ctx.json', 'name': 'x'}"),
                Arguments.of("http variant", "{'@context': 'http://www.w3.org/ns/credentials/v2', 'name': 'x'}"),
                Arguments.of("unknown https", "{'@context': ['" + V2 + "', 'https://evil.example/ctx'], 'name': 'x'}"),
                Arguments.of("relative reference", "{'@context': 'ctx.jsonld', 'name': 'x'}"),
                Arguments.of("data URL", "{'@context': 'data:application/json,{}', 'name': 'x'}"),
                Arguments.of("embedded in a nested object", "{'@context': '" + V2 + "', 'credentialSubject': {'@context': 'https://evil.example/ctx'}}"),
                Arguments.of("inside an array value", "{'@context': '" + V2 + "', 'evidence': [{'@context': ['file:///etc/hosts']}]}"),
                Arguments.of("@import in an inline context", "{'@context': [{'@import': 'https://evil.example/ctx'}], 'name': 'x'}"),
                Arguments.of("scoped context in an inline context",
                        "{'@context': [{'Thing': {'@id': 'https://ex.org/Thing', '@context': 'https://evil.example/ctx'}}], 'name': 'x'}"),
                Arguments.of("nested scoped context", "{'@context': {'a': {'@id': 'https://ex.org/a', '@context': {'b': {'@id': 'https://ex.org/b', '@context': ['file:///x']}}}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAllowed")
    void refusesUnlistedContextsBeforeExpansion(String name, String json) {
        JsonObject document = TestResources.parse(json);
        assertThatThrownBy(() -> bundled.checkAllowed(document))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.CONTEXT_NOT_ALLOWED));
        assertThatThrownBy(() -> RdfCanonicalizer.defaults().canonicalize(document))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.CONTEXT_NOT_ALLOWED));
    }

    @Test
    void inlineContextsAreAllowed() throws CredentialException {
        bundled.checkAllowed(TestResources.parse(
                "{'@context': ['" + V2 + "', {'ex': 'https://example.org/#', 'T': {'@id': 'ex:T', '@context': {'p': 'ex:p'}}}], 'name': 'x'}"));
    }

    @Test
    void capsDistinctContextUrlsPerDocument() throws CredentialException {
        List<String> urls = new ArrayList<>(bundled.urls());
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            refs.append(i == 0 ? "" : ", ").append("'").append(urls.get(i)).append("'");
        }
        JsonObject document = TestResources.parse("{'@context': [" + refs + "], 'name': 'x'}");
        assertThatThrownBy(() -> bundled.checkAllowed(document))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));

        ContextRegistry roomy = ContextRegistry.builder().addBundled().maxContextsPerDocument(17).build();
        roomy.checkAllowed(document);
        ContextRegistry tight = ContextRegistry.builder().addBundled().maxContextsPerDocument(1).build();
        tight.checkAllowed(TestResources.parse("{'@context': '" + V2 + "', 'credentialSubject': {'@context': '" + V2 + "'}}"));
        assertThatThrownBy(() -> tight.checkAllowed(TestResources.parse(
                        "{'@context': '" + V2 + "', 'credentialSubject': {'@context': '" + urls.get(1) + "'}}")))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
        assertThatThrownBy(() -> ContextRegistry.builder().maxContextsPerDocument(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnlistedUrlIsNotAllowedEvenPastTheCap() {
        ContextRegistry tight = ContextRegistry.builder().addBundled().maxContextsPerDocument(1).build();
        assertThatThrownBy(() -> tight.checkAllowed(TestResources.parse(
                        "{'@context': ['" + V2 + "', 'https://evil.example/ctx']}")))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.CONTEXT_NOT_ALLOWED));
    }

    @Test
    void hostContextsExtendTheAllowList() throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(HOST_CONTEXT));
        ContextRegistry registry = ContextRegistry.builder().addBundled().add(HOST_URL, HOST_CONTEXT, digest.toUpperCase()).build();
        assertThat(registry.contains(HOST_URL)).isTrue();
        assertThat(registry.sha256(HOST_URL)).contains(digest);
        assertThat(registry.urls()).containsAll(bundled.urls()).hasSize(bundled.urls().size() + 1);
        assertThat(bundled.contains(HOST_URL)).isFalse();

        JsonObject credential = TestResources.parse("{'@context': ['" + V2 + "', '" + HOST_URL + "'], 'id': 'urn:uuid:1',"
                + " 'type': ['VerifiableCredential'], 'issuer': 'did:example:i', 'credentialSubject': {'id': 'did:example:s', 'courseCode': 'CS201'}}");
        RdfCanonicalizer canonicalizer = RdfCanonicalizer.builder().contexts(registry).build();
        assertThat(canonicalizer.contexts()).isSameAs(registry);
        assertThat(canonicalizer.canonicalize(credential))
                .contains("<did:example:s> <https://vocab.example.edu/courseCode> \"CS201\" .\n");
        assertThatThrownBy(() -> RdfCanonicalizer.defaults().canonicalize(credential))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.CONTEXT_NOT_ALLOWED));
    }

    @Test
    void hostContextsWithoutBundledOnesStandAlone() throws CredentialException {
        ContextRegistry registry = ContextRegistry.builder().add(HOST_URL, HOST_CONTEXT).build();
        assertThat(registry.urls()).containsExactly(HOST_URL);
        assertThat(registry.contains(V2)).isFalse();
    }

    static Stream<Arguments> badHostContexts() {
        byte[] notContext = "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "{\"@context\": ".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("file URL", "file:///etc/passwd", HOST_CONTEXT, null, ProblemCode.MALFORMED),
                Arguments.of("jar URL", "jar:file:/x.jar!/c.json", HOST_CONTEXT, null, ProblemCode.MALFORMED),
                Arguments.of("relative URL", "contexts/v1", HOST_CONTEXT, null, ProblemCode.MALFORMED),
                Arguments.of("URL with fragment", HOST_URL + "#x", HOST_CONTEXT, null, ProblemCode.MALFORMED),
                Arguments.of("not a URI", "https://exa mple.org/", HOST_CONTEXT, null, ProblemCode.MALFORMED),
                Arguments.of("not JSON", HOST_URL, notJson, null, ProblemCode.MALFORMED),
                Arguments.of("no @context", HOST_URL, notContext, null, ProblemCode.INVALID_JSON_LD),
                Arguments.of("digest mismatch", HOST_URL, HOST_CONTEXT, "00".repeat(32), ProblemCode.CONTEXT_NOT_ALLOWED),
                Arguments.of("replacing a bundled context", V2, HOST_CONTEXT, null, ProblemCode.CONTEXT_NOT_ALLOWED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHostContexts")
    void refusesBadHostContexts(String name, String url, byte[] bytes, String sha256, ProblemCode expected) {
        assertThatThrownBy(() -> ContextRegistry.builder().addBundled().add(url, bytes, sha256))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }

    @Test
    void addingTheSameContextTwiceIsHarmlessButBundledCannotBeShadowed() throws CredentialException {
        ContextRegistry.Builder builder = ContextRegistry.builder().add(HOST_URL, HOST_CONTEXT).add(HOST_URL, HOST_CONTEXT.clone());
        assertThat(builder.build().urls()).containsExactly(HOST_URL);
        ContextRegistry.Builder shadowing = ContextRegistry.builder().add(V2, HOST_CONTEXT);
        assertThatThrownBy(shadowing::addBundled).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bundledRegistryIsImmutable() {
        assertThatThrownBy(() -> bundled.urls().add("https://evil.example/")).isInstanceOf(UnsupportedOperationException.class);
        Map<String, String> before = new LinkedHashMap<>();
        bundled.urls().forEach(u -> before.put(u, bundled.sha256(u).orElseThrow()));
        ContextRegistry.builder().addBundled().maxContextsPerDocument(3).build();
        assertThat(ContextRegistry.bundled().maxContextsPerDocument()).isEqualTo(16);
        bundled.urls().forEach(u -> assertThat(bundled.sha256(u)).contains(before.get(u)));
    }
}
