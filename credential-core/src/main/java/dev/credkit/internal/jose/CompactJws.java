package dev.credkit.internal.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.keys.Ed25519PublicKey;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;

/**
 * A compact JWS split strictly: exactly three parts, each strict base64url, within size limits.
 * Header and payload JSON are read with credkit's strict {@link JsonReader} (duplicate names,
 * deep nesting and trailing content are refused), never with Nimbus's lenient parser; Nimbus
 * only sees the header after that, to run the signature check through {@link Ed25519JwsVerifier}.
 * Immutable.
 */
public final class CompactJws {
    /** Largest header credkit reads: algorithms, key ids and even an embedded JWK fit easily. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;
    /** An Ed25519 signature is 86 characters; anything much longer is not one. */
    private static final int MAX_SIGNATURE_CHARS = 256;

    private static final JsonReader HEADER_READER = JsonReader.builder()
            .maxBytes(MAX_HEADER_BYTES).maxDepth(8).maxStringLength(MAX_HEADER_BYTES).build();

    private final String compact;
    private final int firstDot;
    private final int secondDot;
    private final byte[] headerBytes;
    private final byte[] payloadBytes;
    private final byte[] signature;

    private CompactJws(String compact, int firstDot, int secondDot, byte[] headerBytes, byte[] payloadBytes, byte[] signature) {
        this.compact = compact;
        this.firstDot = firstDot;
        this.secondDot = secondDot;
        this.headerBytes = headerBytes;
        this.payloadBytes = payloadBytes;
        this.signature = signature;
    }

    /**
     * Splits and decodes a compact JWS. Nothing is parsed as JSON yet.
     *
     * @param maxPayloadBytes the largest decoded payload accepted (the JSON reader's limit)
     * @throws CredentialException MALFORMED for anything but three strict base64url parts,
     *     LIMIT_EXCEEDED when the token is larger than the limits allow
     */
    public static CompactJws parse(String compact, int maxPayloadBytes) throws CredentialException {
        long maxChars = (long) (MAX_HEADER_BYTES + maxPayloadBytes) * 4 / 3 + MAX_SIGNATURE_CHARS + 8;
        if (compact.length() > maxChars) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED,
                    "the compact JWS is larger than the limit of " + maxChars + " characters");
        }
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0) {
            throw malformed("a compact JWS has exactly three dot-separated parts");
        }
        if (firstDot == 0) {
            throw malformed("the JWS header is empty");
        }
        if (secondDot == firstDot + 1) {
            // RFC 7515 Appendix F: a detached payload cannot be verified here.
            throw malformed("the JWS payload is empty (detached payloads are not supported)");
        }
        // An empty signature (an unsecured "alg":"none" JWT) is split here so that its header is
        // refused for what it is, ALGORITHM_NOT_ALLOWED; it can never verify.
        if ((long) firstDot * 3 / 4 > MAX_HEADER_BYTES) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "the JWS header is larger than " + MAX_HEADER_BYTES + " bytes");
        }
        if ((long) (secondDot - firstDot - 1) * 3 / 4 > maxPayloadBytes) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "the JWS payload is larger than " + maxPayloadBytes + " bytes");
        }
        if (compact.length() - secondDot - 1 > MAX_SIGNATURE_CHARS) {
            throw new CredentialException(ProblemCode.LIMIT_EXCEEDED, "the JWS signature is far too long for Ed25519");
        }
        byte[] header = Base64Url.decode(compact, 0, firstDot, "the JWS header");
        byte[] payload = Base64Url.decode(compact, firstDot + 1, secondDot, "the JWS payload");
        byte[] signature = Base64Url.decode(compact, secondDot + 1, compact.length(), "the JWS signature");
        return new CompactJws(compact, firstDot, secondDot, header, payload, signature);
    }

    /**
     * True when the input looks like a compact JWS rather than JSON: after leading whitespace its
     * first character is a base64url character. Content detection only; {@link #parse} decides.
     */
    public static boolean looksLikeCompact(byte[] input) {
        for (byte b : input) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b >= 0 && Base64Url.isAlphabet((char) b);
        }
        return false;
    }

    /**
     * The compact serialization from bytes: ASCII only, surrounding whitespace (a trailing
     * newline in a file) removed.
     */
    public static String text(byte[] input) throws CredentialException {
        for (byte b : input) {
            if (b < 0) {
                throw malformed("a compact JWS is ASCII only");
            }
        }
        return new String(input, StandardCharsets.US_ASCII).strip();
    }

    /** The header as a strict JSON object (duplicate names and deep nesting refused). */
    public JsonObject readHeader() throws CredentialException {
        try {
            return HEADER_READER.readObject(headerBytes);
        } catch (CredentialException e) {
            throw new CredentialException(e.code(), "JWS header: " + e.getMessage());
        }
    }

    /** The payload as a strict JSON object, read within {@code reader}'s limits. */
    public JsonObject readPayload(JsonReader reader) throws CredentialException {
        try {
            return reader.readObject(payloadBytes);
        } catch (CredentialException e) {
            throw new CredentialException(e.code(), "JWS payload: " + e.getMessage());
        }
    }

    /** The bytes the signature covers: ASCII {@code header.payload} as received. */
    public byte[] signingInput() {
        return compact.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The encoded header part as received. */
    public String encodedHeader() {
        return compact.substring(0, firstDot);
    }

    /** The compact serialization as received. */
    public String compact() {
        return compact;
    }

    /**
     * Checks the signature with {@code key} through Nimbus and {@link Ed25519JwsVerifier}.
     * {@code header} is the one {@link #readHeader()} returned and the caller already checked
     * ({@code alg} allowed, no {@code crit}); Nimbus re-checks both.
     *
     * @return false for any signature that does not verify
     * @throws CredentialException INVALID_JWT when Nimbus refuses the header
     */
    public boolean verify(JsonObject header, Ed25519PublicKey key, Set<String> allowedAlgorithms) throws CredentialException {
        JWSHeader jwsHeader;
        try {
            jwsHeader = JWSHeader.parse(NimbusJson.toMap(header), new Base64URL(encodedHeader()));
        } catch (ParseException e) {
            throw new CredentialException(ProblemCode.INVALID_JWT, "the JWS header is not valid: " + shorten(e.getMessage()));
        }
        try {
            return new Ed25519JwsVerifier(key, allowedAlgorithms).verify(jwsHeader, signingInput(), Base64URL.encode(signature));
        } catch (JOSEException e) {
            throw new CredentialException(ProblemCode.ALGORITHM_NOT_ALLOWED, shorten(e.getMessage()));
        }
    }

    private static CredentialException malformed(String message) {
        return new CredentialException(ProblemCode.MALFORMED, message);
    }

    static String shorten(String s) {
        if (s == null) {
            return "unknown error";
        }
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
