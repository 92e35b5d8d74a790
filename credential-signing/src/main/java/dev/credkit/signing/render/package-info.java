/**
 * Printable, verifiable pictures of credentials: {@link dev.credkit.signing.render.CertificateRenderer}
 * draws a certificate as SVG with a QR code of its verify URL and bakes the credential into it.
 */
package dev.credkit.signing.render;
