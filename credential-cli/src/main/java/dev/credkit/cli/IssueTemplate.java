package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.ob.CourseCredentialBuilder;
import dev.credkit.ob.Profile;
import dev.credkit.ob.ResultDescription;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The course and institution of a batch, read from the {@code --template} JSON file of
 * {@code credkit issue --batch}; everything a certificate or course record says that is the same
 * for every learner. Immutable. Unknown members are refused (a typo must not silently drop a
 * field from ten thousand certificates).
 */
final class IssueTemplate {
    /** The template's shape, for {@code --help} (lines end with {@code %n}: a constant, so an annotation can use it). */
    static final String SHAPE = ""
            + "{%n"
            + "  \"institution\": {                        (required)%n"
            + "    \"name\": \"Example State University\",   (required)%n"
            + "    \"id\": \"did:web:example.edu\",    (default: the key file's controller)%n"
            + "    \"url\": \"https://example.edu\", \"email\": \"registrar@example.edu\",%n"
            + "    \"description\": \"...\"},%n"
            + "  \"verifyBaseUrl\": \"https://certs.example.edu\",%n"
            + "                  (required: each id is <base>/verify/<CODE>)%n"
            + "  \"course\": {                             (required)%n"
            + "    \"name\": \"CS 201: Data Structures\",    (required)%n"
            + "    \"syllabus\": \"Arrays, lists, trees.\",  (required)%n"
            + "    \"workloadHours\": 120,                 (required)%n"
            + "    \"criteria\": \"Pass the final exam.\",   (required; or an object:%n"
            + "                {\"narrative\": \"...\", \"url\": \"https://...\"})%n"
            + "    \"code\": \"CS 201\", \"id\": \"https://example.edu/courses/cs201\",%n"
            + "    \"credits\": 6, \"fieldOfStudy\": \"Computer Science\", \"term\": \"Fall 2025\",%n"
            + "    \"startDate\": \"2025-09-01\", \"endDate\": \"2025-12-19\"},%n"
            + "  \"validUntil\": \"2035-01-01T00:00:00Z\",%n"
            + "  \"identityVerification\": {\"method\": \"photo ID checked by a proctor\",%n"
            + "                           \"date\": \"2025-12-15\"},%n"
            + "  \"courseRecord\": {          (optional: course records for rows with scores)%n"
            + "    \"finalGrade\": {\"column\": \"final_grade\", \"name\": \"Final grade\",%n"
            + "                   \"resultType\": \"Percent\", \"valueMin\": 0, \"valueMax\": 100,%n"
            + "                   \"requiredValue\": 60},%n"
            + "    \"assignments\": [{\"column\": \"hw1\", \"name\": \"Assignment 1\",%n"
            + "                     \"resultType\": \"Percent\", \"valueMin\": 0, \"valueMax\": 100}]}%n"
            + "}%n"
            + "Only \"institution.name\", \"verifyBaseUrl\" and the course's name, syllabus,%n"
            + "workloadHours and criteria are required. Result descriptions (finalGrade,%n"
            + "assignments) need column, name and resultType, and also take \"allowedValue\":%n"
            + "[\"F\",\"D\",\"C\",\"B\",\"A\"] (low to high) and \"id\". Without \"courseRecord\", a%n"
            + "final_grade column in the roster still gives course records (resultType%n"
            + "Result). Unknown members are refused.%n";

    /** The roster column of the final grade when the template does not describe one. */
    static final String DEFAULT_FINAL_GRADE_COLUMN = "final_grade";

    /** A graded part of the course and the roster column that holds each learner's value. */
    record ResultColumn(String column, ResultDescription description) {
    }

    private final Profile institution;
    private final String verifyBaseUrl;
    private final String courseName;
    private final String courseCode;
    private final String courseId;
    private final String syllabus;
    private final BigDecimal workloadHours;
    private final BigDecimal credits;
    private final String criteriaNarrative;
    private final String criteriaUrl;
    private final String fieldOfStudy;
    private final String term;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final Instant validUntil;
    private final String identityMethod;
    private final LocalDate identityDate;
    private final ResultColumn finalGrade;
    private final List<ResultColumn> assignments;

