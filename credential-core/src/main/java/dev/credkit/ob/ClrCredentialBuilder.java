package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Issues a CLR 2.0 {@code ClrCredential}: a transcript that bundles already signed Open Badges
 * credentials of one learner ({@code credentialSubject.verifiableCredential}), optionally further
 * achievements (e.g. the programme) and associations between achievements (e.g. the programme
 * {@code isParentOf} each course).
 *
 * <p>Written with the contexts VC 2.0, CLR 2.0.1 and Open Badges 3.0.3, as in the 1EdTech
 * examples. The result is an unsigned JSON document; note that signing it needs the CLR 2.0.1
 * context in the offline context registry.
 *
 * <p>Rules checked: {@code id}, {@code name}, {@code issuer}, {@code validFrom} and at least one
 * bundled credential are REQUIRED; the subject needs an id or an identifier; every bundled
 * credential must be a valid, signed (embedded {@code proof}) OpenBadgeCredential, about the same
 * subject id when both have one; every association's {@code associationType} is a CLR
 * AssociationType and its {@code sourceId}/{@code targetId} are ids of achievements in the
 * transcript.
 */
public final class ClrCredentialBuilder {
    private static final String OWNER = "ClrCredential";

    private final Clock clock;
    private final SecureRandom random;
    private Profile issuer;
    private String verifyBaseUrl;
    private VerificationCode code;
    private String name;
    private String description;
    private Boolean partial;
    private String learnerName;
    private String learnerEmail;
    private String learnerStudentId;
    private String learnerId;
    private Instant issuedAt;
    private Instant validUntil;
    private final List<JsonObject> credentials = new ArrayList<>();
    private final List<Achievement> achievements = new ArrayList<>();
    private final List<String[]> associations = new ArrayList<>();

