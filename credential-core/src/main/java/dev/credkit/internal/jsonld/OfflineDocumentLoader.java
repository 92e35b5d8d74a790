package dev.credkit.internal.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.jsonld.ContextRegistry;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Titanium's only document loader in credkit: serves the registry's pinned contexts by exact
 * URL and refuses everything else. It has no code path to the network or the file system, so
 * there is nothing to redirect or to misconfigure. Each context is converted to jakarta.json
 * once and the resulting document shared (Titanium only reads it).
 */
public final class OfflineDocumentLoader implements DocumentLoader {
    private final ContextRegistry registry;
    private final JakartaJson converter;
    private final ConcurrentMap<String, Document> converted = new ConcurrentHashMap<>();

    public OfflineDocumentLoader(ContextRegistry registry, JakartaJson converter) {
        this.registry = registry;
        this.converter = converter;
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String key = url.toString();
        Document document = converted.get(key);
        if (document != null) {
            return document;
        }
        Optional<JsonObject> context = registry.document(key);
        if (context.isEmpty()) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "context not in the offline allow-list");
        }
        JsonDocument created;
        try {
            created = JsonDocument.of(converter.convert(context.get()).asJsonObject());
        } catch (CredentialException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage());
        }
        created.setDocumentUrl(url);
        Document raced = converted.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }
}
