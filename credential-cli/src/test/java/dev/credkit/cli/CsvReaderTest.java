package dev.credkit.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {
    static List<CsvReader.Record> read(String text) throws IOException {
        List<CsvReader.Record> out = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        List<CsvReader.Record> records = read("name,note\r\n\"Hopper, Grace\",\"said \"\"hi\"\"\"\r\n\"two\nlines\",x\r\nlast,\"\"");
        assertThat(records).extracting(CsvReader.Record::fields).containsExactly(
                List.of("name", "note"),
                List.of("Hopper, Grace", "said \"hi\""),
                List.of("two\nlines", "x"),
                List.of("last", ""));
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L, 5L);
        assertThat(records).allSatisfy(r -> assertThat(r.ok()).isTrue());
    }

    @Test
    void skipsTheByteOrderMarkAndBlankRecordsAndAcceptsEveryLineEnd() throws Exception {
        List<CsvReader.Record> records = read("\uFEFFa,b\n\n1,2\r3,4\r\n,\n  ,  \n5,6");
        assertThat(records).extracting(CsvReader.Record::fields)
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"), List.of("5", "6"));
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 3L, 4L, 7L);
    }

    @Test
    void aBadRecordIsReportedAndReadingGoesOn() throws Exception {
        List<CsvReader.Record> records = read("a,b\nab\"c,d\n\"x\"y,z\nok,fine\n");
        assertThat(records).hasSize(4);
        assertThat(records.get(1).error()).contains("field 1").contains("quote");
        assertThat(records.get(2).error()).contains("field 1").contains("after its closing quote");
        assertThat(records.get(3).ok()).isTrue();
        assertThat(records.get(3).fields()).containsExactly("ok", "fine");
    }

    @Test
    void aQuoteThatNeverClosesEndsTheFile() throws Exception {
        List<CsvReader.Record> records = read("a,b\n\"open,b\nc,d\ne,f\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).error()).contains("never closes").endsWith("reading stopped here");
    }

    @Test
    void anEndlessRecordIsCutAtTheLimit() throws Exception {
        String huge = "\"" + "x".repeat(CsvReader.MAX_RECORD_CHARS + 10);
        List<CsvReader.Record> records = read("a\n" + huge);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).error()).contains("longer than");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> {
            try (CsvReader csv = CsvReader.utf8(new ByteArrayInputStream(latin1))) {
                while (csv.next() != null) {
                    // read everything
                }
            }
        }).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void emailAddressesAndHeaderNames() {
        assertThat(Roster.isEmailAddress("ada@example.org")).isTrue();
        assertThat(Roster.isEmailAddress("a.b+tag@sub.example.ac.uk")).isTrue();
        assertThat(Roster.isEmailAddress("not-an-email")).isFalse();
        assertThat(Roster.isEmailAddress("ada@localhost")).isFalse();
        assertThat(Roster.isEmailAddress("ada@@example.org")).isFalse();
        assertThat(Roster.isEmailAddress("ada lovelace@example.org")).isFalse();
        assertThat(Roster.isEmailAddress("@example.org")).isFalse();
        assertThat(Roster.normalize(" Student ID ")).isEqualTo(Roster.normalize("student_id")).isEqualTo("studentid");
    }
}
