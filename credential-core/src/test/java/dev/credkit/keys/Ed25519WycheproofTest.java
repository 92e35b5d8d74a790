package dev.credkit.keys;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of Wycheproof's {@code ed25519_test.json} through the one verification path,
 * {@link Ed25519PublicKey#verify}. All failures are collected and reported together.
 *
 * <p>Choices: a group whose key {@link Ed25519PublicKey#fromRaw} rejects (INVALID_KEY) counts as
 * rejecting every signature of the group, so its cases must all be "invalid". A case marked
 * "acceptable" (legitimately implementation-defined; the current file has none) passes with
 * either outcome; credkit's outcome is whatever the strict path gives.
 */
class Ed25519WycheproofTest {

    @Test
    void everyWycheproofCaseGivesItsExpectedResult() {
        JsonObject file = KeyVectors.json("wycheproof/ed25519_test.json");
        List<String> failures = new ArrayList<>();
        int cases = 0;
        int valid = 0;
        for (JsonValue g : file.array("testGroups").orElseThrow()) {
            JsonObject group = (JsonObject) g;
            String pk = group.object("publicKey").orElseThrow().string("pk").orElseThrow();
            Ed25519PublicKey key;
            try {
                key = Ed25519PublicKey.fromRaw(KeyVectors.hex(pk));
            } catch (CredentialException e) {
                assertThat(e.code()).isEqualTo(ProblemCode.INVALID_KEY);
                key = null;
            }
            for (JsonValue t : group.array("tests").orElseThrow()) {
                JsonObject test = (JsonObject) t;
                cases++;
                String id = "tcId " + test.get("tcId").orElseThrow() + " (" + test.string("comment").orElse("") + ")";
                String result = test.string("result").orElseThrow();
                boolean verified = key != null && key.verify(
                        KeyVectors.hex(test.string("msg").orElseThrow()),
                        KeyVectors.hex(test.string("sig").orElseThrow()));
                if (verified) {
                    valid++;
                }
                switch (result) {
                    case "valid" -> {
                        if (!verified) {
                            failures.add(id + ": expected valid, rejected" + (key == null ? " (key refused)" : ""));
                        }
                    }
                    case "invalid" -> {
                        if (verified) {
                            failures.add(id + ": expected invalid, accepted");
                        }
                    }
                    case "acceptable" -> {
                        // either outcome conforms
                    }
                    default -> failures.add(id + ": unknown result " + result);
                }
            }
        }
        assertThat(failures).as("Wycheproof failures").isEmpty();
        assertThat(cases).isEqualTo(file.get("numberOfTests").map(v -> Integer.parseInt(v.toJson())).orElseThrow());
        assertThat(valid).isEqualTo(88);
    }
}
