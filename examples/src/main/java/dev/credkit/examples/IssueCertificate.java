package dev.credkit.examples;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.ob.CertificateBuilder;
import dev.credkit.ob.Profile;
import dev.credkit.ob.VerificationCode;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.SignedDocument;
import dev.credkit.signing.Signers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Issue a Verified Certificate: an Open Badges 3.0 credential whose id is the public verify URL,
 * with the course syllabus and workload in standard fields, signed with eddsa-rdfc-2022.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java} is not needed; any IDE or
 * {@code java -cp ... dev.credkit.examples.IssueCertificate} prints the signed certificate.
 */
public final class IssueCertificate {
    private IssueCertificate() {
    }

    /** Issues one certificate with {@code key}; the institution is the key's did:key. */
    public static JsonObject issue(Ed25519KeyPair key, Clock clock) throws Exception {
        SecureRandom random = new SecureRandom();
        Profile institution = Profile.builder()
                .id(DidKey.did(key.publicKey()))          // the issuer controls the signing key
                .name("Example State University")
                .url("https://example.edu")
                .build();

        JsonObject unsigned = CertificateBuilder.create(clock, random)
                .issuer(institution)
                .verifyBaseUrl("https://certs.example.edu")  // id = https://certs.example.edu/verify/<CODE>
                .verificationCode(VerificationCode.generate(random))
                .learnerName("Ada Lovelace")
                .learnerEmail("ada@example.org")             // stored salted and hashed, never in clear
                .courseName("CS 201: Introduction to Data Structures")
                .syllabus("Arrays, linked lists, stacks, queues, hash tables, trees and graphs.")
                .workloadHours(120)
                .criteriaNarrative("Complete all programming assignments and pass the final examination.")
                .identityVerified("government ID checked in person", LocalDate.of(2025, 9, 1))
                .build()
                .toJson();

        // One issuer per key, built once and shared: immutable and thread-safe.
        CredentialIssuer issuer = CredentialIssuer.builder().signer(Signers.didKey(key)).clock(clock).build();
        SignedDocument signed = issuer.issue(unsigned);      // validated first, then signed
        return signed.json();
    }

    public static void main(String[] args) throws Exception {
        System.out.println(JsonWriter.pretty(issue(Ed25519KeyPair.generate(), Clock.systemUTC())));
    }
}
