package dev.credkit.ob;

import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityObjectTest {

    @Test
    void hashMatchesTheOpenBadgesSpecificationExample() throws Exception {
        // the spec: 'a@example.com' salted with 'Kosher'
        assertThat(IdentityObject.identityHash("a@example.com", "Kosher"))
                .isEqualTo("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399");
        IdentityObject id = IdentityObject.hashed("emailAddress", "a@example.com", "Kosher");
        assertThat(id.toJson().toJson()).isEqualTo("{\"type\":\"IdentityObject\",\"identityType\":\"emailAddress\","
                + "\"hashed\":true,\"identityHash\":\"sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c"
                + "922ef399\",\"salt\":\"Kosher\"}");
        assertThat(id.matches("a@example.com")).isTrue();
        assertThat(id.matches("b@example.com")).isFalse();
        assertThat(id.matches(null)).isFalse();
    }

    @Test
    void readsUppercaseHexAndMd5() throws Exception {
        JsonObject upper = IdentityObject.hashed("emailAddress", "a@example.com", "Kosher").toJson()
                .with("identityHash", "sha256$B5809D8A92F8858436D7E6B87C12EBC0AE1EAC4BAECC2C0B913AEE2C922EF399");
        assertThat(IdentityObject.read(upper).matches("a@example.com")).isTrue();
        // md5("mayze") = 6f1d... written by older issuers; read, never written
        JsonObject md5 = JsonObject.builder().put("type", "IdentityObject").put("identityType", "emailAddress")
                .put("hashed", true).put("identityHash", "md5$" + md5Hex("mayze")).build();
        assertThat(IdentityObject.read(md5).matches("mayze")).isTrue();
        assertThat(IdentityObject.read(md5).matches("maize")).isFalse();
    }

    @Test
    void emailIsNormalisedAndSaltIsFresh() throws Exception {
        var random = Fixtures.random();
        String salt1 = IdentityObject.newSalt(random);
        String salt2 = IdentityObject.newSalt(random);
        assertThat(salt1).hasSize(32).isNotEqualTo(salt2);
        IdentityObject id = IdentityObject.hashedEmail("  Ada@Example.ORG ", salt1);
        assertThat(id.matchesEmail("ada@example.org")).isTrue();
        assertThat(id.matches("ada@example.org")).isTrue();
        assertThat(id.toJson().toJson()).doesNotContain("ada").doesNotContain("Ada");
    }

    @Test
    void plaintextNameMatches() throws Exception {
        IdentityObject name = IdentityObject.plaintext("name", "Ada Lovelace");
        assertThat(name.hashed()).isFalse();
        assertThat(name.matches("Ada Lovelace")).isTrue();
        assertThat(name.matches("Ada")).isFalse();
        assertThat(IdentityObject.read(name.toJson())).isEqualTo(name);
    }

    private static String md5Hex(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
