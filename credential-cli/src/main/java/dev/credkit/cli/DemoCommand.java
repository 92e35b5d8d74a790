package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.keys.KeyFile;
import dev.credkit.ob.CertificateBuilder;
import dev.credkit.ob.CourseRecordBuilder;
import dev.credkit.ob.Profile;
import dev.credkit.ob.ResultDescription;
import dev.credkit.ob.VerificationCode;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.Signers;
import dev.credkit.signing.render.CertificateRenderer;
import dev.credkit.signing.status.ListCredentialOptions;
import dev.credkit.signing.status.StatusListConfig;
import dev.credkit.signing.status.StatusListManager;
import dev.credkit.signing.status.StatusListStore;
import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.StatusPurpose;
import dev.credkit.verify.StatusListSource;
import dev.credkit.verify.VerificationResult;
import dev.credkit.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code credkit demo}: the README's main job. Issues an Open Badges 3.0 certificate and course
 * record, signs them, renders the certificate with the credential baked in, verifies everything
 * offline, then shows a tampered score and a revoked certificate rejected.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Issue a certificate and a course record, sign, bake, verify offline, tamper, revoke: the whole flow in a few seconds.",
                "Writes its files to --out (default: a new temporary directory)."})
final class DemoCommand extends CredkitCommand {
    private static final String VERIFY_BASE = "https://certs.example.edu";
    private static final String STATUS_URL = "https://certs.example.edu/status/1";

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the demo's files.")
    private Path out;

    private Path dir;

    @Override
    public Integer call() throws CredentialException, IOException {
        long start = System.nanoTime();
        dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("credkit-demo-");
        SecureRandom random = new SecureRandom();
        say("credkit demo: issue, sign and verify course credentials, offline (no network is used).");
        say("");

        Ed25519KeyPair key = Ed25519KeyPair.generate(random);
        String issuerDid = DidKey.did(key.publicKey());
        KeyFile.of(key).write(dir.resolve("issuer-key.json"), true);
        step("1. Issuer key", issuerDid, "issuer-key.json");

        Profile institution = Profile.builder().id(issuerDid).name("Example State University")
                .url("https://example.edu").email("registrar@example.edu").build();
        StatusListManager statuses = StatusListManager.builder().store(StatusListStore.inMemory())
                .random(random).clock(env().clock()).build();
        statuses.create(StatusListConfig.builder(STATUS_URL, StatusPurpose.REVOCATION).build());
        CredentialIssuer issuer = CredentialIssuer.builder().signer(Signers.didKey(key)).clock(env().clock()).build();

        VerificationCode code = VerificationCode.generate(random);
        BitstringStatusListEntry certificateStatus = statuses.allocate(STATUS_URL);
        JsonObject certificate = issuer.issue(CertificateBuilder.create(env().clock(), random)
                .issuer(institution).verifyBaseUrl(VERIFY_BASE).verificationCode(code)
                .learnerName("Ada Lovelace").learnerEmail("ada@example.org")
                .courseName("CS 201: Introduction to Data Structures").courseCode("CS 201")
                .syllabus("Arrays, linked lists, stacks, queues, hash tables, trees and graphs.")
                .workloadHours(120)
                .criteriaNarrative("Complete all programming assignments and pass the final examination.")
                .activityStart(LocalDate.of(2025, 9, 1)).activityEnd(LocalDate.of(2025, 12, 19))
                .identityVerified("government ID checked by the registrar", LocalDate.of(2025, 9, 1))
                .build().toJson().with("credentialStatus", certificateStatus.toJson())).json();
        write("certificate.json", certificate);
        step("2. Certificate", "CS 201 for Ada Lovelace, signed eddsa-rdfc-2022", "certificate.json");
        say("   verify URL:      " + certificate.string("id").orElse(""));

        ResultDescription finalGrade = percent("final", "Final grade", "60");
        JsonObject record = issuer.issue(CourseRecordBuilder.create(env().clock(), random)
                .issuer(institution).verifyBaseUrl(VERIFY_BASE).verificationCode(VerificationCode.generate(random))
                .learnerName("Ada Lovelace").learnerEmail("ada@example.org")
                .courseName("CS 201: Introduction to Data Structures").courseCode("CS 201")
                .syllabus("Arrays, linked lists, stacks, queues, hash tables, trees and graphs.").workloadHours(120)
                .finalGrade(finalGrade, "91")
                .assignment(percent("hw1", "Assignment 1: linked lists", "50"), "88")
                .assignment(percent("hw2", "Assignment 2: hash tables", "50"), "95")
                .assignment(percent("hw3", "Assignment 3: graphs", "50"), "79")
                .build().toJson()).json();
        write("course-record.json", record);
        step("3. Course record", "final grade 91 and 3 assignments, signed", "course-record.json");

        byte[] svg = CertificateRenderer.create().render(certificate);
        Files.write(dir.resolve("certificate.svg"), svg);
        step("4. Printable SVG", "verify URL, QR code, the credential baked in", "certificate.svg");

        JsonObject statusList = issuer.issue(statuses.unsignedListCredential(STATUS_URL,
                ListCredentialOptions.builder(issuerDid).validFrom(env().clock().instant()).validFor(Duration.ofDays(7)).build())).json();
        write("status-list.json", statusList);
        step("5. Status list", "revocation list published (nothing revoked yet)", "status-list.json");

        say("");
        say("6. Verify offline");
        Verifier verifier = verifier(statusList);
        int failures = 0;
        failures += expect(verifier, "certificate.json", certificate.toJson().getBytes(StandardCharsets.UTF_8), true);
        failures += expect(verifier, "course-record.json", record.toJson().getBytes(StandardCharsets.UTF_8), true);
        byte[] baked = dev.credkit.baking.BadgeBaker.defaults().unbake(svg).orElseThrow().text().getBytes(StandardCharsets.UTF_8);
        failures += expect(verifier, "certificate.svg (baked)", baked, true);

        say("");
        say("7. Tamper: raise the final grade in the course record from 91 to 99");
        JsonObject tampered = withFinalGrade(record, "99");
        write("course-record-tampered.json", tampered);
        failures += expect(verifier, "course-record-tampered.json", tampered.toJson().getBytes(StandardCharsets.UTF_8), false);

        say("");
        say("8. Revoke the certificate and publish the list again");
        statuses.revoke(STATUS_URL, certificateStatus.statusListIndex());
        JsonObject revokedList = issuer.issue(statuses.unsignedListCredential(STATUS_URL,
                ListCredentialOptions.builder(issuerDid).validFrom(env().clock().instant()).validFor(Duration.ofDays(7)).build())).json();
        write("status-list-revoked.json", revokedList);
        failures += expect(verifier(revokedList), "certificate.json", certificate.toJson().getBytes(StandardCharsets.UTF_8), false);

        say("");
        say(String.format("Done in %.1f s. Files are in %s", (System.nanoTime() - start) / 1e9, dir));
        say("Try:  ./credkit verify --status-list " + dir.resolve("status-list.json") + " " + dir.resolve("certificate.svg"));
        if (failures > 0) {
            say("UNEXPECTED: " + failures + " result(s) differ from what the demo expects");
            return ExitCodes.INTERNAL;
        }
        return ExitCodes.OK;
    }

