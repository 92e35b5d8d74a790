package dev.credkit.benchmarks;

import dev.credkit.core.CredentialException;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.signing.SignedDocument;
import dev.credkit.verify.VerificationResult;
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

        Signed signed;

        @Setup
        public void setUp() throws CredentialException {
            signed = Signed.prepare(BenchData.courseRecord(results), Cryptosuite.EDDSA_RDFC_2022,
                    "the course record with " + results + " results");
        }
    }

    @Benchmark
    public SignedDocument scalingSign(Record r) throws CredentialException {
        return r.signed.issuer.issue(r.signed.unsigned, r.signed.options);
    }

    @Benchmark
    public VerificationResult scalingVerify(Record r) {
        return r.signed.verifier.verify(r.signed.bytes);
    }
}
