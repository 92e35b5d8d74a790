package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.credkit.status.StatusJson.invalid;

/**
 * A {@code credentialStatus} entry of type {@code BitstringStatusListEntry}.
 *
 * <p>{@link #read(JsonObject)} is strict: {@code id} is required (Open Badges 3.0 requires it)
 * and must not be the list's URL; {@code statusListIndex} must be a string of ASCII decimal
 * digits (leading zeros are tolerated; {@code "0x10"}, {@code "-1"}, {@code "1e3"},
 * {@code " 1"} and JSON numbers are not); {@code statusSize} defaults to 1 and is at most
 * {@link StatusBitstring#MAX_STATUS_SIZE}; when {@code statusSize > 1} a {@code statusMessage}
 * array is required, and when present it must have exactly {@code 2^statusSize} elements, one
 * per status value, each {@code {"status":"0x..","message":".."}}.
 *
 * @param id                   the entry's own URL (for issued entries {@code <list URL>#<index>}); null when absent
 * @param statusPurpose        e.g. {@code revocation}; see {@link StatusPurpose}
 * @param statusListIndex      the entry's position in the list, {@code >= 0}
 * @param statusListCredential the URL of the {@code BitstringStatusListCredential}
 * @param statusSize           bits per entry, {@code >= 1}
 * @param statusMessages       the {@code statusMessage} array in order; empty when absent
 * @param statusReferences     the {@code statusReference} URLs; empty when absent
 */
