package dev.credkit.internal.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XML Schema 1.1 {@code dateTimeStamp} values (a {@code dateTime} with a mandatory time zone), as
 * the VC data model requires for {@code validFrom}, {@code validUntil}, {@code issuanceDate} and
 * {@code expirationDate}.
 */
public final class XsdDateTime {
    // The expression the VC Data Model 2.0 gives for dateTimeStamp, anchored, with capture groups
    // and the year limited to 9 digits (what java.time can hold).
    private static final Pattern DATE_TIME_STAMP = Pattern.compile(
            "(-?(?:[1-9][0-9]{3,8}|0[0-9]{3}))-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
                    + "T(?:([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\\.([0-9]+))?|(24:00:00(?:\\.0+)?))"
                    + "(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))");

    private XsdDateTime() {
    }

    /**
     * Parses a {@code dateTimeStamp}; empty when the text is not one (no time zone, impossible
     * day of month, out of range...). Fractions beyond nanoseconds are truncated.
     */
    public static Optional<Instant> parse(String text) {
        if (text.length() > 128) {
            return Optional.empty();
        }
        Matcher m = DATE_TIME_STAMP.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            LocalDate date = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalDateTime local;
            if (m.group(8) != null) {
                // 24:00:00 is the first instant of the next day
                local = date.plusDays(1).atStartOfDay();
            } else {
                local = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)), nanos(m.group(7)));
            }
            String zone = m.group(9);
            ZoneOffset offset = "Z".equals(zone) ? ZoneOffset.UTC : ZoneOffset.of(zone);
            return Optional.of(local.toInstant(offset));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Formats as {@code yyyy-MM-ddTHH:mm:ssZ} in UTC, truncated to whole seconds. */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        StringBuilder sb = new StringBuilder(24);
        if (year < 0) {
            sb.append('-');
        }
        String digits = Integer.toString(Math.abs(year));
        sb.append("0".repeat(Math.max(0, 4 - digits.length()))).append(digits);
        sb.append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append('Z');
        return sb.toString();
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = fraction.length() >= 9 ? fraction.substring(0, 9) : fraction + "0".repeat(9 - fraction.length());
        return Integer.parseInt(nine);
    }

    private static StringBuilder two(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        return sb.append(value);
    }
}
