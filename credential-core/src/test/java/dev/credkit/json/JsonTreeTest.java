package dev.credkit.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTreeTest {

    private static JsonObject sample() {
        return JsonObject.builder().put("a", 1).put("b", "two").put("c", true).build();
    }

    // ---------------------------------------------------------------- JsonObject

    @Test
    void objectMembersCannotBeModified() throws Exception {
        JsonObject o = sample();
        assertThatThrownBy(() -> o.members().put("x", JsonNull.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.members().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.keys().clear()).isInstanceOf(UnsupportedOperationException.class);
        JsonObject parsed = JsonReader.defaults().readObject("{\"a\":1}");
        assertThatThrownBy(() -> parsed.members().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofCopiesItsArgument() {
        Map<String, JsonValue> source = new LinkedHashMap<>();
        source.put("z", JsonNumber.of(1));
        source.put("a", JsonNumber.of(2));
        JsonObject o = JsonObject.of(source);
        source.put("later", JsonNull.INSTANCE);
        source.remove("z");
        assertThat(o.keys()).containsExactly("z", "a");
    }

    @Test
    void nullNamesAndValuesAreRefused() {
        Map<String, JsonValue> withNullValue = new LinkedHashMap<>();
        withNullValue.put("a", null);
        assertThatThrownBy(() -> JsonObject.of(withNullValue)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JsonObject.builder().put(null, JsonNull.INSTANCE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JsonObject.builder().put("a", (JsonValue) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JsonObject.builder().put("a", (String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withReplacesInPlaceOrAppendsAndLeavesTheOriginalAlone() {
        JsonObject o = sample();
        JsonObject replaced = o.with("b", JsonNumber.of(2));
        JsonObject appended = o.with("d", "four");
        assertThat(replaced.keys()).containsExactly("a", "b", "c");
        assertThat(replaced.get("b")).contains(JsonNumber.of(2));
        assertThat(appended.keys()).containsExactly("a", "b", "c", "d");
        assertThat(appended.string("d")).contains("four");
        assertThat(o).isEqualTo(sample());
        assertThat(o.string("b")).contains("two");
        assertThat(o.has("d")).isFalse();
    }

    @Test
    void withoutRemovesAndLeavesTheOriginalAlone() {
        JsonObject o = sample();
        JsonObject without = o.without("b");
        assertThat(without.keys()).containsExactly("a", "c");
        assertThat(o.keys()).containsExactly("a", "b", "c");
        assertThat(o.without("missing")).isSameAs(o);
        assertThat(o.without("a").without("b").without("c")).isEqualTo(JsonObject.empty());
        assertThatThrownBy(() -> without.members().put("b", JsonNull.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builderIsIndependentOfWhatItBuilt() {
        JsonObject.Builder b = JsonObject.builder().put("a", 1);
        JsonObject first = b.build();
        b.put("b", 2).remove("a");
        assertThat(first.keys()).containsExactly("a");
        assertThat(b.build().keys()).containsExactly("b");
        JsonObject.Builder copy = first.toBuilder().put("c", 3);
        assertThat(first.keys()).containsExactly("a");
        assertThat(copy.has("c")).isTrue();
    }

    @Test
    void builderConveniences() {
        JsonObject o = JsonObject.builder().putIfPresent("a", (String) null).putIfPresent("b", (JsonValue) null)
                .putIfPresent("c", "x").put("n", 5L).put("t", false).build();
        assertThat(o.keys()).containsExactly("c", "n", "t");
        assertThat(o.get("n")).contains(JsonNumber.of(5));
        assertThat(o.get("t")).contains(JsonBoolean.FALSE);
    }

    @Test
    void typedAccessors() {
        JsonObject o = JsonObject.builder().put("s", "x").put("o", JsonObject.empty()).put("a", JsonArray.empty()).build();
        assertThat(o.string("s")).contains("x");
        assertThat(o.string("o")).isEmpty();
        assertThat(o.object("o")).contains(JsonObject.empty());
        assertThat(o.object("a")).isEmpty();
        assertThat(o.array("a")).contains(JsonArray.empty());
        assertThat(o.array("missing")).isEmpty();
        assertThat(o.get("missing")).isEmpty();
        assertThat(o.size()).isEqualTo(3);
        assertThat(JsonObject.empty().isEmpty()).isTrue();
    }

    @Test
    void objectEqualityIgnoresMemberOrder() {
        JsonObject ab = JsonObject.builder().put("a", 1).put("b", 2).build();
        JsonObject ba = JsonObject.builder().put("b", 2).put("a", 1).build();
        assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
        assertThat(ab).isNotEqualTo(ab.with("b", JsonNumber.of(3)));
    }

    // ---------------------------------------------------------------- JsonArray

    @Test
    void arrayElementsCannotBeModified() throws Exception {
        JsonArray a = JsonArray.of(JsonNumber.of(1), JsonNumber.of(2));
        assertThatThrownBy(() -> a.elements().add(JsonNull.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> a.elements().set(0, JsonNull.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
        JsonArray appended = a.with(JsonNull.INSTANCE);
        assertThatThrownBy(() -> appended.elements().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        JsonArray parsed = (JsonArray) JsonReader.defaults().read("[1,2]");
        assertThatThrownBy(() -> parsed.elements().clear()).isInstanceOf(UnsupportedOperationException.class);
        java.util.Iterator<JsonValue> it = a.iterator();
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void arrayOfCopiesItsArgument() {
        List<JsonValue> source = new ArrayList<>(List.of(JsonNumber.of(1)));
        JsonArray a = JsonArray.of(source);
        source.add(JsonNumber.of(2));
        assertThat(a.size()).isEqualTo(1);
        List<JsonValue> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> JsonArray.of(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void arrayWithAppendsAndLeavesTheOriginalAlone() {
        JsonArray a = JsonArray.of(new JsonString("x"));
        JsonArray b = a.with(new JsonString("y"));
        assertThat(a.elements()).containsExactly(new JsonString("x"));
        assertThat(b.elements()).containsExactly(new JsonString("x"), new JsonString("y"));
        assertThat(JsonArray.empty().with(JsonNull.INSTANCE).get(0)).isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void arrayStrings() {
        assertThat(JsonArray.ofStrings(List.of("a", "b")).strings()).contains(List.of("a", "b"));
        assertThat(JsonArray.of(new JsonString("a"), JsonNumber.of(1)).strings()).isEmpty();
        assertThat(JsonArray.empty().strings()).contains(List.of());
        assertThat(JsonArray.ofStrings(List.of("a")).stream().count()).isEqualTo(1);
    }

    @Test
    void arrayEqualityIsOrderSensitive() {
        assertThat(JsonArray.of(JsonNumber.of(1), JsonNumber.of(2))).isEqualTo(JsonArray.of(List.of(JsonNumber.of(1), JsonNumber.of(2))))
                .isNotEqualTo(JsonArray.of(JsonNumber.of(2), JsonNumber.of(1)));
    }

    // ---------------------------------------------------------------- scalars

    @Test
    void numbers() {
        assertThatThrownBy(() -> JsonNumber.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonNumber.of(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonNumber(null)).isInstanceOf(NullPointerException.class);
        assertThat(JsonNumber.of(0.1).value()).isEqualTo(new BigDecimal("0.1"));
        assertThat(new JsonNumber(new BigDecimal("2.000")).isIntegral()).isTrue();
        assertThat(new JsonNumber(new BigDecimal("1E+3")).isIntegral()).isTrue();
        assertThat(new JsonNumber(new BigDecimal("0.0")).isIntegral()).isTrue();
        assertThat(new JsonNumber(new BigDecimal("2.5")).isIntegral()).isFalse();
        assertThat(JsonNumber.of(3).doubleValue()).isEqualTo(3.0);
    }

    @Test
    void stringsBooleansNull() {
        assertThatThrownBy(() -> new JsonString(null)).isInstanceOf(NullPointerException.class);
        assertThat(JsonString.of("x")).isEqualTo(new JsonString("x"));
        assertThat(JsonBoolean.of(true)).isSameAs(JsonBoolean.TRUE);
        assertThat(JsonBoolean.FALSE.value()).isFalse();
        assertThat(JsonNull.INSTANCE.toJson()).isEqualTo("null");
    }
}