    private ClrCredentialBuilder(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A builder; {@code random} makes the salts of hashed identities. */
    public static ClrCredentialBuilder create(Clock clock, SecureRandom random) {
        return new ClrCredentialBuilder(clock, random);
    }

    public ClrCredentialBuilder issuer(Profile v) {
        this.issuer = v;
        return this;
    }

    /** As {@link CourseCredentialBuilder#verifyBaseUrl}: the id becomes {@code <base>/verify/<CODE>}. */
    public ClrCredentialBuilder verifyBaseUrl(String v) {
        this.verifyBaseUrl = v;
        return this;
    }

    public ClrCredentialBuilder verificationCode(VerificationCode v) {
        this.code = v;
        return this;
    }

    /** The transcript's title, e.g. {@code Transcript of Records}. */
    public ClrCredentialBuilder name(String v) {
        this.name = v;
        return this;
    }

    public ClrCredentialBuilder description(String v) {
        this.description = v;
        return this;
    }

    /** True when the transcript deliberately lists only part of the learner's record. */
    public ClrCredentialBuilder partial(boolean v) {
        this.partial = v;
        return this;
    }

    public ClrCredentialBuilder learnerName(String v) {
        this.learnerName = v;
        return this;
    }

    public ClrCredentialBuilder learnerEmail(String v) {
        this.learnerEmail = v;
        return this;
    }

    public ClrCredentialBuilder learnerStudentId(String v) {
        this.learnerStudentId = v;
        return this;
    }

    public ClrCredentialBuilder learnerId(String v) {
        this.learnerId = v;
        return this;
    }

    public ClrCredentialBuilder issuedAt(Instant v) {
        this.issuedAt = v;
        return this;
    }

    public ClrCredentialBuilder validUntil(Instant v) {
        this.validUntil = v;
        return this;
    }

    /** Adds a signed OpenBadgeCredential (exactly as signed: it is embedded unchanged). */
    public ClrCredentialBuilder credential(JsonObject signedCredential) {
        this.credentials.add(Objects.requireNonNull(signedCredential, "signedCredential"));
        return this;
    }

    /** Adds an achievement not carried by a bundled credential (e.g. the degree programme). */
    public ClrCredentialBuilder achievement(Achievement v) {
        this.achievements.add(Objects.requireNonNull(v, "achievement"));
        return this;
    }

    /** Relates two achievements, e.g. {@code association("isParentOf", programmeId, courseId)}. */
    public ClrCredentialBuilder association(String associationType, String sourceId, String targetId) {
        this.associations.add(new String[] {associationType, sourceId, targetId});
        return this;
    }

    /** Checks every rule and builds the unsigned ClrCredential. */
    public JsonObject build() throws CredentialException {
        if (issuer == null) {
            throw ObJson.required(OWNER, "issuer");
        }
        ObJson.checkNotBlank(name, OWNER, "name");
        String id = CourseCredentialBuilder.verifyUrl(verifyBaseUrl, code);
        ObJson.checkUri(learnerId, "ClrSubject", "id");
        if (credentials.isEmpty()) {
            throw ObJson.invalid("ClrSubject.verifiableCredential needs at least one credential (CLR 2.0)");
        }
        Set<String> achievementIds = new HashSet<>();
        for (Achievement a : achievements) {
            achievementIds.add(a.id());
        }
        List<JsonValue> bundled = new ArrayList<>(credentials.size());
        for (JsonObject c : credentials) {
            OpenBadgeCredential ob = OpenBadgeCredential.read(c);
            if (!ob.hasProof()) {
                throw ObJson.invalid("ClrSubject.verifiableCredential entries must be signed (no proof in "
                        + ObVocabulary.shorten(ob.id()) + ")");
            }
            String subjectId = ob.credentialSubject().id().orElse(null);
            if (learnerId != null && subjectId != null && !learnerId.equals(subjectId)) {
                throw ObJson.invalid("bundled credential " + ObVocabulary.shorten(ob.id())
                        + " is about another subject");
            }
            achievementIds.add(ob.achievement().id());
            bundled.add(c);
        }
        List<JsonValue> associationJson = new ArrayList<>();
        for (String[] a : associations) {
            ObJson.checkNotBlank(a[0], "Association", "associationType");
            ObVocabulary.checkClosed(ObVocabulary.ASSOCIATION_TYPES, a[0], "Association", "associationType");
            ObJson.checkNotBlank(a[1], "Association", "sourceId");
            ObJson.checkNotBlank(a[2], "Association", "targetId");
            for (String end : new String[] {a[1], a[2]}) {
                if (!achievementIds.contains(end)) {
                    throw ObJson.invalid("Association ends must be ids of achievements in the transcript ("
                            + ObVocabulary.shorten(end) + ")");
                }
            }
            associationJson.add(JsonObject.builder()
                    .put("type", ObJson.typeArray("Association"))
                    .put("associationType", a[0])
                    .put("sourceId", a[1])
                    .put("targetId", a[2])
                    .build());
        }
        List<IdentityObject> identifiers = identifiers();
        if (learnerId == null && identifiers.isEmpty()) {
            throw ObJson.invalid("ClrSubject needs an id or at least one identifier");
        }
        Instant from = issuedAt != null ? issuedAt : clock.instant();
        if (validUntil != null && validUntil.isBefore(from)) {
            throw ObJson.invalid("ClrCredential.validUntil must not be before validFrom");
        }

        JsonObject.Builder subject = JsonObject.builder();
        subject.putIfPresent("id", learnerId);
        subject.put("type", ObJson.typeArray("ClrSubject"));
        if (!identifiers.isEmpty()) {
            subject.put("identifier", ObJson.array(identifiers));
        }
        if (!achievements.isEmpty()) {
            subject.put("achievement", ObJson.array(dedupe(achievements)));
        }
        subject.put("verifiableCredential", JsonArray.of(bundled));
        if (!associationJson.isEmpty()) {
            subject.put("association", JsonArray.of(associationJson));
        }

        JsonObject.Builder b = JsonObject.builder()
                .put("@context", ObJson.stringArray(ObContexts.ISSUED_CLR))
                .put("id", id)
                .put("type", ObJson.typeArray("VerifiableCredential", "ClrCredential"))
                .put("name", name);
        b.putIfPresent("description", description);
        if (partial != null) {
            b.put("partial", partial);
        }
        b.put("issuer", issuer.toJson());
        b.put("validFrom", ObJson.format(from));
        b.putIfPresent("validUntil", validUntil == null ? null : ObJson.format(validUntil));
        b.put("credentialSubject", subject.build());
        return b.build();
    }

    private List<IdentityObject> identifiers() throws CredentialException {
        List<IdentityObject> out = new ArrayList<>();
        if (learnerName != null) {
            out.add(IdentityObject.plaintext("name", learnerName.strip()));
        }
        if (learnerEmail != null) {
            out.add(IdentityObject.hashedEmail(learnerEmail, IdentityObject.newSalt(random)));
        }
        if (learnerStudentId != null) {
            out.add(IdentityObject.hashed("sisSourcedId", learnerStudentId.strip(), IdentityObject.newSalt(random)));
        }
        return out;
    }

    private static List<Achievement> dedupe(List<Achievement> list) throws CredentialException {
        Map<String, Achievement> byId = new LinkedHashMap<>();
        for (Achievement a : list) {
            Achievement previous = byId.putIfAbsent(a.id(), a);
            if (previous != null && !previous.equals(a)) {
                throw ObJson.invalid("ClrSubject.achievement has two different achievements with id "
                        + ObVocabulary.shorten(a.id()));
            }
        }
        return new ArrayList<>(byId.values());
    }
}
