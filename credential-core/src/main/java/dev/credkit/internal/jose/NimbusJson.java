package dev.credkit.internal.jose;

import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hands credkit's already-validated JSON tree to Nimbus as the plain maps its parsers take. */
final class NimbusJson {
    private NimbusJson() {
    }

    static Map<String, Object> toMap(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.members().forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    private static Object toJava(JsonValue value) {
        if (value instanceof JsonObject o) {
            return toMap(o);
        }
        if (value instanceof JsonArray a) {
            List<Object> list = new ArrayList<>(a.size());
            a.forEach(v -> list.add(toJava(v)));
            return list;
        }
        if (value instanceof JsonString s) {
            return s.value();
        }
        if (value instanceof JsonNumber n) {
            BigDecimal d = n.value();
            if (n.isIntegral()) {
                try {
                    return d.longValueExact();
                } catch (ArithmeticException e) {
                    return d.doubleValue();
                }
            }
            return d.doubleValue();
        }
        if (value instanceof JsonBoolean b) {
            return b.value();
        }
        return null;
    }
}
