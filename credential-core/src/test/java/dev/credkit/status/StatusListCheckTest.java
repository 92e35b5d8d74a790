package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.credkit.status.BitstringStatusListEntryTest.MESSAGE_ENTRY;
import static dev.credkit.status.BitstringStatusListEntryTest.REVOCATION_ENTRY;
import static dev.credkit.status.BitstringStatusListEntryTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusListCheckTest {
    /** The example BitstringStatusListCredential of Bitstring Status List v1.0 §2.2. */
    static final String SPEC_LIST = """
            {"@context":["https://www.w3.org/ns/credentials/v2"],
             "id":"https://example.com/credentials/status/3",
             "type":["VerifiableCredential","BitstringStatusListCredential"],
             "issuer":"did:example:12345","validFrom":"2021-04-05T14:27:40Z",
             "credentialSubject":{"id":"https://example.com/status/3#list","type":"BitstringStatusList",
               "statusPurpose":"revocation",
               "encodedList":"uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}}""";

    private final StatusListCheck check = StatusListCheck.defaults();

    static JsonObject listCredential(String url, String purpose, StatusBitstring bits) throws CredentialException {
        JsonObject spec = json(SPEC_LIST);
        JsonObject subject = spec.object("credentialSubject").orElseThrow()
                .with("statusPurpose", purpose)
                .with("encodedList", EncodedListCodec.defaults().encode(bits));
        return spec.with("id", url).with("credentialSubject", subject);
    }

    @Test
    void specificationExampleListHasEverythingUnset() throws Exception {
        BitstringStatusListEntry entry = BitstringStatusListEntry.read(json(REVOCATION_ENTRY));
        StatusCheckResult result = check.check(entry, json(SPEC_LIST));
        assertThat(result.value()).isZero();
        assertThat(result.outcome()).isEqualTo(StatusOutcome.UNSET);
        assertThat(result.message()).isEqualTo("unset");
        assertThat(result.problem()).isEmpty();
        assertThat(result.statusListIndex()).isEqualTo(94_567);
    }

    @Test
    void revokedEntryIsSetAndReportedAsRevoked() throws Exception {
        BitstringStatusListEntry entry = BitstringStatusListEntry.read(json(REVOCATION_ENTRY));
        JsonObject list = listCredential(entry.statusListCredential(), "revocation",
                StatusBitstring.builder(131_072, 1).set(94_567, 1).build());
        StatusCheckResult result = check.check(entry, list);
        assertThat(result.outcome()).isEqualTo(StatusOutcome.SET);
        assertThat(result.message()).isEqualTo("set");
        assertThat(result.problem()).contains(ProblemCode.REVOKED);
        // the neighbour is untouched
        JsonObject neighbour = json(REVOCATION_ENTRY).with("statusListIndex", "94566");
        assertThat(check.check(BitstringStatusListEntry.read(neighbour), list).isSet()).isFalse();
    }

    @Test
    void suspendedEntryIsReportedAsSuspended() throws Exception {
        JsonObject entryJson = json(REVOCATION_ENTRY).with("statusPurpose", "suspension");
        BitstringStatusListEntry entry = BitstringStatusListEntry.read(entryJson);
        JsonObject list = listCredential(entry.statusListCredential(), "suspension",
                StatusBitstring.builder(131_072, 1).set(94_567, 1).build());
        assertThat(check.check(entry, list).problem()).contains(ProblemCode.SUSPENDED);
    }

    @Test
    void messageEntryReturnsTheMessageForTheValue() throws Exception {
        BitstringStatusListEntry entry = BitstringStatusListEntry.read(json(MESSAGE_ENTRY));
        StatusBitstring.Builder bits = StatusBitstring.builder(524_288, 2).set(492_847, 2);
        JsonObject list = listCredential(entry.statusListCredential(), "message", bits.build());
        StatusCheckResult result = check.check(entry, list);
        assertThat(result.value()).isEqualTo(2);
        assertThat(result.message()).isEqualTo("rejected");
        assertThat(result.problem()).contains(ProblemCode.STATUS_MESSAGE);

        JsonObject other = listCredential(entry.statusListCredential(), "message", bits.set(492_847, 0).build());
        StatusCheckResult unset = check.check(entry, other);
        assertThat(unset.message()).isEqualTo("pending_review");
        assertThat(unset.outcome()).isEqualTo(StatusOutcome.UNSET);
    }

    @Test
    void rejectsAnIndexOutOfRange() throws Exception {
        JsonObject entry = json(REVOCATION_ENTRY).with("statusListIndex", "131072");
        assertInvalid(() -> check.check(BitstringStatusListEntry.read(entry), json(SPEC_LIST)),
                "statusListIndex 131072 is out of range (the list has 131072 entries)");
        JsonObject last = json(REVOCATION_ENTRY).with("statusListIndex", "131071");
        assertThat(check.check(BitstringStatusListEntry.read(last), json(SPEC_LIST)).value()).isZero();
    }

    @Test
    void rejectsAPurposeMismatch() throws Exception {
        JsonObject entry = json(REVOCATION_ENTRY).with("statusPurpose", "suspension");
        assertInvalid(() -> check.check(BitstringStatusListEntry.read(entry), json(SPEC_LIST)),
                "status purpose mismatch: the entry's is 'suspension', the list serves revocation");
    }

    @Test
    void acceptsAListServingSeveralPurposes() throws Exception {
        JsonObject list = json(SPEC_LIST);
        JsonObject subject = list.object("credentialSubject").orElseThrow()
                .with("statusPurpose", JsonArray.ofStrings(List.of("revocation", "suspension")));
        JsonObject entry = json(REVOCATION_ENTRY).with("statusPurpose", "suspension");
        assertThat(check.check(BitstringStatusListEntry.read(entry), list.with("credentialSubject", subject)).isSet()).isFalse();
    }

    @Test
    void rejectsAStatusSizeMismatch() throws Exception {
        BitstringStatusListEntry entry = BitstringStatusListEntry.read(json(MESSAGE_ENTRY));
        JsonObject list = listCredential(entry.statusListCredential(), "message", StatusBitstring.builder(524_288, 2).build());
        JsonObject subject = list.object("credentialSubject").orElseThrow().with("statusSize", JsonNumber.of(4));
        assertInvalid(() -> check.check(entry, list.with("credentialSubject", subject)),
                "statusSize mismatch: the entry's is 2, the list's is 4");
    }

    @Test
    void rejectsAListWithTooFewEntriesForTheStatusSize() throws Exception {
        // 16 KB holds 131,072 one-bit entries but only 65,536 two-bit ones
        BitstringStatusListEntry entry = BitstringStatusListEntry.read(json(MESSAGE_ENTRY).with("statusListIndex", "5"));
        JsonObject list = listCredential(entry.statusListCredential(), "message", StatusBitstring.builder(65_536, 2).build());
        assertInvalid(() -> check.check(entry, list), "65536 entries of 2 bit(s), fewer than the minimum of 131072");
    }

    @Test
    void rejectsAListShorterThanTheMinimum() throws Exception {
        BitstringStatusListEntry entry = BitstringStatusListEntry.read(json(REVOCATION_ENTRY).with("statusListIndex", "5"));
        JsonObject list = listCredential(entry.statusListCredential(), "revocation", StatusBitstring.of(new byte[1024]));
        assertInvalid(() -> check.check(entry, list), "fewer than the minimum of 16384");
        StatusListCheck lenient = StatusListCheck.builder().minimumEntries(8192).build();
        assertThat(lenient.check(entry, list).isSet()).isFalse();
    }

    @Test
    void rejectsAListCredentialForAnotherUrl() throws Exception {
        BitstringStatusListEntry entry = BitstringStatusListEntry.read(json(REVOCATION_ENTRY));
        JsonObject other = json(SPEC_LIST).with("id", "https://example.com/credentials/status/4");
        assertInvalid(() -> check.check(entry, other), "id is not the entry's statusListCredential");
    }

    @Test
    void readsTheListCredentialsDatesAndTtl() throws Exception {
        BitstringStatusListCredential list = BitstringStatusListCredential.read(json(SPEC_LIST));
        assertThat(list.id()).contains("https://example.com/credentials/status/3");
        assertThat(list.issuerId()).contains("did:example:12345");
        assertThat(list.subjectId()).contains("https://example.com/status/3#list");
        assertThat(list.validFrom()).contains(Instant.parse("2021-04-05T14:27:40Z"));
        assertThat(list.validUntil()).isEmpty();
        assertThat(list.ttl()).isEmpty();
        assertThat(list.effectiveTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(list.isValidAt(Instant.parse("2021-04-05T14:27:39Z"))).isFalse();
        assertThat(list.isValidAt(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();

        JsonObject subject = json(SPEC_LIST).object("credentialSubject").orElseThrow().with("ttl", JsonNumber.of(60_000));
        JsonObject withDates = json(SPEC_LIST).with("validUntil", "2022-01-01T00:00:00+01:00").with("credentialSubject", subject)
                .with("issuer", json("{\"id\":\"did:example:abc\",\"name\":\"x\"}"));
        BitstringStatusListCredential dated = BitstringStatusListCredential.read(withDates);
        assertThat(dated.validUntil()).contains(Instant.parse("2021-12-31T23:00:00Z"));
        assertThat(dated.ttl()).contains(Duration.ofMinutes(1));
        assertThat(dated.issuerId()).contains("did:example:abc");
        assertThat(dated.isValidAt(Instant.parse("2022-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void rejectsMalformedListCredentials() throws Exception {
        JsonObject spec = json(SPEC_LIST);
        JsonObject subject = spec.object("credentialSubject").orElseThrow();
        assertListInvalid(spec.with("type", "VerifiableCredential"), "type must include BitstringStatusListCredential");
        assertListInvalid(spec.with("validFrom", "2021-04-05"), "validFrom is not a date-time");
        assertListInvalid(spec.with("validUntil", "2021-04-05T14:27:40"), "validUntil is not a date-time");
        assertListInvalid(spec.with("credentialSubject", subject.with("type", "StatusList2021")), "type must be BitstringStatusList");
        assertListInvalid(spec.with("credentialSubject", subject.without("encodedList")), "has no encodedList");
        assertListInvalid(spec.with("credentialSubject", subject.without("statusPurpose")), "has no statusPurpose");
        assertListInvalid(spec.with("credentialSubject", subject.with("ttl", "300000")), "ttl must be a non-negative integer");
        assertListInvalid(spec.with("credentialSubject", JsonArray.of(subject, subject)), "exactly one credentialSubject");
        assertListInvalid(spec.with("credentialSubject", subject.with("encodedList", "zabc")), "multibase prefix 'u'");
    }

    private static void assertListInvalid(JsonObject list, String messagePart) {
        assertInvalid(() -> BitstringStatusListCredential.read(list), messagePart);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.code()).isEqualTo(ProblemCode.INVALID_STATUS_LIST);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
