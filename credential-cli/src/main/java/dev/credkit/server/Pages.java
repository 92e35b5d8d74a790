package dev.credkit.server;

import dev.credkit.verify.Check;
import dev.credkit.verify.CheckOutcome;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTML pages of the server. Every value that comes from a credential or a request goes
 * through {@link Html}'s escaping; pages carry no inline script or style, so a strict
 * Content-Security-Policy holds.
 */
final class Pages {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String siteName;

    Pages(String siteName) {
        this.siteName = siteName;
    }

    /** What the verify page of a stored credential shows besides the credential itself. */
    record CredentialPage(String displayCode, Verdict verdict, String downloadUrl, String linkedInUrl,
                          boolean resultsShown, boolean recordSummary, Instant checkedAt) {
    }

    // ------------------------------------------------------------------ layout

    String layout(String title, Html body, boolean noindex) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text(title).raw(" · ").text(siteName).raw("</title>\n")
                .raw("<link rel=\"stylesheet\" href=\"/assets/credkit.css\">\n");
        if (noindex) {
            h.raw("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        }
        h.raw("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n")
                .raw("<header class=\"site\"><nav aria-label=\"Site\"><a href=\"/\">").text(siteName)
                .raw("</a><span class=\"spacer\"></span><a href=\"/verify\">Check a credential</a></nav></header>\n")
                .raw("<main id=\"main\">\n").raw(body.toString()).raw("\n</main>\n")
                .raw("<footer>Checked on this server with credkit: the signature is verified offline, nothing is sent elsewhere.</footer>\n")
                .raw("</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------ home and forms

    String home() {
        Html b = new Html();
        b.raw("<section class=\"card\" aria-labelledby=\"h-code\"><h1 id=\"h-code\">Verify a certificate</h1>")
                .raw("<p class=\"lead\">Enter the verification code printed on the certificate.</p>");
        codeForm(b, null);
        b.raw("</section>");
        b.raw("<section class=\"card\" aria-labelledby=\"h-file\"><h2 id=\"h-file\">Have the credential itself?</h2>")
                .raw("<p>Upload or paste a credential file (JSON, JWT, or a badge image with the credential baked in) ")
                .raw("and see every step of its verification.</p>")
                .raw("<p><a class=\"button secondary\" href=\"/verify\">Check a credential file</a></p></section>");
        return layout("Verify a certificate", b, false);
    }

    private static void codeForm(Html b, String value) {
        b.raw("<form method=\"get\" action=\"/verify\"><div class=\"row\"><label for=\"code\">Verification code</label>")
                .raw("<input type=\"text\" id=\"code\" name=\"code\" class=\"code\" autocomplete=\"off\" spellcheck=\"false\" maxlength=\"64\"")
                .raw(" placeholder=\"XXXXX-XXXXX-XXXXX\" aria-describedby=\"code-hint\"");
        if (value != null) {
            b.attr("value", value);
        }
        b.raw("><p class=\"hint\" id=\"code-hint\">Letters and digits; dashes and spaces are optional.</p></div>")
                .raw("<button class=\"button\" type=\"submit\">Verify</button></form>");
    }

    String uploadForm(String error) {
        Html b = new Html();
        b.raw("<section class=\"card\" aria-labelledby=\"h-up\"><h1 id=\"h-up\">Check a credential</h1>")
                .raw("<p class=\"lead\">The credential is verified on this server, offline: its signature, its issuer's key, ")
                .raw("its dates and its status. Nothing is stored.</p>");
        if (error != null) {
            b.raw("<p class=\"notice\" role=\"alert\">").text(error).raw("</p>");
        }
        b.raw("<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\">")
                .raw("<div class=\"row\"><label for=\"file\">Credential file</label>")
                .raw("<input type=\"file\" id=\"file\" name=\"file\" accept=\".json,.jsonld,.jwt,.txt,.png,.svg,application/json,image/png,image/svg+xml\"")
                .raw(" aria-describedby=\"file-hint\"><p class=\"hint\" id=\"file-hint\">JSON, a JWT, or a PNG/SVG badge with the credential baked in.</p></div>")
                .raw("<div class=\"row\"><label for=\"credential\">…or paste it here</label>")
                .raw("<textarea id=\"credential\" name=\"credential\" spellcheck=\"false\"></textarea></div>")
                .raw("<button class=\"button\" type=\"submit\">Verify</button></form></section>");
        b.raw("<section class=\"card\" aria-labelledby=\"h-code\"><h2 id=\"h-code\">Have a verification code?</h2>");
        codeForm(b, null);
        b.raw("</section>");
        return layout("Check a credential", b, false);
    }

    // ------------------------------------------------------------------ credentials

    /** The public verify page of a credential issued here. */
    String credential(CredentialView v, CredentialPage page) {
        Html b = new Html();
        b.raw("<article class=\"card\" aria-labelledby=\"title\">");
        if (v.imageDataUrl() != null && !page.recordSummary()) {
            b.raw("<img class=\"badge-image\" alt=\"\"").attr("src", v.imageDataUrl()).raw(">");
        }
        if (v.institution() != null) {
            b.raw("<p class=\"lead\">").text(v.institution()).raw("</p>");
        }
        b.raw("<h1 id=\"title\">").text(v.course() != null ? v.course() : v.title()).raw("</h1>");
        status(b, page.verdict());
        b.raw("<dl class=\"fields\">");
        field(b, "Learner", v.learner());
        institution(b, v);
        if (v.course() != null && !v.course().equals(v.title())) {
            field(b, "Credential", v.title());
        }
        field(b, "Course code", v.courseCode());
        if (!page.recordSummary()) {
            paragraphs(b, "Syllabus", v.syllabus());
            field(b, "Workload", workload(v.workload()));
            paragraphs(b, "Criteria", v.criteria());
            if (v.criteriaUrl() != null && Html.isSafeUrl(v.criteriaUrl())) {
                b.raw("<dt>Criteria page</dt><dd>").link(v.criteriaUrl(), v.criteriaUrl()).raw("</dd>");
            }
            field(b, "Term", v.term());
            field(b, "Credits", v.credits());
        }
        date(b, "Issued", v.issued());
        date(b, "Valid until", v.validUntil());
        b.raw("<dt>Verification code</dt><dd class=\"code\">").text(page.displayCode()).raw("</dd>");
        b.raw("</dl>");
        if (page.resultsShown() && v.hasResults()) {
            results(b, v.results());
        }
        if (page.recordSummary()) {
            b.raw("<p class=\"notice\">This is a course record. Its results are private: the learner shares them ")
                    .raw("through a personal link when they choose to.</p>");
        }
        if (page.downloadUrl() != null || page.linkedInUrl() != null) {
            b.raw("<div class=\"actions\">");
            if (page.downloadUrl() != null) {
                b.raw("<a class=\"button secondary\" download").attr("href", page.downloadUrl())
                        .raw(">Download the credential (JSON)</a>");
            }
            if (page.linkedInUrl() != null) {
                b.raw("<a class=\"button linkedin\" rel=\"noopener noreferrer\"").attr("href", page.linkedInUrl())
                        .raw(">Add to LinkedIn</a>");
            }
            b.raw("</div>");
        }
        b.raw("</article>");
        checks(b, page.verdict().checks(), page.checkedAt());
        return layout(v.course() != null ? v.course() : v.title(), b, false);
    }

    /** A course record as a share link shows it. */
    String share(CredentialView v, Verdict verdict, ShareScope scope, String downloadUrl, Instant checkedAt) {
        Html b = new Html();
        b.raw("<article class=\"card\" aria-labelledby=\"title\">");
        b.raw("<p class=\"lead\">Course record shared by the learner");
        if (v.institution() != null) {
            b.raw(" · issued by ").text(v.institution());
        }
        b.raw("</p><h1 id=\"title\">").text(v.course() != null ? v.course() : v.title()).raw("</h1>");
        status(b, verdict);
        b.raw("<dl class=\"fields\">");
        field(b, "Learner", v.learner());
        institution(b, v);
        field(b, "Course code", v.courseCode());
        field(b, "Term", v.term());
        field(b, "Workload", workload(v.workload()));
        field(b, "Credits", v.credits());
        date(b, "Issued", v.issued());
        date(b, "Valid until", v.validUntil());
        if (scope == ShareScope.FINAL_GRADE) {
            Optional<CredentialView.ResultLine> grade = v.finalGrade();
            field(b, "Final grade", grade.map(CredentialView.ResultLine::value).orElse("not recorded"));
        }
        b.raw("</dl>");
        if (scope == ShareScope.ALL) {
            results(b, v.results());
            if (downloadUrl != null) {
                b.raw("<div class=\"actions\"><a class=\"button secondary\" download").attr("href", downloadUrl)
                        .raw(">Download the signed course record (JSON)</a></div>");
            }
        } else {
            b.raw("<p class=\"hint\">The learner shares the final grade only.</p>");
        }
        b.raw("</article>");
        checks(b, verdict.checks(), checkedAt);
        return layout("Course record: " + (v.course() != null ? v.course() : v.title()), b, true);
    }

    /** The report of a credential someone uploaded or pasted. */
    String report(CredentialView v, Verdict verdict, String inputKind, Instant checkedAt) {
        Html b = new Html();
        b.raw("<article class=\"card\" aria-labelledby=\"title\">");
        b.raw("<p class=\"lead\">Verification report · ").text(inputKind).raw("</p>");
        b.raw("<h1 id=\"title\">").text(v == null ? "Credential" : v.course() != null ? v.course() : v.title()).raw("</h1>");
        status(b, verdict);
        if (v != null) {
            b.raw("<dl class=\"fields\">");
            field(b, "Learner", v.learner());
            institution(b, v);
            field(b, "Issuer identifier", v.issuerId());
            date(b, "Issued", v.issued());
            date(b, "Valid until", v.validUntil());
            b.raw("</dl>");
            if (verdict.cssClass().equals("valid")) {
                b.raw("<p class=\"hint\">A valid signature proves who issued it and that it was not changed; ")
                        .raw("whether to trust that issuer is your decision.</p>");
            }
        }
        b.raw("<div class=\"actions\"><a class=\"button secondary\" href=\"/verify\">Check another credential</a></div>");
        b.raw("</article>");
        checks(b, verdict.checks(), checkedAt);
        return layout("Verification report", b, true);
    }

    // ------------------------------------------------------------------ errors

    String notFound(String heading, String message, boolean withCodeForm) {
        Html b = new Html();
        b.raw("<section class=\"card\" aria-labelledby=\"h\"><h1 id=\"h\">").text(heading).raw("</h1>")
                .raw("<p>").text(message).raw("</p>");
        if (withCodeForm) {
            codeForm(b, null);
        } else {
            b.raw("<p><a href=\"/\">Go to the start page</a></p>");
        }
        b.raw("</section>");
        return layout(heading, b, true);
    }

    String gone(String message) {
        Html b = new Html();
        b.raw("<section class=\"card\" aria-labelledby=\"h\"><h1 id=\"h\">This link is no longer active</h1>")
                .raw("<p>").text(message).raw("</p>")
                .raw("<p>If you expected to see a course record here, ask the learner for a new link.</p></section>");
        return layout("Link no longer active", b, true);
    }

    String error(int status, String message) {
        Html b = new Html();
        String heading = status >= 500 ? "Something went wrong on our side" : "This request could not be handled";
        b.raw("<section class=\"card\" aria-labelledby=\"h\"><h1 id=\"h\">").text(heading).raw("</h1>")
                .raw("<p>").text(message).raw("</p><p><a href=\"/\">Go to the start page</a></p></section>");
        return layout(heading, b, true);
    }

    // ------------------------------------------------------------------ pieces

    private static void status(Html b, Verdict verdict) {
        b.raw("<p class=\"status ").raw(verdict.cssClass()).raw("\" role=\"status\">Status: ").text(verdict.label()).raw("</p>")
                .raw("<p class=\"status-note\">").text(verdict.explanation()).raw("</p>");
    }

    private static void institution(Html b, CredentialView v) {
        if (v.institution() == null) {
            return;
        }
        b.raw("<dt>Institution</dt><dd>");
        if (v.issuerUrl() != null && Html.isSafeUrl(v.issuerUrl()) && v.issuerUrl().startsWith("https://")) {
            b.link(v.issuerUrl(), v.institution());
        } else {
            b.text(v.institution());
        }
        b.raw("</dd>");
    }

    private static void field(Html b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.raw("<dt>").text(name).raw("</dt><dd>").text(value).raw("</dd>");
        }
    }

    private static void paragraphs(Html b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.raw("<dt>").text(name).raw("</dt><dd>").paragraphs(value).raw("</dd>");
        }
    }

    private static void date(Html b, String name, String value) {
        if (value == null) {
            return;
        }
        b.raw("<dt>").text(name).raw("</dt><dd>");
        Optional<Instant> t = CredentialView.instant(value);
        if (t.isPresent()) {
            b.raw("<time").attr("datetime", value).raw(">").text(DATE.format(t.get())).raw("</time>");
        } else {
            b.text(value);
        }
        b.raw("</dd>");
    }

    private static String workload(String line) {
        if (line == null) {
            return null;
        }
        String w = line.startsWith("Workload:") ? line.substring("Workload:".length()).strip() : line;
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }

    private static void results(Html b, List<CredentialView.ResultLine> results) {
        if (results.isEmpty()) {
            return;
        }
        b.raw("<h2>Results</h2><table class=\"results\"><thead><tr><th scope=\"col\">Assessed</th><th scope=\"col\">Result</th></tr></thead><tbody>");
        for (int i = 0; i < results.size(); i++) {
            CredentialView.ResultLine r = results.get(i);
            b.raw(i == 0 ? "<tr class=\"final\">" : "<tr>").raw("<td>").text(r.label()).raw("</td><td class=\"value\">")
                    .text(r.value()).raw("</td></tr>");
        }
        b.raw("</tbody></table>");
    }

    private static void checks(Html b, List<Check> checks, Instant checkedAt) {
        b.raw("<section class=\"card\" aria-labelledby=\"h-checks\"><h2 id=\"h-checks\">How it was checked</h2>")
                .raw("<p class=\"hint\">Checked ").text(DATE_TIME.format(checkedAt)).raw(".</p><ul class=\"checks\">");
        for (Check c : checks) {
            String outcome = c.outcome().name().toLowerCase(Locale.ROOT);
            b.raw("<li><span class=\"outcome ").raw(outcome).raw("\">").text(Verdict.outcomeLabel(c.outcome())).raw("</span>")
                    .raw("<span><span class=\"check-name\">").text(Verdict.labelOf(c.name())).raw("</span>")
                    .raw("<span class=\"check-detail\">");
            if (c.outcome() != CheckOutcome.PASSED && c.problem() != null) {
                b.text(c.problem().name()).raw(": ");
            }
            b.text(c.message()).raw("</span></span></li>");
        }
        b.raw("</ul></section>");
    }
}