    private IssueTemplate(Builder b) {
        this.institution = b.institution;
        this.verifyBaseUrl = b.verifyBaseUrl;
        this.courseName = b.courseName;
        this.courseCode = b.courseCode;
        this.courseId = b.courseId;
        this.syllabus = b.syllabus;
        this.workloadHours = b.workloadHours;
        this.credits = b.credits;
        this.criteriaNarrative = b.criteriaNarrative;
        this.criteriaUrl = b.criteriaUrl;
        this.fieldOfStudy = b.fieldOfStudy;
        this.term = b.term;
        this.startDate = b.startDate;
        this.endDate = b.endDate;
        this.validUntil = b.validUntil;
        this.identityMethod = b.identityMethod;
        this.identityDate = b.identityDate;
        this.finalGrade = b.finalGrade;
        this.assignments = List.copyOf(b.assignments);
    }

    /**
     * Reads a template.
     *
     * @param defaultIssuerId the institution id when the template names none (the key's controller)
     * @throws CredentialException MALFORMED for a wrong shape, INVALID_DATA_MODEL for a value
     *                             Open Badges refuses; the message names the member
     */
    static IssueTemplate read(JsonObject json, String defaultIssuerId) throws CredentialException {
        Members root = new Members(json, "template");
        Builder b = new Builder();

        Members inst = root.requireObject("institution");
        b.institution = Profile.builder()
                .id(inst.string("id", defaultIssuerId))
                .name(inst.requireString("name"))
                .url(inst.string("url", null))
                .email(inst.string("email", null))
                .description(inst.string("description", null))
                .build();
        inst.done();

        b.verifyBaseUrl = root.requireString("verifyBaseUrl");

        Members course = root.requireObject("course");
        b.courseName = course.requireString("name");
        b.syllabus = course.requireString("syllabus");
        b.workloadHours = course.requireNumber("workloadHours");
        JsonValue criteria = course.require("criteria");
        if (criteria instanceof JsonString s) {
            b.criteriaNarrative = s.value();
        } else if (criteria instanceof JsonObject o) {
            Members c = new Members(o, "course.criteria");
            b.criteriaNarrative = c.string("narrative", null);
            b.criteriaUrl = c.string("url", null);
            c.done();
            if (b.criteriaNarrative == null && b.criteriaUrl == null) {
                throw malformed("course.criteria needs a narrative or a url");
            }
        } else {
            throw malformed("course.criteria must be a string or an object with narrative and/or url");
        }
        b.courseCode = course.string("code", null);
        b.courseId = course.string("id", null);
        b.credits = course.number("credits");
        b.fieldOfStudy = course.string("fieldOfStudy", null);
        b.term = course.string("term", null);
        b.startDate = course.date("startDate");
        b.endDate = course.date("endDate");
        course.done();

        String until = root.string("validUntil", null);
        if (until != null) {
            b.validUntil = instant(until, "validUntil");
        }
        JsonObject identity = root.object("identityVerification");
        if (identity != null) {
            Members id = new Members(identity, "identityVerification");
            b.identityMethod = id.requireString("method");
            b.identityDate = id.date("date");
            if (b.identityDate == null) {
                throw malformed("identityVerification.date is required");
            }
            id.done();
        }

        JsonObject record = root.object("courseRecord");
        if (record != null) {
            Members r = new Members(record, "courseRecord");
            b.finalGrade = resultColumn(r.requireObject("finalGrade"), b);
            JsonValue list = r.get("assignments");
            if (list != null) {
                if (!(list instanceof JsonArray array)) {
                    throw malformed("courseRecord.assignments must be an array");
                }
                int i = 0;
                for (JsonValue v : array) {
                    if (!(v instanceof JsonObject o)) {
                        throw malformed("courseRecord.assignments[" + i + "] must be an object");
                    }
                    b.assignments.add(resultColumn(new Members(o, "courseRecord.assignments[" + i + "]"), b));
                    i++;
                }
            }
            r.done();
            Set<String> columns = new LinkedHashSet<>();
            columns.add(Roster.normalize(b.finalGrade.column()));
            for (ResultColumn a : b.assignments) {
                if (!columns.add(Roster.normalize(a.column()))) {
                    throw malformed("courseRecord: column '" + a.column() + "' is used twice");
                }
            }
        }
        root.done();
        return new IssueTemplate(b);
    }