public record BitstringStatusListEntry(
        String id,
        String statusPurpose,
        long statusListIndex,
        String statusListCredential,
        int statusSize,
        List<StatusMessage> statusMessages,
        List<String> statusReferences) {

    /** The {@code type} value of an entry. */
    public static final String TYPE = "BitstringStatusListEntry";

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,64}");
    private static final Pattern HEX_STATUS = Pattern.compile("0x[0-9a-fA-F]{1,8}");
    private static final String WHERE = "credentialStatus";

    /** @throws IllegalArgumentException when the values break a rule {@link #read} enforces */
    public BitstringStatusListEntry {
        Objects.requireNonNull(statusPurpose, "statusPurpose");
        Objects.requireNonNull(statusListCredential, "statusListCredential");
        statusMessages = List.copyOf(statusMessages);
        statusReferences = List.copyOf(statusReferences);
        String problem = problem(id, statusPurpose, statusListIndex, statusListCredential, statusSize, statusMessages);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The purpose as an enum, when it is one of the three the specification defines. */
    public Optional<StatusPurpose> purpose() {
        return StatusPurpose.fromValue(statusPurpose);
    }

    /**
     * The message for a status value: from {@code statusMessage} when present, else
     * {@code "unset"} for 0 and {@code "set"} otherwise, as the specification says.
     */
    public String messageFor(int value) {
        for (StatusMessage m : statusMessages) {
            if (m.status() == value) {
                return m.message();
            }
        }
        return value == 0 ? "unset" : "set";
    }

    /** The JSON form, members in the specification's order; optional members only when set. */
    public JsonObject toJson() {
        JsonObject.Builder b = JsonObject.builder()
                .putIfPresent("id", id)
                .put("type", TYPE)
                .put("statusPurpose", statusPurpose)
                .put("statusListIndex", Long.toString(statusListIndex))
                .put("statusListCredential", statusListCredential);
        if (statusSize != 1) {
            b.put("statusSize", statusSize);
        }
        if (!statusMessages.isEmpty()) {
            List<JsonValue> messages = new ArrayList<>(statusMessages.size());
            for (StatusMessage m : statusMessages) {
                messages.add(m.toJson());
            }
            b.put("statusMessage", JsonArray.of(messages));
        }
        if (statusReferences.size() == 1) {
            b.put("statusReference", statusReferences.get(0));
        } else if (!statusReferences.isEmpty()) {
            b.put("statusReference", JsonArray.ofStrings(statusReferences));
        }
        return b.build();
    }

    /**
     * Reads one {@code credentialStatus} object.
     *
     * @throws CredentialException {@code INVALID_STATUS_LIST} naming the first rule broken
     */
    public static BitstringStatusListEntry read(JsonObject status) throws CredentialException {
        if (!StatusJson.hasType(status.get("type").orElse(null), TYPE)) {
            throw invalid("credentialStatus.type must be " + TYPE);
        }
        // VC 2.0 makes the entry id optional; Open Badges 3.0 requires it (checked by its reader).
        String id = status.has("id") ? StatusJson.requiredUrl(status, WHERE, "id") : null;
        String purpose = StatusJson.requiredString(status, WHERE, "statusPurpose");
        long index = readIndex(status);
        String listUrl = StatusJson.requiredUrl(status, WHERE, "statusListCredential");

        Long size = StatusJson.optionalNonNegativeInteger(status, WHERE, "statusSize");
        if (size != null && (size < 1 || size > StatusBitstring.MAX_STATUS_SIZE)) {
            throw invalid(size < 1 ? "credentialStatus.statusSize must be at least 1"
                    : "credentialStatus.statusSize " + size + " is not supported (at most " + StatusBitstring.MAX_STATUS_SIZE + ")");
        }
        int statusSize = size == null ? 1 : size.intValue();

        List<StatusMessage> messages = List.of();
        JsonValue messageValue = status.get("statusMessage").orElse(null);
        if (messageValue != null) {
            messages = readMessages(messageValue);
        }

        List<String> references = List.of();
        JsonValue referenceValue = status.get("statusReference").orElse(null);
        if (referenceValue != null) {
            references = StatusJson.stringOrStrings(referenceValue, "credentialStatus.statusReference");
            for (String r : references) {
                if (!StatusJson.isAbsoluteUrl(r)) {
                    throw invalid("credentialStatus.statusReference must hold absolute URLs");
                }
            }
        }

        String problem = problem(id, purpose, index, listUrl, statusSize, messages);
        if (problem != null) {
            throw invalid(problem);
        }
        return new BitstringStatusListEntry(id, purpose, index, listUrl, statusSize, messages, references);
    }

    /**
     * The {@code BitstringStatusListEntry} objects of a credential's {@code credentialStatus}
     * (one object or an array); entries of other types are skipped, not checked.
     */
    public static List<BitstringStatusListEntry> fromCredential(JsonObject credential) throws CredentialException {
        JsonValue status = credential.get("credentialStatus").orElse(null);
        if (status == null) {
            return List.of();
        }
        List<JsonValue> items = status instanceof JsonArray a ? a.elements() : List.of(status);
        List<BitstringStatusListEntry> out = new ArrayList<>(items.size());
        for (JsonValue item : items) {
            if (!(item instanceof JsonObject o)) {
                throw invalid("credentialStatus must be an object or an array of objects");
            }
            if (StatusJson.hasType(o.get("type").orElse(null), TYPE)) {
                out.add(read(o));
            }
        }
        return List.copyOf(out);
    }

    private static long readIndex(JsonObject status) throws CredentialException {
        JsonValue v = status.get("statusListIndex").orElse(null);
        if (v == null) {
            throw invalid("credentialStatus has no statusListIndex");
        }
        if (!(v instanceof JsonString s)) {
            throw invalid("credentialStatus.statusListIndex must be a string of decimal digits, not a JSON "
                    + (v instanceof dev.credkit.json.JsonNumber ? "number" : "value of another type"));
        }
        String text = s.value();
        if (!DECIMAL.matcher(text).matches()) {
            throw invalid("credentialStatus.statusListIndex must be a base-10 non-negative integer such as \"94567\"");
        }
        int firstNonZero = 0;
        while (firstNonZero < text.length() - 1 && text.charAt(firstNonZero) == '0') {
            firstNonZero++;
        }
        String digits = text.substring(firstNonZero);
        if (digits.length() > 18) {
            throw invalid("credentialStatus.statusListIndex is too large");
        }
        return Long.parseLong(digits);
    }

    private static List<StatusMessage> readMessages(JsonValue value) throws CredentialException {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw invalid("credentialStatus.statusMessage must be a non-empty array");
        }
        List<StatusMessage> out = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (!(element instanceof JsonObject o)) {
                throw invalid("credentialStatus.statusMessage elements must be objects");
            }
            String hex = StatusJson.requiredString(o, "credentialStatus.statusMessage[]", "status");
            if (!HEX_STATUS.matcher(hex).matches()) {
                throw invalid("credentialStatus.statusMessage status must be hexadecimal with a 0x prefix, such as \"0x1\"");
            }
            long status = Long.parseLong(hex.substring(2), 16);
            if (status > Integer.MAX_VALUE) {
                throw invalid("credentialStatus.statusMessage status is too large");
            }
            JsonValue message = o.get("message").orElse(null);
            if (!(message instanceof JsonString m)) {
                throw invalid("credentialStatus.statusMessage elements need a string message");
            }
            out.add(new StatusMessage((int) status, m.value()));
        }
        return out;
    }

    /** The first rule the values break, or null. */
    private static String problem(String id, String purpose, long index, String listUrl, int statusSize,
                                  List<StatusMessage> messages) {
        if (purpose.isEmpty()) {
            return "credentialStatus.statusPurpose must not be empty";
        }
        if (index < 0) {
            return "credentialStatus.statusListIndex must be >= 0";
        }
        if (id != null && id.equals(listUrl)) {
            return "credentialStatus.id must not be the status list URL";
        }
        if (statusSize < 1 || statusSize > StatusBitstring.MAX_STATUS_SIZE) {
            return "credentialStatus.statusSize must be between 1 and " + StatusBitstring.MAX_STATUS_SIZE;
        }
        int values = 1 << statusSize;
        if (messages.isEmpty()) {
            return statusSize > 1 ? "credentialStatus.statusMessage is required when statusSize is greater than 1" : null;
        }
        if (messages.size() != values) {
            return "credentialStatus.statusMessage must have " + values + " elements for statusSize " + statusSize
                    + ", found " + messages.size();
        }
        boolean[] seen = new boolean[values];
        for (StatusMessage m : messages) {
            if (m.status() >= values) {
                return "credentialStatus.statusMessage status " + m.statusHex() + " does not fit in statusSize " + statusSize;
            }
            if (seen[m.status()]) {
                return "credentialStatus.statusMessage lists status " + m.statusHex() + " twice";
            }
            seen[m.status()] = true;
        }
        return null;
    }
}
