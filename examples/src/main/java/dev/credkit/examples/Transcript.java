package dev.credkit.examples;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.ob.ClrCredentialBuilder;
import dev.credkit.ob.Profile;

import java.time.Clock;
import java.util.List;

/**
 * A transcript: a CLR 2.0 ClrCredential bundling several signed course credentials. (Signing it
 * needs the CLR 2.0 context, which a host adds to its ContextRegistry; credkit does not bundle it
 * yet, see the README.)
 */
public final class Transcript {
    private Transcript() {
    }

    public static JsonObject build(Ed25519KeyPair key, List<JsonObject> signedCourseCredentials, Clock clock) throws Exception {
        java.security.SecureRandom random = new java.security.SecureRandom();
        ClrCredentialBuilder builder = ClrCredentialBuilder.create(clock, random)
                .issuer(Profile.builder().id(DidKey.did(key.publicKey())).name("Example State University").build())
                .verifyBaseUrl("https://certs.example.edu")
                .verificationCode(dev.credkit.ob.VerificationCode.generate(random))
                .learnerName("Ada Lovelace")
                .learnerEmail("ada@example.org")
                .name("Transcript of Ada Lovelace");
        for (JsonObject credential : signedCourseCredentials) {
            builder.credential(credential);
        }
        return builder.build();
    }

    public static void main(String[] args) throws Exception {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        Clock clock = Clock.systemUTC();
        System.out.println(JsonWriter.pretty(build(key,
                List.of(IssueCertificate.issue(key, clock), IssueCourseRecord.issue(key, clock)), clock)));
    }
}
