package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.ob.Result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a roster CSV as its header row names them, and each data row read as a
 * {@link Learner}. Header names are matched without case, spaces, dashes or underscores:
 * {@code name} (or {@code full_name}, {@code learner_name}), {@code email} (or
 * {@code email_address}), {@code student_id} (or {@code student_number}), {@code learner_id} (a
 * DID or URL for the subject, optional), plus the score columns the template names. Other columns
 * are ignored. Immutable.
 */
final class Roster {
    private static final Map<String, String> ALIASES = Map.of(
            "name", "name", "fullname", "name", "learnername", "name", "studentname", "name",
            "email", "email", "emailaddress", "email", "mail", "email",
            "studentid", "student_id", "studentnumber", "student_id",
            "learnerid", "learner_id");
    private static final int MAX_SHOWN = 60;

    private final int columns;
    private final int name;
    private final int email;
    private final int studentId;
    private final int learnerId;
    private final IssueTemplate template;
    private final int finalGrade;
    private final int[] assignments;
    private final List<String> ignored;

    private Roster(int columns, Map<String, Integer> known, IssueTemplate template, int finalGrade, int[] assignments, List<String> ignored) {
        this.columns = columns;
        this.name = known.getOrDefault("name", -1);
        this.email = known.getOrDefault("email", -1);
        this.studentId = known.getOrDefault("student_id", -1);
        this.learnerId = known.getOrDefault("learner_id", -1);
        this.template = template;
        this.finalGrade = finalGrade;
        this.assignments = assignments;
        this.ignored = List.copyOf(ignored);
    }

