package dev.credkit.status;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BitstringStatusListEntryTest {
    static final String REVOCATION_ENTRY = """
            {"id":"https://example.com/credentials/status/3#94567","type":"BitstringStatusListEntry",
             "statusPurpose":"revocation","statusListIndex":"94567",
             "statusListCredential":"https://example.com/credentials/status/3"}""";
    static final String MESSAGE_ENTRY = """
            {"id":"https://example.com/credentials/status/8#492847","type":"BitstringStatusListEntry",
             "statusPurpose":"message","statusListIndex":"492847","statusSize":2,
             "statusListCredential":"https://example.com/credentials/status/8",
             "statusMessage":[{"status":"0x0","message":"pending_review"},{"status":"0x1","message":"accepted"},
                              {"status":"0x2","message":"rejected"},{"status":"0x3","message":"undefined"}],
             "statusReference":"https://example.org/status-dictionary/"}""";

    static JsonObject json(String text) throws CredentialException {
        return JsonReader.defaults().readObject(text);
    }

    @Test
    void readsTheSpecificationsSimpleEntry() throws Exception {
        BitstringStatusListEntry e = BitstringStatusListEntry.read(json(REVOCATION_ENTRY));
        assertThat(e.id()).isEqualTo("https://example.com/credentials/status/3#94567");
        assertThat(e.statusPurpose()).isEqualTo("revocation");
        assertThat(e.purpose()).contains(StatusPurpose.REVOCATION);
        assertThat(e.statusListIndex()).isEqualTo(94_567L);
        assertThat(e.statusListCredential()).isEqualTo("https://example.com/credentials/status/3");
        assertThat(e.statusSize()).isEqualTo(1);
        assertThat(e.statusMessages()).isEmpty();
        assertThat(e.messageFor(0)).isEqualTo("unset");
        assertThat(e.messageFor(1)).isEqualTo("set");
        assertThat(e.toJson()).isEqualTo(json(REVOCATION_ENTRY));
    }

    @Test
    void readsAMessageEntry() throws Exception {
        BitstringStatusListEntry e = BitstringStatusListEntry.read(json(MESSAGE_ENTRY));
        assertThat(e.statusSize()).isEqualTo(2);
        assertThat(e.statusMessages()).extracting(StatusMessage::message)
                .containsExactly("pending_review", "accepted", "rejected", "undefined");
        assertThat(e.messageFor(2)).isEqualTo("rejected");
        assertThat(e.statusReferences()).containsExactly("https://example.org/status-dictionary/");
        assertThat(e.toJson()).isEqualTo(json(MESSAGE_ENTRY));
    }

    @Test
    void toleratesLeadingZerosAndATypeArray() throws Exception {
        JsonObject o = json(REVOCATION_ENTRY).with("statusListIndex", "007")
                .with("type", dev.credkit.json.JsonArray.ofStrings(List.of("BitstringStatusListEntry")));
        assertThat(BitstringStatusListEntry.read(o).statusListIndex()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "-1", "1e3", " 1", "1 ", "+1", "1.0", "", "١٢", "12a", "0b1"})
    void rejectsIndexesThatAreNotDecimalDigits(String index) throws Exception {
        assertInvalid(json(REVOCATION_ENTRY).with("statusListIndex", index), "statusListIndex must be a base-10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"94567", "1e3", "-1", "true", "null", "[\"1\"]"})
    void rejectsIndexesThatAreNotStrings(String raw) throws Exception {
        String text = REVOCATION_ENTRY.replace("\"94567\"", raw);
        assertInvalid(json(text), "statusListIndex must be a string");
    }

    @Test
    void rejectsHugeIndexes() throws Exception {
        assertInvalid(json(REVOCATION_ENTRY).with("statusListIndex", "99999999999999999999"), "too large");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "type|type must be BitstringStatusListEntry",
        "statusPurpose|has no statusPurpose",
        "statusListIndex|has no statusListIndex",
        "statusListCredential|has no statusListCredential",
    })
    void rejectsMissingRequiredMembers(String member, String message) throws Exception {
        assertInvalid(json(REVOCATION_ENTRY).without(member), message);
    }

    @Test
    void rejectsBadUrlsAndAnIdThatIsTheListUrl() throws Exception {
        assertInvalid(json(REVOCATION_ENTRY).with("statusListCredential", "status/3"), "must be an absolute URL");
        assertInvalid(json(REVOCATION_ENTRY).with("id", "#94567"), "must be an absolute URL");
        assertInvalid(json(REVOCATION_ENTRY).with("id", "https://example.com/credentials/status/3"),
                "id must not be the status list URL");
        assertInvalid(json(REVOCATION_ENTRY).with("type", "StatusList2021Entry"), "type must be");
    }

    @Test
    void rejectsBadStatusSizes() throws Exception {
        JsonObject base = json(REVOCATION_ENTRY);
        assertInvalid(base.with("statusSize", dev.credkit.json.JsonNumber.of(0)), "statusSize must be at least 1");
        assertInvalid(base.with("statusSize", dev.credkit.json.JsonNumber.of(-1)), "statusSize must be a non-negative integer");
        assertInvalid(base.with("statusSize", dev.credkit.json.JsonNumber.of(1.5)), "statusSize must be a non-negative integer");
        assertInvalid(base.with("statusSize", "2"), "statusSize must be a non-negative integer");
        assertInvalid(base.with("statusSize", dev.credkit.json.JsonNumber.of(17)), "not supported");
        assertInvalid(base.with("statusSize", dev.credkit.json.JsonNumber.of(2)), "statusMessage is required");
        // the default, written out, is the smallest size allowed
        assertThat(BitstringStatusListEntry.read(base.with("statusSize", dev.credkit.json.JsonNumber.of(1))).statusSize()).isEqualTo(1);
        assertInvalid(base.with("statusPurpose", ""), "statusPurpose must not be empty");
    }

    @Test
    void rejectsBadStatusMessages() throws Exception {
        JsonObject base = json(MESSAGE_ENTRY);
        assertInvalid(base.with("statusMessage", json("{\"a\":[{\"status\":\"0x0\",\"message\":\"x\"}]}").get("a").orElseThrow()),
                "must have 4 elements for statusSize 2, found 1");
        assertInvalid(json(MESSAGE_ENTRY.replace("\"0x3\"", "\"3\"")), "hexadecimal with a 0x prefix");
        assertInvalid(json(MESSAGE_ENTRY.replace("\"0x3\"", "\"0x1\"")), "lists status 0x1 twice");
        assertInvalid(json(MESSAGE_ENTRY.replace("\"0x3\"", "\"0x4\"")), "does not fit in statusSize 2");
        assertInvalid(json(MESSAGE_ENTRY.replace("\"message\":\"undefined\"", "\"message\":3")), "need a string message");
        assertInvalid(base.with("statusMessage", "x"), "statusMessage must be a non-empty array");
        assertInvalid(base.with("statusReference", "not a url"), "statusReference must hold absolute URLs");
    }

    @Test
    void readsEntriesFromACredential() throws Exception {
        JsonObject credential = json("""
                {"credentialStatus":[%s,{"type":"SomethingElse","id":"urn:x"},%s]}""".formatted(REVOCATION_ENTRY, MESSAGE_ENTRY));
        assertThat(BitstringStatusListEntry.fromCredential(credential))
                .extracting(BitstringStatusListEntry::statusPurpose).containsExactly("revocation", "message");
        assertThat(BitstringStatusListEntry.fromCredential(json("{}"))).isEmpty();
        assertThat(BitstringStatusListEntry.fromCredential(json("{\"credentialStatus\":" + REVOCATION_ENTRY + "}"))).hasSize(1);
        assertThatThrownBy(() -> BitstringStatusListEntry.fromCredential(json("{\"credentialStatus\":[1]}")))
                .isInstanceOf(CredentialException.class);
    }

    @Test
    void constructorRefusesWhatReadRefuses() {
        assertThatThrownBy(() -> new BitstringStatusListEntry("https://l#1", "message", 1, "https://l", 2, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statusMessage is required");
        assertThatThrownBy(() -> new BitstringStatusListEntry("https://l#1", "revocation", -1, "https://l", 1, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BitstringStatusListEntry("https://l#1", "", 1, "https://l", 1, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statusPurpose must not be empty");
    }

    static void assertInvalid(JsonObject entry, String messagePart) {
        assertThatThrownBy(() -> BitstringStatusListEntry.read(entry))
                .isInstanceOfSatisfying(CredentialException.class, e -> {
                    assertThat(e.code()).isEqualTo(ProblemCode.INVALID_STATUS_LIST);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    @org.junit.jupiter.api.Test
    void anEntryWithoutIdIsReadAsVcDataModel2AllowsIt() throws Exception {
        BitstringStatusListEntry entry = BitstringStatusListEntry.read(json(REVOCATION_ENTRY).without("id"));
        org.assertj.core.api.Assertions.assertThat(entry.id()).isNull();
        org.assertj.core.api.Assertions.assertThat(entry.toJson().has("id")).isFalse();
    }
}
