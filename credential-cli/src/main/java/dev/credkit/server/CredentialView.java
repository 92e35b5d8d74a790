package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.ob.Achievement;
import dev.credkit.ob.AchievementSubject;
import dev.credkit.ob.Image;
import dev.credkit.ob.OpenBadgeCredential;
import dev.credkit.ob.Profile;
import dev.credkit.ob.Result;
import dev.credkit.ob.ResultDescription;
import dev.credkit.ob.RubricCriterionLevel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a person sees of a credential: the fields of an Open Badges 3.0 course certificate or
 * course record (institution, learner, course, syllabus, workload, criteria, dates, results),
 * read through {@link OpenBadgeCredential}; any other credential is read leniently from its JSON.
 * Values are plain text here; pages escape them.
 *
 * @param title        the credential's name, else its most specific type
 * @param institution  the issuer's name, else its id
 * @param issuerId     the issuer's id
 * @param issuerUrl    the issuer's homepage, if given
 * @param learner      the learner's name (a plain {@code name} identity, or the subject's name)
 * @param course       the achievement's name
 * @param courseCode   the achievement's human code
 * @param syllabus     the achievement's description without the workload line
 * @param workload     the workload line ("Workload: 40 hours."), if present
 * @param criteria     the criteria narrative
 * @param criteriaUrl  the criteria page
 * @param term         the academic term
 * @param credits      credits earned
 * @param issued       validFrom (VC 2.0) or issuanceDate (VC 1.1), as written
 * @param validUntil   validUntil or expirationDate, as written
 * @param results      the results, final grade first (as a course record orders them)
 * @param types        the credential's types
 * @param imageDataUrl the achievement image when it is an inline raster or SVG data URL
 */
