package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonObject;
import dev.credkit.ob.LinkedInAddToProfile;
import dev.credkit.verify.VerificationResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The pages for people: the start page, the verify page of each issued credential (by its
 * verification code), and the page where anyone uploads or pastes a credential to see its
 * verification report.
 */
final class Portal {
    /** Largest upload on the verify form (a baked badge image may be large). */
    static final int MAX_UPLOAD_BYTES = 5 << 20;

    private static final String[] JSON_TYPES = {"application/vc+ld+json", "application/vc", "application/ld+json", "application/json"};

    private final Services s;
    private final byte[] css;

    Portal(Services services) throws IOException {
        this.s = services;
        try (InputStream in = Portal.class.getResourceAsStream("credkit.css")) {
            if (in == null) {
                throw new IOException("credkit.css is missing from the class path");
            }
            this.css = in.readAllBytes();
        }
    }

    void register(Router router) {
        router.page("GET", "/", r -> Response.html(200, s.pages().home()))
                .page("GET", "/verify", this::verifyForm)
                .page("POST", "/verify", this::upload)
                .page("GET", "/verify/{code}", this::verifyPage)
                .page("GET", "/verify/{code}/credential.json", this::download)
                .page("GET", "/assets/credkit.css", r -> Response.bytes(200, "text/css; charset=utf-8", css)
                        .withHeader("Cache-Control", "public, max-age=3600"));
    }

    /** {@code /verify?code=…} goes to the code's page; without a code, the upload form. */
    private Response verifyForm(Request r) throws HttpError {
        Optional<String> typed = r.query("code").map(String::strip).filter(c -> !c.isEmpty());
        if (typed.isEmpty()) {
            return Response.html(200, s.pages().uploadForm(null));
        }
        Optional<String> code = Codes.normalize(typed.get());
        if (code.isEmpty()) {
            throw new HttpError(404, HttpError.NOT_FOUND, "“" + shorten(typed.get()) + "” is not a valid verification code: "
                    + Codes.problem(typed.get()) + ".");
        }
        return Response.seeOther("/verify/" + Codes.display(code.get()));
    }

    private Response verifyPage(Request r) throws Exception {
        Store.StoredCredential stored = stored(r.param("code"));
        JsonObject document = stored.document();
        if (r.prefers(JSON_TYPES)) {
            if (stored.kind() == Store.Kind.RECORD) {
                throw HttpError.forbidden("course records are shared by their learner through share links");
            }
            return Response.json(200, document).withHeader("Content-Type", jsonType(r));
        }
        Instant now = s.clock().instant();
        VerificationResult result = Secured.verify(s.verifier(), document, false);
        Verdict verdict = Verdict.of(result);
        CredentialView view = CredentialView.of(Secured.credentialOf(document));
        boolean record = stored.kind() == Store.Kind.RECORD;
        String display = Codes.display(stored.code());
        String download = record ? null : "/verify/" + display + "/credential.json";
        String linkedIn = record || !result.isVerified() ? null : linkedIn(view, stored.code());
        Pages.CredentialPage page = new Pages.CredentialPage(display, verdict, download, linkedIn,
                !record, record, now);
        return Response.html(200, s.pages().credential(view, page));
    }

    private Response download(Request r) throws Exception {
        Store.StoredCredential stored = stored(r.param("code"));
        if (stored.kind() == Store.Kind.RECORD) {
            throw HttpError.notFound("course records are shared by their learner through share links");
        }
        return Response.json(200, stored.document())
                .withHeader("Content-Disposition", "attachment; filename=\"credential-" + Codes.display(stored.code()) + ".json\"");
    }

    private Store.StoredCredential stored(String typed) throws Exception {
        Optional<String> code = Codes.normalize(typed);
        if (code.isEmpty()) {
            throw HttpError.notFound("“" + shorten(typed) + "” is not a valid verification code: " + Codes.problem(typed) + ".");
        }
        return s.store().credential(code.get())
                .orElseThrow(() -> HttpError.notFound("No credential was issued here with the code " + Codes.display(code.get())
                        + ". Check the code on the certificate and try again."));
    }

    /** The form post: a file or pasted text, verified offline, reported step by step. */
    private Response upload(Request r) throws Exception {
        byte[] body;
        try {
            body = r.body(MAX_UPLOAD_BYTES);
        } catch (HttpError e) {
            if (e.status() == 413) {
                return Response.html(413, s.pages().uploadForm("The file is larger than " + Request.describe(MAX_UPLOAD_BYTES) + "."));
            }
            throw e;
        }
        FormData form;
        try {
            form = FormData.parse(r.rawContentType(), body);
        } catch (HttpError e) {
            return Response.html(400, s.pages().uploadForm("The form could not be read: " + e.getMessage() + "."));
        }
        byte[] input = form.bytes("file").filter(b -> b.length > 0)
                .or(() -> form.bytes("credential").filter(b -> !new String(b, StandardCharsets.UTF_8).isBlank()))
                .orElse(null);
        if (input == null) {
            return Response.html(400, s.pages().uploadForm("Choose a file or paste a credential first."));
        }
        Uploads.Extracted extracted;
        try {
            extracted = Uploads.extract(input);
        } catch (CredentialException e) {
            return Response.html(400, s.pages().uploadForm("This is not a credential credkit can read: " + e.getMessage() + "."));
        }
        VerificationResult result = s.verifier().verify(extracted.bytes());
        JsonObject shown = extracted.json() != null ? extracted.json()
                : Secured.payloadCredential(new String(extracted.bytes(), StandardCharsets.US_ASCII).strip()).orElse(null);
        CredentialView view = shown != null && shown.has("credentialSubject") ? CredentialView.of(shown) : null;
        return Response.html(200, s.pages().report(view, Verdict.of(result), extracted.description(), s.clock().instant()));
    }

    private static String jsonType(Request r) {
        String accept = r.header("Accept").orElse("");
        for (String t : JSON_TYPES) {
            if (accept.contains(t)) {
                return t;
            }
        }
        return Response.JSON;
    }

    /** LinkedIn's "Add to profile" link for a certification, filled from the credential; null when it lacks a name. */
    private String linkedIn(CredentialView v, String code) {
        String name = v.course() != null ? v.course() : v.title();
        if (name == null || v.institution() == null) {
            return null;
        }
        LinkedInAddToProfile.Builder b = LinkedInAddToProfile.builder()
                .name(name)
                .organizationName(v.institution())
                .certUrl(s.issuing().verifyUrl(code))
                .certId(Codes.display(code));
        CredentialView.instant(v.issued()).ifPresent(t -> b.issued(YearMonth.from(t.atZone(ZoneOffset.UTC))));
        CredentialView.instant(v.validUntil()).ifPresent(t -> b.expires(YearMonth.from(t.atZone(ZoneOffset.UTC))));
        try {
            return b.build().url();
        } catch (CredentialException e) {
            return null; // e.g. an expiry before the issue date: no button rather than a wrong one
        }
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
