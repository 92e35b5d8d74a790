package dev.credkit.verify;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.JwtIssuer;
import dev.credkit.signing.Signers;
import dev.credkit.testing.FuzzChecks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs documents with the public issuing API, then lets the fuzzer change exactly one byte
 * inside any JSON token of one of them (a value, a member name, a number, a literal; the proof
 * included) or anywhere in a {@code vc+jwt}. The original and its parse/serialize round trips
 * verify; no changed document does, unless the byte change left the parsed document equal to
 * the original (an escape written another way).
 */
class IssuedCredentialMutationFuzzTest {
    private static final Duration TIME = Duration.ofSeconds(10);
    private static final long MEMORY = 512L << 20;
    private static final Verifier VERIFIER = Verifier.builder().policy(IssuedDocuments.POLICY).build();
    /** Signed JSON documents, compact; the last entry of TEXTS is a vc+jwt. */
    private static final List<String> TEXTS = new ArrayList<>();
    private static final List<JsonObject> DOCUMENTS = new ArrayList<>();
    private static final List<int[]> TOKENS = new ArrayList<>();

    static {
        try {
            Ed25519KeyPair issuerKey = IssuedDocuments.key(21);
            Ed25519KeyPair holderKey = IssuedDocuments.key(22);
            CredentialIssuer issuer = IssuedDocuments.issuer(issuerKey);
            JsonObject badge = IssuedDocuments.openBadge(IssuedDocuments.did(issuerKey));
            for (Cryptosuite suite : Cryptosuite.values()) {
                add(issuer.issue(badge, IssuedDocuments.suite(suite)).json());
            }
            JsonObject signed = issuer.issue(badge).json();
            CredentialIssuer holder = IssuedDocuments.issuer(holderKey);
            add(holder.present(IssuedDocuments.presentation(IssuedDocuments.did(holderKey), signed), ProofOptions.defaults()).json());
            TEXTS.add(JwtIssuer.builder().signer(Signers.didKey(issuerKey)).clock(IssuedDocuments.CLOCK).build().issue(badge).compact());
            for (int i = 0; i < DOCUMENTS.size(); i++) {
                assertVerified(VERIFIER.verify(TEXTS.get(i).getBytes(StandardCharsets.UTF_8)), "issued document " + i);
                // parse/serialize round trips keep it verifying
                JsonObject parsed = JsonReader.defaults().readObject(TEXTS.get(i));
                assertVerified(VERIFIER.verify(JsonWriter.compact(parsed).getBytes(StandardCharsets.UTF_8)), "compact " + i);
                assertVerified(VERIFIER.verify(JsonWriter.pretty(parsed).getBytes(StandardCharsets.UTF_8)), "pretty " + i);
            }
            assertVerified(VERIFIER.verifyJwt(TEXTS.get(TEXTS.size() - 1)), "vc+jwt");
        } catch (CredentialException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void add(JsonObject document) {
        String text = JsonWriter.compact(document);
        DOCUMENTS.add(document);
        TEXTS.add(text);
        TOKENS.add(tokenBytes(text));
    }

    private static void assertVerified(VerificationResult result, String what) {
        assertThat(result.outcome()).as(what + ": " + result).isEqualTo(Outcome.VERIFIED);
    }

    /**
     * Input: byte 0 picks the document, bytes 1-3 the position among its token bytes (or in the
     * JWT), byte 4 the change (added to the byte, never 0).
     */
    @FuzzTest(maxDuration = "60s")
    void oneChangedByteNeverVerifies(byte[] input) {
        if (input.length < 5) {
            return;
        }
        int which = (input[0] & 0xff) % TEXTS.size();
        int position = ((input[1] & 0xff) << 16) | ((input[2] & 0xff) << 8) | (input[3] & 0xff);
        int delta = 1 + (input[4] & 0xff) % 255;
        byte[] bytes = TEXTS.get(which).getBytes(StandardCharsets.UTF_8);
        boolean jwt = which == TEXTS.size() - 1;
        int at = jwt ? position % bytes.length : TOKENS.get(which)[position % TOKENS.get(which).length];
        bytes[at] = (byte) (bytes[at] + delta);

        if (!jwt) {
            FuzzChecks.Outcome<JsonObject> parsed = FuzzChecks.bounded(TIME, MEMORY, () -> JsonReader.defaults().readObject(bytes));
            if (!parsed.ok() || parsed.value().equals(DOCUMENTS.get(which))) {
                return; // not a document, or the same document written differently
            }
        }
        VerificationResult result = FuzzChecks.bounded(TIME, MEMORY, () -> VERIFIER.verify(bytes)).value();
        assertThat(result.outcome()).as("changed byte " + at + " of document " + which + " still verifies: "
                + new String(bytes, StandardCharsets.UTF_8)).isNotEqualTo(Outcome.VERIFIED);
        if (jwt) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(FuzzChecks.bounded(TIME, MEMORY, () -> VERIFIER.verifyJwt(text)).value().outcome())
                    .isNotEqualTo(Outcome.VERIFIED);
        }
    }

    /** Offsets of the bytes inside JSON tokens (strings with their quotes' content, numbers, literals). */
    private static int[] tokenBytes(String compact) {
        byte[] b = compact.getBytes(StandardCharsets.UTF_8);
        List<Integer> offsets = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                int j = i + 1;
                while (b[j] != '"') {
                    j += b[j] == '\\' ? 2 : 1;
                }
                for (int k = i + 1; k < j; k++) {
                    offsets.add(k);
                }
                i = j + 1;
            } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',') {
                i++;
            } else {
                offsets.add(i++);
            }
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }
}
