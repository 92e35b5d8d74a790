package dev.credkit.examples;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.ob.CourseRecordBuilder;
import dev.credkit.ob.Profile;
import dev.credkit.ob.ResultDescription;
import dev.credkit.ob.VerificationCode;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.Signers;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * Issue a Course Record: the final grade and each assignment as Open Badges 3.0 Results, each
 * pointing to a ResultDescription of the course that says how it is graded (values are checked
 * against it: range, allowed values, and pass/fail from requiredValue).
 */
public final class IssueCourseRecord {
    private IssueCourseRecord() {
    }

    public static JsonObject issue(Ed25519KeyPair key, Clock clock) throws Exception {
        SecureRandom random = new SecureRandom();
        ResultDescription finalGrade = ResultDescription.builder().id("urn:uuid:6f1f3c86-2c50-4c2c-9f57-1f0c5f1d1a01")
                .name("Final grade").resultType("Percent").range(BigDecimal.ZERO, BigDecimal.valueOf(100))
                .requiredValue("60").build();
        ResultDescription essay = ResultDescription.builder().id("urn:uuid:6f1f3c86-2c50-4c2c-9f57-1f0c5f1d1a02")
                .name("Essay").resultType("LetterGrade").allowedValues(List.of("F", "D", "C", "B", "A"))
                .requiredValue("C").build();

        JsonObject unsigned = CourseRecordBuilder.create(clock, random)
                .issuer(Profile.builder().id(DidKey.did(key.publicKey())).name("Example State University").build())
                .verifyBaseUrl("https://certs.example.edu")
                .verificationCode(VerificationCode.generate(random))
                .learnerName("Ada Lovelace")
                .learnerStudentId("20250042")
                .courseName("HIST 110: Modern History")
                .finalGrade(finalGrade, "84")
                .assignment(essay, "B")
                .build()
                .toJson();
        return CredentialIssuer.builder().signer(Signers.didKey(key)).clock(clock).build().issue(unsigned).json();
    }

    public static void main(String[] args) throws Exception {
        System.out.println(JsonWriter.pretty(issue(Ed25519KeyPair.generate(), Clock.systemUTC())));
    }
}
