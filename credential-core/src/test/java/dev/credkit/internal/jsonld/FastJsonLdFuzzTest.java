package dev.credkit.internal.jsonld;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.jsonld.ContextRegistry;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the plain-subset JSON-LD path against the complete one: whenever the subset takes a
 * document, the complete path (Titanium with every safe-mode check) must accept it too and give
 * the same canonical dataset. Seeds are credentials; the fuzzer mutates them.
 */
class FastJsonLdFuzzTest {
    private static final LosslessJsonLd JSON_LD = new LosslessJsonLd(ContextRegistry.bundled());
    private static final BudgetedRdfc RDFC = new BudgetedRdfc(BudgetedRdfc.DEFAULT_MAX_WORK_STEPS, Duration.ofSeconds(5), "SHA-256");

    @FuzzTest(maxDuration = "30s")
    void subsetAgreesWithTheCompletePath(byte[] input) {
        JsonObject document;
        try {
            document = JsonReader.defaults().readObject(input);
            JSON_LD.registry().checkAllowed(document);
            InputSafetyCheck.check(document);
        } catch (CredentialException e) {
            return;
        }
        boolean[] handled = {false};
        String fast;
        try {
            fast = RDFC.canonicalize(c -> handled[0] = JSON_LD.toRdfFast(document, c), System.nanoTime()).nquads();
        } catch (CredentialException e) {
            return; // e.g. the work budget: the same for both paths
        }
        if (!handled[0]) {
            return;
        }
        String complete;
        try {
            complete = RDFC.canonicalize(c -> JSON_LD.toRdfComplete(document, c), System.nanoTime()).nquads();
        } catch (CredentialException e) {
            throw new AssertionError("the subset accepted a document the complete path refuses (" + e.code() + ": "
                    + e.getMessage() + ")");
        }
        assertThat(fast).isEqualTo(complete);
    }
}
