package dev.credkit.examples;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.verify.Check;
import dev.credkit.verify.TrustList;
import dev.credkit.verify.TrustedIssuer;
import dev.credkit.verify.VerificationResult;
import dev.credkit.verify.VerifiedCredential;
import dev.credkit.verify.Verifier;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Verify a credential offline, as an institution that receives one: no network, keys from
 * {@code did:key}, issuers from a trust list, and every step reported.
 */
public final class VerifyOffline {
    private VerifyOffline() {
    }

    /** Verifies {@code credential}, trusting exactly {@code trustedIssuer}; prints the report. */
    public static VerificationResult verify(JsonObject credential, String trustedIssuer, PrintStream out) {
        Verifier verifier = Verifier.builder()                                 // build once, share
                .trustRegistry(TrustList.of(List.of(new TrustedIssuer(trustedIssuer, "Example State University",
                        "https://example.edu", null, List.of()))))
                .build();
        VerificationResult result = verifier.verifyCredential(credential);
        for (Check c : result.checks()) {
            out.printf("%-14s %-34s %s%n", c.outcome(), c.name(), c.message());
        }
        out.println(result.outcome());
        if (result.isVerified()) {
            try {
                VerifiedCredential verified = result.verifiedCredential();    // only exists when VERIFIED
                out.println("issued by " + verified.trustedIssuer().map(TrustedIssuer::name).orElse(verified.issuerId()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: VerifyOffline CREDENTIAL.json TRUSTED_ISSUER_ID");
            System.exit(64);
        }
        JsonObject credential = JsonReader.defaults().readObject(Files.readAllBytes(Path.of(args[0])));
        System.exit(verify(credential, args[1], System.out).isVerified() ? 0 : 1);
    }
}
