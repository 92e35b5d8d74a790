package dev.credkit.signing;

import dev.credkit.core.CredentialException;
import dev.credkit.internal.proof.DataIntegrity;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.jsonld.RdfCanonicalizer;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static dev.credkit.testing.TestResources.hex;
import static dev.credkit.testing.TestResources.json;
import static dev.credkit.testing.TestResources.text;
import static dev.credkit.testing.TestResources.toHex;
import static org.assertj.core.api.Assertions.assertThat;

/** The W3C vc-di-eddsa vectors, reproduced byte for byte, every intermediate value included. */
class DataIntegrityVectorsTest {
    private static final String DIR = "vectors/vc-di-eddsa/";
    private static final Instant CREATED = Instant.parse("2023-02-24T23:36:38Z");

    static Stream<Arguments> suites() {
        return Stream.of(
                Arguments.of(Cryptosuite.EDDSA_RDFC_2022, "eddsa-rdfc-2022/", "DataInt"),
                Arguments.of(Cryptosuite.EDDSA_JCS_2022, "eddsa-jcs-2022/", "JCS"),
                Arguments.of(Cryptosuite.ED25519_SIGNATURE_2020, "Ed25519Signature2020/", "EdSig"));
    }

    private static Ed25519KeyPair vectorKey() throws CredentialException {
        return Ed25519KeyPair.fromSecretMultibase(json(DIR + "keyPair.json").string("privateKeyMultibase").orElseThrow());
    }

    private static CredentialIssuer issuer(Ed25519KeyPair key) {
        return CredentialIssuer.builder().signer(Signers.didKey(key)).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void signingReproducesTheSignedVector(Cryptosuite suite, String folder, String suffix) throws Exception {
        SignedDocument signed = issuer(vectorKey()).issue(json(DIR + "unsigned.json"),
                ProofOptions.builder().cryptosuite(suite).created(CREATED).build());

        JsonObject expected = json(DIR + folder + "signed" + suffix + ".json");
        assertThat(signed.proof()).isEqualTo(expected.object("proof").orElseThrow());
        assertThat(signed.json()).isEqualTo(expected);
        assertThat(signed.proof().string("proofValue")).contains(text(DIR + folder + "sigBTC58" + suffix + ".txt").trim());
        // The vector issuer (https://vc.example/issuers/5678) does not control the did:key: say so.
        assertThat(signed.warnings()).singleElement().asString().contains("not controlled by the issuer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyIntermediateValueMatches(Cryptosuite suite, String folder, String suffix) throws Exception {
        DataIntegrity di = new DataIntegrity(RdfCanonicalizer.defaults());
        JsonObject unsecured = DataIntegrity.prepareForSigning(suite, json(DIR + "unsigned.json"));
        JsonObject proofConfig = json(DIR + folder + "proofConfig" + suffix + ".json");

        byte[] transformed = di.transform(suite, unsecured);
        assertThat(new String(transformed, StandardCharsets.UTF_8)).isEqualTo(text(DIR + folder + "canonDoc" + suffix + ".txt"));
        byte[] docHash = di.documentHash(suite, unsecured);
        assertThat(toHex(docHash)).isEqualTo(text(DIR + folder + "docHash" + suffix + ".txt").trim());

        JsonObject config = DataIntegrity.proofConfig(proofConfig, unsecured);
        assertThat(toHex(di.proofConfigHash(suite, config))).isEqualTo(text(DIR + folder + "proofHash" + suffix + ".txt").trim());

        byte[] hashData = di.hashData(suite, unsecured, proofConfig);
        assertThat(toHex(hashData)).isEqualTo(text(DIR + folder + "combinedHash" + suffix + ".txt").trim());

        byte[] signature = vectorKey().sign(hashData);
        assertThat(toHex(signature)).isEqualTo(text(DIR + folder + "sigHex" + suffix + ".txt").trim());
        assertThat(vectorKey().publicKey().verify(hex(text(DIR + folder + "combinedHash" + suffix + ".txt")), signature)).isTrue();
    }

    @Test
    void proofSetAndChainReproduce() throws Exception {
        String dir = DIR + "proof-set-chain/";
        JsonObject document = json(dir + "unsigned.json");
        String[] steps = {"proofSetConfig1", "proofSetConfig2", "proofChainConfig1", "proofChainConfig2"};
        String[] expected = {"signedProofSet1", "signedProofSet2", "signedProofChain1", "signedProofChain2"};
        for (int i = 0; i < steps.length; i++) {
            JsonObject config = json(dir + steps[i] + ".json");
            Ed25519KeyPair key = keyFor(config.string("verificationMethod").orElseThrow());
            ProofOptions.Builder options = ProofOptions.builder()
                    .created(Instant.parse(config.string("created").orElseThrow()))
                    .verificationMethod(config.string("verificationMethod").orElseThrow());
            config.string("id").ifPresent(options::id);
            config.get("previousProof").ifPresent(p -> options.previousProof(
                    p instanceof JsonArray a ? a.strings().orElseThrow() : List.of(config.string("previousProof").orElseThrow())));
            document = CredentialIssuer.builder().signer(Signers.didKey(key)).build()
                    .issue(document, options.build()).json();
            assertThat(document).as(expected[i]).isEqualTo(json(dir + expected[i] + ".json"));
        }
    }

    private static Ed25519KeyPair keyFor(String verificationMethod) throws CredentialException {
        JsonObject pairs = json(DIR + "proof-set-chain/multiKeyPairs.json");
        for (String name : pairs.keys()) {
            JsonObject pair = pairs.object(name).orElseThrow();
            if (verificationMethod.endsWith("#" + pair.string("publicKeyMultibase").orElseThrow())) {
                return Ed25519KeyPair.fromSecretMultibase(pair.string("privateKeyMultibase").orElseThrow());
            }
        }
        throw new AssertionError("no key for " + verificationMethod);
    }
}
