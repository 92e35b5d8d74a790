package dev.credkit.internal.jsonld;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import java.util.TreeMap;

/**
 * The RDFC-1.0 canonicalization algorithm (W3C Recommendation, 2024) over a set of quads whose
 * terms are already in canonical N-Quads form.
 *
 * <p>Written here rather than taken from titanium-rdfc so that the work is bounded where it is
 * done: every hash and every permutation examined by Hash N-Degree Quads is one step charged to a
 * {@link Budget} before it is taken, so a poison graph stops after a fixed number of steps, with
 * memory that grows with the size of the input only (each recursion level keeps a path and an
 * identifier issuer; the depth is at most the number of blank nodes). titanium-rdfc allocated
 * between the points where a budget could be consulted (found by fuzzing), and it re-serialized
 * quads for every comparison.
 *
 * <p>Blank nodes are numbered 0..n-1 on input; identifier issuers are int arrays. A single run
 * is single-threaded and not reusable.
 */
final class Rdfc10 {
    /**
     * Charged for the work of N-degree hashing before it is done; throws to abort the run. A
     * step is one hash, one permutation examined, or copying {@value #COPY_STEP} issued
     * identifiers, so total allocation is bounded by the budget as well as time.
     */
    interface Budget {
        void spend(long steps);
    }

