package dev.credkit.internal.jsonld;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Passes each distinct quad on once. RDFC-1.0 canonicalizes a dataset, which is a set; JSON-LD
 * (a value repeated in an array) and N-Quads input can repeat a quad, and titanium-rdfc would
 * hash the repeats as if the input were a multiset, giving a canonical form other
 * implementations do not (found by fuzzing: canonical output was not a fixed point).
 */
final class DistinctQuads implements RdfQuadConsumer {
    private final RdfQuadConsumer next;
    private final Set<List<String>> seen = new HashSet<>();

    DistinctQuads(RdfQuadConsumer next) {
        this.next = next;
    }

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
                                String direction, String graph) throws RdfConsumerException {
        // List.of refuses nulls: keep absent components as a marker that is not a valid term.
        List<String> key = List.of(subject, predicate, object, orNone(datatype), orNone(language), orNone(direction), orNone(graph));
        if (seen.add(key)) {
            next.quad(subject, predicate, object, datatype, language, direction, graph);
        }
        return this;
    }

    private static String orNone(String s) {
        return s == null ? "\u0000" : s;
    }
}
