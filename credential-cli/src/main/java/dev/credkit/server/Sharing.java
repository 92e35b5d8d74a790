package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonNull;
import dev.credkit.json.JsonNumber;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.verify.VerificationResult;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Course records and the learner's share links.
 *
 * <p>The institution issues a record with {@code POST /records} (issuer access); the answer
 * carries, once, the learner's management token {@code <learnerId>.<secret>} (only its SHA-256
 * hash is stored). With it ({@code Authorization: Bearer …}) the learner creates links to a
 * record ({@code POST /records/{code}/links}), chooses what each shows (the final grade only or
 * every result) and until when, reads its view log, resets it (a new unguessable URL at once;
 * the old one answers 410 Gone from that moment) or revokes it. A link's public page is
 * {@code GET /share/{token}}; its token carries 256 random bits and is stored only as a hash.
 */
final class Sharing {
    /** Share links per course record, revoked ones included (they stay listed with their views). */
    static final int MAX_LINKS_PER_RECORD = 100;
    static final int MAX_LABEL_LENGTH = 200;
    static final int MAX_VIEWS_LISTED = 100;
    private static final int MAX_TOKEN_LENGTH = 128;

    private final Services s;

    Sharing(Services services) {
        this.s = services;
    }

    void register(Router router) {
        router.api("POST", "/records", this::issueRecord)
                .api("GET", "/records", this::learnerRecords)
                .api("POST", "/learners/{id}/token", this::newLearnerToken)
                .api("GET", "/records/{code}/links", this::listLinks)
                .api("POST", "/records/{code}/links", this::createLink)
                .api("GET", "/links/{id}", this::getLink)
                .api("PATCH", "/links/{id}", this::updateLink)
                .api("DELETE", "/links/{id}", this::revokeLink)
                .api("POST", "/links/{id}/reset", this::resetLink)
                .api("GET", "/links/{id}/views", this::views)
                .page("GET", "/share/{token}", this::sharePage)
                .page("GET", "/share/{token}/credential.json", this::shareDownload);
    }

    // ------------------------------------------------------------------ institution

    /**
     * {@code {"credential": {...}, "options": {...}, "learner": "institution's reference"}}: signs
     * and stores a course record. A learner reference seen before attaches the record to the same
     * learner (whose token is not shown again); otherwise a new learner and token are made.
     */
    private Response issueRecord(Request r) throws Exception {
        s.issuerAccess().require(r);
        JsonObject body = r.jsonBody(VcApi.MAX_JSON_BYTES);
        JsonObject credential = VcApi.requiredObject(body, "credential");
        JsonObject options = VcApi.options(body);
        Optional<String> reference = VcApi.optionalString(body, "learner").map(String::strip).filter(x -> !x.isEmpty());
        if (reference.isPresent() && reference.get().length() > 256) {
            throw HttpError.badRequest(ProblemCode.LIMIT_EXCEEDED, "\"learner\" is longer than 256 characters");
        }
        String refHash = reference.map(ref -> Secrets.sha256Hex("learner:" + ref)).orElse(null);
        Optional<Store.Learner> known = refHash == null ? Optional.empty() : s.store().learnerByRef(refHash);
        String learnerId;
        String token = null;
        if (known.isPresent()) {
            learnerId = known.get().id();
        } else {
            learnerId = Secrets.randomToken(s.random(), Secrets.ID_BYTES);
            String secret = Secrets.randomToken(s.random(), Secrets.SECRET_BYTES);
            try {
                s.store().insertLearner(new Store.Learner(learnerId, Secrets.sha256Hex(secret), s.clock().instant()), refHash);
                token = learnerId + "." + secret;
            } catch (SQLException e) {
                // a concurrent request created this learner first: attach to it
                Optional<Store.Learner> raced = refHash == null ? Optional.empty() : s.store().learnerByRef(refHash);
                if (raced.isEmpty()) {
                    throw e;
                }
                learnerId = raced.get().id();
            }
        }
        Issuing.Issued issued;
        try {
            issued = s.issuing().issue(credential, options, r.query("cryptosuite"), Store.Kind.RECORD, learnerId);
        } catch (CredentialException e) {
            if (token != null) {
                s.store().deleteLearnerWithoutRecords(learnerId);
            }
            throw HttpError.of(e);
        } catch (HttpError | SQLException | RuntimeException e) {
            if (token != null) {
                s.store().deleteLearnerWithoutRecords(learnerId);
            }
            throw e;
        }
        JsonObject.Builder learner = JsonObject.builder().put("id", learnerId);
        if (token != null) {
            learner.put("managementToken", token);
        }
        String display = Codes.display(issued.code());
        return Response.json(201, JsonObject.builder()
                        .put("code", display)
                        .put("verifyUrl", s.issuing().verifyUrl(issued.code()))
                        .put("verifiableCredential", issued.credential())
                        .put("learner", learner.build())
                        .build())
                .withHeader("Location", "/verify/" + display);
    }