    private static ResultColumn resultColumn(Members m, Builder course) throws CredentialException {
        String column = m.requireString("column");
        if (column.isBlank()) {
            throw malformed(m.owner + ".column must name a roster column");
        }
        ResultDescription.Builder d = ResultDescription.builder()
                .id(m.string("id", resultDescriptionId(course.institution.id(), course.courseName, column)))
                .name(m.requireString("name"))
                .resultType(m.requireString("resultType"))
                .valueMin(m.numberText("valueMin"))
                .valueMax(m.numberText("valueMax"))
                .requiredValue(m.numberText("requiredValue"));
        JsonValue allowed = m.get("allowedValue");
        if (allowed != null) {
            List<String> values = allowed instanceof JsonArray a ? a.strings().orElse(null) : null;
            if (values == null) {
                throw malformed(m.owner + ".allowedValue must be an array of strings");
            }
            d.allowedValues(values);
        }
        m.done();
        return new ResultColumn(column.strip(), d.build());
    }

    /** A stable id per institution, course and column, so every record of the course shares it. */
    static String resultDescriptionId(String institutionId, String courseName, String column) {
        String seed = institutionId + "\n" + courseName + "\n" + Roster.normalize(column);
        return "urn:uuid:" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** This template with a final grade (resultType Result) read from {@code column}, for rosters that have one. */
    IssueTemplate withDefaultFinalGrade(String column) throws CredentialException {
        Builder b = new Builder(this);
        b.finalGrade = new ResultColumn(column, ResultDescription.builder()
                .id(resultDescriptionId(institution.id(), courseName, column))
                .name("Final grade").resultType("Result").build());
        return new IssueTemplate(b);
    }

    Profile institution() {
        return institution;
    }

    /** The final grade's column, when course records are described. */
    ResultColumn finalGrade() {
        return finalGrade;
    }

    List<ResultColumn> assignments() {
        return assignments;
    }

    boolean describesResults() {
        return finalGrade != null;
    }

    /** Sets everything the template says on a certificate or course record builder. */
    <B extends CourseCredentialBuilder<B>> B apply(B builder) {
        return builder.issuer(institution)
                .verifyBaseUrl(verifyBaseUrl)
                .courseName(courseName)
                .courseCode(courseCode)
                .courseId(courseId)
                .syllabus(syllabus)
                .workloadHours(workloadHours)
                .credits(credits)
                .criteriaNarrative(criteriaNarrative)
                .criteriaUrl(criteriaUrl)
                .fieldOfStudy(fieldOfStudy)
                .term(term)
                .activityStart(startDate)
                .activityEnd(endDate)
                .validUntil(validUntil)
                .identityVerified(identityMethod, identityDate);
    }

    private static CredentialException malformed(String message) {
        return new CredentialException(ProblemCode.MALFORMED, message);
    }

    private static Instant instant(String text, String member) throws CredentialException {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(member + " must be a date-time such as 2030-01-01T00:00:00Z");
        }
    }

    /** Reads the members of one template object and refuses any it did not read. */
    private static final class Members {
        private final JsonObject object;
        private final String owner;
        private final Set<String> read = new LinkedHashSet<>();

        Members(JsonObject object, String owner) {
            this.object = object;
            this.owner = owner;
        }

