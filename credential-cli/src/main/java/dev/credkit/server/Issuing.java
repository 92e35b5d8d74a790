package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.model.DataModelVersion;
import dev.credkit.model.VerifiableCredential;
import dev.credkit.proof.Cryptosuite;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.JwtIssuer;
import dev.credkit.status.BitstringStatusListEntry;
import dev.credkit.status.StatusPurpose;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issues credentials with the server's key and stores them under a verification code.
 *
 * <p>The issuer: a credential without {@code issuer} gets the server's identifier; one with an
 * issuer is first validated as given (so an issuer that is not a URL is refused), then its issuer
 * id is replaced by the server's, because this server signs only as itself and a credential whose
 * issuer does not control the signing key would never verify. A credential without {@code id}
 * gets its verify URL; an id that already is one of this server's verify URLs keeps its code.
 */
final class Issuing {
    /** The context VC 1.1 credentials need for Bitstring Status List terms (VC 2.0 defines them). */
    static final String STATUS_CONTEXT = "https://www.w3.org/ns/credentials/status/v1";
    private static final int MAX_STATUS_ENTRIES = 4;

    /** An issued and stored credential. */
    record Issued(String code, JsonObject credential) {
    }

    private final CredentialIssuer issuer;
    private final JwtIssuer jwtIssuer;
    private final String issuerId;
    private final Store store;
    private final StatusLists statusLists;
    private final SecureRandom random;
    private final Clock clock;
    private final String verifyPrefix;

    Issuing(CredentialIssuer issuer, JwtIssuer jwtIssuer, String issuerId, Store store, StatusLists statusLists,
            SecureRandom random, Clock clock, String baseUrl) {
        this.issuer = issuer;
        this.jwtIssuer = jwtIssuer;
        this.issuerId = issuerId;
        this.store = store;
        this.statusLists = statusLists;
        this.random = random;
        this.clock = clock;
        this.verifyPrefix = baseUrl + "/verify/";
    }

    String issuerId() {
        return issuerId;
    }

    String verifyUrl(String code) {
        return verifyPrefix + Codes.display(code);
    }

    /**
     * Signs and stores a credential.
     *
     * @param options        the VC-API {@code options} object (may be empty)
     * @param suiteParameter the {@code ?cryptosuite=} query parameter, if any
     */
    Issued issue(JsonObject credential, JsonObject options, Optional<String> suiteParameter, Store.Kind kind, String learnerId)
            throws CredentialException, HttpError, SQLException {
        Securing securing = securing(options, suiteParameter);
        JsonObject prepared = withServerIssuer(credential);
        String code = codeFor(prepared);
        if (!prepared.has("id")) {
            prepared = prepared.with("id", verifyUrl(code));
        }
        prepared = withRequestedStatus(prepared, options.get("credentialStatus").orElse(null));
        JsonObject signed = securing.jwt()
                ? jwtIssuer.issue(prepared).envelope()
                : issuer.issue(prepared, securing.proof()).json();
        String credentialId = prepared.string("id").orElse(null);
        store.insertCredential(new Store.StoredCredential(code, credentialId, kind, learnerId, clock.instant(), signed));
        return new Issued(code, signed);
    }

    /** How to secure: a Data Integrity proof with these options, or a vc+jwt (returned enveloped). */
    private record Securing(ProofOptions proof, boolean jwt) {
    }

    /** The names that ask for a JWT instead of a Data Integrity proof. */
    static boolean isJwt(String suite) {
        String s = suite.strip().toLowerCase(java.util.Locale.ROOT);
        return s.equals("vc-jwt") || s.equals("vc+jwt") || s.equals("jwt");
    }

    private static Securing securing(JsonObject options, Optional<String> suiteParameter) throws HttpError, CredentialException {
        Optional<String> suite = options.get("cryptosuite").isPresent() ? VcApi.optionalString(options, "cryptosuite") : suiteParameter;
        if (suite.isPresent() && isJwt(suite.get())) {
            return new Securing(null, true);
        }
        return new Securing(proofOptions(options, suite), false);
    }

    private static ProofOptions proofOptions(JsonObject options, Optional<String> suiteName) throws HttpError, CredentialException {
        ProofOptions.Builder b = ProofOptions.builder();
        if (suiteName.isPresent()) {
            try {
                b.cryptosuite(Cryptosuite.fromName(suiteName.get()));
            } catch (CredentialException e) {
                throw HttpError.badRequest(e.code(), e.getMessage());
            }
        }
        Optional<JsonValue> created = options.get("created");
        if (created.isPresent()) {
            String text = created.get() instanceof JsonString s ? s.value() : null;
            try {
                b.created(OffsetDateTime.parse(text == null ? "" : text).toInstant());
            } catch (DateTimeParseException e) {
                throw HttpError.badRequest(ProblemCode.MALFORMED, "options.created must be a date-time such as 2025-01-01T00:00:00Z");
            }
        }
        for (String name : new String[] {"challenge", "domain"}) {
            Optional<JsonValue> v = options.get(name);
            if (v.isPresent()) {
                if (!(v.get() instanceof JsonString s) || s.value().isEmpty()) {
                    throw HttpError.badRequest(ProblemCode.MALFORMED, "options." + name + " must be a non-empty string");
                }
                if (name.equals("challenge")) {
                    b.challenge(s.value());
                } else {
                    b.domain(s.value());
                }
            }
        }
        return b.build();
    }

