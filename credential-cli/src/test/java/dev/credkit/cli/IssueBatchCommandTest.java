package dev.credkit.cli;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.ob.OpenBadgeCredential;
import dev.credkit.ob.VerificationCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code credkit issue --batch}: a roster and a template in, signed credentials and reports out. */
class IssueBatchCommandTest {
    static final String TEMPLATE = """
            {
              "institution": {"name": "Example State University", "url": "https://example.edu"},
              "verifyBaseUrl": "https://certs.example.edu",
              "course": {
                "name": "CS 201: Introduction to Data Structures", "code": "CS 201",
                "syllabus": "Arrays, linked lists, stacks, queues, hash tables, trees and graphs.",
                "workloadHours": 120,
                "criteria": {"narrative": "Complete all assignments and pass the final examination."},
                "term": "Fall 2025", "startDate": "2024-09-01", "endDate": "2024-12-19"
              },
              "courseRecord": {
                "finalGrade": {"column": "final_grade", "name": "Final grade", "resultType": "Percent",
                               "valueMin": 0, "valueMax": 100, "requiredValue": 60},
                "assignments": [
                  {"column": "hw1", "name": "Assignment 1", "resultType": "Percent", "valueMin": 0, "valueMax": 100},
                  {"column": "Lab Grade", "name": "Lab", "resultType": "LetterGrade", "allowedValue": ["F", "D", "C", "B", "A"]}
                ]
              }
            }""";

    /** Rows 4, 5, 6, 7 and 9 are bad, each in its own way; the others must be issued regardless. */
    static final String ROSTER = """
            name,email,student_id,final_grade,hw1,lab_grade,notes
            Ada Lovelace,ada@example.org,S001,91,88,A,
            "Hopper, Grace",grace@example.org,S002,,,,"likes ""COBOL""\"
            ,nobody@example.org,S003,70,70,B,
            Alan Turing,not-an-email,S004,80,,,
            Edsger Dijkstra,edsger@example.org,S005,80,90
            Barbara Liskov,,S006,101,50,C,
            Donald Knuth,don@example.org,,99,100,A,
            Ken "the" Thompson,ken@example.org,S009,75,,,
            Frances Allen,,S010,,,,
            """;

    @TempDir
    Path dir;
    Path key;
    Path template;

