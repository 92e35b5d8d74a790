package dev.credkit.jsonld;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The W3C vc-di-eddsa and 1EdTech Open Badges vectors: canonical N-Quads byte for byte. */
class RdfCanonicalizerVectorsTest {
    private static final String VC = "vectors/vc-di-eddsa/";
    private static final String OB = "vectors/ob3-eddsa-rdfc-2022/";

    private final RdfCanonicalizer canonicalizer = RdfCanonicalizer.defaults();

    static Stream<Arguments> documentsAndCanonicalForms() {
        return Stream.of(
                Arguments.of(VC + "unsigned.json", VC + "eddsa-rdfc-2022/canonDocDataInt.txt"),
                Arguments.of(VC + "eddsa-rdfc-2022/proofConfigDataInt.json", VC + "eddsa-rdfc-2022/proofCanonDataInt.txt"),
                Arguments.of(VC + "unsigned.json", VC + "Ed25519Signature2020/canonDocEdSig.txt"),
                Arguments.of(VC + "Ed25519Signature2020/proofConfigEdSig.json", VC + "Ed25519Signature2020/proofCanonEdSig.txt"),
                Arguments.of(OB + "unsigned.json", OB + "document-canon.txt"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("documentsAndCanonicalForms")
    void canonicalFormMatchesVector(String document, String canonical) throws CredentialException {
        assertThat(canonicalizer.canonicalize(TestResources.json(document))).isEqualTo(TestResources.text(canonical));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eddsa-rdfc-2022/docHashDataInt.txt", "Ed25519Signature2020/docHashEdSig.txt"})
    void documentHashMatchesVector(String hashFile) throws Exception {
        String canonical = canonicalizer.canonicalize(TestResources.json(VC + "unsigned.json"));
        assertThat(sha256Hex(canonical)).isEqualTo(TestResources.text(VC + hashFile).strip());
    }

    @Test
    void proofHashMatchesVector() throws Exception {
        String canonical = canonicalizer.canonicalize(TestResources.json(VC + "eddsa-rdfc-2022/proofConfigDataInt.json"));
        assertThat(sha256Hex(canonical)).isEqualTo(TestResources.text(VC + "eddsa-rdfc-2022/proofHashDataInt.txt").strip());
    }

    @Test
    void openBadgesProofConfigTakesTheDocumentContext() throws Exception {
        // INDEX.md: the proof options carry no @context; eddsa-rdfc-2022 gives them the document's.
        JsonObject unsigned = TestResources.json(OB + "unsigned.json");
        JsonObject proofConfig = TestResources.json(OB + "proof-config.json")
                .with("@context", unsigned.get("@context").orElseThrow());
        String canonical = canonicalizer.canonicalize(proofConfig);
        assertThat(canonical).isEqualTo(TestResources.text(OB + "proof-canon.txt"));
        assertThat(TestResources.text(OB + "hashes.txt")).contains("proofHash " + sha256Hex(canonical));
    }

    @Test
    void openBadgesDocumentHashMatchesVector() throws Exception {
        String canonical = canonicalizer.canonicalize(TestResources.json(OB + "unsigned.json"));
        assertThat(TestResources.text(OB + "hashes.txt")).contains("documentHash " + sha256Hex(canonical));
    }

    /** No canonical files ship for these: they must still canonicalize (safe mode), and deterministically. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unsigned.json", "proofSetConfig1.json", "proofSetConfig2.json",
            "proofChainConfig1.json", "proofChainConfig2.json", "proofChainTempDoc1.json", "proofChainTempDoc2.json"})
    void proofSetAndChainDocumentsCanonicalize(String file) throws CredentialException {
        JsonObject document = TestResources.json(VC + "proof-set-chain/" + file);
        if (!document.has("@context")) { // proof options: the document's context applies
            document = document.with("@context",
                    TestResources.json(VC + "proof-set-chain/unsigned.json").get("@context").orElseThrow());
        }
        String canonical = canonicalizer.canonicalize(document);
        assertThat(canonical).isNotEmpty().endsWith(" .\n");
        assertThat(canonicalizer.canonicalize(document)).isEqualTo(canonical);
    }

    @Test
    @Disabled("needs the https://w3id.org/citizenship/v4rc1 context, which credkit does not bundle")
    void employmentAuthorizationVector() throws CredentialException {
        assertThat(canonicalizer.canonicalize(TestResources.json(VC + "employmentAuth.json")))
                .isEqualTo(TestResources.text(VC + "eddsa-rdfc-2022/employ/canonDocDataInt.txt"));
    }

    @Test
    void employmentAuthorizationContextIsRefusedNotFetched() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> canonicalizer.canonicalize(TestResources.json(VC + "employmentAuth.json")))
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.code()).isEqualTo(dev.credkit.core.ProblemCode.CONTEXT_NOT_ALLOWED));
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
