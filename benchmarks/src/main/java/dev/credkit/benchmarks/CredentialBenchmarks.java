package dev.credkit.benchmarks;

import dev.credkit.core.CredentialException;
import dev.credkit.internal.benchmarks.IronBaseline;
import dev.credkit.json.JsonObject;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.keys.Ed25519PublicKey;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.signing.JwtIssuer;
import dev.credkit.signing.JwtOptions;
import dev.credkit.signing.SignedDocument;
import dev.credkit.signing.SignedJwt;
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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Every benchmark, once; {@link OneThread} and {@link TwoThreads} run them with 1 and 2 threads
 * sharing one issuer / verifier (as a server would). Throughput in operations per second; with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per operation.
 *
 * <p>Each state checks at setup that what it signs verifies and that a tampered copy does not,
 * so no benchmark can measure a fast failure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
// The JSON-P provider named up front spares iron's per-call Json.createX() a ServiceLoader scan
// (credkit holds its provider); it can only make the baseline faster.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl"})
public abstract class CredentialBenchmarks {

    // ------------------------------------------------------------------ credkit Data Integrity

    /** credkit: one document, one cryptosuite; the signed copy for the verify benchmark. */
    @State(Scope.Benchmark)
    public static class Credkit {
        @Param({BenchData.COURSE_COMPLETION, BenchData.COURSE_RECORD})
        public String document;

        @Param({"eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020"})
        public String suite;

        Signed signed;

        @Setup
        public void setUp() throws CredentialException {
            signed = Signed.prepare(BenchData.document(document), Cryptosuite.fromName(suite), "credkit's " + suite + " " + document);
        }
    }

    @Benchmark
    public SignedDocument credkitSign(Credkit s) throws CredentialException {
        return s.signed.issuer.issue(s.signed.unsigned, s.signed.options);
    }

    /** From bytes: JSON parse, data model, contexts, JSON-LD, proof, validity period. */
    @Benchmark
    public VerificationResult credkitVerify(Credkit s) {
        return s.signed.verifier.verify(s.signed.bytes);
    }

    // ------------------------------------------------------------------ credkit vc+jwt

    /** credkit: one document secured as a {@code vc+jwt} (EdDSA), and its compact form for verify. */
    @State(Scope.Benchmark)
    public static class Jwt {
        @Param({BenchData.COURSE_COMPLETION, BenchData.COURSE_RECORD})
        public String document;

        JwtIssuer issuer;
        JwtOptions options;
        JsonObject unsigned;
        Verifier verifier;
        String compact;

        @Setup
        public void setUp() throws CredentialException {
            Ed25519KeyPair key = Ed25519KeyPair.fromSecretMultibase(BenchData.secretKeyMultibase());
            issuer = JwtIssuer.builder()
                    .signer(Signers.didKey(key))
                    .clock(Clock.fixed(BenchData.proofCreated(), ZoneOffset.UTC))
                    .build();
            options = JwtOptions.builder().issuedAt(BenchData.proofCreated()).build();
            unsigned = BenchData.document(document);
            Sanity.warmUp(RdfCanonicalizer.defaults(), unsigned);
            verifier = Verifier.builder().build();
            compact = issuer.issue(unsigned, options).compact();

            VerificationResult result = verifier.verifyJwt(compact);
            if (!result.isVerified()) {
                throw new IllegalStateException("credkit vc+jwt does not verify its own signature: " + result.summary());
            }
            if (verifier.verifyJwt(Sanity.tamperJwt(compact)).isVerified()) {
                throw new IllegalStateException("credkit verified a tampered vc+jwt");
            }
        }
    }

    /** Data model, context and lossless JSON-LD checks, claims, JWS with Ed25519. */
    @Benchmark
    public SignedJwt jwtSign(Jwt s) throws CredentialException {
        return s.issuer.issue(s.unsigned, s.options);
    }

    /** From the compact JWS: header and payload decoding, checks, did:key, Ed25519 verify. */
    @Benchmark
    public VerificationResult jwtVerify(Jwt s) {
        return s.verifier.verifyJwt(s.compact);
    }

