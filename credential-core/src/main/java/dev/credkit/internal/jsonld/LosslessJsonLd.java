package dev.credkit.internal.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.deseralization.JsonLdToRdf;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.flattening.NodeMap;
import com.apicatalog.jsonld.flattening.NodeMapBuilder;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.jsonld.ContextRegistry;
import jakarta.json.spi.JsonProvider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON-LD to RDF with Titanium, offline and lossless ("safe mode"): allow-list check, syntactic
 * checks of the input, expansion with the offline loader and undefined terms failing, checks
 * of the expanded form, then the RDF quads.
 *
 * <p>Titanium re-processes every remote context for every document (its context cache only
 * holds raw JSON). Here the top-level {@code @context} of a document, when it lists only URLs,
 * is processed once into an {@link ActiveContext} and kept in a bounded cache; expansion then
 * starts from that context with the {@code @context} member left out, which is exactly what
 * the expansion algorithm would compute (it applies the top-level {@code @context} to the
 * initial, empty context first). ActiveContext instances are never modified after creation
 * (every context change clones), so sharing them between threads is safe.
 *
 * <p>Immutable apart from the cache; thread-safe.
 */
public final class LosslessJsonLd {
    /**
     * Distinct top-level context lists kept processed (an issuer uses a handful). Lists beyond
     * it are processed per document; a lock-free map, since every canonicalization reads it.
     */
    public static final int CONTEXT_CACHE_SIZE = 64;

    private final ContextRegistry registry;
    private final JsonProvider provider;
    private final JakartaJson converter;
    private final ProcessingRuntime runtime;
    private final Map<JsonValue, ActiveContext> processedContexts;
    private final FastJsonLd fast = new FastJsonLd();

    public LosslessJsonLd(ContextRegistry registry) {
        this.registry = registry;
        // Titanium caches this provider too; looking it up per call is a ServiceLoader scan.
        this.provider = JsonProvider.provider();
        this.converter = new JakartaJson(provider);
        JsonLdOptions options = new JsonLdOptions(new OfflineDocumentLoader(registry, converter));
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        options.setBase(null);
        options.setOrdered(false);
        options.setProduceGeneralizedRdf(false);
        options.setRdfDirection(null);
        options.setUriValidation(UriValidationPolicy.Full);
        // Titanium's default LruCache is neither thread-safe nor useful here (raw JSON only).
        options.setContextCache(null);
        options.setDocumentCache(null);
        // No timeout: Titanium's timeout ticker is mutable state and must not be shared.
        options.setTimeout(null);
        this.runtime = ProcessingRuntime.of(options);
        this.processedContexts = new ConcurrentHashMap<>();
    }

    public ContextRegistry registry() {
        return registry;
    }

    /** Emits the RDF quads of {@code document}, or fails with the first safe-mode violation. */
    public void toRdf(JsonObject document, RdfQuadConsumer consumer) throws CredentialException {
        registry.checkAllowed(document);
        InputSafetyCheck.check(document);
        if (!toRdfFast(document, consumer)) {
            toRdfComplete(document, consumer);
        }
    }

    /**
     * The plain subset ({@link FastJsonLd}) for a document whose top-level context is a list of
     * known URLs; false, having emitted nothing, when the document needs the complete path.
     * The caller has run the allow-list and input checks.
     */
    boolean toRdfFast(JsonObject document, RdfQuadConsumer consumer) throws CredentialException {
        JsonValue context = document.members().get(Keywords.CONTEXT);
        if (context == null || !isUrlList(context)) {
            return false;
        }
        ActiveContext initial = processedContext(context);
        if (initial == null) {
            return false;
        }
        List<FastJsonLd.Quad> quads = fast.toRdf(document, initial);
        if (quads == null) {
            return false;
        }
        try {
            for (FastJsonLd.Quad q : quads) {
                consumer.quad(q.subject(), q.predicate(), q.object(), q.datatype(), q.language(), null, q.graph());
            }
        } catch (RdfConsumerException e) {
            throw new CredentialException(ProblemCode.INVALID_JSON_LD, "the document's RDF form is not accepted: " + e.getMessage());
        }
        return true;
    }

    /** Titanium's expansion and deserialization with the expanded-form checks. */
    void toRdfComplete(JsonObject document, RdfQuadConsumer consumer) throws CredentialException {
        jakarta.json.JsonArray expanded = expand(document);
        ExpandedFormCheck.check(expanded);
        try {
            NodeMap nodeMap = NodeMapBuilder.with(expanded, new NodeMap()).build();
            JsonLdToRdf.with(nodeMap)
                    .produceGeneralizedRdf(false)
                    .rdfDirection(null)
                    .uriValidation(UriValidationPolicy.Full)
                    .provide(consumer);
        } catch (JsonLdError e) {
            throw JsonLdErrors.toCredentialException(e);
        } catch (RuntimeException e) {
            throw JsonLdErrors.unexpected(e);
        }
    }

    /** The expanded form as a top-level array (a lone top-level {@code @graph} unwrapped). */
    jakarta.json.JsonArray expand(JsonObject document) throws CredentialException {
        JsonValue context = document.members().get(Keywords.CONTEXT);
        ActiveContext initial = null;
        jakarta.json.JsonObject input;
        if (context != null && isUrlList(context)) {
            initial = processedContext(context);
        }
        if (initial != null) {
            input = converter.convertWithout(document, Keywords.CONTEXT);
        } else {
            input = converter.convert(document).asJsonObject();
            initial = new ActiveContext(null, null, runtime);
        }
        jakarta.json.JsonValue expanded;
        try {
            expanded = Expansion.with(initial, input, null, null).ordered(false).compute();
        } catch (JsonLdError e) {
            throw JsonLdErrors.toCredentialException(e);
        } catch (RuntimeException e) {
            throw JsonLdErrors.unexpected(e);
        }
        if (expanded instanceof jakarta.json.JsonObject o && o.size() == 1 && o.containsKey(Keywords.GRAPH)) {
            expanded = o.get(Keywords.GRAPH);
        }
        if (expanded instanceof jakarta.json.JsonArray array) {
            return array;
        }
        if (expanded == null || expanded.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return jakarta.json.JsonValue.EMPTY_JSON_ARRAY;
        }
        return provider.createArrayBuilder().add(expanded).build();
    }

    /**
     * The active context for a top-level {@code @context} made of URLs, processed once. Null
     * when it cannot stand in for in-document processing (a non-propagated context).
     */
    private ActiveContext processedContext(JsonValue context) throws CredentialException {
        ActiveContext cached = processedContexts.get(context);
        if (cached != null) {
            return cached;
        }
        ActiveContext created;
        try {
            created = new ActiveContext(null, null, runtime).newContext().create(converter.convert(context), null);
        } catch (JsonLdError e) {
            throw JsonLdErrors.toCredentialException(e);
        } catch (RuntimeException e) {
            throw JsonLdErrors.unexpected(e);
        }
        if (created.getPreviousContext() != null) {
            return null;
        }
        if (processedContexts.size() < CONTEXT_CACHE_SIZE) {
            processedContexts.putIfAbsent(context, created);
        }
        return created;
    }

    private static boolean isUrlList(JsonValue context) {
        if (context instanceof JsonString) {
            return true;
        }
        if (!(context instanceof JsonArray array) || array.isEmpty()) {
            return false;
        }
        for (JsonValue element : array) {
            if (!(element instanceof JsonString)) {
                return false;
            }
        }
        return true;
    }
}
