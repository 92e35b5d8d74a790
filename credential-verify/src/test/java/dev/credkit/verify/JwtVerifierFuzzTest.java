package dev.credkit.verify;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.testing.FuzzChecks;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * Fuzzes {@link Verifier#verifyJwt(String)} with JWT seeds ({@code vc+jwt}, a {@code vp+jwt}
 * enveloping one): nothing is thrown, the report is well-formed, time and allocation stay
 * bounded, and nothing verifies without a signature the fixtures made.
 */
class JwtVerifierFuzzTest {
    static Stream<Arguments> seeds() {
        return FuzzFixtures.SEEDS.entrySet().stream().filter(e -> e.getKey().endsWith("-jwt"))
                .map(e -> Arguments.of(Named.of(e.getKey(), e.getValue())));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "60s")
    void verifyCompactJws(byte[] input) {
        // ISO-8859-1 keeps one char per byte: the fuzzer reaches every char below U+0100
        String compact = new String(input, StandardCharsets.ISO_8859_1);
        VerificationResult result = FuzzChecks.bounded(VerifierFuzzTest.TIME, (512L << 20) + 256L * input.length,
                () -> FuzzFixtures.VERIFIER.verifyJwt(compact)).value();
        VerifierFuzzTest.checkReport(result);
        FuzzFixtures.assertNoForgery(result, null, compact);
    }
}
