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
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Context references per document and the RDFC-1.0 work budget, at and just past their limits. */
class JsonLdLimitsTest {
    private static final String V2 = "https://www.w3.org/ns/credentials/v2";
    /** Two blank nodes pointing at each other: their first-degree hashes tie, so N-degree hashing runs. */
    private static final String TIED_BLANK_NODES = "_:a <http://example.org/p> _:b .\n_:b <http://example.org/p> _:a .\n"
            + "_:c <http://example.org/p> _:d .\n_:d <http://example.org/p> _:c .\n";

    private static JsonObject withContexts(int references) {
        List<JsonValue> contexts = new ArrayList<>(Collections.nCopies(references, new JsonString(V2)));
        return JsonObject.builder().put("@context", JsonArray.of(contexts)).put("name", "x").build();
    }

    @Test
    void contextReferencesAtAndPastTheDefaultLimit() throws Exception {
        ContextRegistry bundled = ContextRegistry.bundled();
        assertThat(bundled.maxContextsPerDocument()).isEqualTo(ContextRegistry.DEFAULT_MAX_CONTEXTS_PER_DOCUMENT).isEqualTo(16);
        bundled.checkAllowed(withContexts(16));
        assertLimitExceeded(() -> bundled.checkAllowed(withContexts(17)));
    }

    @Test
    void contextReferencesAtAndPastAConfiguredLimit() throws Exception {
        ContextRegistry three = ContextRegistry.builder().addBundled().maxContextsPerDocument(3).build();
        three.checkAllowed(withContexts(3));
        assertLimitExceeded(() -> three.checkAllowed(withContexts(4)));
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
        assertLimitExceeded(() -> ContextRegistry.bundled().checkAllowed(nested(128)));
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
        assertThat(needed).isGreaterThan(4); // N-degree hashing ran: more than one hash per blank node
        assertThat(RdfCanonicalizer.builder().maxWorkSteps(needed).build().canonicalizeNQuads(TIED_BLANK_NODES))
                .isEqualTo(canonical);
        RdfCanonicalizer tooSmall = RdfCanonicalizer.builder().maxWorkSteps(needed - 1).build();
        assertLimitExceeded(() -> tooSmall.canonicalizeNQuads(TIED_BLANK_NODES));
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
        assertLimitExceeded(() -> clockOnly.canonicalizeNQuads(clique.toString()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertLimitExceeded(() -> RdfCanonicalizer.defaults().canonicalizeNQuads(clique.toString()));
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

    private static void assertLimitExceeded(Call call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
    }
}