    @BeforeEach
    void setUp() throws Exception {
        key = dir.resolve("key.json");
        CliHarness.run("keygen", "-o", key.toString()).assertSuccess();
        template = write("template.json", TEMPLATE);
    }

    Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    CliHarness.Result issue(Path roster, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("issue", "--batch", roster.toString(), "--template", template.toString(),
                "--key", key.toString(), "-o", out.toString(), "--threads", "2"));
        args.addAll(List.of(extra));
        return CliHarness.run(args.toArray(String[]::new));
    }

    static List<JsonObject> index(Path out) throws Exception {
        List<JsonObject> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("index.jsonl"))) {
            lines.add(JsonReader.defaults().readObject(line));
        }
        return lines;
    }

    @Test
    void badRowsAreReportedAndTheBatchGoesOn() throws Exception {
        Path out = dir.resolve("out");
        CliHarness.Result r = issue(write("roster.csv", ROSTER), out, "--render");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(r.out()).contains("Issued 4 of 9 rows").contains("4 certificates, 2 course records, 4 SVGs").contains("5 rows failed");
        assertThat(r.err()).contains("ignoring roster columns: notes")
                .contains("row 4: the learner's name is missing")
                .contains("row 5 (Alan Turing): 'not-an-email' is not an e-mail address")
                .contains("row 6 (Edsger Dijkstra): has 5 fields, the header has 7")
                .contains("row 7 (Barbara Liskov): final_grade '101'")
                .contains("row 9 (Ken \"the\" Thompson): field 1 has a quote")
                .doesNotContain("\tat ", "Exception");

        List<String> errors = Files.readAllLines(out.resolve("errors.csv"));
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0)).isEqualTo("row,name,reason");
        assertThat(errors.subList(1, 6)).extracting(l -> l.substring(0, l.indexOf(','))).containsExactly("4", "5", "6", "7", "9");
        assertThat(errors.get(3)).isEqualTo("6,Edsger Dijkstra,\"has 5 fields, the header has 7\"");

        List<JsonObject> index = index(out);
        assertThat(index).extracting(l -> l.get("row").orElseThrow().toString() + " " + l.string("credential").orElseThrow()
                        + " " + l.string("learner").orElseThrow())
                .containsExactly("2 certificate Ada Lovelace", "2 courseRecord Ada Lovelace",
                        "3 certificate Hopper, Grace",
                        "8 certificate Donald Knuth", "8 courseRecord Donald Knuth",
                        "10 certificate Frances Allen");
        for (JsonObject line : index) {
            String code = line.string("code").orElseThrow();
            assertThat(VerificationCode.isValid(code)).isTrue();
            Path file = out.resolve(line.string("file").orElseThrow());
            assertThat(file.getFileName().toString()).isEqualTo(code + ".json");
            OpenBadgeCredential credential = OpenBadgeCredential.read(JsonReader.defaults().readObject(Files.readString(file)));
            assertThat(credential.id()).isEqualTo("https://certs.example.edu/verify/" + code).isEqualTo(line.string("id").orElseThrow());
            assertThat(credential.credentialSubject().displayName()).contains(line.string("learner").orElseThrow());
            assertThat(line.string("image").isPresent()).isEqualTo(line.string("credential").orElseThrow().equals("certificate"));
        }
        assertThat(index.stream().map(l -> l.string("code").orElseThrow()).distinct()).hasSize(6);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(6 + 4 + 2);
        }

        JsonObject adaRecord = JsonReader.defaults().readObject(Files.readString(out.resolve(index.get(1).string("file").orElseThrow())));
        OpenBadgeCredential record = OpenBadgeCredential.read(adaRecord);
        assertThat(record.credentialSubject().results()).extracting(res -> res.value().orElseThrow()).containsExactly("91", "88", "A");
        assertThat(record.achievement().achievementType()).contains("Course");

        // every credential written verifies offline
        CliHarness.Result verified = CliHarness.run("verify", "--batch", out.toString());
        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("Verified 6 of 6 credentials");
        CliHarness.Result svgs = CliHarness.run("verify", "--batch", "--glob", "*.svg", out.toString());
        assertThat(svgs.exitCode()).as(svgs.out()).isZero();
        assertThat(svgs.out()).contains("Verified 4 of 4 credentials");
    }

    @Test
    void exitsZeroWhenEveryRowIsIssuedAndAFinalGradeColumnAloneGivesCourseRecords() throws Exception {
        template = write("plain.json", """
                {"institution": {"name": "Example State University"},
                 "verifyBaseUrl": "https://certs.example.edu",
                 "course": {"name": "Statistics", "syllabus": "Probability and inference.", "workloadHours": 60,
                            "criteria": "Pass the exam."}}""");
        Path roster = write("r.csv", "Student ID,Name,Final Grade\nS1,Ada Lovelace,B+\nS2,Grace Hopper,\n");
        Path out = dir.resolve("o");
        CliHarness.Result r = issue(roster, out);
        r.assertSuccess();
        assertThat(r.out()).contains("Issued 2 of 2 rows").contains("2 certificates, 1 course records");
        assertThat(Files.readAllLines(out.resolve("errors.csv"))).containsExactly("row,name,reason");
        List<JsonObject> index = index(out);
        assertThat(index).extracting(l -> l.string("credential").orElseThrow()).containsExactly("certificate", "courseRecord", "certificate");
        JsonObject record = JsonReader.defaults().readObject(Files.readString(out.resolve(index.get(1).string("file").orElseThrow())));
        assertThat(record.toJson()).contains("\"B+\"").contains("\"Final grade\"").contains("sisSourcedId").doesNotContain("S1\"");
    }

    @Test
    void givesEveryCredentialAStatusEntryFromTheStateFile() throws Exception {
        String url = "https://certs.example.edu/status/1";
        Path state = dir.resolve("state.json");
        CliHarness.run("status", "create", "--state", state.toString(), "--url", url).assertSuccess();
        Path roster = write("r.csv", "name,email,final_grade,hw1,lab_grade\nAda,ada@example.org,90,90,A\nGrace,grace@example.org,,,\n");
        Path out = dir.resolve("o");
        CliHarness.Result r = issue(roster, out, "--status-state", state.toString(), "--status-list", url);
        r.assertSuccess();
        assertThat(r.out()).contains("Status entries: 3 allocated on " + url);

        Path list = dir.resolve("list.json");
        CliHarness.run("status", "publish", "--state", state.toString(), "--url", url, "--key", key.toString(),
                "--valid-for", "P7D", "-o", list.toString()).assertSuccess();
        CliHarness.Result verified = CliHarness.run("verify", "--batch", "--status-list", list.toString(), out.toString());
        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("Verified 3 of 3");
        for (JsonObject line : index(out)) {
            assertThat(Files.readString(out.resolve(line.string("file").orElseThrow()))).contains("BitstringStatusListEntry");
        }
    }

    @Test
    void unusableInputsStopTheBatchBeforeAnythingIsIssued() throws Exception {
        Path roster = write("roster.csv", ROSTER);
        Path out = dir.resolve("out");

        issue(roster, out, "--template", dir.resolve("missing.json").toString()).assertFailure(ExitCodes.USAGE);

        template = write("typo.json", TEMPLATE.replace("\"syllabus\"", "\"sylabus\""));
        issue(roster, out).assertFailure(ExitCodes.MALFORMED_INPUT);
        assertThat(issue(roster, out).err()).contains("course.syllabus is required");

        template = write("typo2.json", TEMPLATE.replace("\"term\"", "\"trem\""));
        assertThat(issue(roster, out).assertFailure(ExitCodes.MALFORMED_INPUT).err()).contains("unknown member 'trem'");

        template = write("badurl.json", TEMPLATE.replace("https://certs.example.edu", "ftp://certs.example.edu"));
        assertThat(issue(roster, out).assertFailure(ExitCodes.MALFORMED_INPUT).err()).contains("template").contains("verify base URL");

        template = write("template.json", TEMPLATE);
        assertThat(issue(write("noname.csv", "email,student_id\na@example.org,1\n"), out)
                .assertFailure(ExitCodes.MALFORMED_INPUT).err()).contains("no 'name' column");
        assertThat(issue(write("noid.csv", "name,final_grade,hw1,lab_grade\nAda,1,1,A\n"), out)
                .assertFailure(ExitCodes.MALFORMED_INPUT).err()).contains("'email' or a 'student_id'");
        assertThat(issue(write("empty.csv", ""), out).assertFailure(ExitCodes.MALFORMED_INPUT).err()).contains("empty");
        assertThat(issue(write("header.csv", "name,email,final_grade,hw1,lab_grade\n"), out).assertFailure(ExitCodes.MALFORMED_INPUT).err()).contains("no learner rows");
        assertThat(issue(write("open.csv", "name,email,final_grade,hw1,lab_grade\nAda,ada@example.org\n\"Grace,grace@example.org\n"), out)
                .assertFailure(ExitCodes.MALFORMED_INPUT).err()).contains("line 3").contains("never closes");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "name,email,final_grade,hw1,lab_grade\nJos\u00e9,jose@example.org,,,\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(issue(latin1, out).assertFailure(ExitCodes.MALFORMED_INPUT).err()).contains("not UTF-8");
        assertThat(issue(write("nohw.csv", "name,email,final_grade\nAda,a@example.org,1\n"), out)
                .assertFailure(ExitCodes.MALFORMED_INPUT).err()).contains("column 'hw1'");
        assertThat(Files.exists(out)).isFalse();

        assertThat(issue(roster, out).exitCode()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(issue(roster, out).assertFailure(ExitCodes.USAGE).err()).contains("already holds a batch");

        assertThat(issue(roster, dir.resolve("o2"), "--suite", "vc-jwt").assertFailure(ExitCodes.USAGE).err()).contains("Data Integrity");
        assertThat(issue(roster, dir.resolve("o2"), "--threads", "0").assertFailure(ExitCodes.USAGE).err()).contains("--threads");
        issue(roster, dir.resolve("o2"), "--status-list", "https://x.example/1").assertFailure(ExitCodes.USAGE);
    }

    @Test
    void helpShowsTheTemplateShapeAndTheExitCodes() {
        CliHarness.Result help = CliHarness.run("issue", "--help").assertSuccess();
        assertThat(help.out()).contains("--batch=ROSTER.csv").contains("\"verifyBaseUrl\"").contains("\"workloadHours\"")
                .contains("\"courseRecord\"").contains("1   some rows failed");
        assertThat(CliHarness.run("--help").out()).contains("issue");
    }
}
