package dev.credkit.examples;

import dev.credkit.json.JsonObject;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.verify.Outcome;
import dev.credkit.verify.VerificationResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example runs, and what it produces verifies. */
class ExamplesTest {
    static final Ed25519KeyPair KEY = Ed25519KeyPair.generate();
    static final Clock CLOCK = Clock.systemUTC();

    static VerificationResult verify(JsonObject credential, StringBuilder printed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VerificationResult result = VerifyOffline.verify(credential, DidKey.did(KEY.publicKey()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed.append(bytes.toString(StandardCharsets.UTF_8));
        return result;
    }

    @Test
    void certificateIsIssuedAndVerifiesOffline() throws Exception {
        JsonObject certificate = IssueCertificate.issue(KEY, CLOCK);
        assertThat(certificate.string("id")).hasValueSatisfying(id -> assertThat(id).startsWith("https://certs.example.edu/verify/"));
        StringBuilder printed = new StringBuilder();
        assertThat(verify(certificate, printed).outcome()).as(printed::toString).isEqualTo(Outcome.VERIFIED);
        assertThat(printed).contains("issued by Example State University");
    }

    @Test
    void courseRecordIsIssuedAndATamperedGradeIsRejected() throws Exception {
        JsonObject record = IssueCourseRecord.issue(KEY, CLOCK);
        StringBuilder printed = new StringBuilder();
        assertThat(verify(record, printed).outcome()).as(printed::toString).isEqualTo(Outcome.VERIFIED);
        String json = record.toJson().replace("\"84\"", "\"94\"");
        assertThat(json).isNotEqualTo(record.toJson());
        JsonObject tampered = dev.credkit.json.JsonReader.defaults().readObject(json);
        assertThat(verify(tampered, new StringBuilder()).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void bakedCertificateComesBackOutIntact() throws Exception {
        JsonObject certificate = IssueCertificate.issue(KEY, CLOCK);
        byte[] svg = BakeCertificate.render(certificate);
        assertThat(new String(svg, StandardCharsets.UTF_8)).contains("<svg");
        JsonObject unbaked = BakeCertificate.unbake(svg);
        assertThat(unbaked).isEqualTo(certificate);
        assertThat(verify(unbaked, new StringBuilder()).isVerified()).isTrue();
    }

    @Test
    void transcriptBundlesTheCourseCredentials() throws Exception {
        JsonObject a = IssueCertificate.issue(KEY, CLOCK);
        JsonObject b = IssueCourseRecord.issue(KEY, CLOCK);
        JsonObject transcript = Transcript.build(KEY, List.of(a, b), CLOCK);
        assertThat(transcript.toJson()).contains("ClrCredential").contains(a.string("id").orElseThrow())
                .contains(b.string("id").orElseThrow());
    }
}
