package dev.credkit.verify;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.proof.Cryptosuite;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.credkit.verify.ProofMaker.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchVerifierTest {
    static final BatchVerifier BATCH = BatchVerifier.builder().verifier(VerifierTest.VERIFIER).parallelism(2).build();

    static byte[] signedCredential() throws Exception {
        JsonObject signed = sign(VerifierTest.credential(VerifierTest.ISSUER), Cryptosuite.EDDSA_RDFC_2022, VerifierTest.ISSUER_KEY);
        return signed.toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void countsOutcomesAndProblemsAndKeepsTheOrder() throws Exception {
        byte[] good = signedCredential();
        byte[] tampered = new String(good, StandardCharsets.UTF_8).replace("The School of Examples", "The School of Exampler")
                .getBytes(StandardCharsets.UTF_8);
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            inputs.add(i % 10 == 3 ? tampered : i % 10 == 7 ? garbage : good);
        }
        List<VerifiedItem<byte[]>> items = new ArrayList<>();

        BatchVerifier.Summary summary = BATCH.verify(inputs.stream(), items::add);

        assertThat(summary.items()).isEqualTo(30);
        assertThat(summary.verified()).isEqualTo(24);
        assertThat(summary.rejected()).isEqualTo(6);
        assertThat(summary.indeterminate()).isZero();
        assertThat(summary.problems()).containsEntry(ProblemCode.INVALID_SIGNATURE, 3L).containsEntry(ProblemCode.MALFORMED, 3L);
        assertThat(items).extracting(VerifiedItem::index).containsExactlyElementsOf(IntStream.range(0, 30).mapToObj(i -> (long) i).toList());
        for (VerifiedItem<byte[]> item : items) {
            assertThat(item.input()).isSameAs(inputs.get((int) item.index()));
            Outcome expected = item.input() == good ? Outcome.VERIFIED : Outcome.REJECTED;
            assertThat(item.outcome()).as("item %d", item.index()).isEqualTo(expected);
        }
    }

    @Test
    void anInputTheLoaderCannotReadIsRejectedWithAReadCheck() throws Exception {
        byte[] good = signedCredential();
        List<VerifiedItem<String>> items = new ArrayList<>();
        BatchVerifier.Summary summary = BATCH.verify(Stream.of("ok", "missing", "huge", "ok"), (String name) -> {
            if (name.equals("missing")) {
                throw new IOException("no such file");
            }
            if (name.equals("huge")) {
                throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "larger than 16 MiB");
            }
            return good;
        }, items::add);

        assertThat(summary.verified()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.problems()).containsEntry(ProblemCode.INTERNAL_ERROR, 1L).containsEntry(ProblemCode.LIMIT_EXCEEDED, 1L);
        VerificationResult missing = items.get(1).result();
        assertThat(missing.check(BatchVerifier.READ_CHECK)).hasValueSatisfying(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(c.message()).contains("no such file");
        });
        assertThat(items.get(2).result().firstProblem()).contains(ProblemCode.LIMIT_EXCEEDED);
    }

    @Test
    void anUnknownKeyIsCountedIndeterminate() throws Exception {
        // a did:web issuer key that nobody resolves offline: nothing failed, but the proof cannot be checked
        JsonObject signed = sign(VerifierTest.credential("did:web:unknown.example"), Cryptosuite.EDDSA_RDFC_2022,
                VerifierTest.ISSUER_KEY, ProofMaker.options(Cryptosuite.EDDSA_RDFC_2022, VerifierTest.ISSUER_KEY, "assertionMethod")
                        .put("verificationMethod", "did:web:unknown.example#key-1").build());
        BatchVerifier.Summary summary = BATCH.verify(Stream.of(signed.toJson().getBytes(StandardCharsets.UTF_8)), item -> { });
        assertThat(summary.indeterminate()).isEqualTo(1);
        assertThat(summary.problems()).containsEntry(ProblemCode.UNKNOWN_KEY, 1L);
    }

    @Test
    void aSlowConsumerDoesNotLetTheReaderRunAhead() throws Exception {
        byte[] good = signedCredential();
        BatchVerifier batch = BatchVerifier.builder().verifier(VerifierTest.VERIFIER).parallelism(2).maxInFlight(3).build();
        AtomicInteger loaded = new AtomicInteger();
        AtomicLong worstAhead = new AtomicLong();
        BatchVerifier.Summary summary = batch.verify(IntStream.range(0, 25).boxed(), (Integer i) -> {
            loaded.incrementAndGet();
            return good;
        }, item -> {
            worstAhead.accumulateAndGet(loaded.get() - item.index(), Math::max);
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(summary.verified()).isEqualTo(25);
        assertThat(worstAhead.get()).isBetween(1L, 3L);
    }

    @Test
    void theBuilderRefusesWhatCannotRun() {
        assertThatThrownBy(() -> BatchVerifier.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BatchVerifier.builder().verifier(VerifierTest.VERIFIER).parallelism(0).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
