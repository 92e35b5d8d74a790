package dev.credkit.status;

import dev.credkit.json.JsonObject;

import java.util.Objects;

/**
 * One element of a {@code statusMessage} array: a status value and the (developer-facing)
 * message the issuer attaches to it. In JSON the value is hexadecimal with a {@code 0x} prefix.
 *
 * @param status  the status value, {@code >= 0}
 * @param message the message text
 */
public record StatusMessage(int status, String message) {
    public StatusMessage {
        if (status < 0) {
            throw new IllegalArgumentException("status must be >= 0");
        }
        Objects.requireNonNull(message, "message");
    }

    /** The JSON form of {@link #status()}: lowercase hexadecimal, e.g. {@code 0x0}, {@code 0x1f}. */
    public String statusHex() {
        return "0x" + Integer.toHexString(status);
    }

    /** {@code {"status":"0x1","message":"..."}}. */
    public JsonObject toJson() {
        return JsonObject.builder().put("status", statusHex()).put("message", message).build();
    }
}
