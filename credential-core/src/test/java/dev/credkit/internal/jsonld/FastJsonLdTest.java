package dev.credkit.internal.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNull;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.jsonld.ContextRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-subset JSON-LD path against the complete one (Titanium + every safe-mode check):
 * over every JSON-LD document in the test resources, their proofs, and thousands of seeded
 * mutations of them, whenever the subset handles a document the complete path must accept it
 * and give the same canonical dataset. And the documents credentials are made of must be
 * handled by the subset, or verification silently gets slow again.
 */
class FastJsonLdTest {
    private static final LosslessJsonLd JSON_LD = new LosslessJsonLd(ContextRegistry.bundled());
    private static final BudgetedRdfc RDFC = new BudgetedRdfc(100_000, Duration.ofSeconds(30), "SHA-256");

    /** Outcome of one path: canonical N-Quads, or the refusal, or null when the subset passed it on. */
    private record Outcome(String canonical, CredentialException refusal) {
    }

    private static Outcome complete(JsonObject document) {
        try {
            JSON_LD.registry().checkAllowed(document);
            InputSafetyCheck.check(document);
            return new Outcome(RDFC.canonicalize(c -> JSON_LD.toRdfComplete(document, c), System.nanoTime()).nquads(), null);
        } catch (CredentialException e) {
            return new Outcome(null, e);
        }
    }

    /** Null when the input checks refuse the document or the subset passes it on. */
    private static Outcome fast(JsonObject document) {
        try {
            JSON_LD.registry().checkAllowed(document);
            InputSafetyCheck.check(document);
        } catch (CredentialException e) {
            return null;
        }
        boolean[] handled = {false};
        try {
            String canonical = RDFC.canonicalize(c -> handled[0] = JSON_LD.toRdfFast(document, c), System.nanoTime()).nquads();
            return handled[0] ? new Outcome(canonical, null) : null;
        } catch (CredentialException e) {
            return new Outcome(null, e);
        }
    }

    static Stream<Arguments> documents() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        Path root = resourceRoot();
        try (Stream<Path> files = Files.walk(root.resolve("vectors"))) {
            files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonld"))
                    .filter(p -> !p.toString().contains("rdf-canon") && !p.toString().contains("/jcs/")
                            && !p.toString().contains("wycheproof") && !p.toString().contains("_spec-repo-contexts"))
                    .sorted()
                    .forEach(p -> read(p).ifPresent(o -> documents.put(root.relativize(p).toString(), o)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read(root.resolve("bench/ob3-course-completion.json")).ifPresent(o -> documents.put("bench/ob3-course-completion.json", o));
        read(root.resolve("bench/ob3-course-record.json")).ifPresent(o -> documents.put("bench/ob3-course-record.json", o));
        // each proof, as a proof configuration is canonicalized: with the document's @context
        Map<String, JsonObject> proofs = new LinkedHashMap<>();
        documents.forEach((name, document) -> {
            JsonValue context = document.members().get("@context");
            JsonValue proof = document.members().get("proof");
            List<JsonValue> items = proof instanceof JsonArray a ? a.elements() : proof == null ? List.of() : List.of(proof);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof JsonObject p && context != null) {
                    proofs.put(name + "#proof" + i, p.without("proofValue").with("@context", context));
                }
            }
            if (proof != null) {
                proofs.put(name + "#unsigned", document.without("proof"));
            }
        });
        documents.putAll(proofs);
        return documents.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void subsetAgreesWithTheCompletePathOnDocumentsAndTheirMutations(String name, JsonObject document) {
        check(name, document);
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 400; i++) {
            JsonObject mutated = (JsonObject) mutate(document, random, 0);
            check(name + " mutation " + i + ": " + mutated, mutated);
        }
    }

    private static void check(String name, JsonObject document) {
        Outcome fast = fast(document);
        if (fast == null) {
            return;
        }
        Outcome complete = complete(document);
        assertThat(fast.refusal()).as("subset refused %s", name).isNull();
        assertThat(complete.refusal()).as("complete path refuses what the subset accepted: %s", name).isNull();
        assertThat(fast.canonical()).as(name).isEqualTo(complete.canonical());
    }

