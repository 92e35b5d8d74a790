package dev.credkit.internal.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonReader;
import dev.credkit.jsonld.ContextRegistry;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader serves the registry by exact URL and nothing else: no network, no files, no jars. */
class OfflineDocumentLoaderTest {
    private final OfflineDocumentLoader loader =
            new OfflineDocumentLoader(ContextRegistry.bundled(), new JakartaJson(JsonProvider.provider()));

    @ParameterizedTest
    @ValueSource(strings = {
            "http://www.w3.org/ns/credentials/v2", // http twin of a bundled URL
            "https://www.w3.org/ns/credentials/v2/",
            "https://127.0.0.1:9/context.jsonld", // would hang or fail if anything connected
            "http://localhost:1/ctx",
            "file:///etc/passwd",
            "file:/etc/hosts",
            "jar:file:/tmp/x.jar!/ctx.json",
            "classpath:dev/credkit/jsonld/contexts/credentials-v2.jsonld",
            "urn:example:ctx"})
    void refusesEverythingNotInTheRegistry(String url) {
        assertThatThrownBy(() -> loader.loadDocument(URI.create(url), new DocumentLoaderOptions()))
                .isInstanceOfSatisfying(JsonLdError.class,
                        e -> assertThat(e.getCode()).isEqualTo(JsonLdErrorCode.LOADING_DOCUMENT_FAILED));
    }

    @Test
    void servesBundledContextsOnceConverted() throws JsonLdError {
        URI v2 = URI.create("https://www.w3.org/ns/credentials/v2");
        Document first = loader.loadDocument(v2, new DocumentLoaderOptions());
        assertThat(first.getDocumentUrl()).isEqualTo(v2);
        assertThat(first.getJsonContent()).hasValueSatisfying(json -> assertThat(json.asJsonObject()).containsKey("@context"));
        assertThat(loader.loadDocument(v2, new DocumentLoaderOptions())).isSameAs(first);
    }

    @Test
    void expansionCannotReachAnUnlistedContextEvenWithoutThePreCheck() throws CredentialException {
        // expand() skips ContextRegistry.checkAllowed: the loader alone must still refuse.
        LosslessJsonLd jsonLd = new LosslessJsonLd(ContextRegistry.bundled());
        var document = JsonReader.defaults().readObject(
                "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\", {\"@import\": \"file:///etc/passwd\"}], \"name\": \"x\"}");
        assertThatThrownBy(() -> jsonLd.expand(document))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.CONTEXT_NOT_ALLOWED));
        var unknown = JsonReader.defaults().readObject(
                "{\"@context\": \"https://w3id.org/security/v9\", \"name\": \"x\"}");
        assertThatThrownBy(() -> jsonLd.expand(unknown))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.CONTEXT_NOT_ALLOWED));
    }
}
