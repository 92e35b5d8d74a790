package dev.credkit.server;

import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNull;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mangled credentials (members removed, replaced by values of the wrong type, nested deeper)
 * posted to every endpoint that reads one: the answer is always 2xx or 4xx, never 500.
 */
class RobustnessTest {
    @TempDir
    static Path dir;
    static TestServer t;
    static List<JsonObject> seeds = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        t = TestServer.start(dir);
        seeds.add(Samples.minimal());
        seeds.add(Samples.vc11(t.did()));
        seeds.add(Samples.certificate(t, "Fuzzed course"));
        seeds.add(t.issue(Samples.minimal()));
        seeds.add(t.issue(Samples.certificate(t, "Signed fuzzed course")));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void mangledCredentialsNeverCauseA500() {
        Random random = new Random(20251124L);
        for (int i = 0; i < 60; i++) {
            JsonObject seed = seeds.get(random.nextInt(seeds.size()));
            JsonObject mangled = (JsonObject) mutate(seed, random, 0);
            for (String[] endpoint : new String[][] {{"/credentials/issue", "credential"}, {"/credentials/verify", "verifiableCredential"},
                    {"/presentations/verify", "verifiablePresentation"}}) {
                HttpResponse<String> r = t.post(endpoint[0], JsonObject.builder().put(endpoint[1], mangled).build());
                assertThat(r.statusCode()).as("%s %s -> %s", endpoint[0], mangled.toJson(), r.body()).isLessThan(500);
            }
        }
        assertThat(t.log.toString()).doesNotContain("internal error");
    }

    private static JsonValue mutate(JsonValue v, Random random, int depth) {
        if (v instanceof JsonObject o && !o.isEmpty()) {
            List<String> keys = new ArrayList<>(o.keys());
            String key = keys.get(random.nextInt(keys.size()));
            return switch (random.nextInt(4)) {
                case 0 -> o.without(key);
                case 1 -> o.with(key, randomValue(random));
                default -> o.with(key, depth < 4 ? mutate(o.get(key).orElseThrow(), random, depth + 1) : randomValue(random));
            };
        }
        if (v instanceof JsonArray a && !a.isEmpty()) {
            List<JsonValue> elements = new ArrayList<>(a.elements());
            int index = random.nextInt(elements.size());
            elements.set(index, depth < 4 ? mutate(elements.get(index), random, depth + 1) : randomValue(random));
            if (random.nextBoolean()) {
                elements.add(randomValue(random));
            }
            return JsonArray.of(elements);
        }
        return randomValue(random);
    }

    private static JsonValue randomValue(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> JsonNull.INSTANCE;
            case 1 -> JsonBoolean.TRUE;
            case 2 -> JsonNumber.of(random.nextInt(1000) - 500);
            case 3 -> JsonNumber.of(1e300);
            case 4 -> new JsonString("");
            case 5 -> new JsonString("did:example:" + random.nextInt(100));
            case 6 -> new JsonString("<script>x</script>");
            case 7 -> JsonArray.empty();
            case 8 -> JsonObject.empty();
            default -> JsonObject.builder().put("@context", "https://example.com/unknown").put("type", "Thing").build();
        };
    }
}
