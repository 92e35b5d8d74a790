package dev.credkit.server;

import dev.credkit.json.JsonObject;
import dev.credkit.ob.CertificateBuilder;
import dev.credkit.ob.CourseRecordBuilder;
import dev.credkit.ob.Profile;
import dev.credkit.ob.Result;
import dev.credkit.ob.ResultDescription;
import dev.credkit.ob.RubricCriterionLevel;
import dev.credkit.ob.VerificationCode;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Credentials the server tests issue: plain VCs as the W3C suites post them, and Open Badges course credentials. */
final class Samples {
    static final String FINAL = "urn:uuid:6c0f1b2e-0000-4000-8000-100000000001";
    static final String HW1 = "urn:uuid:6c0f1b2e-0000-4000-8000-100000000002";
    static final String PROJECT = "urn:uuid:6c0f1b2e-0000-4000-8000-100000000004";

    private Samples() {
    }

    /** The smallest VC 2.0 credential, as the W3C data model suite posts it (issuer set by the caller, or not). */
    static JsonObject minimal() {
        return TestServer.parse("""
                {"@context":["https://www.w3.org/ns/credentials/v2"],
                 "type":["VerifiableCredential"],
                 "credentialSubject":{"id":"did:example:subject"}}""");
    }

    /** A VC 1.1 credential as the vc-di-eddsa suite posts it. */
    static JsonObject vc11(String issuer) {
        return TestServer.parse("""
                {"@context":["https://www.w3.org/2018/credentials/v1"],
                 "id":"urn:uuid:86294362-4254-4f36-854f-3952fe42555d",
                 "type":["VerifiableCredential"],
                 "issuer":"%s",
                 "issuanceDate":"2020-03-16T22:37:26Z",
                 "credentialSubject":{"id":"did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b"}}""".formatted(issuer));
    }

    static Profile institution(String did) throws Exception {
        return Profile.builder().id(did).name("Example State University").url("https://example.edu").build();
    }

    /** An Open Badges course certificate issued as the server's DID, its id the server's verify URL. */
    static JsonObject certificate(TestServer server, String courseName) throws Exception {
        return CertificateBuilder.create(server.clock, new SecureRandom())
                .issuer(institution(server.did()))
                .verifyBaseUrl("http://localhost:" + server.server.port())
                .verificationCode(VerificationCode.generate(new SecureRandom()))
                .learnerName("Ada Lovelace")
                .courseName(courseName)
                .courseCode("CS 201")
                .syllabus("Arrays, linked lists, stacks, queues, hash tables, trees and graphs.")
                .workloadHours(120)
                .criteriaNarrative("Complete all ten programming assignments and pass the final examination.")
                .activityStart(LocalDate.of(2024, 9, 2))
                .activityEnd(LocalDate.of(2024, 12, 20))
                .build().toJson();
    }

    /** A course record: final grade 82 %, then three assignments. */
    static JsonObject record(TestServer server, String courseName, Clock clock) throws Exception {
        ResultDescription project = ResultDescription.builder().id(PROJECT).name("Capstone project")
                .resultType("RubricCriterion")
                .level(RubricCriterionLevel.builder().id(PROJECT + "-1").name("Below expectations").points("0").build())
                .level(RubricCriterionLevel.builder().id(PROJECT + "-2").name("Meets expectations").points("5").build())
                .level(RubricCriterionLevel.builder().id(PROJECT + "-3").name("Exceeds expectations").points("10").build())
                .requiredLevel(PROJECT + "-2")
                .build();
        return CourseRecordBuilder.create(clock, new SecureRandom())
                .issuer(institution(server.did()))
                .verifyBaseUrl("http://localhost:" + server.server.port())
                .verificationCode(VerificationCode.generate(new SecureRandom()))
                .learnerName("Grace Hopper")
                .learnerStudentId("20250042")
                .courseName(courseName)
                .courseCode("CS 301")
                .syllabus("Compilers: lexing, parsing, type checking and code generation.")
                .workloadHours(150)
                .term("Spring 2025")
                .finalGrade(percent(FINAL, "Final grade", "60"), "82")
                .assignment(ResultDescription.builder().id(HW1).name("Assignment 1: a lexer for Pascal")
                        .resultType("LetterGrade").allowedValues(List.of("F", "D", "C", "B", "A")).requiredValue("C").build(), "A")
                .assignment(project, Result.builder().resultDescription(PROJECT).achievedLevel(PROJECT + "-3").build())
                .build().toJson();
    }

    private static ResultDescription percent(String id, String name, String required) throws Exception {
        return ResultDescription.builder().id(id).name(name).resultType("Percent")
                .range(BigDecimal.ZERO, BigDecimal.valueOf(100)).requiredValue(required).build();
    }
}
