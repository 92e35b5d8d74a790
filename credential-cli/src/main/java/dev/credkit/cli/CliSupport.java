package dev.credkit.cli;

import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Small helpers the commands share. */
final class CliSupport {
    private CliSupport() {
    }

    static boolean isPresentation(JsonObject document) {
        JsonValue type = document.get("type").orElse(null);
        JsonString vp = new JsonString("VerifiablePresentation");
        return vp.equals(type) || (type instanceof JsonArray a && a.elements().contains(vp));
    }

    /** An ISO 8601 date-time with offset, or a plain date (midnight UTC). */
    static Instant instant(String text, String option) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw CliException.usage(option + " expects a date-time such as 2024-01-01T00:00:00Z, got '" + text + "'");
            }
        }
    }

    /** Writes text to {@code output}, or to standard output when it is null or '-'. */
    static void writeText(CredkitCommand command, Path output, String text) throws IOException {
        if (output == null || output.toString().equals("-")) {
            command.out().print(text);
            command.out().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
    }
}