    private JsonObject withServerIssuer(JsonObject credential) throws CredentialException {
        Optional<JsonValue> issuerValue = credential.get("issuer");
        if (issuerValue.isEmpty()) {
            return credential.with("issuer", issuerId);
        }
        VerifiableCredential.of(credential); // the issuer (and everything else) as given must be valid
        if (issuerValue.get() instanceof JsonObject o) {
            return o.string("id").filter(issuerId::equals).isPresent() ? credential : credential.with("issuer", o.with("id", issuerId));
        }
        return credential.with("issuer", issuerId);
    }

    /** The code named by the credential's id when it is one of our verify URLs and still free; else a new one. */
    private String codeFor(JsonObject credential) throws SQLException {
        Optional<String> id = credential.string("id");
        if (id.isPresent() && id.get().startsWith(verifyPrefix)) {
            Optional<String> named = Codes.normalize(id.get().substring(verifyPrefix.length()));
            if (named.isPresent() && !store.codeExists(named.get())) {
                return named.get();
            }
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            String code = Codes.generate(random);
            if (!store.codeExists(code)) {
                return code;
            }
        }
        throw new SQLException("could not find a free verification code", "23000");
    }

    /**
     * Adds the status entries {@code options.credentialStatus} asks for: {@code true}, an object
     * {@code {"type":"BitstringStatusListEntry","statusPurpose":"revocation"|"suspension"}} or an
     * array of such objects (purpose revocation by default).
     */
    private JsonObject withRequestedStatus(JsonObject credential, JsonValue request) throws CredentialException, HttpError {
        if (request == null || request == JsonBoolean.FALSE || request instanceof dev.credkit.json.JsonNull) {
            return credential;
        }
        List<StatusPurpose> purposes = new ArrayList<>();
        if (request == JsonBoolean.TRUE) {
            purposes.add(StatusPurpose.REVOCATION);
        } else if (request instanceof JsonObject o) {
            purposes.add(purpose(o));
        } else if (request instanceof JsonArray a && !a.isEmpty() && a.size() <= MAX_STATUS_ENTRIES) {
            for (JsonValue v : a) {
                if (!(v instanceof JsonObject o)) {
                    throw HttpError.badRequest(ProblemCode.MALFORMED, "options.credentialStatus entries must be objects");
                }
                StatusPurpose p = purpose(o);
                if (!purposes.contains(p)) {
                    purposes.add(p);
                }
            }
        } else {
            throw HttpError.badRequest(ProblemCode.MALFORMED,
                    "options.credentialStatus must be true, an object {\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":…} or an array of them");
        }
        List<JsonValue> entries = new ArrayList<>();
        credential.get("credentialStatus").ifPresent(existing -> {
            if (existing instanceof JsonArray a) {
                entries.addAll(a.elements());
            } else {
                entries.add(existing);
            }
        });
        for (StatusPurpose p : purposes) {
            BitstringStatusListEntry entry = statusLists.allocate(p);
            entries.add(entry.toJson());
        }
        JsonObject out = credential.with("credentialStatus", entries.size() == 1 ? entries.get(0) : JsonArray.of(entries));
        return isVc11(out) ? withStatusContext(out) : out;
    }

    private static StatusPurpose purpose(JsonObject request) throws HttpError {
        Optional<JsonValue> type = request.get("type");
        if (type.isPresent() && !new JsonString(BitstringStatusListEntry.TYPE).equals(type.get())) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "only BitstringStatusListEntry status entries are issued");
        }
        Optional<JsonValue> purpose = request.get("statusPurpose");
        if (purpose.isEmpty()) {
            return StatusPurpose.REVOCATION;
        }
        String p = purpose.get() instanceof JsonString s ? s.value() : "";
        if (p.equals(StatusPurpose.REVOCATION.value())) {
            return StatusPurpose.REVOCATION;
        }
        if (p.equals(StatusPurpose.SUSPENSION.value())) {
            return StatusPurpose.SUSPENSION;
        }
        throw HttpError.badRequest(ProblemCode.MALFORMED, "options.credentialStatus.statusPurpose must be revocation or suspension");
    }

    private static boolean isVc11(JsonObject credential) {
        try {
            return VerifiableCredential.of(credential).version() == DataModelVersion.V1_1;
        } catch (CredentialException e) {
            return false; // issuing reports the real problem
        }
    }

    private static JsonObject withStatusContext(JsonObject credential) {
        JsonValue context = credential.get("@context").orElse(null);
        JsonString status = new JsonString(STATUS_CONTEXT);
        if (context instanceof JsonArray a) {
            return a.elements().contains(status) ? credential : credential.with("@context", a.with(status));
        }
        if (context instanceof JsonString s) {
            return credential.with("@context", JsonArray.of(s, status));
        }
        return credential;
    }
}
