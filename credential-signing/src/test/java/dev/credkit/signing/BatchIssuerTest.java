package dev.credkit.signing;

import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchIssuerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZoneOffset.UTC);
    static final Ed25519KeyPair KEY = key();
    static final String ISSUER = DidKey.did(KEY.publicKey());
    static final CredentialIssuer SIGNER = CredentialIssuer.builder().signer(Signers.didKey(KEY)).clock(CLOCK).build();

    static Ed25519KeyPair key() {
        try {
            byte[] seed = new byte[32];
            Arrays.fill(seed, (byte) 7);
            return Ed25519KeyPair.fromSeed(seed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject credential(int n) {
        return JsonObject.builder()
                .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2",
                        "https://www.w3.org/ns/credentials/examples/v2")))
                .put("id", "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", n))
                .put("type", JsonArray.ofStrings(List.of("VerifiableCredential", "AlumniCredential")))
                .put("issuer", ISSUER)
                .put("validFrom", "2023-01-01T00:00:00Z")
                .put("credentialSubject", JsonObject.builder().put("id", "did:example:learner" + n)
                        .put("alumniOf", "The School of Examples").build())
                .build();
    }

    @Test
    void signsEveryCredentialAndDeliversThemInInputOrder() throws Exception {
        BatchIssuer batch = BatchIssuer.builder().issuer(SIGNER).parallelism(2)
                .proofOptions(ProofOptions.builder().cryptosuite(Cryptosuite.EDDSA_JCS_2022).build()).build();
        List<JsonObject> inputs = IntStream.range(0, 40).mapToObj(BatchIssuerTest::credential).toList();
        List<IssuedItem<JsonObject, SignedDocument>> items = new ArrayList<>();

        BatchIssuer.Summary summary = batch.issue(inputs.stream(), items::add);

        assertThat(summary.items()).isEqualTo(40);
        assertThat(summary.succeeded()).isEqualTo(40);
        assertThat(summary.failed()).isZero();
        assertThat(items).hasSize(40);
        for (int i = 0; i < 40; i++) {
            IssuedItem<JsonObject, SignedDocument> item = items.get(i);
            assertThat(item.index()).isEqualTo(i);
            assertThat(item.input()).isSameAs(inputs.get(i));
            assertThat(item.succeeded()).isTrue();
            assertThat(item.value().json().without("proof")).isEqualTo(inputs.get(i));
            assertThat(item.value().proof().string("cryptosuite")).contains("eddsa-jcs-2022");
            // the same input signed alone gives the same proof (Ed25519 is deterministic, the clock is fixed)
            assertThat(item.value().proof()).isEqualTo(SIGNER.issue(inputs.get(i),
                    ProofOptions.builder().cryptosuite(Cryptosuite.EDDSA_JCS_2022).build()).proof());
        }
    }

    @Test
    void aCredentialTheIssuerRefusesFailsAloneWithItsProblemAndPosition() throws Exception {
        BatchIssuer batch = BatchIssuer.builder().issuer(SIGNER).parallelism(2).build();
        Stream<JsonObject> inputs = IntStream.range(0, 10)
                .mapToObj(i -> i == 4 ? credential(i).without("issuer") : credential(i));
        List<IssuedItem<JsonObject, SignedDocument>> items = new ArrayList<>();

        BatchIssuer.Summary summary = batch.issue(inputs, items::add);

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.succeeded()).isEqualTo(9);
        IssuedItem<JsonObject, SignedDocument> bad = items.get(4);
        assertThat(bad.index()).isEqualTo(4);
        assertThat(bad.succeeded()).isFalse();
        assertThat(bad.value()).isNull();
        assertThat(bad.problem()).contains(ProblemCode.INVALID_DATA_MODEL);
        assertThat(bad.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("issuer").doesNotContain("\n"));
        assertThat(items).filteredOn(i -> i.index() != 4).allSatisfy(i -> assertThat(i.succeeded()).isTrue());
    }

    @Test
    void aJobBuildsSignsAndPostProcessesOnTheWorkers() throws Exception {
        BatchIssuer batch = BatchIssuer.builder().issuer(SIGNER).parallelism(3).build();
        List<String> lines = new ArrayList<>();
        BatchIssuer.Summary summary = batch.issue(Stream.of("ada", "", "grace"),
                (String name, CredentialIssuer issuer) -> {
                    if (name.isEmpty()) {
                        throw new IOException("empty name");
                    }
                    JsonObject c = credential(name.length()).with("credentialSubject",
                            JsonObject.builder().put("id", "did:example:" + name).put("alumniOf", "Examples").build());
                    return name + " " + issuer.issue(c).proof().string("proofValue").orElseThrow().substring(0, 1);
                },
                item -> lines.add(item.index() + " " + (item.succeeded() ? item.value() : item.errorMessage().orElseThrow())));
        assertThat(summary.succeeded()).isEqualTo(2);
        assertThat(lines).containsExactly("0 ada z", "1 empty name", "2 grace z");
    }

    @Test
    void aSlowConsumerDoesNotLetSigningRunAhead() throws Exception {
        BatchIssuer batch = BatchIssuer.builder().issuer(SIGNER).parallelism(2).maxInFlight(4).build();
        AtomicInteger started = new AtomicInteger();
        AtomicLong worstAhead = new AtomicLong();
        BatchIssuer.Summary summary = batch.issue(IntStream.range(0, 30).boxed(),
                (Integer i, CredentialIssuer issuer) -> {
                    started.incrementAndGet();
                    return issuer.issue(credential(i));
                },
                item -> {
                    worstAhead.accumulateAndGet(started.get() - item.index(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        assertThat(summary.succeeded()).isEqualTo(30);
        assertThat(worstAhead.get()).isBetween(1L, 4L);
    }

    @Test
    void theBuilderRefusesWhatCannotRun() {
        assertThatThrownBy(() -> BatchIssuer.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BatchIssuer.builder().issuer(SIGNER).parallelism(0).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BatchIssuer.builder().issuer(SIGNER).parallelism(4).maxInFlight(2).build())
                .isInstanceOf(IllegalStateException.class);
        BatchIssuer defaults = BatchIssuer.builder().issuer(SIGNER).parallelism(2).build();
        assertThat(defaults.maxInFlight()).isEqualTo(16);
        assertThat(defaults.issuer()).isSameAs(SIGNER);
    }
}