    /** The documents credkit issues and verifies go through the subset. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void credentialsTakeTheSubset(String name, JsonObject document) {
        Outcome complete = complete(document);
        if (complete.refusal() != null || String.valueOf(document.members().get("@context")).contains("examples")) {
            return; // refused documents, and terms from the W3C examples' @vocab, take the complete path
        }
        Outcome fast = fast(document);
        assertThat(fast).as("%s takes the subset", name).isNotNull();
    }

    @Test
    void typeScopedContextsDoNotReachNestedNodesButReferencesKeepThem() throws Exception {
        // DataIntegrityProof's type-scoped context defines "proofValue"; a nested node must not see it
        JsonObject document = JsonReader.defaults().readObject(("""
                {"@context": "https://www.w3.org/ns/credentials/v2",
                 "id": "urn:uuid:1", "type": "VerifiableCredential", "issuer": "did:example:1",
                 "credentialSubject": {"id": "did:example:2", "name": "A"},
                 "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                           "verificationMethod": {"id": "did:example:1#k"}, "proofPurpose": "assertionMethod",
                           "created": "2024-01-01T00:00:00Z"}}
                """).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        check("proof with a referenced method", document);
        assertThat(fast(document)).isNotNull();
    }

    private static final List<JsonValue> REPLACEMENTS = List.of(
            new JsonString("relative"), new JsonString("_:b1"), new JsonString("http://example.org/x"),
            new JsonString("urn:uuid:0"), new JsonString("xsd:string"), new JsonString("Profile"), new JsonString("@id"),
            new JsonString(""), new JsonString("http://exa mple.org/"), new JsonString("VerifiableCredential"),
            JsonNumber.of(1), JsonNumber.of(new BigDecimal("1.5")), JsonNumber.of(new BigDecimal("1.0")),
            JsonNumber.of(new BigDecimal("1e21")), JsonNumber.of(-7), JsonBoolean.TRUE, JsonNull.INSTANCE,
            JsonArray.empty(), JsonObject.empty(),
            JsonObject.builder().put("@value", "x").put("@language", "en").build(),
            JsonObject.builder().put("id", "http://example.org/1").build(),
            JsonObject.builder().put("id", "_:b2").build(),
            JsonObject.builder().put("type", "Profile").build(),
            JsonObject.builder().put("type", "Profile").put("name", "N").build(),
            JsonObject.builder().put("@context", JsonObject.builder().put("@vocab", "http://ex/").build()).put("name", "x").build(),
            JsonArray.of(new JsonString("a"), new JsonString("b")),
            JsonArray.of(JsonArray.of(new JsonString("a"))));
    private static final List<String> NEW_KEYS = List.of("undefinedTerm", "name", "id", "type", "@id", "@type",
            "@value", "@graph", "@context", "http://example.org/p", "ex:p", "proof", "description", "@language");

    /** One random change somewhere in the tree: replace, remove, or add a member or an array item. */
    private static JsonValue mutate(JsonValue value, Random random, int depth) {
        if (value instanceof JsonObject object && !object.isEmpty()) {
            List<String> keys = new ArrayList<>(object.keys());
            String key = keys.get(random.nextInt(keys.size()));
            int action = random.nextInt(10);
            if (action < 5 && depth < 12) {
                return object.with(key, mutate(object.members().get(key), random, depth + 1));
            } else if (action < 7) {
                return object.with(key, REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())));
            } else if (action < 8) {
                return object.without(key);
            }
            return object.with(NEW_KEYS.get(random.nextInt(NEW_KEYS.size())), REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())));
        }
        if (value instanceof JsonArray array && !array.isEmpty()) {
            List<JsonValue> items = new ArrayList<>(array.elements());
            int i = random.nextInt(items.size());
            if (random.nextInt(4) == 0) {
                items.add(REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())));
            } else {
                items.set(i, mutate(items.get(i), random, depth + 1));
            }
            return JsonArray.of(items);
        }
        return REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
    }

    private static java.util.Optional<JsonObject> read(Path path) {
        try {
            return java.util.Optional.of(JsonReader.defaults().readObject(Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CredentialException e) {
            return java.util.Optional.empty();
        }
    }

    private static Path resourceRoot() {
        try {
            return Paths.get(FastJsonLdTest.class.getResource("/vectors").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
