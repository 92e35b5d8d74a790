package dev.credkit.verify;

import dev.credkit.internal.jose.CompactJws;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.status.EncodedListCodec;
import dev.credkit.status.StatusBitstring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed documents for the verifier's fuzz targets (seeds that reach every check) and the
 * oracle that no fuzzed input can forge: a VERIFIED result must rest on signatures made here.
 */
final class FuzzFixtures {
    static final String STATUS_URL = "https://status.example/list/1";
    static final int REVOKED_INDEX = 7;

    /** The verifier under fuzz: fixed clock, the fixture status list, no trust list. */
    static final Verifier VERIFIER;
    /** Named seeds: every suite, status set and unset, expired, presentations, JWTs. */
    static final Map<String, byte[]> SEEDS = new LinkedHashMap<>();
    /** Every signature the fixtures made (proofValue text, JWS signature part). */
    static final Set<String> SIGNATURES = new HashSet<>();

    private FuzzFixtures() {
    }

    static {
        try {
            Ed25519KeyPair issuer = VerifierTest.ISSUER_KEY;
            Ed25519KeyPair holder = PresentationVerificationTest.HOLDER_KEY;
            String issuerId = VerifierTest.ISSUER;
            StatusBitstring.Builder bits = StatusBitstring.builder(131_072, 1);
            bits.set(REVOKED_INDEX, 1);
            JsonObject list = JsonObject.builder()
                    .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")))
                    .put("id", STATUS_URL)
                    .put("type", JsonArray.ofStrings(List.of("VerifiableCredential", "BitstringStatusListCredential")))
                    .put("issuer", issuerId)
                    .put("validFrom", "2024-01-01T00:00:00Z")
                    .put("credentialSubject", JsonObject.builder().put("id", STATUS_URL + "#list")
                            .put("type", "BitstringStatusList").put("statusPurpose", "revocation")
                            .put("encodedList", EncodedListCodec.defaults().encode(bits.build())).build())
                    .build();
            JsonObject signedList = sign(list, Cryptosuite.EDDSA_RDFC_2022, issuer);
            VERIFIER = Verifier.builder().policy(VerifierTest.POLICY)
                    .statusListSource(StatusListSource.of(List.of(signedList))).build();

            JsonObject credential = VerifierTest.credential(issuerId);
            for (Cryptosuite suite : Cryptosuite.values()) {
                seed("credential-" + suite.displayName(), sign(credential, suite, issuer));
            }
            seed("credential-status-unset", sign(credential.with("credentialStatus", entry(42)), Cryptosuite.EDDSA_RDFC_2022, issuer));
            seed("credential-status-revoked", sign(credential.with("credentialStatus", entry(REVOKED_INDEX)),
                    Cryptosuite.EDDSA_JCS_2022, issuer));
            seed("credential-expired", sign(credential.with("validUntil", "2024-02-01T00:00:00Z"), Cryptosuite.EDDSA_RDFC_2022, issuer));
            seed("credential-two-proofs", sign(sign(credential, Cryptosuite.EDDSA_RDFC_2022, issuer), Cryptosuite.EDDSA_JCS_2022, issuer));
            seed("status-list", signedList);
            JsonObject vc = sign(credential, Cryptosuite.EDDSA_RDFC_2022, issuer);
            seed("presentation", sign(PresentationVerificationTest.presentation(vc), Cryptosuite.EDDSA_RDFC_2022, holder,
                    ProofMaker.options(Cryptosuite.EDDSA_RDFC_2022, holder, "authentication").build()));
            String vcJwt = JwtMaker.vcJwt(credential, issuer);
            seedJwt("vc-jwt", vcJwt);
            seedJwt("vp-jwt", JwtVerificationTest.vpJwt(JwtVerificationTest.presentation(JwtVerificationTest.enveloped(vcJwt)),
                    null, null));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static JsonObject entry(int index) {
        return JsonObject.builder().put("id", STATUS_URL + "#" + index).put("type", "BitstringStatusListEntry")
                .put("statusPurpose", "revocation").put("statusListIndex", Integer.toString(index))
                .put("statusListCredential", STATUS_URL).build();
    }

    private static JsonObject sign(JsonObject document, Cryptosuite suite, Ed25519KeyPair key) throws Exception {
        JsonObject signed = ProofMaker.sign(document, suite, key);
        ProofMaker.proofs(signed).forEach(p -> SIGNATURES.add(p.string("proofValue").orElseThrow()));
        return signed;
    }

    private static JsonObject sign(JsonObject document, Cryptosuite suite, Ed25519KeyPair key, JsonObject options) throws Exception {
        JsonObject signed = ProofMaker.sign(document, suite, key, options);
        ProofMaker.proofs(signed).forEach(p -> SIGNATURES.add(p.string("proofValue").orElseThrow()));
        return signed;
    }

    private static void seed(String name, JsonObject document) {
        SEEDS.put(name, JsonWriter.compact(document).getBytes(StandardCharsets.UTF_8));
    }

    private static void seedJwt(String name, String compact) {
        SIGNATURES.add(compact.substring(compact.lastIndexOf('.') + 1));
        SEEDS.put(name, compact.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The no-forgery oracle: a VERIFIED result for fuzzed input carries only signatures the
     * fixtures made (the fuzzer has no private key), and at least one of them.
     */
    static void assertNoForgery(VerificationResult result, JsonValue document, String compactJws) {
        if (!result.isVerified()) {
            return;
        }
        List<String> strings = new ArrayList<>();
        if (document != null) {
            collectStrings(document, strings, null);
        }
        if (compactJws != null) {
            strings.add(compactJws);
        }
        boolean anyKnown = strings.stream().anyMatch(s -> SIGNATURES.stream().anyMatch(s::contains));
        assertThat(anyKnown).as("VERIFIED without any signature the fixtures made: " + result).isTrue();
        if (document != null) {
            List<String> proofValues = new ArrayList<>();
            collectStrings(document, proofValues, "proofValue");
            assertThat(SIGNATURES).as("VERIFIED with a proofValue the fixtures never made").containsAll(proofValues);
        }
    }

    /** Every string value in the tree (or only those of members named {@code only}). */
    private static void collectStrings(JsonValue value, List<String> out, String only) {
        if (value instanceof JsonString s && only == null) {
            out.add(s.value());
        } else if (value instanceof JsonArray a) {
            a.elements().forEach(e -> collectStrings(e, out, only));
        } else if (value instanceof JsonObject o) {
            o.members().forEach((name, v) -> {
                if (only != null && name.equals(only) && v instanceof JsonString s) {
                    out.add(s.value());
                }
                collectStrings(v, out, only);
            });
        }
    }

    /** True when the bytes would go down the JWS path of {@link Verifier#verify(byte[])}. */
    static boolean isCompact(byte[] input) {
        return CompactJws.looksLikeCompact(input);
    }
}
