package dev.credkit.internal.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.uri.UriUtils;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON-LD to RDF for the documents credentials are made of, without Titanium's expansion: the
 * JSON-LD 1.1 expansion and deserialization algorithms restricted to a plain subset, walking
 * the document once and reading term definitions from contexts processed once (top-level
 * context lists by {@link LosslessJsonLd}, type- and property-scoped contexts cached here).
 * Titanium re-processes every scoped context for every node that uses it, which was most of
 * the cost of verifying a credential.
 *
 * <p>The subset: node objects whose keys are terms defined with an absolute IRI (or aliases of
 * {@code @id}/{@code @type}), string/integer/boolean values, {@code @id}, {@code @vocab} and
 * datatype coercion, {@code @set} and {@code @graph} containers, type-scoped and
 * property-scoped contexts, protected terms. Anything else (an undefined or {@code @vocab}
 * term, a nested {@code @context}, value objects, lists, language or direction, relative or
 * compact IRIs, empty nodes, non-integral numbers, nulls...) makes {@link #toRdf} return
 * false and the caller runs the complete algorithms with every safe-mode check. The subset
 * therefore never accepts anything the complete path would refuse, and it produces the same
 * dataset (a differential test holds it to that).
 *
 * <p>Thread-safe: the context cache only holds immutable Titanium contexts.
 */
final class FastJsonLd {
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    private static final String XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer";
    private static final String XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean";
    private static final BigDecimal INTEGER_LIMIT = BigDecimal.ONE.movePointRight(21);
    /** Scoped contexts kept processed; they can only come from bundled or registered contexts. */
    private static final int SCOPED_CACHE_SIZE = 1_024;
    private static final int MAX_DEPTH = JakartaJson.MAX_DEPTH;

    private final Map<ScopeKey, ActiveContext> scoped = new ConcurrentHashMap<>();
    /** IRIs from contexts already found absolute (only ever the strings contexts define). */
    private final Map<String, Boolean> checkedContextIris = new ConcurrentHashMap<>();
    /** Checked predicate IRIs by term definition (TermDefinition has identity equality). */
    private final Map<TermDefinition, String> predicates = new ConcurrentHashMap<>();

    /** A quad as the RDF consumer sees it: subject, predicate, object, datatype, language, graph. */
    record Quad(String subject, String predicate, String object, String datatype, String language, String graph) {
    }

    /** Signals that the document leaves the subset; never escapes this class. */
    private static final class Unsupported extends Exception {
        private static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * The quads of {@code document} (its top-level {@code @context} already processed into
     * {@code context}), or null when the document leaves the subset.
     */
    List<Quad> toRdf(JsonObject document, ActiveContext context) {
        Run run = new Run();
        try {
            String subject = run.node(document, context, null, null, true, true, 0);
            if (subject == null || run.quads.isEmpty()) {
                return null;
            }
            return run.quads;
        } catch (Unsupported | JsonLdError | RuntimeException e) {
            // RuntimeException: any surprise in Titanium's context code sends the document down the complete path
            return null;
        }
    }

    /** State of one conversion. */
    private final class Run {
        final List<Quad> quads = new ArrayList<>();
        int blankNodes;

        /**
         * Emits a node object's quads into {@code graph} and returns its subject; the document's
         * own blank node labels are kept apart from generated ones by prefix.
         *
         * @param scopedBy the term definition of the property this node is the value of (null at top level)
         * @param mustState whether the node must make a statement of its own (top level and
         *     graph contents: there, a node without one would be dropped)
         */
        String node(JsonObject object, ActiveContext context, TermDefinition scopedBy, String graph, boolean topLevel,
                    boolean mustState, int depth) throws Unsupported, JsonLdError {
            if (depth > MAX_DEPTH) {
                throw Unsupported.INSTANCE;
            }
            ActiveContext active = context;
            // expansion step 7: a non-propagated (type-scoped) context does not reach nested nodes
            if (!topLevel && active.getPreviousContext() != null && !isReference(object, active)) {
                active = active.getPreviousContext();
            }
            // step 8: a property-scoped context
            if (scopedBy != null && scopedBy.hasLocalContext()) {
                active = derive(active, scopedBy, false);
            }
            ActiveContext typeScoped = active;

            // step 11: type-scoped contexts, in lexicographic order of the type values
            List<String> types = new ArrayList<>(2);
            List<String> typeKeys = new ArrayList<>(1);
            String id = null;
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                String key = member.getKey();
                if (topLevel && key.equals("@context")) {
                    continue;
                }
                if (isTypeKey(key, typeScoped)) {
                    collectTypes(member.getValue(), types);
                    typeKeys.add(key);
                }
            }
            if (types.size() > 1) {
                types.sort(String::compareTo);
            }
            for (String type : types) {
                TermDefinition definition = typeScoped.getTerm(type).orElse(null);
                if (definition != null && definition.hasLocalContext()) {
                    active = derive(active, definition, true);
                }
            }

            // the subject: @id, or a new blank node
            int statements = 0;
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                String key = member.getKey();
                if (topLevel && key.equals("@context")) {
                    continue;
                }
                if ("@id".equals(keyword(key, active))) {
                    if (id != null || !(member.getValue() instanceof JsonString s)) {
                        throw Unsupported.INSTANCE;
                    }
                    id = documentIri(s.value(), active);
                }
            }
            String subject = id != null ? id : "_:g" + blankNodes++;

            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                String key = member.getKey();
                if (topLevel && key.equals("@context")) {
                    continue;
                }
                String keyword = keyword(key, active);
                if (typeKeys.contains(key) != "@type".equals(keyword)) {
                    throw Unsupported.INSTANCE; // a type-scoped context redefined the type key itself
                }
                if ("@id".equals(keyword)) {
                    continue;
                }
                if ("@type".equals(keyword)) {
                    if (!typeKeys.get(0).equals(key)) {
                        continue; // two aliases of @type: the types were collected from both
                    }
                    for (String type : types) {
                        quads.add(new Quad(subject, RDF_TYPE, vocabIri(type, typeScoped), null, null, graph));
                        statements++;
                    }
                    continue;
                }
                if (keyword != null) {
                    throw Unsupported.INSTANCE;
                }
                TermDefinition term = active.getTerm(key).orElseThrow(() -> Unsupported.INSTANCE);
                String predicate = predicate(term);
                statements += property(subject, key, predicate, term, member.getValue(), active, graph, depth);
            }
            if (statements == 0 && (mustState || id == null)) {
                // an object without statements would be dropped: let the complete path say so
                throw Unsupported.INSTANCE;
            }
            return subject;
        }

        /** Emits the quads of one property's value(s); returns how many. */
        private int property(String subject, String key, String predicate, TermDefinition term, JsonValue value,
                             ActiveContext active, String graph, int depth) throws Unsupported, JsonLdError {
            boolean graphContainer = containers(term);
            if (value instanceof JsonArray array) {
                if (array.isEmpty()) {
                    throw Unsupported.INSTANCE;
                }
                int n = 0;
                for (JsonValue item : array) {
                    if (item instanceof JsonArray) {
                        throw Unsupported.INSTANCE;
                    }
                    n += item(subject, key, predicate, term, item, active, graph, graphContainer, depth);
                }
                return n;
            }
            return item(subject, key, predicate, term, value, active, graph, graphContainer, depth);
        }

        private int item(String subject, String key, String predicate, TermDefinition term, JsonValue value,
                         ActiveContext active, String graph, boolean graphContainer, int depth) throws Unsupported, JsonLdError {
            if (value instanceof JsonObject object) {
                if (graphContainer) {
                    // each value of a @graph container is a graph of its own, named by a new blank node
                    String name = "_:g" + blankNodes++;
                    node(object, active, term, name, false, true, depth + 1);
                    quads.add(new Quad(subject, predicate, name, null, null, graph));
                } else {
                    String nested = node(object, active, term, graph, false, false, depth + 1);
                    quads.add(new Quad(subject, predicate, nested, null, null, graph));
                }
                return 1;
            }
            if (graphContainer) {
                throw Unsupported.INSTANCE;
            }
            // expansion step 4: a scalar sees the property-scoped context, without reverting
            ActiveContext scalarContext = active;
            TermDefinition definition = term;
            if (term.hasLocalContext()) {
                scalarContext = derive(active, term, false);
                definition = scalarContext.getTerm(key).orElseThrow(() -> Unsupported.INSTANCE);
                if (!predicate.equals(definition.getUriMapping())) {
                    throw Unsupported.INSTANCE;
                }
            }
            String type = definition.getTypeMapping();
            if (value instanceof JsonString s) {
                if ("@id".equals(type)) {
                    quads.add(new Quad(subject, predicate, documentIri(s.value(), scalarContext), null, null, graph));
                } else if ("@vocab".equals(type)) {
                    quads.add(new Quad(subject, predicate, vocabIri(s.value(), scalarContext), null, null, graph));
                } else if (type == null) {
                    plainLanguage(definition, scalarContext);
                    quads.add(new Quad(subject, predicate, s.value(), XSD_STRING, null, graph));
                } else {
                    quads.add(new Quad(subject, predicate, s.value(), datatype(type), null, graph));
                }
                return 1;
            }
            if (type != null && (type.startsWith("@"))) {
                throw Unsupported.INSTANCE; // a number or boolean coerced to @id/@vocab/@json/@none
            }
            if (value instanceof JsonBoolean b) {
                quads.add(new Quad(subject, predicate, b.value() ? "true" : "false", type != null ? datatype(type) : XSD_BOOLEAN, null, graph));
                return 1;
            }
            if (value instanceof JsonNumber n && n.isIntegral() && n.value().abs().compareTo(INTEGER_LIMIT) < 0) {
                String lexical = n.value().toBigInteger().toString();
                quads.add(new Quad(subject, predicate, lexical, type != null ? datatype(type) : XSD_INTEGER, null, graph));
                return 1;
            }
            throw Unsupported.INSTANCE; // null, or a number JSON-LD would turn into a double
        }

        private void collectTypes(JsonValue value, List<String> types) throws Unsupported {
            if (value instanceof JsonString s) {
                types.add(s.value());
                return;
            }
            if (value instanceof JsonArray array && !array.isEmpty()) {
                for (JsonValue item : array) {
                    if (!(item instanceof JsonString s)) {
                        throw Unsupported.INSTANCE;
                    }
                    types.add(s.value());
                }
                return;
            }
            throw Unsupported.INSTANCE;
        }
    }

    /** A node object that is only a reference: {"id": ...}. Such objects keep a type-scoped context. */
    private static boolean isReference(JsonObject object, ActiveContext context) throws Unsupported {
        if (object.size() != 1) {
            return false;
        }
        return "@id".equals(keyword(object.members().keySet().iterator().next(), context));
    }

    /** Whether {@code key} is @type or an alias of it (other keys may be defined only by a type-scoped context). */
    private static boolean isTypeKey(String key, ActiveContext context) {
        if (key.equals("@type")) {
            return true;
        }
        TermDefinition term = context.getTerm(key).orElse(null);
        return term != null && "@type".equals(term.getUriMapping());
    }

    /**
     * "@id" or "@type" when {@code key} is that keyword or an alias of it; null for any other
     * term; Unsupported for other keywords and aliases.
     */
    private static String keyword(String key, ActiveContext context) throws Unsupported {
        if (key.startsWith("@")) {
            if (key.equals("@id") || key.equals("@type")) {
                return key;
            }
            throw Unsupported.INSTANCE;
        }
        TermDefinition term = context.getTerm(key).orElse(null);
        if (term == null) {
            throw Unsupported.INSTANCE; // undefined, @vocab-relative or a compact IRI: the complete path decides
        }
        String mapping = term.getUriMapping();
        if (mapping == null) {
            throw Unsupported.INSTANCE;
        }
        if (mapping.startsWith("@")) {
            if (mapping.equals("@id") || mapping.equals("@type")) {
                return mapping;
            }
            throw Unsupported.INSTANCE;
        }
        return null;
    }

    /** The predicate IRI of a plain term definition, checked once per definition. */
    private String predicate(TermDefinition term) throws Unsupported {
        String cached = predicates.get(term);
        if (cached != null) {
            return cached;
        }
        String iri = checkedPredicate(term);
        if (predicates.size() < SCOPED_CACHE_SIZE * 16) {
            predicates.put(term, iri);
        }
        return iri;
    }

    private static String checkedPredicate(TermDefinition term) throws Unsupported {
        if (term.isReverseProperty() || term.getNestValue() != null || term.getIndexMapping() != null
                || term.getDirectionMapping() != null) {
            throw Unsupported.INSTANCE;
        }
        String iri = term.getUriMapping();
        if (!isAbsoluteIri(iri)) {
            throw Unsupported.INSTANCE;
        }
        return iri;
    }

    /** True for a @graph container, false for none or @set; Unsupported for the others. */
    private static boolean containers(TermDefinition term) throws Unsupported {
        Collection<String> containers = term.getContainerMapping();
        boolean graph = false;
        for (String container : containers) {
            if (container.equals("@graph")) {
                graph = true;
            } else if (!container.equals("@set")) {
                throw Unsupported.INSTANCE;
            }
        }
        if (graph && containers.size() != 1) {
            throw Unsupported.INSTANCE;
        }
        return graph;
    }

    /** Plain strings only: a default language or a language mapping would tag them. */
    private static void plainLanguage(TermDefinition term, ActiveContext context) throws Unsupported {
        jakarta.json.JsonValue language = term.getLanguageMapping();
        boolean termSaysNone = language != null && language.getValueType() == jakarta.json.JsonValue.ValueType.NULL;
        if (language != null && !termSaysNone) {
            throw Unsupported.INSTANCE;
        }
        if (!termSaysNone && (context.getDefaultLanguage() != null || context.getDefaultBaseDirection() != null)) {
            throw Unsupported.INSTANCE;
        }
    }

    /** A datatype IRI from a term definition, checked once per string. */
    private String datatype(String type) throws Unsupported {
        return contextIri(type);
    }

    /**
     * An IRI that comes from a context (a term's mapping, a datatype): checked once and
     * remembered, since contexts are few and their IRIs recur in every document.
     */
    private String contextIri(String iri) throws Unsupported {
        if (iri == null) {
            throw Unsupported.INSTANCE;
        }
        if (checkedContextIris.containsKey(iri)) {
            return iri;
        }
        if (!isAbsoluteIri(iri)) {
            throw Unsupported.INSTANCE;
        }
        if (checkedContextIris.size() < SCOPED_CACHE_SIZE * 16) {
            checkedContextIris.put(iri, Boolean.TRUE);
        }
        return iri;
    }

    /** IRI expansion relative to the document (base IRI null): absolute IRIs and blank node labels only. */
    private static String documentIri(String value, ActiveContext context) throws Unsupported {
        if (value.startsWith("_:")) {
            if (value.length() == 2 || !isPlainLabel(value, 2)) {
                throw Unsupported.INSTANCE;
            }
            return "_:d" + value.substring(2);
        }
        return absolute(value, context);
    }

    /** IRI expansion relative to the vocabulary: a term's IRI, else an absolute IRI. */
    private String vocabIri(String value, ActiveContext context) throws Unsupported {
        TermDefinition term = context.getTerm(value).orElse(null);
        if (term != null) {
            return contextIri(term.getUriMapping());
        }
        return absolute(value, context);
    }

    /** An absolute IRI that is not also a compact IRI (its scheme is not a term). */
    private static String absolute(String value, ActiveContext context) throws Unsupported {
        if (!isAbsoluteIri(value)) {
            throw Unsupported.INSTANCE;
        }
        String prefix = value.substring(0, value.indexOf(':'));
        if (context.getTerm(prefix).isPresent()) {
            throw Unsupported.INSTANCE;
        }
        return value;
    }

    /**
     * An absolute IRI by both a conservative syntactic test (a scheme, ':', then only printable
     * ASCII allowed in IRIs) and the test the complete path applies (Titanium's full URI
     * validation, which the expanded-form checks and RDF conversion use), so the subset never
     * takes an IRI the complete path would refuse. Anything else goes to the complete path.
     */
    static boolean isAbsoluteIri(String value) {
        return isPlainAbsoluteIri(value) && UriUtils.isAbsoluteUri(value, UriValidationPolicy.Full);
    }

    private static boolean isPlainAbsoluteIri(String value) {
        if (value == null) {
            return false;
        }
        int colon = value.indexOf(':');
        if (colon < 1 || colon == value.length() - 1) {
            return false;
        }
        char first = value.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        for (int i = colon + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "<>\"{}|\\^`".indexOf(c) >= 0) {
                return false; // non-ASCII IRIs are fine, but left to the complete path's validation
            }
        }
        return true;
    }

    private static boolean isPlainLabel(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A type-scoped (not propagated) or property-scoped (protected terms may be overridden) context, processed once. */
    private ActiveContext derive(ActiveContext context, TermDefinition term, boolean typeScoped) throws JsonLdError {
        ScopeKey key = new ScopeKey(context, term.getLocalContext(), typeScoped);
        ActiveContext cached = scoped.get(key);
        if (cached != null) {
            return cached;
        }
        ActiveContext derived = typeScoped
                ? context.newContext().propagate(false).create(term.getLocalContext(), term.getBaseUrl())
                : context.newContext().overrideProtected(true).create(term.getLocalContext(), term.getBaseUrl());
        if (scoped.size() < SCOPED_CACHE_SIZE) {
            scoped.putIfAbsent(key, derived);
        }
        return derived;
    }

    /** Identity of a context and a scoped context value (both shared, never modified). */
    private static final class ScopeKey {
        private final ActiveContext context;
        private final jakarta.json.JsonValue localContext;
        private final boolean typeScoped;

        ScopeKey(ActiveContext context, jakarta.json.JsonValue localContext, boolean typeScoped) {
            this.context = context;
            this.localContext = localContext;
            this.typeScoped = typeScoped;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ScopeKey k && k.context == context && k.localContext == localContext && k.typeScoped == typeScoped;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(context) + System.identityHashCode(localContext)) + (typeScoped ? 1 : 0);
        }
    }
}
