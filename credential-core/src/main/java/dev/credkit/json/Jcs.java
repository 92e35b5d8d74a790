package dev.credkit.json;

import dev.credkit.core.CredentialException;

/**
 * JSON Canonicalization Scheme (RFC 8785): ECMAScript number serialization, member names
 * sorted by UTF-16 code units, no insignificant white space. Lone surrogates are rejected.
 */
public final class Jcs {
    private Jcs() {
    }

    /** The canonical UTF-8 bytes of {@code value}. */
    public static byte[] canonicalize(JsonValue value) throws CredentialException {
        throw new UnsupportedOperationException("TODO");
    }

    /** ECMAScript Number.prototype.toString of a finite double (RFC 8785 §3.2.2.3). */
    public static String serializeNumber(double value) {
        throw new UnsupportedOperationException("TODO");
    }
}
