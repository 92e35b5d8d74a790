package dev.credkit.internal.benchmarks;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON-LD document loader for the baseline library that serves credkit's bundled, pinned
 * contexts from memory and refuses everything else: the baseline never touches the network,
 * and it gets the same favourable conditions as credkit (contexts parsed once, before measuring).
 * Thread-safe: the map is built once and the documents are never changed after construction.
 */
public final class OfflineContextLoader implements DocumentLoader {
    /** credkit's bundled contexts (credential-core, see contexts-MANIFEST.md): URL to file. */
    private static final Map<String, String> BUNDLED = Map.ofEntries(
            Map.entry("https://www.w3.org/ns/credentials/v2", "credentials-v2.jsonld"),
            Map.entry("https://www.w3.org/2018/credentials/v1", "credentials-v1.jsonld"),
            Map.entry("https://www.w3.org/ns/credentials/examples/v2", "credentials-examples-v2.jsonld"),
            Map.entry("https://www.w3.org/2018/credentials/examples/v1", "credentials-examples-v1.jsonld"),
            Map.entry("https://www.w3.org/ns/credentials/undefined-terms/v2", "credentials-undefined-terms-v2.jsonld"),
            Map.entry("https://w3id.org/security/data-integrity/v2", "data-integrity-v2.jsonld"),
            Map.entry("https://w3id.org/security/data-integrity/v1", "data-integrity-v1.jsonld"),
            Map.entry("https://w3id.org/security/multikey/v1", "multikey-v1.jsonld"),
            Map.entry("https://w3id.org/security/jwk/v1", "jwk-v1.jsonld"),
            Map.entry("https://w3id.org/security/suites/ed25519-2020/v1", "ed25519-2020-v1.jsonld"),
            Map.entry("https://www.w3.org/ns/credentials/status/v1", "bitstring-status-list-v1.jsonld"),
            Map.entry("https://w3id.org/vc/status-list/2021/v1", "status-list-2021-v1.jsonld"),
            Map.entry("https://www.w3.org/ns/did/v1", "did-v1.jsonld"),
            Map.entry("https://w3id.org/security/v1", "security-v1.jsonld"),
            Map.entry("https://w3id.org/security/v2", "security-v2.jsonld"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/context.json", "ob-v3p0-context.json"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", "ob-v3p0-context-3.0.1.json"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "ob-v3p0-context-3.0.2.json"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-context-3.0.3.json"),
            Map.entry("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob-v3p0-extensions.json"));

    private static final String CONTEXTS_DIR = "/dev/credkit/jsonld/contexts/";

    private final Map<String, Document> documents;

    public OfflineContextLoader() {
        Map<String, Document> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : BUNDLED.entrySet()) {
            loaded.put(e.getKey(), parse(e.getKey(), e.getValue()));
        }
        this.documents = Map.copyOf(loaded);
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        Document document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: not a bundled context: " + url);
        }
        return document;
    }

    private static Document parse(String url, String file) {
        try (InputStream in = OfflineContextLoader.class.getResourceAsStream(CONTEXTS_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("credential-core does not bundle " + file);
            }
            JsonDocument document = JsonDocument.of(MediaType.JSON_LD, in);
            document.setDocumentUrl(URI.create(url));
            return document;
        } catch (IOException | JsonLdError e) {
            throw new IllegalStateException("cannot read bundled context " + file + ": " + e.getMessage(), e);
        }
    }
}
