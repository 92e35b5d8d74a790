package dev.credkit.verify;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.JwtIssuer;
import dev.credkit.signing.Signers;
import dev.credkit.signing.status.ListCredentialOptions;
import dev.credkit.signing.status.StatusListConfig;
import dev.credkit.signing.status.StatusListManager;
import dev.credkit.signing.status.StatusListStore;
import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.StatusPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One shared {@link CredentialIssuer}, {@link JwtIssuer} and {@link Verifier}, used from 8
 * threads over thousands of documents (every suite and vc+jwt; valid, tampered, expired, not yet
 * valid, revoked and not revoked, two issuers with their own status lists), give exactly the
 * results of a single-threaded run: the same signed bytes (Ed25519 is deterministic and the
 * clock fixed) and the same report, check by check.
 */
class ConcurrentIssueVerifyTest {
    private static final int DOCUMENTS = 2_000;
    private static final int THREADS = 8;

    private final Ed25519KeyPair[] keys = {IssuedDocuments.key(31), IssuedDocuments.key(32)};
    private final CredentialIssuer[] issuers = {IssuedDocuments.issuer(keys[0]), IssuedDocuments.issuer(keys[1])};
    private final JwtIssuer jwtIssuer = JwtIssuer.builder().signer(Signers.didKey(keys[0])).clock(IssuedDocuments.CLOCK).build();
    private final List<BitstringStatusListEntry> entries = new ArrayList<>();
    private final List<JsonObject> statusLists = new ArrayList<>();

    @Test
    @Timeout(120)
    void sharedIssuerAndVerifierGiveTheSingleThreadedResults() throws Exception {
        prepareStatusLists();
        Verifier verifier = Verifier.builder().policy(IssuedDocuments.POLICY)
                .statusListSource(StatusListSource.of(statusLists)).build();

        List<String> issuedAlone = run(1, this::issue);
        List<String> issuedShared = run(THREADS, this::issue);
        assertThat(issuedShared).isEqualTo(issuedAlone);

        IntFunction<String> verify = i -> report(verifier.verify(issuedAlone.get(i).getBytes(StandardCharsets.UTF_8)));
        List<String> verifiedAlone = run(1, verify);
        List<String> verifiedShared = run(THREADS, verify);
        assertThat(verifiedShared).isEqualTo(verifiedAlone);

        // the mix is what it should be: every kind of result occurs, and each as expected
        Map<Kind, List<String>> outcomes = new EnumMap<>(Kind.class);
        for (int i = 0; i < DOCUMENTS; i++) {
            outcomes.computeIfAbsent(kind(i), k -> new ArrayList<>()).add(verifiedAlone.get(i).substring(0, verifiedAlone.get(i).indexOf('\n')));
        }
        assertThat(outcomes.keySet()).containsExactlyInAnyOrder(Kind.values());
        outcomes.forEach((kind, results) -> assertThat(results).as(kind.name()).containsOnly(kind.expected.name()));
    }

    private enum Kind {
        VALID(Outcome.VERIFIED), TAMPERED(Outcome.REJECTED), EXPIRED(Outcome.REJECTED), NOT_YET_VALID(Outcome.REJECTED),
        REVOKED(Outcome.REJECTED), NOT_REVOKED(Outcome.VERIFIED), JWT(Outcome.VERIFIED), TAMPERED_JWT(Outcome.REJECTED);

        final Outcome expected;

        Kind(Outcome expected) {
            this.expected = expected;
        }
    }

    private static Kind kind(int i) {
        return Kind.values()[i % Kind.values().length];
    }

    private void prepareStatusLists() throws Exception {
        entries.addAll(Collections.nCopies(DOCUMENTS, null));
        for (int issuer = 0; issuer < 2; issuer++) {
            String url = "https://status.example/issuer" + issuer + "/revocation";
            StatusListManager manager = StatusListManager.builder().store(StatusListStore.inMemory())
                    .random(new SecureRandom(new byte[] {(byte) issuer})).clock(IssuedDocuments.CLOCK).build();
            manager.create(StatusListConfig.builder(url, StatusPurpose.REVOCATION).build());
            List<BitstringStatusListEntry> allocated = manager.allocate(url, DOCUMENTS);
            for (int i = 0; i < DOCUMENTS; i++) {
                if (i % 2 == issuer) {
                    BitstringStatusListEntry entry = allocated.get(i);
                    entries.set(i, entry);
                    if (kind(i) == Kind.REVOKED) {
                        manager.revoke(url, entry.statusListIndex());
                    }
                }
            }
            statusLists.add(issuers[issuer].issue(manager.unsignedListCredential(url,
                    ListCredentialOptions.builder(IssuedDocuments.did(keys[issuer])).build())).json());
        }
    }

    /** Document i: its kind, issuer, suite and status entry all follow from i. */
    private String issue(int i) {
        try {
            int issuer = i % 2;
            Kind kind = kind(i);
            JsonObject credential = IssuedDocuments.openBadge(IssuedDocuments.did(keys[issuer]))
                    .with("id", "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i))
                    .with("name", "Badge " + i);
            switch (kind) {
                case EXPIRED -> credential = credential.with("validUntil", "2025-01-01T00:00:00Z");
                case NOT_YET_VALID -> credential = credential.with("validFrom", "2026-01-01T00:00:00Z");
                case REVOKED, NOT_REVOKED -> credential = credential.with("credentialStatus", entries.get(i).toJson());
                default -> {
                }
            }
            if (kind == Kind.JWT || kind == Kind.TAMPERED_JWT) {
                String jwt = jwtIssuer.issue(credential.with("issuer", IssuedDocuments.did(keys[0]))).compact();
                if (kind == Kind.TAMPERED_JWT) {
                    // another credential's payload under this signature
                    String other = jwtIssuer.issue(credential.with("issuer", IssuedDocuments.did(keys[0])).with("name", "Forged")).compact();
                    String[] a = jwt.split("\\.");
                    String[] b = other.split("\\.");
                    jwt = a[0] + "." + b[1] + "." + a[2];
                }
                return jwt;
            }
            Cryptosuite suite = Cryptosuite.values()[(i / Kind.values().length) % Cryptosuite.values().length];
            JsonObject signed = issuers[issuer].issue(credential, ProofOptions.builder().cryptosuite(suite).build()).json();
            if (kind == Kind.TAMPERED) {
                signed = signed.with("name", "Badge " + (i + 1));
            }
            return JsonWriter.compact(signed);
        } catch (Exception e) {
            throw new IllegalStateException("document " + i, e);
        }
    }

    private static String report(VerificationResult result) {
        return result.outcome() + "\n" + result.checks().stream()
                .map(c -> c.name() + " " + c.outcome() + " " + c.problem() + " " + c.message())
                .collect(Collectors.joining("\n"));
    }

    /** Runs task(0..DOCUMENTS-1) on {@code threads} threads, all started together; results by index. */
    private static List<String> run(int threads, IntFunction<String> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<String>> calls = new ArrayList<>(DOCUMENTS);
            for (int i = 0; i < DOCUMENTS; i++) {
                int index = i;
                calls.add(() -> task.apply(index));
            }
            List<String> results = new ArrayList<>(DOCUMENTS);
            for (Future<String> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