    // ------------------------------------------------------------------ baseline: iron

    /** iron-verifiable-credentials 0.14.0 + iron-eddsa-rdfc-2022 0.14.0, offline. */
    @State(Scope.Benchmark)
    public static class Iron {
        @Param({BenchData.COURSE_COMPLETION, BenchData.COURSE_RECORD})
        public String document;

        IronBaseline iron;
        jakarta.json.JsonObject unsigned;
        byte[] signed;

        @Setup
        public void setUp() throws Throwable {
            iron = new IronBaseline(BenchData.publicKey(), BenchData.seed(), BenchData.verificationMethod(),
                    BenchData.proofCreated());
            unsigned = IronBaseline.parse(BenchData.documentBytes(document));
            signed = IronBaseline.serialize(iron.sign(unsigned));
            iron.verify(signed); // iron throws when it does not verify what it signed
            boolean tamperedVerified;
            try {
                iron.verify(Sanity.tamper(signed));
                tamperedVerified = true;
            } catch (com.apicatalog.ld.signature.VerificationError | com.apicatalog.ld.DocumentError expected) {
                tamperedVerified = false;
            }
            if (tamperedVerified) {
                throw new IllegalStateException("iron verified a tampered credential");
            }
        }
    }

    /**
     * Sign, returning iron's expanded form: the least work iron does to sign, so the ratio of
     * credkit's sign to this one is conservative.
     */
    @Benchmark
    public jakarta.json.JsonObject ironSign(Iron s) throws Throwable {
        return s.iron.signExpanded(s.unsigned);
    }

    /** Sign and compact: what it takes iron to hand out a credential like credkit's issuer returns. */
    @Benchmark
    public jakarta.json.JsonObject ironSignCompacted(Iron s) throws Throwable {
        return s.iron.sign(s.unsigned);
    }

    /** From bytes: JSON parse and iron's verifier. */
    @Benchmark
    public Object ironVerify(Iron s) throws Throwable {
        return s.iron.verify(s.signed);
    }

    // ------------------------------------------------------------------ stages and the floor

    /** RDFC-1.0 of an unsigned document: JSON-LD expansion, toRdf, canonicalization. */
    @State(Scope.Benchmark)
    public static class Canonicalization {
        @Param({BenchData.COURSE_COMPLETION, BenchData.COURSE_RECORD})
        public String document;

        RdfCanonicalizer canonicalizer;
        JsonObject unsigned;

        @Setup
        public void setUp() throws CredentialException {
            canonicalizer = RdfCanonicalizer.defaults();
            unsigned = BenchData.document(document);
            Sanity.warmUp(canonicalizer, unsigned);
            if (canonicalizer.canonicalize(unsigned).isEmpty()) {
                throw new IllegalStateException("empty canonical form");
            }
        }
    }

    @Benchmark
    public String rdfcCanonicalize(Canonicalization s) throws CredentialException {
        return s.canonicalizer.canonicalize(s.unsigned);
    }

    /** Bare Ed25519 over 64 bytes (the size of eddsa-rdfc-2022's hash data): the floor. */
    @State(Scope.Benchmark)
    public static class Ed25519 {
        Ed25519KeyPair keyPair;
        Ed25519PublicKey publicKey;
        byte[] message;
        byte[] signature;

        @Setup
        public void setUp() throws CredentialException {
            keyPair = Ed25519KeyPair.fromSeed(BenchData.seed());
            publicKey = keyPair.publicKey();
            message = new byte[64];
            for (int i = 0; i < message.length; i++) {
                message[i] = (byte) (31 * i + 7);
            }
            signature = keyPair.sign(message);
            if (!publicKey.verify(message, signature)) {
                throw new IllegalStateException("Ed25519 does not verify its own signature");
            }
        }
    }

    @Benchmark
    public byte[] ed25519Sign(Ed25519 s) {
        return s.keyPair.sign(s.message);
    }

    @Benchmark
    public boolean ed25519Verify(Ed25519 s) {
        return s.publicKey.verify(s.message, s.signature);
    }
}