    /** A new management token for a learner who lost theirs (issuer access); the old one stops working. */
    private Response newLearnerToken(Request r) throws Exception {
        s.issuerAccess().require(r);
        String learnerId = r.param("id");
        String secret = Secrets.randomToken(s.random(), Secrets.SECRET_BYTES);
        if (!Secrets.isTokenSyntax(learnerId, MAX_TOKEN_LENGTH) || !s.store().replaceLearnerToken(learnerId, Secrets.sha256Hex(secret))) {
            throw HttpError.notFound("no such learner");
        }
        return Response.json(200, JsonObject.builder().put("learner", JsonObject.builder()
                .put("id", learnerId).put("managementToken", learnerId + "." + secret).build()).build());
    }

    // ------------------------------------------------------------------ learner

    private Store.Learner learner(Request r) throws HttpError, SQLException {
        String token = r.bearerToken().orElseThrow(() ->
                HttpError.unauthorized("this endpoint needs the learner's management token (Authorization: Bearer …)"));
        int dot = token.indexOf('.');
        if (dot > 0) {
            String id = token.substring(0, dot);
            String secret = token.substring(dot + 1);
            if (Secrets.isTokenSyntax(id, MAX_TOKEN_LENGTH) && Secrets.isTokenSyntax(secret, MAX_TOKEN_LENGTH)) {
                Optional<Store.Learner> learner = s.store().learner(id);
                if (learner.isPresent() && Secrets.matches(secret, learner.get().tokenHash())) {
                    return learner.get();
                }
            }
        }
        throw HttpError.unauthorized("the management token is not valid");
    }

    /** The learner's own record with this code; anyone else's (or none) is 404. */
    private Store.StoredCredential ownRecord(Store.Learner learner, String typedCode) throws HttpError, SQLException {
        Optional<String> code = Codes.normalize(typedCode);
        if (code.isPresent()) {
            Optional<Store.StoredCredential> c = s.store().credential(code.get());
            if (c.isPresent() && c.get().kind() == Store.Kind.RECORD && learner.id().equals(c.get().learnerId())) {
                return c.get();
            }
        }
        throw HttpError.notFound("you have no course record with this code");
    }

    private Store.ShareLink ownLink(Store.Learner learner, String id) throws HttpError, SQLException {
        if (Secrets.isTokenSyntax(id, MAX_TOKEN_LENGTH)) {
            Optional<Store.ShareLink> link = s.store().link(id);
            if (link.isPresent()) {
                Optional<Store.StoredCredential> record = s.store().credential(link.get().code());
                if (record.isPresent() && learner.id().equals(record.get().learnerId())) {
                    return link.get();
                }
            }
        }
        throw HttpError.notFound("you have no share link with this id");
    }

    private Response learnerRecords(Request r) throws Exception {
        Store.Learner learner = learner(r);
        List<JsonValue> records = new ArrayList<>();
        for (Store.StoredCredential c : s.store().recordsOf(learner.id())) {
            CredentialView view = CredentialView.of(Secured.credentialOf(c.document()));
            records.add(JsonObject.builder()
                    .put("code", Codes.display(c.code()))
                    .put("name", view.course() != null ? view.course() : view.title())
                    .put("verifyUrl", s.issuing().verifyUrl(c.code()))
                    .put("issuedAt", time(c.issuedAt()))
                    .put("links", s.store().linksOf(c.code()).size())
                    .build());
        }
        return Response.json(200, JsonObject.builder().put("learner", learner.id()).put("records", JsonArray.of(records)).build());
    }

