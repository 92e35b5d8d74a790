package dev.credkit.examples;

import dev.credkit.baking.BadgeBaker;
import dev.credkit.json.JsonObject;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.signing.render.CertificateRenderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Render a signed certificate as a printable SVG (verify URL and QR code) with the credential
 * baked inside, so the picture itself verifies; and read it back out.
 */
public final class BakeCertificate {
    private BakeCertificate() {
    }

    /** The rendered SVG bytes of a signed certificate. */
    public static byte[] render(JsonObject signedCertificate) throws Exception {
        return CertificateRenderer.create().render(signedCertificate);
    }

    /** The credential baked into a PNG or SVG. */
    public static JsonObject unbake(byte[] image) throws Exception {
        return BadgeBaker.defaults().unbake(image).orElseThrow().json();
    }

    public static void main(String[] args) throws Exception {
        JsonObject certificate = IssueCertificate.issue(Ed25519KeyPair.generate(), Clock.systemUTC());
        Path svg = Path.of(args.length > 0 ? args[0] : "certificate.svg");
        Files.write(svg, render(certificate));
        System.out.println("wrote " + svg.toAbsolutePath() + "; verify it with: ./credkit verify " + svg);
    }
}
