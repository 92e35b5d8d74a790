package dev.credkit.ob;

import dev.credkit.core.CredentialException;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The extensible enumerations of Open Badges 3.0 and CLR 2.0. A value is valid when it is one of
 * the listed terms or follows the extension convention {@code ext:Name}. Builders refuse other
 * values; readers keep whatever a document says (a newer spec revision may add terms).
 */
public final class ObVocabulary {
    private static final Pattern EXTENSION = Pattern.compile("ext:[A-Za-z0-9._\\-]+");

    /** AchievementType. */
    public static final Set<String> ACHIEVEMENT_TYPES = Set.of(
            "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree", "Award",
            "Badge", "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification",
            "CommunityService", "Competency", "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree",
            "Fieldwork", "GeneralEducationDevelopment", "JourneymanCertificate", "LearningProgram", "License",
            "Membership", "ProfessionalDoctorate", "QualityAssuranceCredential", "MasterCertificate",
            "MasterDegree", "MicroCredential", "ResearchDoctorate", "SecondarySchoolDiploma");

    /** IdentifierTypeEnum (IdentityObject.identityType, IdentifierEntry.identifierType). */
    public static final Set<String> IDENTIFIER_TYPES = Set.of(
            "name", "sourcedId", "systemId", "productId", "userName", "accountId", "emailAddress",
            "nationalIdentityNumber", "isbn", "issn", "lisSourcedId", "oneRosterSourcedId", "sisSourcedId",
            "ltiContextId", "ltiDeploymentId", "ltiToolId", "ltiPlatformId", "ltiUserId", "identifier");

    /** ResultType (ResultDescription.resultType). */
    public static final Set<String> RESULT_TYPES = Set.of(
            "GradePointAverage", "LetterGrade", "Percent", "PerformanceLevel", "PredictedScore", "RawScore",
            "Result", "RubricCriterion", "RubricCriterionLevel", "RubricScore", "ScaledScore", "Status");

    /** ResultStatusType (Result.status): a closed enumeration. */
    public static final Set<String> RESULT_STATUSES = Set.of(
            "Completed", "Enrolled", "Failed", "InProgress", "OnHold", "Provisional", "Withdrew");

    /** AlignmentTargetType (Alignment.targetType). */
    public static final Set<String> ALIGNMENT_TARGET_TYPES = Set.of(
            "ceasn:Competency", "ceterms:Credential", "CFItem", "CFRubric", "CFRubricCriterion",
            "CFRubricCriterionLevel", "CTDL");

    /** CLR 2.0 AssociationType (Association.associationType): a closed enumeration. */
    public static final Set<String> ASSOCIATION_TYPES = Set.of(
            "exactMatchOf", "isChildOf", "isParentOf", "isPartOf", "isPeerOf", "isRelatedTo", "precedes",
            "replacedBy");

    private ObVocabulary() {
    }

    /** True when {@code value} is a listed term or an {@code ext:} extension term. */
    public static boolean isValid(Set<String> terms, String value) {
        return value != null && (terms.contains(value) || EXTENSION.matcher(value).matches());
    }

    static void check(Set<String> terms, String value, String owner, String field) throws CredentialException {
        if (value != null && !isValid(terms, value)) {
            throw ObJson.invalid(owner + "." + field + " '" + shorten(value)
                    + "' is not in the Open Badges 3.0 vocabulary (use a listed term or ext:Name)");
        }
    }

    static void checkClosed(Set<String> terms, String value, String owner, String field) throws CredentialException {
        if (value != null && !terms.contains(value)) {
            throw ObJson.invalid(owner + "." + field + " '" + shorten(value) + "' is not one of " + terms.size()
                    + " allowed values");
        }
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
