package dev.credkit.server;

import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** A server on a free port in a temporary data directory, with an HTTP client and a clock tests can move. */
final class TestServer implements AutoCloseable {
    /** A clock tests set and advance (link expiry, validity periods). */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    final Path dataDirectory;
    final MutableClock clock;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Consumer<CredkitServer.Builder> configuration;
    private final HttpClient http;
    CredkitServer server;

    private TestServer(Path dataDirectory, MutableClock clock, Consumer<CredkitServer.Builder> configuration) {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.configuration = configuration;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static TestServer start(Path dataDirectory) throws Exception {
        return start(dataDirectory, b -> {
        });
    }

    static TestServer start(Path dataDirectory, Consumer<CredkitServer.Builder> configuration) throws Exception {
        TestServer t = new TestServer(dataDirectory, new MutableClock(Instant.now()), configuration);
        t.server = t.newServer();
        return t;
    }

    private CredkitServer newServer() throws IOException, CredentialException {
        CredkitServer.Builder b = CredkitServer.builder().dataDirectory(dataDirectory).port(0).clock(clock).threads(8)
                .log(new PrintStream(log, true, StandardCharsets.UTF_8));
        configuration.accept(b);
        return b.start();
    }

    /** Stops the server and starts a new one on the same data directory (a new port). */
    void restart() throws Exception {
        server.close();
        server = newServer();
    }

    String base() {
        return server.baseUrl();
    }

    String did() {
        return server.issuerId();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), headers);
    }

    HttpResponse<String> post(String path, JsonObject body, String... headers) {
        return post(path, body.toJson(), headers);
    }

    HttpResponse<String> patch(String path, JsonObject body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(body.toJson()))
                .header("Content-Type", "application/json"), headers);
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where this test reaches the server (its public base URL may name another host). */
    String local() {
        return (server.tlsCertificate().isPresent() ? "https" : "http") + "://localhost:" + server.port();
    }

    URI uri(String path) {
        if (path.startsWith(base())) {
            path = path.substring(base().length());
        }
        return URI.create(path.startsWith("http") ? path : local() + path);
    }

    /** Issues through the VC-API and returns the signed credential. */
    JsonObject issue(JsonObject credential) {
        HttpResponse<String> r = post("/credentials/issue", JsonObject.builder().put("credential", credential).build());
        if (r.statusCode() != 201) {
            throw new AssertionError("issue failed: " + r.statusCode() + " " + r.body());
        }
        return json(r).object("verifiableCredential").orElseThrow();
    }

    static JsonObject json(HttpResponse<String> response) {
        try {
            return JsonReader.defaults().readObject(response.body());
        } catch (CredentialException e) {
            throw new AssertionError("not a JSON object (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static JsonObject parse(String json) {
        try {
            return JsonReader.defaults().readObject(json);
        } catch (CredentialException e) {
            throw new AssertionError(e);
        }
    }

    /** The {@code /verify/CODE} path of a 201 answer's Location header. */
    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
    }

    static String problem(HttpResponse<String> response) {
        return json(response).string("problem").orElse("");
    }

    static JsonArray array(JsonObject o, String name) {
        return o.array(name).orElseThrow(() -> new AssertionError("no array " + name + " in " + o));
    }

    static String string(JsonValue v) {
        return ((dev.credkit.json.JsonString) v).value();
    }

    @Override
    public void close() {
        server.close();
    }
}