    private Verifier verifier(JsonObject statusList) {
        return Verifier.builder()
                .policy(dev.credkit.verify.VerificationPolicy.builder().clock(env().clock()).build())
                .statusListSource(StatusListSource.of(List.of(statusList)))
                .build();
    }

    private int expect(Verifier verifier, String name, byte[] document, boolean verified) {
        VerificationResult result = verifier.verify(document);
        String line = String.format("   %-30s %s", name, result.outcome());
        if (!result.isVerified()) {
            line += "  " + result.summary();
        } else {
            line += "  (" + result.checks().size() + " checks)";
        }
        say(line);
        return result.isVerified() == verified ? 0 : 1;
    }

    private static JsonObject withFinalGrade(JsonObject record, String grade) {
        JsonObject subject = record.object("credentialSubject").orElseThrow();
        List<JsonValue> results = new ArrayList<>(subject.array("result").orElseThrow().elements());
        results.set(0, ((JsonObject) results.get(0)).with("value", grade));
        return record.with("credentialSubject", subject.with("result", JsonArray.of(results)));
    }

    private static ResultDescription percent(String id, String name, String required) throws CredentialException {
        return ResultDescription.builder().id("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)))
                .name(name).resultType("Percent").range(BigDecimal.ZERO, BigDecimal.valueOf(100)).requiredValue(required).build();
    }

    private void write(String file, JsonObject json) throws IOException {
        Files.writeString(dir.resolve(file), JsonWriter.pretty(json) + "\n", StandardCharsets.UTF_8);
    }

    private void step(String what, String detail, String file) {
        say(String.format("%-20s %s%n%-20s -> %s", what, detail, "", dir.resolve(file)));
    }

    private void say(String line) {
        out().println(line);
        out().flush();
    }
}
