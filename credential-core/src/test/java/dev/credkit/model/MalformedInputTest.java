package dev.credkit.model;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNull;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Untrusted documents with odd values anywhere near the top: a CredentialException or success, never anything else. */
class MalformedInputTest {
    private static final List<JsonValue> ODD_VALUES = List.of(
            JsonNull.INSTANCE, JsonBoolean.of(true), JsonNumber.of(-1), new JsonString(""), new JsonString("x"),
            new JsonString("z" + "1".repeat(5000)), new JsonString("data:,"), new JsonString("sha512-=="),
            new JsonString("9999999999-99-99T99:99:99Z"), new JsonString("2024-01-01T24:00:00+14:00"),
            JsonArray.empty(), JsonArray.of(JsonNull.INSTANCE), JsonArray.of(JsonArray.empty()), JsonObject.empty(),
            Fixtures.json("{'id': 5, 'type': [], '@value': null, 'digestMultibase': 'z', 'digestSRI': 'sha256-?'}"));

    @ParameterizedTest
    @ValueSource(strings = {"vectors/ob3-eddsa-rdfc-2022/signed.json", "vectors/vc-di-eddsa/proof-set-chain/signedProofChain2.json"})
    void neverThrowsAnythingButCredentialException(String resource) throws CredentialException {
        JsonObject base = Fixtures.read(resource)
                .with("relatedResource", Fixtures.value("[{'id': 'https://r.example', 'digestSRI': 'sha256-AAAA'}]"))
                .with("name", Fixtures.value("[{'@value': 'x', '@language': 'en'}]"));
        List<JsonObject> variants = new ArrayList<>();
        for (String member : base.keys()) {
            for (JsonValue odd : ODD_VALUES) {
                variants.add(base.with(member, odd));
                if (base.members().get(member) instanceof JsonObject inner) {
                    for (String innerMember : inner.keys()) {
                        variants.add(base.with(member, inner.with(innerMember, odd)));
                    }
                }
                if (base.members().get(member) instanceof JsonArray array && !array.isEmpty()
                        && array.get(0) instanceof JsonObject first) {
                    for (String innerMember : first.keys()) {
                        variants.add(base.with(member, JsonArray.of(first.with(innerMember, odd))));
                    }
                }
            }
        }
        JsonObject presentation = Fixtures.json("{'@context': ['https://www.w3.org/ns/credentials/v2'], 'type': 'VerifiablePresentation'}");
        int accepted = 0;
        for (JsonObject variant : variants) {
            accepted += outcome(() -> VerifiableCredential.of(variant));
            outcome(() -> VerifiablePresentation.of(presentation.with("verifiableCredential", variant)));
            outcome(() -> Envelope.of(variant));
        }
        assertThat(variants.size()).isGreaterThan(300);
        assertThat(accepted).isPositive().isLessThan(variants.size());
    }

    interface Attempt {
        Object run() throws CredentialException;
    }

    private static int outcome(Attempt attempt) {
        try {
            attempt.run();
            return 1;
        } catch (CredentialException expected) {
            assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(300);
            return 0;
        }
    }
}