record CredentialView(String title, String institution, String issuerId, String issuerUrl, String learner,
                      String course, String courseCode, String syllabus, String workload, String criteria,
                      String criteriaUrl, String term, String credits, String issued, String validUntil,
                      List<ResultLine> results, List<String> types, String imageDataUrl) {

    /** One result: what was assessed and the value reached. */
    record ResultLine(String label, String value) {
    }

    private static final int MAX_IMAGE_DATA_URL = 512 * 1024;

    static CredentialView of(JsonObject vc) {
        try {
            return of(OpenBadgeCredential.read(vc));
        } catch (CredentialException | RuntimeException e) {
            return ofJson(vc); // not an Open Badge (or not a valid one): show what the JSON says
        }
    }

    static CredentialView of(OpenBadgeCredential badge) {
        Profile issuer = badge.issuer();
        AchievementSubject subject = badge.credentialSubject();
        Achievement achievement = badge.achievement();
        String[] syllabusAndWorkload = splitWorkload(achievement.description());
        List<ResultLine> results = new ArrayList<>();
        for (Result r : subject.results()) {
            Optional<ResultDescription> description = r.resultDescription().flatMap(achievement::resultDescription);
            String label = description.map(ResultDescription::name).orElse("Result");
            String value = r.value()
                    .map(v -> description.map(ResultDescription::resultType).filter("Percent"::equals).isPresent()
                            && v.matches("\\d+(\\.\\d+)?") ? v + "%" : v)
                    .or(() -> r.achievedLevel().map(level -> description.flatMap(d -> levelName(d, level)).orElse(level)))
                    .or(r::status)
                    .orElse("—");
            results.add(new ResultLine(label, value));
        }
        String image = achievement.image().map(Image::id).filter(CredentialView::isInlineImage).orElse(null);
        return new CredentialView(badge.name(), issuer.name().orElse(issuer.id()), issuer.id(), issuer.url().orElse(null),
                subject.displayName().orElse(null), achievement.name(), achievement.humanCode().orElse(null),
                syllabusAndWorkload[0], syllabusAndWorkload[1], achievement.criteria().narrative().orElse(null),
                achievement.criteria().id().orElse(null), subject.term().orElse(null),
                subject.creditsEarned().map(c -> c.stripTrailingZeros().toPlainString()).orElse(null),
                badge.validFrom(), badge.validUntil().orElse(null), List.copyOf(results), badge.types(), image);
    }

    private static Optional<String> levelName(ResultDescription description, String levelId) {
        return description.rubricCriterionLevels().stream().filter(l -> l.id().equals(levelId)).map(RubricCriterionLevel::name).findFirst();
    }

    /** The builder writes the workload as the description's last paragraph ("Workload: 40 hours."). */
    private static String[] splitWorkload(String description) {
        if (description == null) {
            return new String[] {null, null};
        }
        int w = description.lastIndexOf("Workload:");
        if (w >= 0 && (w == 0 || description.charAt(w - 1) == '\n')) {
            return new String[] {description.substring(0, w).strip(), description.substring(w).strip()};
        }
        return new String[] {description, null};
    }

    /** Any credential, read leniently from its JSON. */
    static CredentialView ofJson(JsonObject vc) {
        List<String> types = strings(vc.get("type").orElse(null));
        JsonValue issuerValue = vc.get("issuer").orElse(null);
        String issuerId = null;
        String institution = null;
        String issuerUrl = null;
        if (issuerValue instanceof JsonString s) {
            issuerId = s.value();
        } else if (issuerValue instanceof JsonObject o) {
            issuerId = o.string("id").orElse(null);
            institution = text(o.get("name").orElse(null));
            issuerUrl = text(o.get("url").orElse(null));
        }
        JsonObject subject = firstObject(vc.get("credentialSubject").orElse(null));
        JsonObject achievement = subject == null ? null : subject.object("achievement").orElse(null);

        String learner = subject == null ? null : learnerName(subject);
        String course = achievement == null ? null : text(achievement.get("name").orElse(null));
        String courseCode = achievement == null ? null : text(achievement.get("humanCode").orElse(null));
        String[] syllabusAndWorkload = splitWorkload(achievement == null ? null : text(achievement.get("description").orElse(null)));
        String syllabus = syllabusAndWorkload[0];
        String workload = syllabusAndWorkload[1];
        String criteria = null;
        String criteriaUrl = null;
        if (achievement != null) {
            Optional<JsonObject> c = achievement.object("criteria");
            criteria = c.flatMap(o -> Optional.ofNullable(text(o.get("narrative").orElse(null)))).orElse(null);
            criteriaUrl = c.flatMap(o -> o.string("id")).orElse(null);
        }
        String term = subject == null ? null : text(subject.get("term").orElse(null));
        String credits = subject == null ? null : text(subject.get("creditsEarned").orElse(null));
        String issued = vc.string("validFrom").or(() -> vc.string("issuanceDate")).or(() -> vc.string("awardedDate")).orElse(null);
        String validUntil = vc.string("validUntil").or(() -> vc.string("expirationDate")).orElse(null);
        String title = text(vc.get("name").orElse(null));
        if (title == null) {
            title = types.stream().filter(t -> !t.equals("VerifiableCredential")).findFirst().orElse("Verifiable credential");
        }
        return new CredentialView(title, institution != null ? institution : issuerId, issuerId, issuerUrl, learner,
                course, courseCode, syllabus, workload, criteria, criteriaUrl, term, credits, issued, validUntil,
                results(subject, achievement), types, image(achievement));
    }

    /** The final grade: the first result of a course record. */
    Optional<ResultLine> finalGrade() {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }

    /** Whether the credential reads as a course record (it has results). */
    boolean hasResults() {
        return !results.isEmpty();
    }

    static Optional<Instant> instant(String dateTime) {
        if (dateTime == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(dateTime).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String learnerName(JsonObject subject) {
        String name = text(subject.get("name").orElse(null));
        if (name != null) {
            return name;
        }
        for (JsonValue v : list(subject.get("identifier").orElse(null))) {
            if (v instanceof JsonObject id && "name".equals(id.string("identityType").orElse(null))
                    && JsonBoolean.FALSE.equals(id.get("hashed").orElse(null))) {
                return id.string("identityHash").orElse(null);
            }
        }
        return null;
    }

    private static List<ResultLine> results(JsonObject subject, JsonObject achievement) {
        if (subject == null) {
            return List.of();
        }
        Map<String, JsonObject> descriptions = new HashMap<>();
        if (achievement != null) {
            for (JsonValue v : list(achievement.get("resultDescription").orElse(null))) {
                if (v instanceof JsonObject d) {
                    d.string("id").ifPresent(id -> descriptions.put(id, d));
                }
            }
        }
        List<ResultLine> out = new ArrayList<>();
        for (JsonValue v : list(subject.get("result").orElse(null))) {
            if (!(v instanceof JsonObject r)) {
                continue;
            }
            JsonObject description = r.string("resultDescription").map(descriptions::get).orElse(null);
            String label = description == null ? null : text(description.get("name").orElse(null));
            String value = text(r.get("value").orElse(null));
            if (value == null) {
                value = r.string("achievedLevel").map(level -> levelName(description, level)).orElse(null);
            }
            if (value == null) {
                value = text(r.get("status").orElse(null));
            }
            out.add(new ResultLine(label != null ? label : "Result", value != null ? value : "—"));
        }
        return List.copyOf(out);
    }

    private static String levelName(JsonObject description, String levelId) {
        if (description != null) {
            for (JsonValue v : list(description.get("rubricCriterionLevel").orElse(null))) {
                if (v instanceof JsonObject level && levelId.equals(level.string("id").orElse(null))) {
                    String name = text(level.get("name").orElse(null));
                    if (name != null) {
                        return name;
                    }
                }
            }
        }
        return levelId;
    }

    private static String image(JsonObject achievement) {
        if (achievement == null) {
            return null;
        }
        JsonValue image = achievement.get("image").orElse(null);
        String url = image instanceof JsonObject o ? o.string("id").orElse(null)
                : image instanceof JsonString s ? s.value() : null;
        return isInlineImage(url) ? url : null;
    }

    /** Only inline raster or SVG data URLs are shown: nothing is fetched from elsewhere (and an SVG in img runs no script). */
    private static boolean isInlineImage(String url) {
        if (url == null || url.length() > MAX_IMAGE_DATA_URL) {
            return false;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("data:image/png;base64,") || lower.startsWith("data:image/jpeg;base64,")
                || lower.startsWith("data:image/gif;base64,") || lower.startsWith("data:image/webp;base64,")
                || lower.startsWith("data:image/svg+xml;base64,");
    }

    /** A plain string, a language value ({@code @value}), a number, or the first of an array. */
    static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.value().isBlank() ? null : s.value();
        }
        if (v instanceof JsonNumber n) {
            return n.value().stripTrailingZeros().toPlainString();
        }
        if (v instanceof JsonObject o) {
            return o.get("@value").map(CredentialView::text).orElse(null);
        }
        if (v instanceof JsonArray a && !a.isEmpty()) {
            return text(a.get(0));
        }
        return null;
    }

    private static JsonObject firstObject(JsonValue v) {
        if (v instanceof JsonObject o) {
            return o;
        }
        if (v instanceof JsonArray a) {
            for (JsonValue e : a) {
                if (e instanceof JsonObject o) {
                    return o;
                }
            }
        }
        return null;
    }

    private static List<JsonValue> list(JsonValue v) {
        if (v == null) {
            return List.of();
        }
        return v instanceof JsonArray a ? a.elements() : List.of(v);
    }

    private static List<String> strings(JsonValue v) {
        List<String> out = new ArrayList<>();
        for (JsonValue e : list(v)) {
            if (e instanceof JsonString s) {
                out.add(s.value());
            }
        }
        return List.copyOf(out);
    }
}
