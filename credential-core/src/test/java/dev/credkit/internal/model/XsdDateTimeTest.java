package dev.credkit.internal.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class XsdDateTimeTest {

    @ParameterizedTest
    @CsvSource({
            "2024-01-01T00:00:00Z, 2024-01-01T00:00:00Z",
            "2024-01-01T10:00:00+02:00, 2024-01-01T08:00:00Z",
            "2024-01-01T00:00:00-14:00, 2024-01-01T14:00:00Z",
            "2024-01-01T00:00:00+14:00, 2023-12-31T10:00:00Z",
            "2024-02-29T12:30:45.5Z, 2024-02-29T12:30:45.500Z",
            "2024-01-01T00:00:00.123456789123Z, 2024-01-01T00:00:00.123456789Z",
            "2023-12-31T24:00:00Z, 2024-01-01T00:00:00Z",
            "2023-12-31T24:00:00.000+01:00, 2023-12-31T23:00:00Z",
            "12024-06-01T00:00:00Z, +12024-06-01T00:00:00Z",
            "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
            "-0044-03-15T12:00:00Z, -0044-03-15T12:00:00Z"})
    void parsesDateTimeStamps(String text, String expected) {
        assertThat(XsdDateTime.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-01-01", "2024-01-01T00:00:00", "2024-01-01T00:00Z", "2024-01-01 00:00:00Z", "2024-1-01T00:00:00Z",
            "24-01-01T00:00:00Z", "2024-01-01T00:00:00z", "2024-01-01T00:00:00+1:00", "2024-01-01T00:00:00+0100",
            "2024-01-01T00:00:00+14:30", "2024-01-01T00:00:00+15:00", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z",
            "2024-01-01T25:00:00Z", "2024-01-01T24:00:01Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z",
            "2024-01-01T00:00:00.Z", "+2024-01-01T00:00:00Z", "02024-01-01T00:00:00Z", " 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00Z ", "1234567890-01-01T00:00:00Z", "", "yesterday", "PAST DATE"})
    void refusesAnythingElse(String text) {
        assertThat(XsdDateTime.parse(text)).isEmpty();
    }

    @Test
    void refusesHugeInputQuickly() {
        assertThat(XsdDateTime.parse("2024-01-01T00:00:00." + "1".repeat(1_000_000) + "Z")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2024-01-01T00:00:00Z, 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00.999999999Z, 2024-01-01T00:00:00Z",
            "0999-12-31T23:59:59Z, 0999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z, 10000-01-01T00:00:00Z",
            "-0001-06-01T01:02:03Z, -0001-06-01T01:02:03Z"})
    void formatsInUtcToTheSecond(String instant, String expected) {
        String text = XsdDateTime.format(Instant.parse(instant));
        assertThat(text).isEqualTo(expected);
        assertThat(XsdDateTime.parse(text)).isPresent();
    }
}
