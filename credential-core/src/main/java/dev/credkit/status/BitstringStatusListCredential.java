package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.internal.status.DateTimeStamps;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.credkit.status.StatusJson.invalid;

/**
 * What a verifier needs from a {@code BitstringStatusListCredential}: its decoded list, its
 * purposes, and the dates and {@code ttl} that decide whether it is fresh enough to use.
 *
 * <p>Reading checks the shape only; the caller verifies the credential's proof first. Required:
 * {@code type} including {@code BitstringStatusListCredential}; one {@code credentialSubject}
 * object with {@code type} {@code BitstringStatusList}, {@code statusPurpose} (a string or an
 * array of strings) and {@code encodedList}. Optional: {@code id}, {@code issuer},
 * {@code validFrom}, {@code validUntil} (XML Schema dateTimeStamp), {@code credentialSubject.ttl}
 * (milliseconds) and {@code credentialSubject.statusSize}. Immutable and thread-safe, so a
 * verifier may cache one per list URL.
 */
public final class BitstringStatusListCredential {
    /** The credential {@code type} value. */
    public static final String TYPE = "BitstringStatusListCredential";
    /** The credential subject {@code type} value. */
    public static final String SUBJECT_TYPE = "BitstringStatusList";
    /** The {@code ttl} to assume when the list gives none: 300,000 ms, as the specification says. */
    public static final Duration DEFAULT_TTL = Duration.ofMillis(300_000);

    private final String id;
    private final String issuerId;
    private final String subjectId;
    private final List<String> statusPurposes;
    private final Integer statusSize;
    private final Duration ttl;
    private final Instant validFrom;
    private final Instant validUntil;
    private final StatusBitstring bitstring;

    private BitstringStatusListCredential(String id, String issuerId, String subjectId, List<String> statusPurposes,
                                          Integer statusSize, Duration ttl, Instant validFrom, Instant validUntil,
                                          StatusBitstring bitstring) {
        this.id = id;
        this.issuerId = issuerId;
        this.subjectId = subjectId;
        this.statusPurposes = statusPurposes;
        this.statusSize = statusSize;
        this.ttl = ttl;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.bitstring = bitstring;
    }

    /** Reads the credential and decodes its list with the default limits. */
    public static BitstringStatusListCredential read(JsonObject credential) throws CredentialException {
        return read(credential, EncodedListCodec.defaults());
    }

    /**
     * Reads the credential and decodes its list with {@code codec}'s limits.
     *
     * @throws CredentialException {@code INVALID_STATUS_LIST} for a malformed credential or list,
     *         {@code LIMIT_EXCEEDED} when the list passes a size cap
     */
    public static BitstringStatusListCredential read(JsonObject credential, EncodedListCodec codec) throws CredentialException {
        String where = "status list credential";
        if (!StatusJson.hasType(credential.get("type").orElse(null), TYPE)) {
            throw invalid(where + " type must include " + TYPE);
        }
        String id = StatusJson.optionalString(credential, where, "id");
        String issuerId = readIssuerId(credential.get("issuer").orElse(null));
        Instant validFrom = readDate(credential, "validFrom");
        Instant validUntil = readDate(credential, "validUntil");

        JsonObject subject = readSubject(credential.get("credentialSubject").orElse(null));
        String subjectWhere = "status list credentialSubject";
        if (!StatusJson.hasType(subject.get("type").orElse(null), SUBJECT_TYPE)) {
            throw invalid(subjectWhere + ".type must be " + SUBJECT_TYPE);
        }
        String subjectId = StatusJson.optionalString(subject, subjectWhere, "id");
        JsonValue purposeValue = subject.get("statusPurpose").orElse(null);
        if (purposeValue == null) {
            throw invalid(subjectWhere + " has no statusPurpose");
        }
        List<String> purposes = StatusJson.stringOrStrings(purposeValue, subjectWhere + ".statusPurpose");
        Long size = StatusJson.optionalNonNegativeInteger(subject, subjectWhere, "statusSize");
        if (size != null && (size < 1 || size > StatusBitstring.MAX_STATUS_SIZE)) {
            throw invalid(subjectWhere + ".statusSize must be between 1 and " + StatusBitstring.MAX_STATUS_SIZE);
        }
        Long ttlMillis = StatusJson.optionalNonNegativeInteger(subject, subjectWhere, "ttl");
        String encodedList = StatusJson.requiredString(subject, subjectWhere, "encodedList");
        StatusBitstring bits = codec.decode(encodedList, size == null ? 1 : size.intValue());
        return new BitstringStatusListCredential(id, issuerId, subjectId, purposes,
                size == null ? null : size.intValue(), ttlMillis == null ? null : Duration.ofMillis(ttlMillis),
                validFrom, validUntil, bits);
    }

    /** The credential's {@code id}; entries must name it as their {@code statusListCredential}. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The issuer's identifier ({@code issuer} or {@code issuer.id}). */
    public Optional<String> issuerId() {
        return Optional.ofNullable(issuerId);
    }

    public Optional<String> subjectId() {
        return Optional.ofNullable(subjectId);
    }

    /** One or more purposes the list serves. */
    public List<String> statusPurposes() {
        return statusPurposes;
    }

    public boolean hasPurpose(String purpose) {
        return statusPurposes.contains(purpose);
    }

    /** The list's declared {@code statusSize}, if it declares one. */
    public OptionalInt statusSize() {
        return statusSize == null ? OptionalInt.empty() : OptionalInt.of(statusSize);
    }

    /** The declared {@code ttl}, if any. */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }

    /** The declared {@code ttl}, or {@link #DEFAULT_TTL}. */
    public Duration effectiveTtl() {
        return ttl == null ? DEFAULT_TTL : ttl;
    }

    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** True unless {@code at} is before {@code validFrom} or after {@code validUntil}. */
    public boolean isValidAt(Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validUntil == null || !at.isAfter(validUntil));
    }

    /** The decoded list, read with the declared {@code statusSize} (1 when none). */
    public StatusBitstring bitstring() {
        return bitstring;
    }

    private static String readIssuerId(JsonValue issuer) throws CredentialException {
        if (issuer == null) {
            return null;
        }
        if (issuer instanceof JsonString s) {
            return s.value();
        }
        if (issuer instanceof JsonObject o) {
            return StatusJson.optionalString(o, "status list credential issuer", "id");
        }
        throw invalid("status list credential issuer must be a string or an object");
    }

    private static Instant readDate(JsonObject credential, String name) throws CredentialException {
        String text = StatusJson.optionalString(credential, "status list credential", name);
        if (text == null) {
            return null;
        }
        Instant instant = DateTimeStamps.parse(text);
        if (instant == null) {
            throw invalid("status list credential " + name + " is not a date-time with a time zone");
        }
        return instant;
    }

    private static JsonObject readSubject(JsonValue subject) throws CredentialException {
        if (subject instanceof JsonObject o) {
            return o;
        }
        if (subject instanceof JsonArray a && a.size() == 1 && a.get(0) instanceof JsonObject o) {
            return o;
        }
        throw invalid("status list credential must have exactly one credentialSubject object");
    }
}
