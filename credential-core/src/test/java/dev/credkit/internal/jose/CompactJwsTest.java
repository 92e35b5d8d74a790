package dev.credkit.internal.jose;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactJwsTest {
    static String b64(String s) {
        return Base64Url.encode(s.getBytes(StandardCharsets.UTF_8));
    }

    static final String HEADER = b64("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\"}");
    static final String PAYLOAD = b64("{\"iss\":\"did:example:1\"}");
    static final String SIGNATURE = Base64Url.encode(new byte[64]);

    static ProblemCode problem(String compact) {
        try {
            CompactJws.parse(compact, 1 << 20);
            return null;
        } catch (CredentialException e) {
            return e.code();
        }
    }

    @Test
    void splitsThreePartsAndKeepsTheSigningInputAsReceived() throws Exception {
        CompactJws jws = CompactJws.parse(HEADER + "." + PAYLOAD + "." + SIGNATURE, 1 << 20);
        assertThat(jws.readHeader().string("typ")).contains("vc+jwt");
        assertThat(jws.readPayload(JsonReader.defaults()).string("iss")).contains("did:example:1");
        assertThat(new String(jws.signingInput(), StandardCharsets.US_ASCII)).isEqualTo(HEADER + "." + PAYLOAD);
        assertThat(jws.signature()).hasSize(64);
        assertThat(jws.encodedHeader()).isEqualTo(HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "a.b.c.d", ".b.c", "a..c", "a.b.c.", "onlyonepart"})
    void anythingButThreeNonEmptyPartsIsMalformed(String compact) {
        assertThat(problem(compact.replace("a", HEADER).replace("b", PAYLOAD).replace("c", SIGNATURE)))
                .isEqualTo(ProblemCode.MALFORMED);
    }

    @Test
    void emptyPartsAreNamed() {
        assertThatThrownBy(() -> CompactJws.parse("." + PAYLOAD + "." + SIGNATURE, 1 << 20)).hasMessageContaining("the JWS header is empty");
        assertThatThrownBy(() -> CompactJws.parse(HEADER + ".." + SIGNATURE, 1 << 20))
                .hasMessageContaining("the JWS payload is empty (detached payloads are not supported)");
        assertThatThrownBy(() -> CompactJws.parse("A." + PAYLOAD + "." + SIGNATURE, 1 << 20)).hasMessageContaining("impossible length");
    }

    @Test
    void anEmptySignatureIsSplitSoThatTheHeaderCanBeRefused() throws Exception {
        CompactJws jws = CompactJws.parse(HEADER + "." + PAYLOAD + ".", 1 << 20);
        assertThat(jws.signature()).isEmpty();
    }

    @Test
    void paddingWhitespaceAndTheStandardAlphabetAreMalformed() {
        assertThat(problem(HEADER + "=." + PAYLOAD + "." + SIGNATURE)).isEqualTo(ProblemCode.MALFORMED);
        assertThat(problem(HEADER + "." + PAYLOAD + " ." + SIGNATURE)).isEqualTo(ProblemCode.MALFORMED);
        assertThat(problem(HEADER + "." + PAYLOAD + "." + SIGNATURE.replace('A', '+'))).isEqualTo(ProblemCode.MALFORMED);
        assertThat(problem(HEADER + "." + PAYLOAD + "." + SIGNATURE + "/")).isEqualTo(ProblemCode.MALFORMED);
    }

    @Test
    void nonCanonicalTrailingBitsAreMalformed() throws Exception {
        // 64 zero bytes encode as 85 'A's and a final 'A'; 'B' sets an unused bit and decodes to the same bytes.
        String nonCanonical = SIGNATURE.substring(0, SIGNATURE.length() - 1) + "B";
        assertThat(problem(HEADER + "." + PAYLOAD + "." + nonCanonical)).isEqualTo(ProblemCode.MALFORMED);
        assertThatThrownBy(() -> Base64Url.decode("AAAAAB", "x")).isInstanceOf(CredentialException.class);
        assertThat(Base64Url.decode("AAAAAA", "x")).hasSize(4);
        assertThatThrownBy(() -> Base64Url.decode("AAAAA", "x")).isInstanceOf(CredentialException.class);
    }

    @Test
    void oversizedTokensAreRefusedBeforeDecoding() {
        String big = "A".repeat(2_000_000);
        assertThat(problem(HEADER + "." + big + "." + SIGNATURE)).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
        assertThat(problem("A".repeat(20_000) + "." + PAYLOAD + "." + SIGNATURE)).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
        assertThat(problem(HEADER + "." + PAYLOAD + "." + "A".repeat(300))).isEqualTo(ProblemCode.LIMIT_EXCEEDED);
        assertThatThrownBy(() -> CompactJws.parse(HEADER + "." + b64("{\"a\":\"" + "x".repeat(2000) + "\"}") + "." + SIGNATURE, 1000))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.LIMIT_EXCEEDED));
    }

    @Test
    void headerAndPayloadAreReadStrictly() throws Exception {
        CompactJws dupHeader = CompactJws.parse(b64("{\"alg\":\"EdDSA\",\"alg\":\"none\"}") + "." + PAYLOAD + "." + SIGNATURE, 1 << 20);
        assertThatThrownBy(dupHeader::readHeader).isInstanceOfSatisfying(CredentialException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED));
        CompactJws dupPayload = CompactJws.parse(HEADER + "." + b64("{\"iss\":\"a\",\"iss\":\"b\"}") + "." + SIGNATURE, 1 << 20);
        assertThatThrownBy(() -> dupPayload.readPayload(JsonReader.defaults())).isInstanceOfSatisfying(CredentialException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED));
        CompactJws array = CompactJws.parse(b64("[1]") + "." + PAYLOAD + "." + SIGNATURE, 1 << 20);
        assertThatThrownBy(array::readHeader).isInstanceOf(CredentialException.class);
    }

    @Test
    void deeplyNestedPayloadIsRefusedQuickly() throws Exception {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        CompactJws jws = CompactJws.parse(HEADER + "." + b64(deep) + "." + SIGNATURE, 1 << 20);
        long start = System.nanoTime();
        assertThatThrownBy(() -> jws.readPayload(JsonReader.defaults())).isInstanceOf(CredentialException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void contentDetection() throws Exception {
        assertThat(CompactJws.looksLikeCompact(" \n eyJhbGciOi.x.y\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(CompactJws.looksLikeCompact("  {\"a\":1}".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(CompactJws.looksLikeCompact(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})).isFalse();
        assertThat(CompactJws.looksLikeCompact(new byte[0])).isFalse();
        assertThat(CompactJws.text("eyJ.a.b\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("eyJ.a.b");
        assertThatThrownBy(() -> CompactJws.text("eyJ\u00e9".getBytes(StandardCharsets.UTF_8))).isInstanceOf(CredentialException.class);
    }

    @Test
    void mediaTypesCompareWithoutPrefixAndCase() {
        assertThat(JwtForms.mediaType("application/VC+JWT")).isEqualTo("vc+jwt");
        assertThat(JwtForms.mediaType("vp+jwt")).isEqualTo("vp+jwt");
        assertThat(JwtForms.mediaType("JWT")).isEqualTo("jwt");
    }

    @Test
    void headerObjectsAreHandedToNimbusAsPlainMaps() {
        JsonObject header = JsonObject.builder().put("alg", "EdDSA").put("n", 5)
                .put("jwk", JsonObject.builder().put("kty", "OKP").build()).build();
        assertThat(NimbusJson.toMap(header)).containsEntry("alg", "EdDSA").containsEntry("n", 5L)
                .containsKey("jwk");
    }
}
