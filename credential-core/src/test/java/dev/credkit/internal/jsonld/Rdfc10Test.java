package dev.credkit.internal.jsonld;

import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our RDFC-1.0 beyond the W3C suite ({@link RdfCanonSuiteTest}): agreement with titanium-rdfc
 * (an independent implementation) on random graphs full of tied blank nodes, invariance under
 * relabelling and reordering, and bounded work on poison graphs.
 */
class Rdfc10Test {
    private static final BudgetedRdfc GENEROUS = new BudgetedRdfc(1_000_000, Duration.ofSeconds(30), "SHA-256");

    /**
     * Random small graphs over few predicates and literals, so that many blank nodes share a
     * first-degree hash. Only the default graph and blank graph names: titanium-rdfc 2.0.0
     * treats an IRI graph name as a blank node when hashing related nodes.
     */
    private static List<String> randomGraph(Random random) {
        return randomGraph(random, true);
    }

    /**
     * With {@code repeats} false, no quad mentions the same blank node twice: titanium-rdfc
     * then lists the quad twice for that node in first-degree hashing, where RDFC-1.0 (and
     * jsonld.js's rdf-canonize, which keeps a set) lists it once.
     */
    private static List<String> randomGraph(Random random, boolean repeats) {
        int nodes = 2 + random.nextInt(7);
        int quads = 1 + random.nextInt(14);
        Set<String> lines = new LinkedHashSet<>();
        for (int i = 0; i < quads; i++) {
            String subject = "_:n" + random.nextInt(nodes);
            String predicate = "<http://ex/p" + random.nextInt(2) + ">";
            String object = switch (random.nextInt(4)) {
                case 0 -> "\"v" + random.nextInt(2) + "\"";
                case 1 -> "<http://ex/o>";
                default -> "_:n" + random.nextInt(nodes);
            };
            String graph = random.nextInt(5) == 0 ? " _:n" + random.nextInt(nodes) : "";
            if (!repeats && (subject.equals(object) || (" " + subject).equals(graph) || (" " + object).equals(graph))) {
                continue;
            }
            lines.add(subject + " " + predicate + " " + object + graph + " .\n");
        }
        return new ArrayList<>(lines);
    }

    private static String titanium(String nquads) throws Exception {
        RdfCanon canon = RdfCanon.create("SHA-256");
        NQuadsParser.parse(nquads, canon);
        StringWriter out = new StringWriter();
        canon.provide(new NQuadsWriter(out));
        return out.toString();
    }

    private static String ours(String nquads) throws CredentialException {
        return GENEROUS.canonicalizeNQuads(nquads, System.nanoTime()).nquads();
    }

    @Test
    void agreesWithTitaniumOnRandomTiedGraphs() throws Exception {
        Random random = new Random(20261124L);
        for (int i = 0; i < 3_000; i++) {
            String graph = String.join("", randomGraph(random, false));
            if (graph.isEmpty()) {
                continue;
            }
            assertThat(ours(graph)).as("graph #%d:%n%s", i, graph).isEqualTo(titanium(graph));
        }
    }

    @Test
    void relabellingAndReorderingDoNotChangeTheCanonicalForm() throws Exception {
        Random random = new Random(7L);
        for (int i = 0; i < 1_000; i++) {
            List<String> lines = randomGraph(random);
            String canonical = ours(String.join("", lines));
            Collections.shuffle(lines, random);
            String relabelled = String.join("", lines).replace("_:n", "_:other");
            assertThat(ours(relabelled)).as("graph #%d", i).isEqualTo(canonical);
            assertThat(ours(canonical)).as("canonical form is a fixed point").isEqualTo(canonical);
        }
    }

    @Test
    void namedGraphsWithIrisAreCanonicalized() throws CredentialException {
        String graph = "_:a <http://ex/p> _:b <http://ex/g> .\n_:b <http://ex/p> _:a <http://ex/g> .\n";
        assertThat(ours(graph)).isEqualTo("_:c14n0 <http://ex/p> _:c14n1 <http://ex/g> .\n_:c14n1 <http://ex/p> _:c14n0 <http://ex/g> .\n");
    }

    @Test
    void outputIsInCodePointOrder() throws CredentialException {
        // U+FF21 sorts before U+1F600 by code point, after it by UTF-16 code unit
        String graph = "<http://ex/s> <http://ex/p> \"\uD83D\uDE00\" .\n<http://ex/s> <http://ex/p> \"\uFF21\" .\n";
        assertThat(ours(graph)).isEqualTo("<http://ex/s> <http://ex/p> \"\uFF21\" .\n<http://ex/s> <http://ex/p> \"\uD83D\uDE00\" .\n");
    }

    @Test
    void literalsUseCanonicalEscapes() throws CredentialException {
        String graph = "<http://ex/s> <http://ex/p> \"a\\u0001b\\tc\\u007Fd\\u00e9\\\"\\\\\" .\n";
        assertThat(ours(graph)).isEqualTo("<http://ex/s> <http://ex/p> \"a\\u0001b\\tc\\u007Fd\u00e9\\\"\\\\\" .\n");
    }

    /** Cliques and near-cliques of blank nodes: the work is bounded before it is done, so memory is too. */
    @ParameterizedTest
    @ValueSource(ints = {6, 8, 10, 14, 20})
    void poisonGraphsStopWithinTheDefaultBudget(int size) {
        StringBuilder clique = new StringBuilder();
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                if (a != b && (a + b) % 7 != 3) { // a near-clique: a few edges missing
                    clique.append("_:b").append(a).append(" <http://ex/p> _:b").append(b).append(" .\n");
                }
            }
        }
        BudgetedRdfc defaults = new BudgetedRdfc(BudgetedRdfc.DEFAULT_MAX_WORK_STEPS, BudgetedRdfc.DEFAULT_MAX_TIME, "SHA-256");
        long start = System.nanoTime();
        boolean refused = false;
        try {
            defaults.canonicalizeNQuads(clique.toString(), start);
        } catch (CredentialException e) {
            assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("work steps");
            refused = true;
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        if (size >= 10) {
            assertThat(refused).as("a %d-node near-clique is refused", size).isTrue();
        }
    }

    @Test
    void recursionDepthIsBoundedWhateverTheBudget() {
        // a ring of blank nodes: every node ties, and hashing one recurses around the ring
        StringBuilder ring = new StringBuilder();
        int size = Rdfc10.MAX_DEPTH + 50;
        for (int i = 0; i < size; i++) {
            ring.append("_:r").append(i).append(" <http://ex/next> _:r").append((i + 1) % size).append(" .\n");
        }
        BudgetedRdfc unbounded = new BudgetedRdfc(Long.MAX_VALUE, Duration.ofSeconds(30), "SHA-256");
        assertThatThrownBy(() -> unbounded.canonicalizeNQuads(ring.toString(), System.nanoTime()))
                .isInstanceOfSatisfying(CredentialException.class, e -> {
                    assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).contains("deeper than");
                });
    }
}
