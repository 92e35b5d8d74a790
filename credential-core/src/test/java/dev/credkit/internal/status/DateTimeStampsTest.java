package dev.credkit.internal.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeStampsTest {

    @ParameterizedTest
    @CsvSource({
        "2024-04-05T14:27:42Z,2024-04-05T14:27:42Z",
        "2024-04-05T14:27:42.5Z,2024-04-05T14:27:42.500Z",
        "2024-04-05T16:27:42+02:00,2024-04-05T14:27:42Z",
        "2024-04-05T12:27:42-02:00,2024-04-05T14:27:42Z",
    })
    void parsesDateTimeStamps(String text, String expected) {
        assertThat(DateTimeStamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-04-05", "2024-04-05T14:27:42", "2024-04-05T14:27Z", "2024-04-05t14:27:42z",
        "2024-13-05T14:27:42Z", "2024-04-05T14:27:42+0200", " 2024-04-05T14:27:42Z", "20240-04-05T14:27:42Z"})
    void rejectsAnythingElse(String text) {
        assertThat(DateTimeStamps.parse(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"2024-04-05T14:27:42.987654Z,2024-04-05T14:27:42Z"})
    void formatsWholeSecondsInUtc(String instant, String expected) {
        assertThat(DateTimeStamps.format(Instant.parse(instant))).isEqualTo(expected);
    }
}
