package dev.credkit.core;

/**
 * The stable set of problem codes that errors and verification checks carry. Codes are part of
 * the public contract (CLI {@code --json}, HTTP reports): add new ones, never rename or remove.
 */
public enum ProblemCode {
    // ---- input and limits
    /** Input is not well-formed: JSON, JWS, key, image, date, multibase... */
    MALFORMED,
    /** A configured resource limit was exceeded (size, depth, contexts, proofs, work budget). */
    LIMIT_EXCEEDED,

    // ---- data model
    /** The document breaks a rule of the VC data model (or Open Badges 3.0); the message names it. */
    INVALID_DATA_MODEL,

    // ---- JSON-LD
    /** A {@code @context} that is not in the offline allow-list. */
    CONTEXT_NOT_ALLOWED,
    /** A term or type with no definition in the active context: it would not be signed. */
    UNDEFINED_TERM,
    /** A relative IRI where an absolute one is needed (no base IRI is ever set). */
    RELATIVE_IRI,
    /** A protected term is redefined. */
    PROTECTED_TERM_REDEFINITION,
    /** Any other JSON-LD processing event that would drop data from the signed form. */
    JSON_LD_DATA_LOSS,
    /** JSON-LD processing failed for another reason (invalid keyword use, bad context...). */
    INVALID_JSON_LD,

    // ---- proofs
    /** No proof, or none of the kind expected. */
    MISSING_PROOF,
    /** A proof is malformed or misses a required option. */
    INVALID_PROOF,
    /** The proof's type / cryptosuite is not one this verifier accepts. */
    UNSUPPORTED_CRYPTOSUITE,
    /** The proof's {@code proofPurpose} is not the one expected. */
    PROOF_PURPOSE_MISMATCH,
    /** The proof's {@code created} lies beyond the allowed clock skew. */
    PROOF_CREATED_IN_FUTURE,
    /** The proof's {@code expires} has passed. */
    PROOF_EXPIRED,
    /** A {@code previousProof} in a proof chain does not exist in the proof set. */
    MISSING_PREVIOUS_PROOF,
    /** The signature does not verify. */
    INVALID_SIGNATURE,
    /** The presentation's challenge is not the one expected. */
    CHALLENGE_MISMATCH,
    /** The presentation's domain is not the one expected. */
    DOMAIN_MISMATCH,

    // ---- keys and issuers
    /** The verification method (or its DID document) could not be resolved offline. */
    UNKNOWN_KEY,
    /** A key is malformed, of the wrong type, or weak (small order, non-canonical). */
    INVALID_KEY,
    /** The method is not listed under the required verification relationship. */
    VERIFICATION_METHOD_NOT_AUTHORIZED,
    /** The verification method is neither controlled by the issuer nor bound to it by a trust list. */
    ISSUER_KEY_MISMATCH,
    /** A presentation's verification method is not controlled by its holder. */
    HOLDER_KEY_MISMATCH,
    /** The issuer is not on any trust list given. */
    UNTRUSTED_ISSUER,

    // ---- validity period
    NOT_YET_VALID,
    EXPIRED,

    // ---- status
    REVOKED,
    SUSPENDED,
    /** A status entry carries a message status (reported, not a rejection). */
    STATUS_MESSAGE,
    /** The status list could not be obtained or is stale. */
    STATUS_UNAVAILABLE,
    /** The status list credential or entry is invalid (bad encoding, index out of range...). */
    INVALID_STATUS_LIST,

    // ---- JOSE
    /** A JWS algorithm that is not allowed ({@code none}, HMAC, anything off the allow-list). */
    ALGORITHM_NOT_ALLOWED,
    /** A JWT header or claim is invalid or contradicts the credential. */
    INVALID_JWT,

    // ---- issuing
    /** A signer could not be reached; retrying may succeed. */
    SIGNER_UNAVAILABLE,
    /** A signer refused or failed permanently. */
    SIGNER_FAILED,

    /** A bug or an environment fault in credkit, not a property of the input. */
    INTERNAL_ERROR,

    /**
     * An issuer-side status list operation was refused: unknown list, index not allocated or out
     * of range, a value the list cannot hold, or a forbidden change such as clearing a revocation.
     */
    STATUS_UPDATE_REFUSED,

    // ---- baking
    /** The image already carries a baked credential: Open Badges allows exactly one per image. */
    ALREADY_BAKED
}
