package dev.credkit.ob;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;

import java.io.InputStream;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Shared test data: an institution, a course, deterministic randomness and clock. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUER_DID = "did:key:z6MksFn44HX4jtsk8a7889WERWzWQbeZ41o2m3rcEhvYJ5zj";

    private Fixtures() {
    }

    /** A SecureRandom with a fixed seed (SHA1PRNG is deterministic when seeded before first use). */
    static SecureRandom random() {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(42L);
            return r;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Profile institution() throws Exception {
        return Profile.builder()
                .id(ISSUER_DID)
                .name("Example State University")
                .url("https://example.edu")
                .email("registrar@example.edu")
                .build();
    }

    static VerificationCode code() {
        return VerificationCode.generate(random());
    }

    static CertificateBuilder certificate() throws Exception {
        return CertificateBuilder.create(CLOCK, random())
                .issuer(institution())
                .verifyBaseUrl("https://certs.example.edu")
                .verificationCode(code())
                .learnerName("Ada Lovelace")
                .learnerEmail("Ada@Example.org")
                .courseName("CS 201: Introduction to Data Structures")
                .courseCode("CS 201")
                .courseId("https://example.edu/courses/cs201")
                .syllabus("Arrays, linked lists, stacks, queues, hash tables, trees and graphs.")
                .workloadHours(120)
                .criteriaNarrative("Complete all ten programming assignments and pass the final examination.")
                .activityStart(LocalDate.of(2024, 9, 2))
                .activityEnd(LocalDate.of(2024, 12, 20));
    }

    static ResultDescription percent(String id, String name, String required) throws Exception {
        return ResultDescription.builder()
                .id(id)
                .name(name)
                .resultType("Percent")
                .range(BigDecimal.ZERO, BigDecimal.valueOf(100))
                .requiredValue(required)
                .build();
    }

    static ResultDescription letter(String id, String name) throws Exception {
        return ResultDescription.builder()
                .id(id)
                .name(name)
                .resultType("LetterGrade")
                .allowedValues(List.of("F", "D", "C", "B", "A"))
                .requiredValue("C")
                .build();
    }

    static JsonObject resource(String path) throws Exception {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            return JsonReader.defaults().readObject(in.readAllBytes());
        }
    }
}
