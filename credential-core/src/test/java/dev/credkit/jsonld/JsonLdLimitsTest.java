package dev.credkit.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Context URLs and entries per document and the RDFC-1.0 work budget, at and just past their limits. */
class JsonLdLimitsTest {
    private static final String V2 = "https://www.w3.org/ns/credentials/v2";
    /** Two blank nodes pointing at each other: their first-degree hashes tie, so N-degree hashing runs. */
    private static final String TIED_BLANK_NODES = "_:a <http://example.org/p> _:b .\n_:b <http://example.org/p> _:a .\n"
            + "_:c <http://example.org/p> _:d .\n_:d <http://example.org/p> _:c .\n";

    private static final String OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /** A document whose top-level {@code @context} names {@code distinct} bundled URLs, {@code entries} times in all. */
    private static JsonObject withContexts(int distinct, int entries) {
        List<String> urls = new ArrayList<>(ContextRegistry.bundled().urls()).subList(0, distinct);
        List<JsonValue> contexts = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            contexts.add(new JsonString(urls.get(i % distinct)));
        }
        return JsonObject.builder().put("@context", JsonArray.of(contexts)).put("name", "x").build();
    }

    @Test
    void distinctContextUrlsAtAndPastTheDefaultLimit() throws Exception {
        ContextRegistry bundled = ContextRegistry.bundled();
        assertThat(bundled.maxContextsPerDocument()).isEqualTo(ContextRegistry.DEFAULT_MAX_CONTEXTS_PER_DOCUMENT).isEqualTo(16);
        assertThat(bundled.urls()).hasSizeGreaterThan(16);
        bundled.checkAllowed(withContexts(16, 16));
        bundled.checkAllowed(withContexts(16, 200)); // repeats do not count
        assertLimitExceeded(() -> bundled.checkAllowed(withContexts(17, 17)), "more than 16 distinct context URLs");
    }

    @Test
    void distinctContextUrlsAtAndPastAConfiguredLimit() throws Exception {
        ContextRegistry three = ContextRegistry.builder().addBundled().maxContextsPerDocument(3).build();
        three.checkAllowed(withContexts(3, 3));
        three.checkAllowed(withContexts(3, 100));
        assertLimitExceeded(() -> three.checkAllowed(withContexts(4, 4)), "more than 3 distinct context URLs");
        // URLs count wherever they are: nested, scoped, imported
        ContextRegistry two = ContextRegistry.builder().addBundled().maxContextsPerDocument(2).build();
        JsonObject spread = TestResources.parse("{'@context': ['" + V2 + "', {'T': {'@id': 'https://ex.org/T', '@context': '"
                + OB3 + "'}}], 'credentialSubject': {'@context': '" + V2 + "', 'x': [{'@context': '" + OB3 + "'}]}}");
        two.checkAllowed(spread);
        ContextRegistry one = ContextRegistry.builder().addBundled().maxContextsPerDocument(1).build();
        assertLimitExceeded(() -> one.checkAllowed(spread), "more than 1 distinct context URLs");
        assertLimitExceeded(() -> one.checkAllowed(TestResources.parse(
                "{'@context': ['" + V2 + "', {'@import': '" + OB3 + "'}]}")), "more than 1 distinct context URLs");
    }

    @Test
    void contextEntriesAtAndPastTheDefaultLimit() throws Exception {
        ContextRegistry bundled = ContextRegistry.bundled();
        assertThat(bundled.maxContextEntriesPerDocument()).isEqualTo(ContextRegistry.DEFAULT_MAX_CONTEXT_ENTRIES_PER_DOCUMENT)
                .isEqualTo(1_024);
        bundled.checkAllowed(withContexts(2, 1_024));
        assertLimitExceeded(() -> bundled.checkAllowed(withContexts(2, 1_025)), "more than 1024 @context entries");
        assertLimitExceeded(() -> bundled.checkAllowed(withContexts(1, 100_000)), "more than 1024 @context entries");
    }

    /** Every entry counts, whatever it is and wherever it is: URLs, inline definitions, nulls, imports, scoped contexts. */
    @Test
    void contextEntriesAtAndPastAConfiguredLimit() throws Exception {
        String six = "{'@context': ['" + V2 + "', null, {'@import': '" + OB3 + "', 'T': {'@id': 'https://ex.org/T', '@context': '"
                + V2 + "'}}], 'evidence': [{'@context': '" + OB3 + "'}]}";
        JsonObject document = TestResources.parse(six);
        ContextRegistry.builder().addBundled().maxContextEntriesPerDocument(6).build().checkAllowed(document);
        ContextRegistry five = ContextRegistry.builder().addBundled().maxContextEntriesPerDocument(5).build();
        assertThat(five.maxContextEntriesPerDocument()).isEqualTo(5);
        assertLimitExceeded(() -> five.checkAllowed(document), "more than 5 @context entries");
        assertThatThrownBy(() -> ContextRegistry.builder().maxContextEntriesPerDocument(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxContextEntriesPerDocument");
    }

    /**
     * A presentation of eight Open Badges credentials holds 17 context references (two per
     * credential, one of its own) but only two distinct URLs: it was refused when every
     * reference counted.
     */
    @Test
    void presentationOfEightOpenBadgesIsAllowed() throws Exception {
        JsonObject badge = TestResources.json("vectors/ob3-eddsa-rdfc-2022/signed.json");
        assertThat(badge.array("@context").orElseThrow()).containsExactly(new JsonString(V2), new JsonString(OB3));
        List<JsonValue> badges = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            badges.add(badge.with("id", "http://example.com/credentials/" + i));
        }
        JsonObject presentation = JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of(V2)))
                .put("type", JsonArray.ofStrings(List.of("VerifiablePresentation")))
                .put("verifiableCredential", JsonArray.of(badges))
                .build();
        ContextRegistry.bundled().checkAllowed(presentation);
        // the tightest caps it fits: two distinct URLs, seventeen entries
        ContextRegistry.builder().addBundled().maxContextsPerDocument(2).maxContextEntriesPerDocument(17).build()
                .checkAllowed(presentation);
        assertLimitExceeded(() -> ContextRegistry.builder().addBundled().maxContextEntriesPerDocument(16).build()
                .checkAllowed(presentation), "more than 16 @context entries");
    }

    /** {"name": [[...[]...]]} with the innermost array at nesting level {@code levels}. */
    private static JsonObject nested(int levels) {
        JsonValue value = JsonArray.empty();
        for (int i = 1; i < levels; i++) {
            value = JsonArray.of(value);
        }
        return JsonObject.builder().put("@context", V2).put("name", value).build();
    }

    @Test
    void nestingAtAndPastTheJsonLdLimit() throws Exception {
        // only reachable with a JSON reader configured deeper than its default of 64 levels, or
        // with trees built by code: the walks stop at 128 levels before recursing further
        ContextRegistry.bundled().checkAllowed(nested(127));
        assertLimitExceeded(() -> ContextRegistry.bundled().checkAllowed(nested(128)), "nesting deeper than 128");
        assertThatThrownBy(() -> RdfCanonicalizer.defaults().canonicalize(nested(128)))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isNotEqualTo(ProblemCode.INTERNAL_ERROR));
    }

    @Test
    void hashOperationBudgetAtAndPastWhatADatasetNeeds() throws Exception {
        String canonical = RdfCanonicalizer.defaults().canonicalizeNQuads(TIED_BLANK_NODES);
        // the least budget that suffices, found by search: exactly it passes, one less does not
        long low = 1;
        long high = RdfCanonicalizer.DEFAULT_MAX_WORK_STEPS;
        while (low < high) {
            long mid = (low + high) / 2;
            if (succeeds(mid)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        long needed = low;
        // The accounting, pinned: the four nodes tie, and hashing each costs 10 steps: 2 related
        // hashes, 2 permutations, 1 final hash, plus a recursion into its partner (2 related
        // hashes, 2 permutations, 1 final hash).
        assertThat(needed).isEqualTo(40);
        assertThat(RdfCanonicalizer.builder().maxWorkSteps(needed).build().canonicalizeNQuads(TIED_BLANK_NODES))
                .isEqualTo(canonical);
        RdfCanonicalizer tooSmall = RdfCanonicalizer.builder().maxWorkSteps(needed - 1).build();
        assertLimitExceeded(() -> tooSmall.canonicalizeNQuads(TIED_BLANK_NODES), "");
        assertThat(RdfCanonicalizer.defaults().maxWorkSteps()).isEqualTo(10_000);
    }

    @Test
    void wallTimeBudget() throws Exception {
        assertThat(RdfCanonicalizer.defaults().maxTime()).isEqualTo(RdfCanonicalizer.DEFAULT_MAX_TIME).isEqualTo(Duration.ofSeconds(5));
        // a poison graph: a clique of blank nodes, unbounded work steps, stopped by the clock
        StringBuilder clique = new StringBuilder();
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                if (a != b) {
                    clique.append("_:b").append(a).append(" <http://example.org/p> _:b").append(b).append(" .\n");
                }
            }
        }
        RdfCanonicalizer clockOnly = RdfCanonicalizer.builder().maxWorkSteps(Long.MAX_VALUE).maxTime(Duration.ofMillis(200)).build();
        long start = System.nanoTime();
        assertLimitExceeded(() -> clockOnly.canonicalizeNQuads(clique.toString()), "");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertLimitExceeded(() -> RdfCanonicalizer.defaults().canonicalizeNQuads(clique.toString()), "");
        assertThat(RdfCanonicalizer.builder().maxTime(Duration.ofSeconds(30)).build().canonicalizeNQuads(TIED_BLANK_NODES))
                .isNotEmpty();
    }

    private static boolean succeeds(long budget) {
        try {
            RdfCanonicalizer.builder().maxWorkSteps(budget).build().canonicalizeNQuads(TIED_BLANK_NODES);
            return true;
        } catch (CredentialException e) {
            assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
            return false;
        }
    }

    private interface Call {
        void run() throws CredentialException;
    }

    private static void assertLimitExceeded(Call call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