    /** Thrown when a run would go past a limit; cheap (no stack trace). */
    static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }

    /** Issued identifiers copied per budget step. */
    static final int COPY_STEP = 16;
    /** Hash N-Degree Quads recursion depth at which a run stops, whatever the budget (keeps the stack bounded). */
    static final int MAX_DEPTH = 256;

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String CANONICAL_PREFIX = "c14n";
    private static final String TEMPORARY_PREFIX = "b";

    private final MessageDigest digest;
    private final Budget budget;

    /** Terms in N-Quads form; for blank nodes the entry is unused. */
    private final List<Quad> quads = new ArrayList<>();
    private final Set<Quad> distinct = new HashSet<>();
    private final Map<String, Integer> blankIndex = new HashMap<>();
    private final List<String> blankLabels = new ArrayList<>();
    /** Per blank node, the quads mentioning it (the "blank node to quads map"). */
    private final List<List<Quad>> quadsOf = new ArrayList<>();

    private Issuer canonical;
    private String[] firstDegreeHashes;

    Rdfc10(MessageDigest digest, Budget budget) {
        this.digest = digest;
        this.budget = budget;
    }

    /** A quad: a term per position in N-Quads form, or the index of a blank node (-1 when not blank). */
    private static final class Quad {
        final String subject;
        final String predicate;
        final String object;
        final String graph; // null for the default graph
        final int subjectBlank;
        final int objectBlank;
        final int graphBlank;

        Quad(String subject, int subjectBlank, String predicate, String object, int objectBlank, String graph, int graphBlank) {
            this.subject = subject;
            this.subjectBlank = subjectBlank;
            this.predicate = predicate;
            this.object = object;
            this.objectBlank = objectBlank;
            this.graph = graph;
            this.graphBlank = graphBlank;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Quad q && q.subjectBlank == subjectBlank && q.objectBlank == objectBlank
                    && q.graphBlank == graphBlank && q.predicate.equals(predicate) && Objects.equals(q.subject, subject)
                    && Objects.equals(q.object, object) && Objects.equals(q.graph, graph);
        }

        @Override
        public int hashCode() {
            int h = predicate.hashCode();
            h = 31 * h + (subject != null ? subject.hashCode() : subjectBlank);
            h = 31 * h + (object != null ? object.hashCode() : objectBlank);
            return 31 * h + (graph != null ? graph.hashCode() : graphBlank);
        }
    }

    /** The blank node for a label (without "_:"), numbered on first sight. */
    int blank(String label) {
        Integer index = blankIndex.get(label);
        if (index == null) {
            index = blankLabels.size();
            blankIndex.put(label, index);
            blankLabels.add(label);
            quadsOf.add(new ArrayList<>(4));
        }
        return index;
    }

    /**
     * Adds a quad. Non-blank terms are given in N-Quads form ({@code <iri>} or a literal); a
     * blank term is given as null with its index from {@link #blank}. A quad already added is
     * ignored: RDFC-1.0 canonicalizes a dataset, which is a set, while JSON-LD (a value repeated
     * in an array) and N-Quads can repeat a quad (found by fuzzing: hashing repeats as a
     * multiset gave a canonical form that was not a fixed point).
     */
    void add(String subject, int subjectBlank, String predicate, String object, int objectBlank, String graph, int graphBlank) {
        Quad quad = new Quad(subject, subjectBlank, predicate, object, objectBlank, graph, graphBlank);
        if (!distinct.add(quad)) {
            return;
        }
        quads.add(quad);
        if (subjectBlank >= 0) {
            quadsOf.get(subjectBlank).add(quad);
        }
        if (objectBlank >= 0 && objectBlank != subjectBlank) {
            quadsOf.get(objectBlank).add(quad);
        }
        if (graphBlank >= 0 && graphBlank != subjectBlank && graphBlank != objectBlank) {
            quadsOf.get(graphBlank).add(quad);
        }
    }

    /** Canonical N-Quads, sorted in code point order, each line ending in "\n". */
    String canonicalize() {
        int n = blankLabels.size();
        canonical = new Issuer(CANONICAL_PREFIX, n);
        firstDegreeHashes = new String[n];

        // 4.4.3 steps 3-5: first-degree hashes; unique ones get canonical identifiers in hash order
        TreeMap<String, List<Integer>> byHash = new TreeMap<>();
        for (int node = 0; node < n; node++) {
            String hash = hashFirstDegree(node);
            firstDegreeHashes[node] = hash;
            byHash.computeIfAbsent(hash, h -> new ArrayList<>(1)).add(node);
        }
        List<List<Integer>> shared = new ArrayList<>();
        for (List<Integer> nodes : byHash.values()) {
            if (nodes.size() == 1) {
                canonical.issue(nodes.get(0));
            } else {
                shared.add(nodes);
            }
        }

        // step 6: nodes sharing a first-degree hash, by N-degree hash
        for (List<Integer> nodes : shared) {
            List<NDegreeResult> results = new ArrayList<>(nodes.size());
            for (int node : nodes) {
                if (canonical.has(node)) {
                    continue;
                }
                Issuer temporary = new Issuer(TEMPORARY_PREFIX, 4);
                temporary.issue(node);
                results.add(hashNDegreeQuads(node, temporary));
            }
            results.sort((a, b) -> a.hash.compareTo(b.hash));
            for (NDegreeResult result : results) {
                for (int i = 0; i < result.issuer.count; i++) {
                    canonical.issue(result.issuer.order[i]);
                }
            }
        }

        // step 7: relabel and sort
        String[] lines = new String[quads.size()];
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < lines.length; i++) {
            Quad quad = quads.get(i);
            line.setLength(0);
            appendQuad(line, quad, -1);
            lines[i] = line.toString();
        }
        Arrays.sort(lines, Rdfc10::compareCodePoints);
        int length = 0;
        for (String l : lines) {
            length += l.length();
        }
        StringBuilder out = new StringBuilder(length);
        for (String l : lines) {
            out.append(l);
        }
        return out.toString();
    }

    /** Input blank node label (without "_:") to canonical label, in order of issue. */
    Map<String, String> issuedIdentifiers() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < canonical.count; i++) {
            int node = canonical.order[i];
            map.put(blankLabels.get(node), CANONICAL_PREFIX + i);
        }
        return map;
    }

    /**
     * Appends a quad in N-Quads form. With {@code reference >= 0} (first-degree hashing) that
     * node is written {@code _:a} and every other blank node {@code _:z}; otherwise blank nodes
     * get their canonical identifiers.
     */
    private void appendQuad(StringBuilder sb, Quad quad, int reference) {
        appendTerm(sb, quad.subject, quad.subjectBlank, reference).append(' ').append(quad.predicate).append(' ');
        appendTerm(sb, quad.object, quad.objectBlank, reference).append(' ');
        if (quad.graph != null || quad.graphBlank >= 0) {
            appendTerm(sb, quad.graph, quad.graphBlank, reference).append(' ');
        }
        sb.append(".\n");
    }

    private StringBuilder appendTerm(StringBuilder sb, String term, int blank, int reference) {
        if (blank < 0) {
            return sb.append(term);
        }
        if (reference >= 0) {
            return sb.append(blank == reference ? "_:a" : "_:z");
        }
        return sb.append("_:").append(CANONICAL_PREFIX).append(canonical.id(blank));
    }

    /** 4.6 Hash First Degree Quads. */
    private String hashFirstDegree(int node) {
        List<Quad> mentions = quadsOf.get(node);
        String[] lines = new String[mentions.size()];
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < lines.length; i++) {
            line.setLength(0);
            appendQuad(line, mentions.get(i), node);
            lines[i] = line.toString();
        }
        Arrays.sort(lines, Rdfc10::compareCodePoints);
        StringBuilder all = new StringBuilder(lines.length * 96);
        for (String l : lines) {
            all.append(l);
        }
        return hash(all);
    }

    /** 4.7 Hash Related Blank Node. */
    private String hashRelated(int related, Quad quad, Issuer issuer, char position) {
        StringBuilder input = new StringBuilder(96).append(position);
        if (position != 'g') {
            input.append(quad.predicate);
        }
        if (canonical.has(related)) {
            input.append("_:").append(CANONICAL_PREFIX).append(canonical.id(related));
        } else if (issuer.has(related)) {
            input.append("_:").append(TEMPORARY_PREFIX).append(issuer.id(related));
        } else {
            input.append(firstDegreeHashes[related]);
        }
        return hash(input);
    }

    private record NDegreeResult(String hash, Issuer issuer) {
    }

    /** 4.8 Hash N-Degree Quads. */
    private NDegreeResult hashNDegreeQuads(int node, Issuer issuer) {
        return hashNDegreeQuads(node, issuer, 1);
    }

    private NDegreeResult hashNDegreeQuads(int node, Issuer issuer, int depth) {
        if (depth > MAX_DEPTH) {
            throw new LimitExceeded("blank node hashing deeper than " + MAX_DEPTH + " levels");
        }
        // steps 1-3: related blank nodes grouped by their related hash, in hash order
        TreeMap<String, List<Integer>> relatedByHash = new TreeMap<>();
        for (Quad quad : quadsOf.get(node)) {
            addRelated(relatedByHash, node, quad.subjectBlank, quad, issuer, 's');
            addRelated(relatedByHash, node, quad.objectBlank, quad, issuer, 'o');
            addRelated(relatedByHash, node, quad.graphBlank, quad, issuer, 'g');
        }

        StringBuilder dataToHash = new StringBuilder();
        for (Map.Entry<String, List<Integer>> entry : relatedByHash.entrySet()) {
            dataToHash.append(entry.getKey());
            String chosenPath = null;
            Issuer chosenIssuer = null;
            int[] permutation = entry.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
            Permutations permutations = new Permutations(permutation);
            do {
                budget.spend(1 + permutation.length / COPY_STEP + issuer.count / COPY_STEP);
                Issuer issuerCopy = issuer.copy();
                StringBuilder path = new StringBuilder();
                List<Integer> recursion = new ArrayList<>();
                boolean skip = false;
                for (int related : permutation) {
                    if (canonical.has(related)) {
                        path.append("_:").append(CANONICAL_PREFIX).append(canonical.id(related));
                    } else {
                        if (!issuerCopy.has(related)) {
                            recursion.add(related);
                        }
                        path.append("_:").append(TEMPORARY_PREFIX).append(issuerCopy.issue(related));
                    }
                    if (worse(path, chosenPath)) {
                        skip = true;
                        break;
                    }
                }
                if (!skip) {
                    for (int related : recursion) {
                        NDegreeResult result = hashNDegreeQuads(related, issuerCopy, depth + 1);
                        path.append("_:").append(TEMPORARY_PREFIX).append(issuerCopy.issue(related))
                                .append('<').append(result.hash).append('>');
                        issuerCopy = result.issuer;
                        if (worse(path, chosenPath)) {
                            skip = true;
                            break;
                        }
                    }
                }
                if (!skip && (chosenPath == null || path.toString().compareTo(chosenPath) < 0)) {
                    chosenPath = path.toString();
                    chosenIssuer = issuerCopy;
                }
            } while (permutations.next());
            dataToHash.append(chosenPath);
            issuer = chosenIssuer;
        }
        budget.spend(1 + dataToHash.length() / 1024);
        return new NDegreeResult(hash(dataToHash), issuer);
    }

    private void addRelated(TreeMap<String, List<Integer>> relatedByHash, int node, int related, Quad quad, Issuer issuer, char position) {
        if (related < 0 || related == node) {
            return;
        }
        budget.spend(1);
        String hash = hashRelated(related, quad, issuer, position);
        List<Integer> nodes = relatedByHash.computeIfAbsent(hash, h -> new ArrayList<>(2));
        if (!nodes.contains(related)) {
            nodes.add(related);
        }
    }

    /** 4.8.3 step 5.4.4.3: a path already greater than the chosen one cannot become the least. */
    private static boolean worse(StringBuilder path, String chosenPath) {
        if (chosenPath == null || path.length() < chosenPath.length()) {
            return false;
        }
        // paths are ASCII, so UTF-16 order is code point order
        for (int i = 0; i < chosenPath.length(); i++) {
            char a = path.charAt(i);
            char b = chosenPath.charAt(i);
            if (a != b) {
                return a > b;
            }
        }
        return path.length() > chosenPath.length();
    }

    private String hash(CharSequence input) {
        byte[] bytes = input.toString().getBytes(StandardCharsets.UTF_8);
        byte[] d = digest.digest(bytes);
        char[] hex = new char[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            hex[2 * i] = HEX[(d[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[d[i] & 0xf];
        }
        return new String(hex);
    }

    /** Orders strings by Unicode code point (String.compareTo orders UTF-16 code units). */
    static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointOrderKey(x) - codePointOrderKey(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates (code points above U+FFFF) after U+E000..U+FFFF. */
    private static int codePointOrderKey(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        if (c >= 0xD800) {
            return c + 0x2000;
        }
        return c;
    }

    /**
     * An identifier issuer: node to sequence number, and the nodes in order of issue. Sized by
     * what it has issued, not by the number of blank nodes, so that copies stay small.
     */
    private static final class Issuer {
        final String prefix;
        final Map<Integer, Integer> idOf;
        int[] order;
        int count;

        Issuer(String prefix, int expected) {
            this.prefix = prefix;
            this.idOf = new HashMap<>(Math.max(4, Math.min(expected, 1024) * 2));
            this.order = new int[Math.max(4, Math.min(expected, 1024))];
        }

        private Issuer(Issuer other) {
            this.prefix = other.prefix;
            this.idOf = new HashMap<>(other.idOf);
            this.order = Arrays.copyOf(other.order, other.count + 4);
            this.count = other.count;
        }

        boolean has(int node) {
            return idOf.containsKey(node);
        }

        int id(int node) {
            return idOf.get(node);
        }

        /** The node's number, issuing the next one if it has none yet. */
        int issue(int node) {
            Integer id = idOf.get(node);
            if (id != null) {
                return id;
            }
            if (count == order.length) {
                order = Arrays.copyOf(order, count * 2);
            }
            order[count] = node;
            idOf.put(node, count);
            return count++;
        }

        Issuer copy() {
            return new Issuer(this);
        }
    }

    /** Steps an array through all its permutations in place (Heap's algorithm, iterative). */
    private static final class Permutations {
        private final int[] array;
        private final int[] counters;
        private int i;

        Permutations(int[] array) {
            this.array = array;
            this.counters = new int[array.length];
        }

        /** Moves to the next permutation; false when all have been visited. */
        boolean next() {
            while (i < array.length) {
                if (counters[i] < i) {
                    int j = (i & 1) == 0 ? 0 : counters[i];
                    int t = array[j];
                    array[j] = array[i];
                    array[i] = t;
                    counters[i]++;
                    i = 0;
                    return true;
                }
                counters[i] = 0;
                i++;
            }
            return false;
        }
    }
}
