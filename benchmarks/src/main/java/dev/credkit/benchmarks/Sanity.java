package dev.credkit.benchmarks;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.jsonld.RdfCanonicalizer;

import java.nio.charset.StandardCharsets;

/** Setup checks shared by the benchmark states. */
final class Sanity {
    private Sanity() {
    }

    /** A copy of a signed credential with one signed value changed (the achievement's name). */
    /** Fails the run unless {@code signed} verifies and a tampered copy does not (no benchmark may measure a fast failure). */
    static void requireVerifies(dev.credkit.verify.Verifier verifier, byte[] signed, String what) {
        dev.credkit.verify.VerificationResult result = verifier.verify(signed);
        if (!result.isVerified()) {
            throw new IllegalStateException(what + " does not verify: " + result.summary());
        }
        if (verifier.verify(tamper(signed)).isVerified()) {
            throw new IllegalStateException("a tampered copy of " + what + " verified");
        }
    }

    static byte[] tamper(byte[] signed) {
        String json = new String(signed, StandardCharsets.UTF_8);
        String marker = "\"CS 201:";
        int at = json.indexOf(marker);
        if (at < 0) {
            marker = "\"B.Sc.";
            at = json.indexOf(marker);
        }
        if (at < 0) {
            throw new IllegalStateException("cannot find a value to tamper with");
        }
        return (json.substring(0, at) + "\"XX" + json.substring(at + 3)).getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of a compact JWS with one payload character changed. */
    static String tamperJwt(String compact) {
        int first = compact.indexOf('.');
        int second = compact.indexOf('.', first + 1);
        int at = (first + second) / 2;
        char changed = compact.charAt(at) == 'A' ? 'B' : 'A';
        return compact.substring(0, at) + changed + compact.substring(at + 1);
    }

    /**
     * Canonicalizes once before anything is measured or checked. The first canonicalization in
     * a JVM processes the contexts and loads classes inside the canonicalizer's wall-time budget,
     * which a cold JVM on a loaded 2-core machine exceeded when that budget was 1 s
     * (LIMIT_EXCEEDED): retried a few times and reported on stderr (it shows in JMH's output), so
     * that setup never depends on luck.
     */
    static void warmUp(RdfCanonicalizer canonicalizer, JsonObject document) throws CredentialException {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                canonicalizer.canonicalize(document);
                if (attempt > 1) {
                    System.err.printf("note: the first %d canonicalization(s) in this JVM exceeded the time budget%n", attempt - 1);
                }
                return;
            } catch (CredentialException e) {
                if (e.code() != ProblemCode.LIMIT_EXCEEDED || attempt >= 5) {
                    throw e;
                }
                System.err.printf("note: cold canonicalization attempt %d took %d ms: %s%n",
                        attempt, (System.nanoTime() - start) / 1_000_000, e.getMessage());
            }
        }
    }
}
