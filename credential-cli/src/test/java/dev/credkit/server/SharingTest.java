package dev.credkit.server;

import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.credkit.server.TestServer.json;
import static dev.credkit.server.TestServer.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Course records and the share links a learner controls: create, show, reset, revoke, expire, view log. */
class SharingTest {
    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = TestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    /** A record issued to a new learner: its code, the learner's token. */
    record Issued(String code, String token, String learnerId, JsonObject credential) {
        String[] auth() {
            return new String[] {"Authorization", "Bearer " + token};
        }
    }

    static Issued issueRecord(String course, String learnerRef) throws Exception {
        JsonObject.Builder body = JsonObject.builder().put("credential", Samples.record(t, course, t.clock));
        if (learnerRef != null) {
            body.put("learner", learnerRef);
        }
        HttpResponse<String> r = t.post("/records", body.build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject o = json(r);
        JsonObject learner = o.object("learner").orElseThrow();
        return new Issued(o.string("code").orElseThrow(), learner.string("managementToken").orElse(null),
                learner.string("id").orElseThrow(), o.object("verifiableCredential").orElseThrow());
    }

    static JsonObject createLink(Issued record, JsonObject body) {
        HttpResponse<String> r = t.post("/records/" + record.code() + "/links", body, record.auth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    static String sharePath(JsonObject link) {
        return link.string("url").orElseThrow().substring(t.base().length());
    }

    @Test
    void issuingARecordReturnsTheManagementTokenOnce() throws Exception {
        Issued first = issueRecord("CS 301: Compilers", "student-4711");
        assertThat(first.token()).startsWith(first.learnerId() + ".");
        assertThat(first.credential().has("proof")).isTrue();
        Issued second = issueRecord("CS 302: Operating Systems", "student-4711");
        assertThat(second.learnerId()).isEqualTo(first.learnerId());
        assertThat(second.token()).isNull();
        HttpResponse<String> mine = t.get("/records", first.auth());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).array("records").orElseThrow().size()).isEqualTo(2);
        // the stored database holds only the token's hash
        assertThat(first.token().substring(first.token().indexOf('.') + 1)).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void recordsAreNotPublicByCode() throws Exception {
        Issued record = issueRecord("CS 303: Databases", null);
        HttpResponse<String> page = t.get("/verify/" + record.code());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CS 303: Databases").contains("Status: Valid").contains("Its results are private")
                .doesNotContain("Assignment 1").doesNotContain(">82<").doesNotContain("credential.json");
        assertThat(t.get("/verify/" + record.code(), "Accept", "application/json").statusCode()).isEqualTo(403);
        assertThat(t.get("/verify/" + record.code() + "/credential.json").statusCode()).isEqualTo(404);
    }

    @Test
    void finalGradeLinkShowsOnlyTheFinalGrade() throws Exception {
        Issued record = issueRecord("CS 304: Networks", null);
        JsonObject link = createLink(record, JsonObject.empty());
        assertThat(link.string("show")).contains("final-grade");
        assertThat(link.string("state")).contains("active");
        String token = sharePath(link).substring("/share/".length());
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 random bits, base64url

        HttpResponse<String> page = t.get(sharePath(link));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.body()).contains("Grace Hopper").contains("CS 304: Networks").contains("<dt>Final grade</dt><dd>82%</dd>")
                .contains("Status: Valid").doesNotContain("Assignment 1").doesNotContain("Capstone project")
                .doesNotContain("credential.json");
        assertThat(t.get(sharePath(link) + "/credential.json").statusCode()).isEqualTo(404);
    }

    @Test
    void allResultsLinkShowsEveryAssignmentAndTheDownload() throws Exception {
        Issued record = issueRecord("CS 305: Graphics", null);
        JsonObject link = createLink(record, JsonObject.builder().put("show", "all").put("label", "For my application").build());
        String html = t.get(sharePath(link)).body();
        assertThat(html).contains("Final grade").contains("Assignment 1: a lexer for Pascal").contains(">A<")
                .contains("Capstone project").contains("Exceeds expectations").contains("credential.json");
        HttpResponse<String> download = t.get(sharePath(link) + "/credential.json");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(json(download)).isEqualTo(record.credential());
    }

    @Test
    void resetGivesANewUrlAndTheOldOneIsGoneAtOnce() throws Exception {
        Issued record = issueRecord("CS 306: Security", null);
        JsonObject link = createLink(record, JsonObject.empty());
        String id = link.string("id").orElseThrow();
        String oldPath = sharePath(link);
        assertThat(t.get(oldPath).statusCode()).isEqualTo(200);

        HttpResponse<String> reset = t.post("/links/" + id + "/reset", "", record.auth());
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        JsonObject renewed = json(reset);
        assertThat(renewed.string("id")).contains(id);
        String newPath = sharePath(renewed);
        assertThat(newPath).isNotEqualTo(oldPath);

        HttpResponse<String> old = t.get(oldPath);
        assertThat(old.statusCode()).isEqualTo(410);
        assertThat(old.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(old.body()).contains("This link is no longer active");
        assertThat(t.get(oldPath + "/credential.json").statusCode()).isEqualTo(410);
        assertThat(t.get(newPath).statusCode()).isEqualTo(200);

        // a second reset retires the second URL as well
        String third = sharePath(json(t.post("/links/" + id + "/reset", "", record.auth())));
        assertThat(t.get(newPath).statusCode()).isEqualTo(410);
        assertThat(t.get(third).statusCode()).isEqualTo(200);
    }

    @Test
    void aRecordHasAtMostOneHundredLinksRevokedOnesIncluded() throws Exception {
        Issued record = issueRecord("CS 309: Compilers", null);
        String firstId = null;
        for (int i = 0; i < Sharing.MAX_LINKS_PER_RECORD; i++) {
            String id = createLink(record, JsonObject.empty()).string("id").orElseThrow();
            if (firstId == null) {
                firstId = id;
            }
        }
        assertThat(t.delete("/links/" + firstId, record.auth()).statusCode()).isEqualTo(204);
        HttpResponse<String> over = t.post("/records/" + record.code() + "/links", "{}", record.auth());
        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(json(over).string("problem")).contains("LIMIT_EXCEEDED");
        // the learner reuses a link instead: a reset gives it a new URL
        assertThat(t.post("/links/" + firstId + "/reset", "", record.auth()).statusCode()).isEqualTo(200);
        assertThat(json(t.get("/records/" + record.code() + "/links", record.auth())).array("links").orElseThrow().size())
                .isEqualTo(Sharing.MAX_LINKS_PER_RECORD);
    }

    @Test
    void revokedLinksAreGone() throws Exception {
        Issued record = issueRecord("CS 307: Robotics", null);
        JsonObject link = createLink(record, JsonObject.empty());
        String id = link.string("id").orElseThrow();
        assertThat(t.delete("/links/" + id, record.auth()).statusCode()).isEqualTo(204);
        assertThat(t.get(sharePath(link)).statusCode()).isEqualTo(410);
        HttpResponse<String> info = t.get("/links/" + id, record.auth());
        assertThat(json(info).string("state")).contains("revoked");
        // reset brings a revoked link back under a new URL
        JsonObject renewed = json(t.post("/links/" + id + "/reset", "", record.auth()));
        assertThat(renewed.string("state")).contains("active");
        assertThat(t.get(sharePath(renewed)).statusCode()).isEqualTo(200);
        assertThat(t.get(sharePath(link)).statusCode()).isEqualTo(410);
    }

    @Test
    void linksExpire() throws Exception {
        Issued record = issueRecord("CS 308: Theory", null);
        String expires = Sharing.time(t.clock.instant().plus(Duration.ofHours(2)));
        JsonObject link = createLink(record, JsonObject.builder().put("expires", expires).build());
        assertThat(link.string("expiresAt")).contains(expires);
        assertThat(t.get(sharePath(link)).statusCode()).isEqualTo(200);
        t.clock.advance(Duration.ofHours(3));
        try {
            HttpResponse<String> expired = t.get(sharePath(link));
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("This link expired on");
            assertThat(json(t.get("/links/" + link.string("id").orElseThrow(), record.auth())).string("state")).contains("expired");
            // removing the expiry brings it back
            HttpResponse<String> patched = t.patch("/links/" + link.string("id").orElseThrow(),
                    TestServer.parse("{\"expires\":null}"), record.auth());
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            assertThat(t.get(sharePath(link)).statusCode()).isEqualTo(200);
        } finally {
            t.clock.advance(Duration.ofHours(-3));
        }
        HttpResponse<String> past = t.post("/records/" + record.code() + "/links",
                JsonObject.builder().put("expires", "2001-01-01T00:00:00Z").build(), record.auth());
        assertThat(past.statusCode()).isEqualTo(400);
        HttpResponse<String> notADate = t.post("/records/" + record.code() + "/links",
                JsonObject.builder().put("expires", "tomorrow").build(), record.auth());
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(problem(notADate)).isEqualTo("MALFORMED");
    }

    @Test
    void patchChangesWhatALinkShowsKeepingItsUrl() throws Exception {
        Issued record = issueRecord("CS 309: Logic", null);
        JsonObject link = createLink(record, JsonObject.empty());
        assertThat(t.get(sharePath(link)).body()).doesNotContain("Assignment 1");
        HttpResponse<String> patched = t.patch("/links/" + link.string("id").orElseThrow(),
                JsonObject.builder().put("show", "all").build(), record.auth());
        assertThat(json(patched).string("show")).contains("all");
        assertThat(json(patched).has("url")).isFalse();
        assertThat(t.get(sharePath(link)).body()).contains("Assignment 1");
        HttpResponse<String> bad = t.patch("/links/" + link.string("id").orElseThrow(),
                JsonObject.builder().put("show", "everything").build(), record.auth());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void theLearnerSeesWhenALinkWasViewed() throws Exception {
        Issued record = issueRecord("CS 310: Algorithms", null);
        JsonObject link = createLink(record, JsonObject.empty());
        String id = link.string("id").orElseThrow();
        JsonObject none = json(t.get("/links/" + id + "/views", record.auth()));
        assertThat(none.get("count")).map(JsonValue::toJson).contains("0");
        for (int i = 0; i < 3; i++) {
            assertThat(t.get(sharePath(link)).statusCode()).isEqualTo(200);
            t.clock.advance(Duration.ofMinutes(1));
        }
        JsonObject views = json(t.get("/links/" + id + "/views", record.auth()));
        assertThat(views.get("count")).map(JsonValue::toJson).contains("3");
        assertThat(views.array("views").orElseThrow().size()).isEqualTo(3);
        assertThat(views.string("lastViewedAt")).isPresent();
        JsonObject listed = (JsonObject) json(t.get("/records/" + record.code() + "/links", record.auth()))
                .array("links").orElseThrow().get(0);
        assertThat(listed.get("views")).map(JsonValue::toJson).contains("3");
        assertThat(listed.has("url")).isFalse();
    }

    @Test
    void onlyTheLearnerManagesTheirLinks() throws Exception {
        Issued alice = issueRecord("CS 311: Ethics", null);
        Issued bob = issueRecord("CS 312: Law", null);
        JsonObject link = createLink(alice, JsonObject.empty());
        String id = link.string("id").orElseThrow();

        HttpResponse<String> anonymous = t.post("/records/" + alice.code() + "/links", "{}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(problem(anonymous)).isEqualTo("UNAUTHORIZED");
        assertThat(t.get("/links/" + id, "Authorization", "Bearer " + alice.learnerId() + ".wrong").statusCode()).isEqualTo(401);
        assertThat(t.get("/links/" + id, "Authorization", "Bearer garbage").statusCode()).isEqualTo(401);
        assertThat(t.get("/links/" + id, "Authorization", "Basic Zm9vOmJhcg==").statusCode()).isEqualTo(401);
        // another learner's valid token sees nothing of Alice's
        assertThat(t.get("/links/" + id, bob.auth()).statusCode()).isEqualTo(404);
        assertThat(t.post("/links/" + id + "/reset", "", bob.auth()).statusCode()).isEqualTo(404);
        assertThat(t.delete("/links/" + id, bob.auth()).statusCode()).isEqualTo(404);
        assertThat(t.post("/records/" + alice.code() + "/links", "{}", bob.auth()).statusCode()).isEqualTo(404);
        assertThat(t.get(sharePath(link)).statusCode()).isEqualTo(200);

        // the institution gives Alice a new token; the old one stops working
        HttpResponse<String> renewed = t.post("/learners/" + alice.learnerId() + "/token", "");
        assertThat(renewed.statusCode()).isEqualTo(200);
        String token = json(renewed).object("learner").orElseThrow().string("managementToken").orElseThrow();
        assertThat(t.get("/links/" + id, alice.auth()).statusCode()).isEqualTo(401);
        assertThat(t.get("/links/" + id, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(t.post("/learners/nobody/token", "").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownShareLinksAre404Pages() {
        HttpResponse<String> unknown = t.get("/share/" + "A".repeat(43));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(unknown.body()).contains("This share link does not exist");
        assertThat(t.get("/share/not*a*token").statusCode()).isEqualTo(404);
        assertThat(t.get("/share/" + "A".repeat(500)).statusCode()).isEqualTo(404);
    }

    @Test
    void concurrentViewsAndLinkChangesAreSafe() throws Exception {
        Issued record = issueRecord("CS 313: Concurrency", null);
        JsonObject link = createLink(record, JsonObject.empty());
        String path = sharePath(link);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> views = new ArrayList<>();
            List<Future<Integer>> creations = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                views.add(pool.submit(() -> t.get(path).statusCode()));
                creations.add(pool.submit(() -> t.post("/records/" + record.code() + "/links", "{}", record.auth()).statusCode()));
            }
            for (Future<Integer> f : views) {
                assertThat(f.get()).isEqualTo(200);
            }
            for (Future<Integer> f : creations) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonObject views = json(t.get("/links/" + link.string("id").orElseThrow() + "/views", record.auth()));
        assertThat(views.get("count")).map(JsonValue::toJson).contains("40");
        assertThat(json(t.get("/records/" + record.code() + "/links", record.auth())).array("links").orElseThrow().size()).isEqualTo(41);
    }
}