        JsonValue get(String name) {
            read.add(name);
            return object.get(name).orElse(null);
        }

        JsonValue require(String name) throws CredentialException {
            JsonValue v = get(name);
            if (v == null) {
                throw malformed(path(name) + " is required");
            }
            return v;
        }

        String string(String name, String fallback) throws CredentialException {
            JsonValue v = get(name);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof JsonString s)) {
                throw malformed(path(name) + " must be a string");
            }
            return s.value();
        }

        String requireString(String name) throws CredentialException {
            require(name);
            return string(name, null);
        }

        BigDecimal number(String name) throws CredentialException {
            JsonValue v = get(name);
            if (v == null) {
                return null;
            }
            if (v instanceof JsonNumber n) {
                return n.value();
            }
            if (v instanceof JsonString s) {
                try {
                    return new BigDecimal(s.value().strip());
                } catch (NumberFormatException e) {
                    throw malformed(path(name) + " must be a number");
                }
            }
            throw malformed(path(name) + " must be a number");
        }

        BigDecimal requireNumber(String name) throws CredentialException {
            require(name);
            return number(name);
        }

        /** A number or a string, as the text Open Badges stores (values are strings there). */
        String numberText(String name) throws CredentialException {
            JsonValue v = get(name);
            if (v == null) {
                return null;
            }
            if (v instanceof JsonNumber n) {
                return n.value().toPlainString();
            }
            if (v instanceof JsonString s) {
                return s.value();
            }
            throw malformed(path(name) + " must be a number or a string");
        }

        LocalDate date(String name) throws CredentialException {
            String s = string(name, null);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw malformed(path(name) + " must be a date such as 2025-09-01");
            }
        }

        JsonObject object(String name) throws CredentialException {
            JsonValue v = get(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof JsonObject o)) {
                throw malformed(path(name) + " must be an object");
            }
            return o;
        }

        Members requireObject(String name) throws CredentialException {
            require(name);
            return new Members(object(name), path(name));
        }

        /** Refuses members nobody read: most likely a typo. */
        void done() throws CredentialException {
            List<String> unknown = new ArrayList<>();
            for (String key : object.keys()) {
                if (!read.contains(key)) {
                    unknown.add(key);
                }
            }
            if (!unknown.isEmpty()) {
                throw malformed((owner.equals("template") ? "" : owner + ": ") + "unknown member"
                        + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown.stream().map(k -> "'" + k + "'").toList()));
            }
        }

        private String path(String name) {
            return owner.equals("template") ? name : owner + "." + name;
        }
    }

    private static final class Builder {
        Profile institution;
        String verifyBaseUrl;
        String courseName;
        String courseCode;
        String courseId;
        String syllabus;
        BigDecimal workloadHours;
        BigDecimal credits;
        String criteriaNarrative;
        String criteriaUrl;
        String fieldOfStudy;
        String term;
        LocalDate startDate;
        LocalDate endDate;
        Instant validUntil;
        String identityMethod;
        LocalDate identityDate;
        ResultColumn finalGrade;
        final List<ResultColumn> assignments = new ArrayList<>();

        Builder() {
        }

        Builder(IssueTemplate t) {
            institution = t.institution;
            verifyBaseUrl = t.verifyBaseUrl;
            courseName = t.courseName;
            courseCode = t.courseCode;
            courseId = t.courseId;
            syllabus = t.syllabus;
            workloadHours = t.workloadHours;
            credits = t.credits;
            criteriaNarrative = t.criteriaNarrative;
            criteriaUrl = t.criteriaUrl;
            fieldOfStudy = t.fieldOfStudy;
            term = t.term;
            startDate = t.startDate;
            endDate = t.endDate;
            validUntil = t.validUntil;
            identityMethod = t.identityMethod;
            identityDate = t.identityDate;
            finalGrade = t.finalGrade;
            assignments.addAll(t.assignments);
        }
    }
}
