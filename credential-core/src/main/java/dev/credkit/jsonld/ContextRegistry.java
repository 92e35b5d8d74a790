package dev.credkit.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The offline allow-list of JSON-LD contexts: exact URL to pinned bytes. Nothing outside it is
 * ever loaded; there is no network, {@code file:} or {@code jar:} access and no way to add one.
 * Immutable and thread-safe.
 *
 * <p>URLs are matched exactly, character for character (no case folding, no trailing-slash or
 * fragment games): {@code https://www.w3.org/ns/credentials/v2} is allowed,
 * {@code https://www.w3.org/ns/credentials/v2/} is not. Every bundled file is checked against
 * its pinned SHA-256 when the registry is first built.
 */
public final class ContextRegistry {
    /**
     * Default cap on distinct context URLs (strings in {@code @context} and {@code @import}) per
     * document. Distinct: a presentation of eight credentials that each name the same two
     * contexts uses two or three, however often they are repeated.
     */
    public static final int DEFAULT_MAX_CONTEXTS_PER_DOCUMENT = 16;
    /**
     * Default cap on {@code @context} entries per document, repeats included (each URL, inline
     * definition or null, in arrays and scoped contexts alike, and each {@code @import}): every
     * one is processed again during expansion, so their number bounds that work.
     */
    public static final int DEFAULT_MAX_CONTEXT_ENTRIES_PER_DOCUMENT = 1_024;

    /** Documents nested deeper are refused (LIMIT_EXCEEDED) rather than walked. */
    static final int MAX_DEPTH = 128;

    private static final String RESOURCE_DIR = "/dev/credkit/jsonld/contexts/";
    private static final String INDEX = RESOURCE_DIR + "INDEX.tsv";
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Entry> contexts;
    private final int maxContextsPerDocument;
    private final int maxContextEntriesPerDocument;

    private ContextRegistry(Map<String, Entry> contexts, int maxContextsPerDocument, int maxContextEntriesPerDocument) {
        this.contexts = contexts;
        this.maxContextsPerDocument = maxContextsPerDocument;
        this.maxContextEntriesPerDocument = maxContextEntriesPerDocument;
    }

    /** The contexts credkit bundles (VC v1/v2, Data Integrity, Multikey, JWK, Ed25519-2020, DID, status lists, Open Badges 3.0.x, security v1/v2), each pinned by SHA-256. */
    public static ContextRegistry bundled() {
        return Bundled.REGISTRY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The allowed context URLs, in registration order. */
    public Set<String> urls() {
        return Collections.unmodifiableSet(contexts.keySet());
    }

    /** True when {@code url} is on the allow-list (exact match). */
    public boolean contains(String url) {
        return url != null && contexts.containsKey(url);
    }

    /** The parsed context document registered for {@code url} (exact match). */
    public Optional<JsonObject> document(String url) {
        Entry entry = url == null ? null : contexts.get(url);
        return entry == null ? Optional.empty() : Optional.of(entry.document());
    }

    /** Lower-case hex SHA-256 of the bytes registered for {@code url}. */
    public Optional<String> sha256(String url) {
        Entry entry = url == null ? null : contexts.get(url);
        return entry == null ? Optional.empty() : Optional.of(entry.sha256());
    }

    /** Most distinct context URLs one document may reference. */
    public int maxContextsPerDocument() {
        return maxContextsPerDocument;
    }

    /** Most {@code @context} entries, repeats included, one document may hold. */
    public int maxContextEntriesPerDocument() {
        return maxContextEntriesPerDocument;
    }

    /**
     * Checks every {@code @context} reference of a document (top level and nested) against the
     * allow-list and the per-document caps, before any expansion. Inline context objects are
     * allowed, but every URL they would make a processor load (scoped {@code @context} values,
     * {@code @import}) must be on the list too.
     *
     * @throws CredentialException {@code CONTEXT_NOT_ALLOWED}, or {@code LIMIT_EXCEEDED} for more
     *     distinct URLs than {@link #maxContextsPerDocument()}, more entries than
     *     {@link #maxContextEntriesPerDocument()}, or nesting deeper than 128
     */
    public void checkAllowed(JsonObject document) throws CredentialException {
        new ReferenceWalk().object(document, 0);
    }

    /** Walks a document, counting its context entries and the distinct URLs they name. */
    private final class ReferenceWalk {
        private final Set<String> distinct = new HashSet<>();
        private int entries;

        void value(JsonValue value, int depth) throws CredentialException {
            if (value instanceof JsonObject o) {
                object(o, depth);
            } else if (value instanceof JsonArray a) {
                checkDepth(depth);
                for (JsonValue element : a) {
                    value(element, depth + 1);
                }
            }
        }

        void object(JsonObject object, int depth) throws CredentialException {
            checkDepth(depth);
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                if ("@context".equals(member.getKey())) {
                    contextValue(member.getValue(), depth + 1);
                } else {
                    value(member.getValue(), depth + 1);
                }
            }
        }

        private void checkDepth(int depth) throws CredentialException {
            if (depth >= MAX_DEPTH) {
                throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "JSON nesting deeper than " + MAX_DEPTH);
            }
        }

        /** A {@code @context} value: a URL, an inline definition, null, or an array of those. */
        void contextValue(JsonValue value, int depth) throws CredentialException {
            checkDepth(depth);
            if (!(value instanceof JsonArray)) {
                countEntry();
            }
            if (value instanceof JsonString s) {
                reference(s.value());
            } else if (value instanceof JsonArray a) {
                for (JsonValue element : a) {
                    if (element instanceof JsonArray) {
                        continue; // invalid JSON-LD; expansion reports it
                    }
                    contextValue(element, depth + 1);
                }
            } else if (value instanceof JsonObject definition) {
                inlineContext(definition, depth + 1);
            }
        }

        /** An inline context: look for {@code @import} and scoped contexts in term definitions. */
        void inlineContext(JsonObject definition, int depth) throws CredentialException {
            for (Map.Entry<String, JsonValue> member : definition.members().entrySet()) {
                JsonValue v = member.getValue();
                if ("@import".equals(member.getKey())) {
                    if (v instanceof JsonString s) {
                        countEntry();
                        reference(s.value());
                    }
                } else if (v instanceof JsonObject termDefinition) {
                    JsonValue scoped = termDefinition.members().get("@context");
                    if (scoped != null) {
                        contextValue(scoped, depth + 1);
                    }
                }
            }
        }

        void countEntry() throws CredentialException {
            if (++entries > maxContextEntriesPerDocument) {
                throw new CredentialException(ProblemCode.LIMIT_EXCEEDED,
                        "more than " + maxContextEntriesPerDocument + " @context entries in one document");
            }
        }

        void reference(String url) throws CredentialException {
            if (!contexts.containsKey(url)) {
                throw new CredentialException(ProblemCode.CONTEXT_NOT_ALLOWED,
                        "context not in the offline allow-list: " + abbreviate(url));
            }
            if (distinct.add(url) && distinct.size() > maxContextsPerDocument) {
                throw new CredentialException(ProblemCode.LIMIT_EXCEEDED,
                        "more than " + maxContextsPerDocument + " distinct context URLs in one document");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    /** One allowed context: its parsed document and the digest of its exact bytes. */
    private record Entry(String url, JsonObject document, String sha256) {
    }

    /** Adds contexts to a registry (host contexts, optionally pinned by digest). */
    public static final class Builder {
        private final Map<String, Entry> contexts = new LinkedHashMap<>();
        private int maxContextsPerDocument = DEFAULT_MAX_CONTEXTS_PER_DOCUMENT;
        private int maxContextEntriesPerDocument = DEFAULT_MAX_CONTEXT_ENTRIES_PER_DOCUMENT;

        private Builder() {
        }

        /**
         * Starts from the bundled contexts.
         *
         * @throws IllegalStateException when a host context was already added under a bundled URL
         *     with different content
         */
        public Builder addBundled() {
            for (Entry entry : Bundled.REGISTRY.contexts.values()) {
                Entry existing = contexts.get(entry.url());
                if (existing != null && !existing.sha256().equals(entry.sha256())) {
                    throw new IllegalStateException("a different context is already registered for " + entry.url());
                }
                contexts.put(entry.url(), entry);
            }
            return this;
        }

        /**
         * Adds a host context; the URL must be absolute http(s) (it is a name only, never fetched).
         *
         * @throws CredentialException {@code MALFORMED} for unparseable bytes or a bad URL,
         *     {@code INVALID_JSON_LD} when the document has no {@code @context},
         *     {@code CONTEXT_NOT_ALLOWED} when the URL is already registered with other bytes
         */
        public Builder add(String url, byte[] json) throws CredentialException {
            return add(url, json, null);
        }

        /**
         * Adds a host context whose bytes must have this SHA-256 (hex).
         *
         * @throws CredentialException as {@link #add(String, byte[])}, and
         *     {@code CONTEXT_NOT_ALLOWED} when the digest does not match
         */
        public Builder add(String url, byte[] json, String sha256Hex) throws CredentialException {
            checkHostUrl(url);
            if (json == null) {
                throw new CredentialException(ProblemCode.MALFORMED, "context bytes are missing");
            }
            String actual = sha256Hex(json);
            if (sha256Hex != null && !actual.equals(sha256Hex.toLowerCase(Locale.ROOT))) {
                throw new CredentialException(ProblemCode.CONTEXT_NOT_ALLOWED,
                        "context bytes do not match the pinned SHA-256 for " + abbreviate(url));
            }
            Entry existing = contexts.get(url);
            if (existing != null) {
                if (existing.sha256().equals(actual)) {
                    return this;
                }
                throw new CredentialException(ProblemCode.CONTEXT_NOT_ALLOWED,
                        "a different context is already registered for " + abbreviate(url));
            }
            contexts.put(url, new Entry(url, parseContext(json, url), actual));
            return this;
        }

        /** Maximum number of distinct context URLs per document (default 16). */
        public Builder maxContextsPerDocument(int max) {
            this.maxContextsPerDocument = positive(max, "maxContextsPerDocument");
            return this;
        }

        /** Maximum number of {@code @context} entries per document, repeats included (default 1,024). */
        public Builder maxContextEntriesPerDocument(int max) {
            this.maxContextEntriesPerDocument = positive(max, "maxContextEntriesPerDocument");
            return this;
        }

        public ContextRegistry build() {
            return new ContextRegistry(Collections.unmodifiableMap(new LinkedHashMap<>(contexts)), maxContextsPerDocument,
                    maxContextEntriesPerDocument);
        }

        private static int positive(int max, String name) {
            if (max < 1) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return max;
        }

        private static void checkHostUrl(String url) throws CredentialException {
            if (url == null || url.isEmpty()) {
                throw new CredentialException(ProblemCode.MALFORMED, "context URL is missing");
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new CredentialException(ProblemCode.MALFORMED, "context URL is not a valid URI: " + abbreviate(url));
            }
            String scheme = uri.getScheme();
            if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getRawAuthority() == null
                    || uri.getHost() == null || uri.getRawFragment() != null) {
                throw new CredentialException(ProblemCode.MALFORMED,
                        "context URL must be an absolute http(s) URL without fragment: " + abbreviate(url));
            }
        }
    }

    private static JsonObject parseContext(byte[] json, String url) throws CredentialException {
        JsonObject document = JsonReader.defaults().readObject(json);
        if (!document.has("@context")) {
            throw new CredentialException(ProblemCode.INVALID_JSON_LD, "not a JSON-LD context document (no @context): " + abbreviate(url));
        }
        return document;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The bundled registry, loaded and verified once on first use. */
    private static final class Bundled {
        static final ContextRegistry REGISTRY = load();

        private static ContextRegistry load() {
            Map<String, Entry> entries = new LinkedHashMap<>();
            try (InputStream in = open(INDEX);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] fields = line.split("\t");
                    if (fields.length != 3) {
                        throw new IllegalStateException("bad line in " + INDEX + ": " + line);
                    }
                    entries.put(fields[0], loadEntry(fields[0], fields[1], fields[2]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + INDEX, e);
            }
            return new ContextRegistry(Collections.unmodifiableMap(entries), DEFAULT_MAX_CONTEXTS_PER_DOCUMENT,
                    DEFAULT_MAX_CONTEXT_ENTRIES_PER_DOCUMENT);
        }

        private static Entry loadEntry(String url, String file, String sha256) throws IOException {
            byte[] bytes;
            try (InputStream in = open(RESOURCE_DIR + file)) {
                bytes = in.readAllBytes();
            }
            String actual = sha256Hex(bytes);
            if (!actual.equals(sha256)) {
                // A corrupted or replaced jar: refuse to run rather than sign against other terms.
                throw new IllegalStateException("bundled context " + file + " does not match its pinned SHA-256");
            }
            try {
                return new Entry(url, parseContext(bytes, url), actual);
            } catch (CredentialException e) {
                throw new IllegalStateException("bundled context " + file + " is invalid: " + e.getMessage(), e);
            }
        }

        private static InputStream open(String resource) throws IOException {
            InputStream in = ContextRegistry.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return in;
        }

        private Bundled() {
        }
    }

    @Override
    public String toString() {
        return "ContextRegistry" + Arrays.toString(contexts.keySet().toArray());
    }
}