    private Response listLinks(Request r) throws Exception {
        Store.Learner learner = learner(r);
        Store.StoredCredential record = ownRecord(learner, r.param("code"));
        List<JsonValue> links = new ArrayList<>();
        for (Store.ShareLink link : s.store().linksOf(record.code())) {
            links.add(linkJson(link, null));
        }
        return Response.json(200, JsonObject.builder().put("links", JsonArray.of(links)).build());
    }

    /** {@code {"show": "final-grade"|"all", "expires": ISO-8601|null, "label": "…"}}, every member optional. */
    private Response createLink(Request r) throws Exception {
        Store.Learner learner = learner(r);
        Store.StoredCredential record = ownRecord(learner, r.param("code"));
        JsonObject body = r.jsonBodyOrEmpty(VcApi.MAX_JSON_BYTES);
        // Links are listed with their views and kept after revocation: without a cap a learner
        // could grow the store and the listing without bound (found by fuzzing the server).
        if (s.store().linksOf(record.code()).size() >= MAX_LINKS_PER_RECORD) {
            throw HttpError.unprocessable(ProblemCode.LIMIT_EXCEEDED, "this record already has " + MAX_LINKS_PER_RECORD
                    + " share links, the limit: reset or change an existing link instead");
        }
        ShareScope scope = scope(body).orElse(ShareScope.FINAL_GRADE);
        Instant expires = expires(body).orElse(null);
        String label = label(body).orElse(null);
        String id = Secrets.randomToken(s.random(), Secrets.ID_BYTES);
        String token = Secrets.randomToken(s.random(), Secrets.SECRET_BYTES);
        Instant now = s.clock().instant();
        Store.ShareLink link = new Store.ShareLink(id, record.code(), Secrets.sha256Hex(token), scope, label, now, expires,
                null, 0, null);
        s.store().insertLink(link);
        return Response.json(201, linkJson(link, token)).withHeader("Location", "/links/" + id);
    }

    private Response getLink(Request r) throws Exception {
        Store.ShareLink link = ownLink(learner(r), r.param("id"));
        return Response.json(200, linkJson(link, null));
    }

    /** Changes what a link shows, its expiry ({@code null} removes it) or its label, keeping its URL. */
    private Response updateLink(Request r) throws Exception {
        Store.ShareLink link = ownLink(learner(r), r.param("id"));
        JsonObject body = r.jsonBody(VcApi.MAX_JSON_BYTES);
        ShareScope scope = scope(body).orElse(link.scope());
        Instant expires = body.has("expires") ? expires(body).orElse(null) : link.expiresAt();
        String label = body.has("label") ? label(body).orElse(null) : link.label();
        s.store().updateLink(link.id(), scope, label, expires);
        return Response.json(200, linkJson(s.store().link(link.id()).orElseThrow(), null));
    }

    /** Revokes a link: its URL answers 410 from now on. */
    private Response revokeLink(Request r) throws Exception {
        Store.ShareLink link = ownLink(learner(r), r.param("id"));
        s.store().revokeLink(link.id(), s.clock().instant());
        return Response.noContent();
    }

    /** A new URL for the link at once; the previous one answers 410 from this moment. */
    private Response resetLink(Request r) throws Exception {
        Store.ShareLink link = ownLink(learner(r), r.param("id"));
        String token = Secrets.randomToken(s.random(), Secrets.SECRET_BYTES);
        s.store().resetLink(link.id(), Secrets.sha256Hex(token), s.clock().instant());
        return Response.json(200, linkJson(s.store().link(link.id()).orElseThrow(), token));
    }

    private Response views(Request r) throws Exception {
        Store.ShareLink link = ownLink(learner(r), r.param("id"));
        List<JsonValue> views = new ArrayList<>();
        for (Instant t : s.store().views(link.id(), MAX_VIEWS_LISTED)) {
            views.add(JsonObject.builder().put("viewedAt", time(t)).build());
        }
        return Response.json(200, JsonObject.builder()
                .put("id", link.id())
                .put("count", link.viewCount())
                .put("lastViewedAt", timeOrNull(link.lastViewedAt()))
                .put("views", JsonArray.of(views))
                .build());
    }

