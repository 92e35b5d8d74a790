package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonBoolean;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.status.StatusPurpose;
import dev.credkit.verify.Check;
import dev.credkit.verify.CheckOutcome;
import dev.credkit.verify.VerificationPolicy;
import dev.credkit.verify.VerificationResult;
import dev.credkit.verify.Verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The VC-API subset the W3C test suites call: issue, verify credentials and presentations, the
 * server's DID, status updates and the published status lists.
 */
final class VcApi {
    /** Largest JSON body accepted. */
    static final int MAX_JSON_BYTES = 1 << 20;

    /** Checks whose failure means the input is not an acceptable document at all (400, not 422). */
    private static final Set<String> INPUT_CHECKS = Set.of("parse", "data-model", "context", "json-ld");

    /** VC-API names of the status check; a request whose options.checks has none of them does not need a status. */
    private static final Set<String> STATUS_CHECKS = Set.of("credentialStatus", "status");

    private final Services s;
    /** For requests that did not ask for the status check: a status that cannot be obtained is a warning. */
    private final Verifier statusOptional;

    VcApi(Services services) {
        this.s = services;
        this.statusOptional = services.verifierFor().apply(services.verifier().policy().toBuilder()
                .missingStatus(VerificationPolicy.Treatment.WARN).build());
    }

    void register(Router router) {
        router.api("POST", "/credentials/issue", this::issue)
                .api("POST", "/credentials/verify", this::verifyCredential)
                .api("POST", "/presentations/verify", this::verifyPresentation)
                .api("POST", "/credentials/status", this::updateStatus)
                .api("GET", "/did", r -> Response.json(200, JsonObject.builder().put("id", s.issuing().issuerId()).build()))
                .api("GET", "/status/{purpose}/{n}", this::statusList)
                .api("POST", "/status/{purpose}/{n}/publish", this::publish)
                .api("GET", "/health", r -> Response.json(200, JsonObject.builder().put("status", "ok").build()));
    }

    private Response issue(Request r) throws Exception {
        s.issuerAccess().require(r);
        JsonObject body = r.jsonBody(MAX_JSON_BYTES);
        JsonObject credential = requiredObject(body, "credential");
        JsonObject options = options(body);
        Issuing.Issued issued;
        try {
            issued = s.issuing().issue(credential, options, r.query("cryptosuite"), Store.Kind.CREDENTIAL, null);
        } catch (CredentialException e) {
            throw HttpError.of(e);
        }
        return Response.json(201, JsonObject.builder().put("verifiableCredential", issued.credential()).build())
                .withHeader("Location", "/verify/" + Codes.display(issued.code()));
    }

    private Response verifyCredential(Request r) throws Exception {
        JsonObject body = r.jsonBody(MAX_JSON_BYTES);
        JsonValue credential = requiredDocument(body, "verifiableCredential");
        JsonObject options = options(body);
        return report(Secured.verify(statusRequested(options) ? s.verifier() : statusOptional, credential, false));
    }

    private Response verifyPresentation(Request r) throws Exception {
        JsonObject body = r.jsonBody(MAX_JSON_BYTES);
        JsonValue presentation = requiredDocument(body, "verifiablePresentation");
        JsonObject options = options(body);
        Optional<String> challenge = optionalString(options, "challenge");
        Optional<String> domain = optionalString(options, "domain");
        Verifier verifier = statusRequested(options) ? s.verifier() : statusOptional;
        if (challenge.isPresent() || domain.isPresent()) {
            VerificationPolicy.Builder policy = verifier.policy().toBuilder();
            challenge.ifPresent(policy::expectedChallenge);
            domain.ifPresent(policy::expectedDomain);
            verifier = s.verifierFor().apply(policy.build());
        }
        return report(Secured.verify(verifier, presentation, true));
    }

