package dev.credkit.benchmarks;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.SignedDocument;
import dev.credkit.signing.Signers;
import dev.credkit.verify.VerificationResult;
import dev.credkit.verify.Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * eddsa-rdfc-2022 sign and verify of course records with 5, 20 and 80 results: the cost should
 * grow at most linearly with the number of results ({@code report.py} prints µs per result).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class CourseRecordScaling {

    @State(Scope.Benchmark)
    public static class Record {
        @Param({"5", "20", "80"})
        public int results;

        CredentialIssuer issuer;
        ProofOptions options;
        JsonObject unsigned;
        Verifier verifier;
        byte[] signed;

        @Setup
        public void setUp() throws CredentialException {
            Ed25519KeyPair key = Ed25519KeyPair.fromSecretMultibase(BenchData.secretKeyMultibase());
            issuer = CredentialIssuer.builder()
                    .signer(Signers.didKey(key))
                    .clock(Clock.fixed(BenchData.proofCreated(), ZoneOffset.UTC))
                    .build();
            options = ProofOptions.builder().cryptosuite(Cryptosuite.EDDSA_RDFC_2022).created(BenchData.proofCreated()).build();
            unsigned = BenchData.courseRecord(results);
            Sanity.warmUp(RdfCanonicalizer.defaults(), unsigned);
            verifier = Verifier.builder().build();
            SignedDocument signedDocument = issuer.issue(unsigned, options);
            signed = JsonWriter.compact(signedDocument.json()).getBytes(StandardCharsets.UTF_8);
            Sanity.requireVerifies(verifier, signed, "the course record with " + results + " results");
        }
    }

    @Benchmark
    public SignedDocument scalingSign(Record r) throws CredentialException {
        return r.issuer.issue(r.unsigned, r.options);
    }

    @Benchmark
    public VerificationResult scalingVerify(Record r) {
        return r.verifier.verify(r.signed);
    }
}
