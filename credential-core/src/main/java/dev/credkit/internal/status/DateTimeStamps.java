package dev.credkit.internal.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * XML Schema {@code dateTimeStamp} as VC 2.0 uses it for {@code validFrom} / {@code validUntil}:
 * {@code YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)}, a time zone required, four-digit years.
 */
public final class DateTimeStamps {
    private static final Pattern LEXICAL = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private DateTimeStamps() {
    }

    /** @return the instant, or {@code null} when {@code text} is not a valid dateTimeStamp */
    public static Instant parse(String text) {
        if (text.length() > 64 || !LEXICAL.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** UTC, whole seconds: {@code 2025-01-31T12:00:00Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