    /**
     * {@code {"credentialId": "...", "credentialStatus": {"type": "BitstringStatusListEntry",
     * "statusPurpose": "revocation"|"suspension", "status": true|false}}} (or an array of those;
     * {@code "code"} may name the credential instead): revokes, suspends or lifts a suspension.
     */
    private Response updateStatus(Request r) throws Exception {
        s.issuerAccess().require(r);
        JsonObject body = r.jsonBody(MAX_JSON_BYTES);
        Store.StoredCredential stored = findCredential(body);
        JsonValue request = body.get("credentialStatus").orElse(null);
        List<JsonObject> changes = new ArrayList<>();
        if (request instanceof JsonObject o) {
            changes.add(o);
        } else if (request instanceof JsonArray a && !a.isEmpty() && a.size() <= 4) {
            for (JsonValue v : a) {
                if (!(v instanceof JsonObject o)) {
                    throw HttpError.badRequest(ProblemCode.MALFORMED, "credentialStatus entries must be objects");
                }
                changes.add(o);
            }
        } else {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "the body needs a \"credentialStatus\" object");
        }
        try {
            for (JsonObject change : changes) {
                StatusPurpose purpose = purposeOf(change);
                boolean set = statusValue(change);
                if (!s.statusLists().update(Secured.credentialOf(stored.document()), purpose, set)) {
                    throw new HttpError(404, HttpError.NOT_FOUND,
                            "the credential has no " + purpose.value() + " entry on this server's status lists");
                }
            }
            JsonObject.Builder statuses = JsonObject.builder();
            s.statusLists().statuses(Secured.credentialOf(stored.document())).forEach((k, v) -> statuses.put(k, v));
            JsonObject.Builder out = JsonObject.builder();
            Secured.credentialOf(stored.document()).string("id").ifPresent(id -> out.put("credentialId", id));
            return Response.json(200, out.put("code", Codes.display(stored.code())).put("status", statuses.build()).build());
        } catch (CredentialException e) {
            if (e.code() == ProblemCode.STATUS_UPDATE_REFUSED) {
                throw new HttpError(409, e.code().name(), e.getMessage());
            }
            throw HttpError.of(e);
        }
    }

    private Store.StoredCredential findCredential(JsonObject body) throws Exception {
        Optional<String> code = optionalString(body, "code");
        if (code.isPresent()) {
            Optional<String> normalized = Codes.normalize(code.get());
            if (normalized.isPresent()) {
                Optional<Store.StoredCredential> c = s.store().credential(normalized.get());
                if (c.isPresent()) {
                    return c.get();
                }
            }
            throw HttpError.notFound("no credential was issued here with this code");
        }
        String id = optionalString(body, "credentialId")
                .orElseThrow(() -> HttpError.badRequest(ProblemCode.MALFORMED, "the body needs \"credentialId\" (or \"code\")"));
        return s.store().credentialById(id).orElseThrow(() -> HttpError.notFound("no credential with this id was issued here"));
    }

    private static StatusPurpose purposeOf(JsonObject change) throws HttpError {
        String purpose = change.string("statusPurpose").orElse(StatusPurpose.REVOCATION.value());
        if (purpose.equals(StatusPurpose.REVOCATION.value())) {
            return StatusPurpose.REVOCATION;
        }
        if (purpose.equals(StatusPurpose.SUSPENSION.value())) {
            return StatusPurpose.SUSPENSION;
        }
        throw HttpError.badRequest(ProblemCode.MALFORMED, "statusPurpose must be revocation or suspension");
    }

    /** {@code status}: absent or true sets the status; false (or "0", "false") clears it. */
    private static boolean statusValue(JsonObject change) throws HttpError {
        JsonValue v = change.get("status").orElse(JsonBoolean.TRUE);
        if (v instanceof JsonBoolean b) {
            return b == JsonBoolean.TRUE;
        }
        if (v instanceof JsonString str) {
            return switch (str.value()) {
                case "1", "true", "revoked", "suspended" -> true;
                case "0", "false", "active", "valid" -> false;
                default -> throw HttpError.badRequest(ProblemCode.MALFORMED, "status must be true or false");
            };
        }
        throw HttpError.badRequest(ProblemCode.MALFORMED, "status must be true or false");
    }

    private Response statusList(Request r) throws Exception {
        String url = s.baseUrl() + "/status/" + r.param("purpose") + "/" + r.param("n");
        try {
            Optional<JsonObject> list = s.statusLists().listCredential(url);
            if (list.isEmpty()) {
                throw HttpError.notFound("no status list here");
            }
            return Response.json(200, list.get()).withHeader("Cache-Control", "public, max-age=60");
        } catch (CredentialException e) {
            throw HttpError.of(e);
        }
    }

    /** Lists are published as they change; this answers the test suites' publish call. */
    private Response publish(Request r) throws Exception {
        s.issuerAccess().require(r);
        String url = s.baseUrl() + "/status/" + r.param("purpose") + "/" + r.param("n");
        if (s.statusLists().listCredential(url).isEmpty()) {
            throw HttpError.notFound("no status list here");
        }
        return Response.noContent();
    }

    // ------------------------------------------------------------------ report

    /** 200 with the report when verified; 400 (not a credential) or 422 (rejected, indeterminate) otherwise. */
    static Response report(VerificationResult result) {
        int status = 200;
        if (!result.isVerified()) {
            boolean badInput = result.checks().stream()
                    .anyMatch(c -> c.outcome() == CheckOutcome.FAILED && INPUT_CHECKS.contains(c.name()));
            status = badInput ? 400 : 422;
        }
        return Response.json(status, reportJson(result));
    }

    static JsonObject reportJson(VerificationResult result) {
        List<String> passed = new ArrayList<>();
        List<JsonValue> warnings = new ArrayList<>();
        List<JsonValue> errors = new ArrayList<>();
        List<JsonValue> all = new ArrayList<>();
        boolean proofPassed = false;
        boolean proofFailed = false;
        for (Check c : result.checks()) {
            JsonObject.Builder b = JsonObject.builder().put("check", c.name()).put("outcome", c.outcome().name());
            if (c.problem() != null) {
                b.put("problem", c.problem().name());
            }
            JsonObject entry = b.put("message", c.message()).build();
            all.add(entry);
            boolean proofCheck = c.name().startsWith("proof") && !c.name().startsWith("credential[");
            switch (c.outcome()) {
                case PASSED -> {
                    passed.add(c.name());
                    proofPassed |= proofCheck && c.name().endsWith("signature");
                }
                case WARNING -> warnings.add(entry);
                case FAILED, INDETERMINATE -> {
                    errors.add(entry);
                    proofFailed |= proofCheck;
                }
                case SKIPPED -> {
                    // reported in "report" only
                }
            }
        }
        if (proofPassed && !proofFailed) {
            passed.add(0, "proof"); // the VC-API name of the signature check
        }
        return JsonObject.builder()
                .put("verified", result.isVerified())
                .put("outcome", result.outcome().name())
                .put("checks", JsonArray.ofStrings(passed))
                .put("warnings", JsonArray.of(warnings))
                .put("errors", JsonArray.of(errors))
                .put("problems", JsonArray.ofStrings(result.problems().stream().map(Enum::name).toList()))
                .put("report", JsonArray.of(all))
                .build();
    }

    // ------------------------------------------------------------------ helpers

    static JsonObject requiredObject(JsonObject body, String name) throws HttpError {
        JsonValue v = body.get(name).orElse(null);
        if (!(v instanceof JsonObject o)) {
            throw HttpError.badRequest(ProblemCode.MALFORMED,
                    v == null ? "the body needs a \"" + name + "\" object" : "\"" + name + "\" must be a JSON object");
        }
        return o;
    }

    /**
     * Whether the request needs the status checked: yes unless {@code options.checks} lists the
     * checks wanted and none of them is the status (VC-API clients often ask for "proof" only).
     * A status that can be read is always checked: a revoked credential fails either way.
     */
    static boolean statusRequested(JsonObject options) throws HttpError {
        JsonValue checks = options.get("checks").orElse(null);
        if (checks == null || checks instanceof dev.credkit.json.JsonNull) {
            return true;
        }
        if (!(checks instanceof JsonArray a)) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "options.checks must be an array of check names");
        }
        for (JsonValue v : a) {
            if (v instanceof JsonString name && STATUS_CHECKS.contains(name.value())) {
                return true;
            }
        }
        return false;
    }

    /** A secured document: a JSON object (embedded proof or envelope) or a compact JWS string. */
    static JsonValue requiredDocument(JsonObject body, String name) throws HttpError {
        JsonValue v = body.get(name).orElse(null);
        if (v instanceof JsonString str && !str.value().isBlank()) {
            return str;
        }
        return requiredObject(body, name);
    }

    static JsonObject options(JsonObject body) throws HttpError {
        JsonValue v = body.get("options").orElse(null);
        if (v == null || v instanceof dev.credkit.json.JsonNull) {
            return JsonObject.empty();
        }
        if (!(v instanceof JsonObject o)) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "\"options\" must be a JSON object");
        }
        return o;
    }

    static Optional<String> optionalString(JsonObject o, String name) throws HttpError {
        JsonValue v = o.get(name).orElse(null);
        if (v == null || v instanceof dev.credkit.json.JsonNull) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString str)) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "\"" + name + "\" must be a string");
        }
        return Optional.of(str.value());
    }
}
