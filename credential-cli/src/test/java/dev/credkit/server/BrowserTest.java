package dev.credkit.server;

import dev.credkit.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.credkit.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The verify page and a share page in a real browser (headless Chromium): what a person sees
 * (the DOM's text), that a {@code <script>} in a course name stays text, and a screenshot of each
 * page under {@code target/browser/}. Without Chromium the test is skipped, except in CI
 * ({@code CI=true}), where it must run.
 */
class BrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final String EVIL = "<script>document.title='pwned'</script>Data Structures";

    @TempDir
    static Path dir;
    @TempDir
    static Path profile;
    static TestServer t;
    static String chromium;

    @BeforeAll
    static void start() throws Exception {
        Optional<String> found = findChromium();
        if (found.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("headless Chromium is required in CI (apt-get install chromium); none found on PATH or in $CHROMIUM");
            }
            System.err.println("BrowserTest skipped: Chromium not found (install the 'chromium' package or set CHROMIUM)");
            assumeTrue(false, "Chromium not found (install the 'chromium' package or set CHROMIUM): browser test skipped");
        }
        chromium = found.get();
        t = TestServer.start(dir, b -> b.siteName("Example State University"));
    }

    @AfterAll
    static void stop() {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void verifyPageAsAPersonSeesIt() throws Exception {
        HttpResponse<String> issued = t.post("/credentials/issue", JsonObject.builder()
                .put("credential", Samples.certificate(t, EVIL)).build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String url = t.local() + TestServer.location(issued);

        String dom = chromium("--dump-dom", url);
        assertThat(dom).contains("Ada Lovelace").contains("Example State University").contains("Status: Valid")
                .contains("120 hours").contains("Add to LinkedIn").contains("Download the credential")
                .contains("Signature is valid: nothing was changed");
        // the script in the course name is text on the page, never an element, and did not run
        assertThat(dom).contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;Data Structures")
                .doesNotContain("<script").doesNotContain("<title>pwned");
        Path shot = screenshot(url, "verify-page.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void sharePageAsAPersonSeesIt() throws Exception {
        HttpResponse<String> record = t.post("/records", JsonObject.builder()
                .put("credential", Samples.record(t, "CS 301: Compilers", t.clock)).build());
        assertThat(record.statusCode()).as(record.body()).isEqualTo(201);
        JsonObject r = json(record);
        String token = r.object("learner").orElseThrow().string("managementToken").orElseThrow();
        HttpResponse<String> link = t.post("/records/" + r.string("code").orElseThrow() + "/links",
                "{\"show\":\"all\"}", "Authorization", "Bearer " + token);
        String url = json(link).string("url").orElseThrow().replace(t.base(), t.local());

        String dom = chromium("--dump-dom", url);
        assertThat(dom).contains("Course record shared by the learner").contains("Grace Hopper").contains("CS 301: Compilers")
                .contains("Final grade").contains("82").contains("Assignment 1: a lexer for Pascal")
                .contains("Exceeds expectations").contains("Status: Valid");
        Path shot = screenshot(url, "share-page.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // after a reset the browser gets the "no longer active" page
        String id = json(link).string("id").orElseThrow();
        assertThat(t.post("/links/" + id + "/reset", "", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(chromium("--dump-dom", url)).contains("This link is no longer active");
    }

    @Test
    void uploadFormAsAPersonSeesIt() throws Exception {
        String dom = chromium("--dump-dom", t.local() + "/verify");
        assertThat(dom).contains("Check a credential").contains("Credential file").contains("…or paste it here");
        screenshot(t.local() + "/verify", "upload-form.png");
    }

    private static Path screenshot(String url, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name).toAbsolutePath();
        Files.deleteIfExists(file);
        chromium("--screenshot=" + file, "--window-size=1200,1400", "--hide-scrollbars", url);
        assertThat(file).exists();
        return file;
    }

    /** Runs headless Chromium with the given arguments; returns its standard output. */
    private static String chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(profile.getParent(), "chromium-out", ".html");
        Path err = Files.createTempFile(profile.getParent(), "chromium-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                fail("Chromium did not finish within 90 s: " + tail(err));
            }
            assertThat(p.exitValue()).as("Chromium exit code; stderr: %s", tail(err)).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static String tail(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }

    private static Optional<String> findChromium() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && new File(configured).canExecute()) {
            return Optional.of(configured);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
            for (String d : path.split(File.pathSeparator)) {
                File f = new File(d, name);
                if (f.isFile() && f.canExecute()) {
                    return Optional.of(f.getAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
