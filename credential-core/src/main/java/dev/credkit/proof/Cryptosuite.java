package dev.credkit.proof;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Ed25519 Data Integrity cryptosuites credkit signs and verifies. */
public enum Cryptosuite {
    /** {@code DataIntegrityProof} / {@code eddsa-rdfc-2022}: RDFC-1.0 canonical N-Quads. The default. */
    EDDSA_RDFC_2022("DataIntegrityProof", "eddsa-rdfc-2022"),
    /** {@code DataIntegrityProof} / {@code eddsa-jcs-2022}: RFC 8785 JSON canonicalization. */
    EDDSA_JCS_2022("DataIntegrityProof", "eddsa-jcs-2022"),
    /** Legacy {@code Ed25519Signature2020} (RDFC canonicalization), still common in Open Badges. */
    ED25519_SIGNATURE_2020("Ed25519Signature2020", null);

    /** The context the legacy suite requires in the document. */
    public static final String ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1";

    private final String proofType;
    private final String suiteName;

    Cryptosuite(String proofType, String suiteName) {
        this.proofType = proofType;
        this.suiteName = suiteName;
    }

    /** The proof's {@code type}. */
    public String proofType() {
        return proofType;
    }

    /** The proof's {@code cryptosuite}, absent for the legacy suite. */
    public Optional<String> cryptosuiteName() {
        return Optional.ofNullable(suiteName);
    }

    /** The name users type: {@code eddsa-rdfc-2022}, {@code eddsa-jcs-2022}, {@code Ed25519Signature2020}. */
    public String displayName() {
        return suiteName != null ? suiteName : proofType;
    }

    /** True when the suite canonicalizes with RDFC-1.0 (and so needs JSON-LD processing). */
    public boolean usesRdfc() {
        return this != EDDSA_JCS_2022;
    }

    /** Looks a suite up by the name users type (case-insensitive). */
    public static Cryptosuite fromName(String name) throws CredentialException {
        return Arrays.stream(values())
                .filter(s -> s.displayName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new CredentialException(ProblemCode.UNSUPPORTED_CRYPTOSUITE,
                        "unsupported cryptosuite '" + shorten(name) + "' (supported: eddsa-rdfc-2022, eddsa-jcs-2022, Ed25519Signature2020)"));
    }

    /** The suite a proof object declares through {@code type} and {@code cryptosuite}. */
    public static Cryptosuite of(JsonObject proof) throws CredentialException {
        String type = proof.string("type").orElseThrow(() ->
                new CredentialException(ProblemCode.INVALID_PROOF, "proof has no string 'type'"));
        Optional<String> suite = proof.string("cryptosuite");
        if (proof.has("cryptosuite") && suite.isEmpty()) {
            throw new CredentialException(ProblemCode.INVALID_PROOF, "proof 'cryptosuite' must be a string");
        }
        for (Cryptosuite s : values()) {
            if (s.proofType.equals(type) && suite.equals(s.cryptosuiteName())) {
                return s;
            }
        }
        throw new CredentialException(ProblemCode.UNSUPPORTED_CRYPTOSUITE,
                "unsupported proof type '" + shorten(type) + "'" + suite.map(x -> " with cryptosuite '" + shorten(x) + "'").orElse(""));
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