    /** Lower case without spaces, dashes and underscores: "Student ID" and "student_id" match. */
    static String normalize(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (char c : header.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != ' ' && c != '_' && c != '-' && c != '\u00a0') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Maps the header row.
     *
     * @throws CliException MALFORMED_INPUT (65) when the header cannot be used
     */
    static Roster fromHeader(CsvReader.Record header, IssueTemplate template) {
        if (header == null) {
            throw CliException.malformed("the roster is empty: its first row must name the columns (name, email or student_id...)");
        }
        if (!header.ok()) {
            throw CliException.malformed("the roster's header row (line " + header.line() + ") is not valid CSV: " + header.error());
        }
        Map<String, Integer> positions = new HashMap<>();
        List<String> fields = header.fields();
        for (int i = 0; i < fields.size(); i++) {
            String key = normalize(fields.get(i));
            if (key.isEmpty()) {
                throw CliException.malformed("the roster's header has an empty column name (column " + (i + 1) + ")");
            }
            if (positions.putIfAbsent(key, i) != null) {
                throw CliException.malformed("the roster's header names column '" + shown(fields.get(i).strip()) + "' twice");
            }
        }
        Map<String, Integer> known = new HashMap<>();
        List<Integer> used = new ArrayList<>();
        for (Map.Entry<String, Integer> e : positions.entrySet()) {
            String role = ALIASES.get(e.getKey());
            if (role != null) {
                if (known.putIfAbsent(role, e.getValue()) != null) {
                    throw CliException.malformed("the roster's header has two columns for " + role);
                }
                used.add(e.getValue());
            }
        }
        if (!known.containsKey("name")) {
            throw CliException.malformed("the roster's header has no 'name' column (columns: " + shown(String.join(", ", fields)) + ")");
        }
        if (!known.containsKey("email") && !known.containsKey("student_id")) {
            throw CliException.malformed("the roster's header needs an 'email' or a 'student_id' column");
        }
        IssueTemplate effective = template;
        if (!template.describesResults() && positions.containsKey(normalize(IssueTemplate.DEFAULT_FINAL_GRADE_COLUMN))) {
            try {
                effective = template.withDefaultFinalGrade(IssueTemplate.DEFAULT_FINAL_GRADE_COLUMN);
            } catch (CredentialException e) {
                throw CliException.malformed("template: " + e.getMessage());
            }
        }
        int finalGrade = -1;
        int[] assignments = new int[0];
        if (effective.describesResults()) {
            finalGrade = column(positions, effective.finalGrade().column());
            used.add(finalGrade);
            assignments = new int[effective.assignments().size()];
            for (int i = 0; i < assignments.length; i++) {
                assignments[i] = column(positions, effective.assignments().get(i).column());
                used.add(assignments[i]);
            }
        }
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!used.contains(i)) {
                ignored.add(fields.get(i).strip());
            }
        }
        return new Roster(fields.size(), known, effective, finalGrade, assignments, ignored);
    }

    private static int column(Map<String, Integer> positions, String column) {
        Integer p = positions.get(normalize(column));
        if (p == null) {
            throw CliException.malformed("the template's courseRecord names column '" + shown(column) + "', which the roster does not have");
        }
        return p;
    }

    /** The template, with the default final grade when the roster brought a final_grade column. */
    IssueTemplate template() {
        return template;
    }

    /** Header names that no learner field or score uses. */
    List<String> ignoredColumns() {
        return ignored;
    }

    /** The name cell of a row as written (for the error report); empty when the row has none. */
    String nameOf(CsvReader.Record row) {
        return name < row.fields().size() ? row.fields().get(name).strip() : "";
    }

    /** Whether rows may carry scores (and so course records). */
    boolean hasScoreColumns() {
        return finalGrade >= 0;
    }

    /**
     * Reads one data row.
     *
     * @throws CredentialException with a one-line reason that names the field (MALFORMED for the
     *                             CSV structure, INVALID_DATA_MODEL for a value)
     */
    Learner learner(CsvReader.Record row) throws CredentialException {
        if (!row.ok()) {
            throw new CredentialException(ProblemCode.MALFORMED, row.error());
        }
        List<String> f = row.fields();
        if (f.size() != columns) {
            throw new CredentialException(ProblemCode.MALFORMED, "has " + f.size() + (f.size() == 1 ? " field" : " fields")
                    + ", the header has " + columns);
        }
        String learnerName = value(f, name);
        if (learnerName == null) {
            throw invalid("the learner's name is missing");
        }
        String mail = value(f, email);
        String student = value(f, studentId);
        if (mail == null && student == null) {
            throw invalid("needs an e-mail address or a student id");
        }
        if (mail != null && !isEmailAddress(mail)) {
            throw invalid("'" + shown(mail) + "' is not an e-mail address");
        }
        String subject = value(f, learnerId);
        if (subject != null && (subject.indexOf(':') < 1 || subject.chars().anyMatch(Character::isWhitespace))) {
            throw invalid("learner_id '" + shown(subject) + "' is not a DID or URL");
        }
        String grade = finalGrade >= 0 ? value(f, finalGrade) : null;
        List<String> scores = new ArrayList<>(assignments.length);
        boolean anyScore = grade != null;
        for (int a : assignments) {
            String v = value(f, a);
            scores.add(v);
            anyScore |= v != null;
        }
        if (anyScore) {
            if (grade == null) {
                throw invalid("has scores but no final grade ('" + template.finalGrade().column() + "')");
            }
            check(template.finalGrade(), grade);
            for (int i = 0; i < assignments.length; i++) {
                if (scores.get(i) != null) {
                    check(template.assignments().get(i), scores.get(i));
                }
            }
        }
        return new Learner(learnerName, mail, student, subject, anyScore ? grade : null, anyScore ? scores : List.of());
    }

    private static void check(IssueTemplate.ResultColumn column, String value) throws CredentialException {
        try {
            column.description().check(Result.builder().resultDescription(column.description().id()).value(value).build());
        } catch (CredentialException e) {
            throw invalid(column.column() + " '" + shown(value) + "': " + e.getMessage());
        }
    }

    /** One '@' with text on both sides, a dot in the domain, no spaces: catches the usual slips. */
    static boolean isEmailAddress(String s) {
        int at = s.indexOf('@');
        if (at < 1 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return false;
        }
        String domain = s.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        return dot > 0 && dot < domain.length() - 1 && !domain.startsWith(".") && !domain.contains("..")
                && s.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == '<' || c == '>');
    }

    private static String value(List<String> fields, int index) {
        if (index < 0) {
            return null;
        }
        String v = fields.get(index).strip();
        return v.isEmpty() ? null : v;
    }

    private static CredentialException invalid(String message) {
        return new CredentialException(ProblemCode.INVALID_DATA_MODEL, message);
    }

    /** A value as shown in a message: control characters replaced, long values cut. */
    static String shown(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < MAX_SHOWN; i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return value.length() > MAX_SHOWN ? sb + "..." : sb.toString();
    }

    /**
     * One learner of the roster.
     *
     * @param finalGrade  null when the row has no scores (no course record)
     * @param assignments the value of each template assignment, null where the cell is empty
     */
    record Learner(String name, String email, String studentId, String learnerId, String finalGrade, List<String> assignments) {
        boolean hasScores() {
            return finalGrade != null;
        }
    }
}