    private JsonObject linkJson(Store.ShareLink link, String token) {
        JsonObject.Builder b = JsonObject.builder()
                .put("id", link.id())
                .put("record", Codes.display(link.code()))
                .put("show", link.scope().value())
                .put("state", link.state(s.clock().instant()));
        if (token != null) {
            b.put("url", s.baseUrl() + "/share/" + token);
        }
        return b.put("label", link.label() == null ? JsonNull.INSTANCE : new JsonString(link.label()))
                .put("createdAt", time(link.createdAt()))
                .put("expiresAt", timeOrNull(link.expiresAt()))
                .put("revokedAt", timeOrNull(link.revokedAt()))
                .put("views", JsonNumber.of(link.viewCount()))
                .put("lastViewedAt", timeOrNull(link.lastViewedAt()))
                .build();
    }

    private static Optional<ShareScope> scope(JsonObject body) throws HttpError {
        Optional<String> show = VcApi.optionalString(body, "show");
        if (show.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ShareScope.fromValue(show.get()).orElseThrow(() ->
                HttpError.badRequest(ProblemCode.MALFORMED, "\"show\" must be \"final-grade\" or \"all\"")));
    }

    private Optional<Instant> expires(JsonObject body) throws HttpError {
        Optional<String> text = VcApi.optionalString(body, "expires");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(text.get()).toInstant();
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "\"expires\" must be a date-time such as 2026-12-31T23:59:59Z");
        }
        if (!t.isAfter(s.clock().instant())) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "\"expires\" must be in the future");
        }
        return Optional.of(t);
    }

    private static Optional<String> label(JsonObject body) throws HttpError {
        Optional<String> label = VcApi.optionalString(body, "label").map(String::strip).filter(x -> !x.isEmpty());
        if (label.isPresent() && label.get().length() > MAX_LABEL_LENGTH) {
            throw HttpError.badRequest(ProblemCode.LIMIT_EXCEEDED, "\"label\" is longer than " + MAX_LABEL_LENGTH + " characters");
        }
        return label;
    }

    // ------------------------------------------------------------------ public pages

    private Store.ShareLink activeLink(String token) throws HttpError, SQLException {
        if (!Secrets.isTokenSyntax(token, MAX_TOKEN_LENGTH)) {
            throw HttpError.notFound("This share link does not exist. Check that you copied the whole address.");
        }
        Store.TokenLookup lookup = s.store().lookupToken(Secrets.sha256Hex(token));
        if (lookup instanceof Store.Retired) {
            throw HttpError.gone("The learner has replaced or withdrawn this link.");
        }
        if (!(lookup instanceof Store.Active active)) {
            throw HttpError.notFound("This share link does not exist. Check that you copied the whole address.");
        }
        Store.ShareLink link = active.link();
        if (link.revokedAt() != null) {
            throw HttpError.gone("The learner has replaced or withdrawn this link.");
        }
        if (link.isExpired(s.clock().instant())) {
            throw HttpError.gone("This link expired on " + DateTimeFormatter.ISO_INSTANT.format(link.expiresAt().truncatedTo(ChronoUnit.SECONDS)) + ".");
        }
        return link;
    }

    private Response sharePage(Request r) throws Exception {
        String token = r.param("token");
        Store.ShareLink link = activeLink(token);
        Store.StoredCredential record = s.store().credential(link.code()).orElseThrow(() -> HttpError.gone("The record is no longer available."));
        Instant now = s.clock().instant();
        VerificationResult result = Secured.verify(s.verifier(), record.document(), false);
        if (!r.method().equals("HEAD")) {
            s.store().recordView(link.id(), now);
        }
        String download = link.scope() == ShareScope.ALL ? "/share/" + token + "/credential.json" : null;
        String html = s.pages().share(CredentialView.of(Secured.credentialOf(record.document())), Verdict.of(result), link.scope(), download, now);
        return Response.html(200, html).withHeader("X-Robots-Tag", "noindex, nofollow");
    }

    private Response shareDownload(Request r) throws Exception {
        Store.ShareLink link = activeLink(r.param("token"));
        if (link.scope() != ShareScope.ALL) {
            throw HttpError.notFound("This link shares the final grade only, not the full record.");
        }
        Store.StoredCredential record = s.store().credential(link.code()).orElseThrow(() -> HttpError.gone("The record is no longer available."));
        return Response.json(200, record.document())
                .withHeader("Content-Disposition", "attachment; filename=\"course-record-" + Codes.display(record.code()) + ".json\"")
                .withHeader("X-Robots-Tag", "noindex, nofollow");
    }

    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    private static JsonValue timeOrNull(Instant t) {
        return t == null ? JsonNull.INSTANCE : new JsonString(time(t));
    }
}
