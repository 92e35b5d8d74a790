package dev.credkit.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A finite JSON number. The exact decimal value is kept (never rounded through a double), so
 * that re-serialization and JSON-LD's integer/double distinction see what was written.
 */
public record JsonNumber(BigDecimal value) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(value, "value");
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    public static JsonNumber of(BigDecimal value) {
        return new JsonNumber(value);
    }

    /** @throws IllegalArgumentException for NaN and infinities, which JSON cannot represent */
    public static JsonNumber of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON numbers must be finite");
        }
        return new JsonNumber(new BigDecimal(Double.toString(value)));
    }

    /** True when the value has no fractional part (as JSON-LD and JavaScript see it). */
    public boolean isIntegral() {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
