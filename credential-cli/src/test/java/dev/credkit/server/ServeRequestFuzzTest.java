package dev.credkit.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.credkit.baking.BadgeBaker;
import dev.credkit.core.CredentialException;
import dev.credkit.json.JsonArray;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;
import dev.credkit.json.JsonString;
import dev.credkit.json.JsonValue;
import dev.credkit.json.JsonWriter;
import dev.credkit.keys.DidKey;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.proof.ProofOptions;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.Signers;
import dev.credkit.testing.FuzzChecks;
import dev.credkit.testing.TestResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@code credkit serve}'s request handling: whole requests go through
 * {@link CredkitServer#handle} of one server, on a fake exchange instead of a socket. The input
 * picks the method, a path built from the server's own routes (segments known to the server,
 * fuzzed or percent-encoded), a query, Content-Type (JSON, url-encoded and multipart forms with a
 * fuzzed boundary, images, anything), Authorization, Accept, Content-Length, whether the client is
 * on the loopback address, and the body: fuzzed bytes, or the shapes the handlers read (VC-API
 * JSON, the verify form, a multipart upload, a baked badge) around a signed document with at most
 * one changed byte, so that requests get past parsing.
 *
 * <p>Properties: nothing is thrown (the server answers every request); exactly one response,
 * with a status from 200 to 599 and never 500, and exactly the body length it declared; no stack
 * trace or exception name in a body or header unless the request carried that text; pages made
 * only of the tags, attributes and URL schemes the pages write (nothing from the request is
 * reflected unescaped; never a script); JSON answers parse, a 4xx one names its problem (or is a
 * verification report); bounded time and allocation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeRequestFuzzTest {
    private static final Duration TIME = Duration.ofSeconds(10);
    private static final long MEMORY = 512L << 20;
    private static final String ISSUER_TOKEN = "serve-fuzz-issuer-token-0123456789";
    private static final String BOUNDARY = "credkitFuzzBoundary";
    private static final String CHALLENGE = "fuzz-challenge";
    private static final String DOMAIN = "fuzz.example";
    private static final Path INPUTS = Path.of("src/test/resources/dev/credkit/server/ServeRequestFuzzTestInputs/handleRequest");

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"};
    private static final String[] SUITES = {"eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020", "vc-jwt", "none"};
    private static final String[] ACCEPTS = {"text/html", "application/json", "application/vc", "text/html, application/json"};
    /** Request bodies the VC-API reads; DOC stands for a document. */
    private static final String[] JSON_REQUESTS = {
            "{\"verifiableCredential\":DOC}",
            "{\"verifiableCredential\":DOC,\"options\":{\"checks\":[\"proof\"]}}",
            "{\"verifiablePresentation\":DOC,\"options\":{\"challenge\":\"" + CHALLENGE + "\",\"domain\":\"" + DOMAIN + "\"}}",
            "{\"verifiablePresentation\":DOC}",
            "{\"credential\":DOC}",
            "{\"credential\":DOC,\"options\":{\"credentialStatus\":true}}",
            "{\"credential\":DOC,\"options\":{\"cryptosuite\":\"eddsa-jcs-2022\",\"created\":\"2025-01-01T00:00:00Z\"}}",
            "{\"credential\":DOC,\"options\":{\"cryptosuite\":\"vc-jwt\"}}",
            "{\"credential\":DOC,\"learner\":\"fuzz-learner\"}"};
    /** Bodies of the sharing and status endpoints: %1$s is a fuzzed JSON string, %2$s the code of a credential with status entries. */
    private static final String[] API_REQUESTS = {
            "{\"show\":\"all\",\"label\":%1$s}",
            "{\"show\":%1$s}",
            "{\"expires\":%1$s}",
            "{\"expires\":\"2031-01-01T00:00:00Z\",\"label\":%1$s}",
            "{\"code\":\"%2$s\",\"credentialStatus\":{\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":\"suspension\",\"status\":%1$s}}",
            "{\"code\":%1$s,\"credentialStatus\":{\"statusPurpose\":\"revocation\"}}",
            "{\"credentialId\":%1$s,\"credentialStatus\":[{\"statusPurpose\":\"suspension\",\"status\":false}]}"};

    /** What no answer may contain unless the request did: signs of a Java exception or stack trace. */
    private static final List<String> LEAKS = List.of("Exception", "\tat dev.credkit", "java.lang.");
    /** The markup {@link Pages} writes: anything else in a page came from a request or a credential unescaped. */
    private static final Set<String> TAGS = Set.of("html", "head", "meta", "title", "link", "body", "a", "header", "nav",
            "span", "main", "footer", "section", "h1", "h2", "p", "form", "div", "label", "input", "button", "textarea",
            "article", "img", "dl", "dt", "dd", "time", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "br");
    private static final Set<String> ATTRIBUTES = Set.of("lang", "charset", "name", "content", "rel", "href", "class",
            "aria-label", "id", "aria-labelledby", "method", "action", "for", "type", "autocomplete", "spellcheck",
            "maxlength", "placeholder", "aria-describedby", "value", "accept", "enctype", "role", "alt", "src", "download",
            "datetime", "scope");
    private static final Pattern TAG_NAME = Pattern.compile("/?([a-z][a-z0-9]*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([a-z][a-z-]*)(?:=\"([^\"<>]*)\")?");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{8,}");
    private static final JsonReader RESPONSE_READER = JsonReader.builder()
            .maxBytes(64 << 20).maxStringLength(64 << 20).maxDepth(128).build();

    @TempDir
    static Path dir;
    static Fixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new Fixture(TestServer.start(dir, b -> b.issuerToken(ISSUER_TOKEN)));
    }

    @AfterAll
    static void stop() {
        fixture.server.close();
    }

    @Order(2)
    @FuzzTest(maxDuration = "60s")
    void handleRequest(FuzzedDataProvider data) {
        FuzzRequest request = decode(Source.of(data));
        if (request == null) {
            return; // the JDK server answers this request line itself; no handler sees it
        }
        long memory = MEMORY + 64L * request.body().length;
        Exchange exchange = FuzzChecks.bounded(TIME, memory, () -> fixture.dispatch(request)).value();
        check(request, exchange);
        fixture.learn(exchange);
    }

    /**
     * The seed inputs in the regression corpus, written from their choices in the encoding of
     * Jazzer's {@link FuzzedDataProvider} (integers from the end of the input, texts from the
     * start, each ended by a backslash and one more byte): the files are those the choices give,
     * and each request reaches its handler and succeeds. Rewrite them after changing
     * {@link #decode} with {@code -Dcredkit.writeSeeds=true}.
     */
    @Test
    @Order(1)
    void seedsDecodeToTheRequestsTheyName() throws Exception {
        boolean write = Boolean.getBoolean("credkit.writeSeeds");
        for (Map.Entry<String, Seed> e : seeds().entrySet()) {
            String name = e.getKey();
            Seed seed = e.getValue();
            SeedWriter writer = new SeedWriter(seed.choices());
            FuzzRequest intended = decode(writer);
            assertThat(intended).as(name).isNotNull();
            byte[] bytes = writer.bytes();
            Path file = INPUTS.resolve(name);
            if (write) {
                Files.createDirectories(INPUTS);
                Files.write(file, bytes);
            }
            assertThat(file).as("seed %s (write the seeds with -Dcredkit.writeSeeds=true)", name).exists();
            assertThat(Files.readAllBytes(file)).as("seed %s is out of date (-Dcredkit.writeSeeds=true)", name).isEqualTo(bytes);
            Exchange exchange = fixture.dispatch(intended);
            check(intended, exchange);
            fixture.learn(exchange);
            assertThat(exchange.status).as("%s: %s", name, exchange.out).isEqualTo(seed.status());
            assertThat(exchange.out.toString(StandardCharsets.UTF_8)).as(name).contains(seed.shows());
        }
    }

    record Seed(Map<String, Object> choices, int status, String shows) {
    }

    private static Map<String, Seed> seeds() throws Exception {
        Fixture f = fixture;
        Map<String, Seed> seeds = new LinkedHashMap<>();
        seeds.put("verify-form-paste", new Seed(Map.of("route", f.route("POST", "/verify"), "contentType", 2,
                "body", 3, "field", 1, "doc", f.doc("certificate")), 200, "Status: Valid"));
        seeds.put("upload-baked-png", new Seed(Map.of("route", f.route("POST", "/verify"), "contentType", 3,
                "body", 4, "part", 1, "image", 0), 200, "JSON in a PNG badge image"));
        String vector = TestResources.text("vectors/ob3-eddsa-rdfc-2022/signed.json");
        byte[] svg = BadgeBaker.defaults().bake(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"></svg>".getBytes(StandardCharsets.UTF_8),
                JsonReader.defaults().readObject(vector));
        seeds.put("upload-multipart-svg", new Seed(Map.of("route", f.route("POST", "/verify"), "contentType", 3,
                "body", 0, "body.raw", multipart(BOUNDARY, "file", svg)), 200, "JSON in a SVG badge image"));
        seeds.put("issue-json", new Seed(Map.of("route", f.route("POST", "/credentials/issue"), "contentType", 1,
                "authorization", 2, "body", 1, "json", 4, "doc", f.doc("unsigned-minimal")), 201, "verifiableCredential"));
        seeds.put("verify-credential-api", new Seed(Map.of("route", f.route("POST", "/credentials/verify"), "contentType", 1,
                "body", 1, "json", 0, "doc", f.doc("certificate")), 200, "VERIFIED"));
        seeds.put("verify-presentation-api", new Seed(Map.of("route", f.route("POST", "/presentations/verify"),
                "contentType", 1, "body", 1, "json", 2, "doc", f.doc("presentation")), 200, "VERIFIED"));
        seeds.put("share-link-page", new Seed(Map.of("route", f.route("GET", "/share/{token}")), 200,
                "Course record shared by the learner"));
        seeds.put("create-share-link", new Seed(Map.of("route", f.route("POST", "/records/{code}/links"),
                "segment.known", f.codes.indexOf(f.recordCode), "authorization", 3, "contentType", 1, "body", 2, "api", 0,
                "api.text", "for my employer"), 201, "/share/"));
        seeds.put("verify-page-escaped-code", new Seed(Map.of("route", f.route("GET", "/verify/{code}"), "segment", 2,
                "segment.text", "<script>alert(1)</script>", "accept", 0), 404, "&lt;script&gt;alert(1)&lt;/script&gt;"));
        return seeds;
    }

    /** Writes a seed: the bytes from which Jazzer's data provider gives back the named choices (0 or "" when not named). */
    static final class SeedWriter implements Source {
        private final Map<String, Object> choices;
        private final ByteArrayOutputStream front = new ByteArrayOutputStream();
        /** Integers are read from the end of the input: their bytes in the order they are read. */
        private final ByteArrayOutputStream back = new ByteArrayOutputStream();
        private boolean done;

        SeedWriter(Map<String, Object> choices) {
            this.choices = choices;
        }

        @Override
        public int pick(String what, int count) {
            int value = (Integer) choices.getOrDefault(what, 0);
            if (value < 0 || value >= count || (done && value != 0)) {
                throw new IllegalArgumentException(what + " = " + value + " is not a choice of " + count);
            }
            if (done) {
                return 0;
            }
            long range = count - 1L;
            int length = 0;
            while (length < 4 && (range >>> (8 * length)) > 0) {
                length++;
            }
            for (int i = length - 1; i >= 0; i--) {
                back.write(value >>> (8 * i));
            }
            return value;
        }

        @Override
        public String text(String what, int maxLength) {
            String value = (String) choices.getOrDefault(what, "");
            if (value.length() > maxLength || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) || (done && !value.isEmpty())) {
                throw new IllegalArgumentException(what + " must be printable ASCII of at most " + maxLength + " characters");
            }
            if (done) {
                return "";
            }
            for (char c : value.toCharArray()) {
                front.write(c);
                if (c == '\\') {
                    front.write(c); // a doubled backslash is one backslash
                }
            }
            if (value.length() < maxLength) {
                front.write('\\'); // a backslash and any other character end the text
                front.write('.');
            }
            return value;
        }

        @Override
        public byte[] rest(String what) {
            Object value = choices.getOrDefault(what, new byte[0]);
            byte[] bytes = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) value;
            if (!done) {
                front.writeBytes(bytes);
            }
            done = true;
            return bytes;
        }

        byte[] bytes() {
            byte[] tail = back.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(front.toByteArray());
            for (int i = tail.length - 1; i >= 0; i--) {
                out.write(tail[i]);
            }
            return out.toByteArray();
        }
    }

    // ------------------------------------------------------------------ properties

    static void check(FuzzRequest request, Exchange exchange) {
        assertThat(exchange.responses).as("responses to %s", request).isEqualTo(1);
        assertThat(exchange.closed).as("exchange closed").isTrue();
        assertThat(exchange.writtenTooEarly).as("body written before the headers").isFalse();
        int status = exchange.status;
        assertThat(status).as("status of %s", request).isBetween(200, 599).isNotEqualTo(500);
        byte[] body = exchange.out.toByteArray();
        if (exchange.declaredLength < 0) {
            assertThat(body).as("body of an answer declared empty").isEmpty();
        } else if (exchange.declaredLength > 0) {
            assertThat((long) body.length).as("declared length").isEqualTo(exchange.declaredLength);
        }
        if (request.method().equals("HEAD")) {
            assertThat(exchange.declaredLength).as("HEAD answers without a body").isEqualTo(-1);
        }
        Headers headers = exchange.getResponseHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).isNotNull();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        StringBuilder shownHeaders = new StringBuilder();
        headers.forEach((name, values) -> values.forEach(v -> {
            assertThat(v).as("header %s", name).doesNotContain("\r").doesNotContain("\n");
            shownHeaders.append(v).append('\n');
        }));
        checkNoLeak(request, shownHeaders.toString());
        if (body.length == 0) {
            return;
        }
        String contentType = headers.getFirst("Content-Type");
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith("text/html")) {
            checkMarkup(text);
            checkNoLeak(request, text);
        } else if (contentType != null && contentType.startsWith("application/") && !contentType.contains("css")) {
            JsonObject json;
            try {
                json = RESPONSE_READER.readObject(body);
            } catch (CredentialException e) {
                throw new AssertionError(contentType + " answer that is not a JSON object (" + e.getMessage() + "): " + text);
            }
            if (status >= 400) {
                assertThat(json.string("problem").isPresent() || json.has("verified"))
                        .as("a %d answer names its problem or is a report: %s", status, text).isTrue();
            }
            StringBuilder strings = new StringBuilder();
            strings(json, strings);
            checkNoLeak(request, strings.toString());
        } else {
            checkNoLeak(request, text);
        }
    }

    /** Every member name and string value, except link labels (a learner's own stored text, shown back to them). */
    private static void strings(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject o) {
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                if (!e.getKey().equals("label")) {
                    out.append(e.getKey()).append('\n');
                    strings(e.getValue(), out);
                }
            }
        } else if (value instanceof JsonArray a) {
            for (JsonValue v : a) {
                strings(v, out);
            }
        } else if (value instanceof JsonString s) {
            out.append(s.value()).append('\n');
        }
    }

    private static void checkNoLeak(FuzzRequest request, String shown) {
        for (String leak : LEAKS) {
            if (shown.contains(leak)) {
                assertThat(request.inputText()).as("the answer to %s shows %s: %s", request, leak, shown).contains(leak);
            }
        }
    }

    /** The page consists of the tags and attributes {@link Pages} writes, with safe URLs. */
    static void checkMarkup(String html) {
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0) {
            int end = html.indexOf('>', i);
            assertThat(end).as("tag at %d not closed", i).isPositive();
            String tag = html.substring(i + 1, end);
            i = end + 1;
            if (tag.equals("!DOCTYPE html")) {
                continue;
            }
            Matcher name = TAG_NAME.matcher(tag);
            assertThat(name.lookingAt()).as("tag <%s>", tag).isTrue();
            assertThat(TAGS).as("tag <%s>", tag).contains(name.group(1));
            Matcher attribute = ATTRIBUTE.matcher(tag);
            int at = name.end();
            while (at < tag.length()) {
                assertThat(attribute.region(at, tag.length()).lookingAt()).as("attributes of <%s>", tag).isTrue();
                String attributeName = attribute.group(1);
                String value = attribute.group(2);
                assertThat(ATTRIBUTES).as("attribute in <%s>", tag).contains(attributeName);
                if (attributeName.equals("href") || attributeName.equals("action")) {
                    assertThat(value.startsWith("#") || Html.isSafeUrl(value)).as("URL in <%s>", tag).isTrue();
                } else if (attributeName.equals("src")) {
                    assertThat(value).as("image in <%s>", tag).startsWith("data:image/");
                }
                at = attribute.end();
            }
        }
    }

    // ------------------------------------------------------------------ the fuzzed request

    /**
     * Where a request's choices come from: the fuzzer's data, or a seed being written. Each
     * choice is named, so that a seed says what it chooses whatever the order of the choices.
     */
    interface Source {
        /** A number from 0 to {@code count - 1}. */
        int pick(String what, int count);

        String text(String what, int maxLength);

        /** Everything left; the last choice of a request. */
        byte[] rest(String what);

        static Source of(FuzzedDataProvider data) {
            return new Source() {
                @Override
                public int pick(String what, int count) {
                    return data.consumeInt(0, count - 1);
                }

                @Override
                public String text(String what, int maxLength) {
                    return data.consumeString(maxLength);
                }

                @Override
                public byte[] rest(String what) {
                    return data.consumeRemainingAsBytes();
                }
            };
        }
    }

    /** A request as the JDK server would hand it to the handler. */
    record FuzzRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body, boolean loopback) {
        /** Every form in which the request carries text: raw, percent-decoded, JSON-unescaped, base64-decoded. */
        String inputText() {
            StringBuilder views = new StringBuilder(method).append('\n');
            List<String> texts = new ArrayList<>(List.of(target, new String(body, StandardCharsets.UTF_8)));
            headers.forEach(h -> texts.add(h.getValue()));
            for (String t : texts) {
                String decoded = percentDecode(t);
                for (String v : List.of(t, decoded, jsonUnescape(t), jsonUnescape(decoded))) {
                    views.append(v).append('\n');
                    Matcher run = BASE64_RUN.matcher(v);
                    while (run.find()) {
                        views.append(jsonUnescape(base64(run.group()))).append('\n');
                    }
                }
            }
            return views.toString();
        }

        @Override
        public String toString() {
            String shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
            return method + " " + target + " " + headers + (loopback ? " from loopback" : "") + " body("
                    + body.length + "): " + shown;
        }
    }

    static FuzzRequest decode(Source in) {
        Fixture f = fixture;
        Router.Route route = f.routes.get(in.pick("route", f.routes.size()));
        String path = switch (in.pick("path", 8)) {
            case 6 -> routePath(in, route) + "/" + in.text("path.suffix", 32);
            case 7 -> "/" + in.text("path.text", 256);
            default -> routePath(in, route);
        };
        String query = switch (in.pick("query", 6)) {
            case 3 -> "?cryptosuite=" + SUITES[in.pick("query.suite", SUITES.length)];
            case 4 -> "?code=" + f.codes.get(in.pick("query.code", f.codes.size()));
            case 5 -> "?" + in.text("query.text", 128);
            default -> "";
        };
        String target = requestLineText(path + query, false);
        String method = switch (in.pick("method", 4)) {
            case 2 -> METHODS[in.pick("method.other", METHODS.length)];
            case 3 -> requestLineText(in.text("method.text", 12), false);
            default -> route.method();
        };

        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String boundary = BOUNDARY;
        String contentType = switch (in.pick("contentType", 10)) {
            case 1 -> "application/json";
            case 2 -> "application/x-www-form-urlencoded";
            case 3, 4 -> {
                boundary = switch (in.pick("boundary", 3)) {
                    case 1 -> headerText(in.text("boundary.text", 80));
                    case 2 -> "";
                    default -> BOUNDARY;
                };
                yield "multipart/form-data; boundary=" + (in.pick("boundary.quoted", 2) == 1 ? "\"" + boundary + "\"" : boundary);
            }
            case 5 -> "image/png";
            case 6 -> "image/svg+xml";
            case 7 -> "text/plain";
            case 8 -> headerText(in.text("contentType.text", 100));
            case 9 -> "application/ld+json; charset=utf-8";
            default -> null;
        };
        header(headers, "Content-Type", contentType);
        header(headers, "Authorization", switch (in.pick("authorization", 6)) {
            case 2 -> "Bearer " + ISSUER_TOKEN;
            case 3 -> "Bearer " + f.learnerToken;
            case 4 -> "Bearer " + headerText(in.text("authorization.text", 100));
            case 5 -> headerText(in.text("authorization.text", 100));
            default -> null;
        });
        int accept = in.pick("accept", ACCEPTS.length + 2);
        header(headers, "Accept", accept < ACCEPTS.length ? ACCEPTS[accept]
                : accept == ACCEPTS.length ? headerText(in.text("accept.text", 60)) : null);
        int length = in.pick("contentLength", 3);
        String lengthText = length == 2 ? headerText(in.text("contentLength.text", 24)) : null;
        boolean loopback = in.pick("loopback", 2) == 0;

        byte[] body = switch (in.pick("body", 7)) {
            case 1 -> jsonRequest(in);
            case 2 -> apiRequest(in, f);
            case 3 -> formRequest(in);
            case 4 -> multipartRequest(in, boundary);
            case 5 -> mutated(in, f.images.get(in.pick("image", f.images.size())));
            case 6 -> document(in).bytes();
            default -> in.rest("body.raw");
        };
        header(headers, "Content-Length", length == 0 ? String.valueOf(body.length) : lengthText);

        try {
            URI uri = new URI(target);
            if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
                return null;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return new FuzzRequest(method, target, headers, body, loopback);
    }

    private static String routePath(Source in, Router.Route route) {
        StringBuilder path = new StringBuilder();
        for (String segment : route.segments()) {
            path.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                List<String> known = fixture.known(name);
                path.append(switch (in.pick("segment", 4)) {
                    case 2 -> URLEncoder.encode(in.text("segment.text", 64), StandardCharsets.UTF_8).replace("+", "%20");
                    case 3 -> in.text("segment.text", 64);
                    default -> known.get(in.pick("segment.known", known.size()));
                });
            } else {
                path.append(segment);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** What a request line can carry: no spaces or control characters, and ISO-8859-1 (the JDK server reads it so). */
    private static String requestLineText(String s, boolean spaces) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c > 0x20 || (spaces && (c == ' ' || c == '\t'))) && c != 0x7f && c <= 0xff) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** What a header value can carry: one line, trimmed as the JDK server trims it. */
    private static String headerText(String s) {
        return requestLineText(s, true).strip();
    }

    private static void header(List<Map.Entry<String, String>> headers, String name, String value) {
        if (value != null) {
            headers.add(Map.entry(name, value));
        }
    }

    private static byte[] jsonRequest(Source in) {
        String[] template = JSON_REQUESTS[in.pick("json", JSON_REQUESTS.length)].split("DOC");
        Doc doc = document(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(template[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(doc.jws() ? quoted(doc.bytes()) : doc.bytes());
        out.writeBytes(template[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] quoted(byte[] text) {
        byte[] out = new byte[text.length + 2];
        out[0] = '"';
        System.arraycopy(text, 0, out, 1, text.length);
        out[out.length - 1] = '"';
        return out;
    }

    private static byte[] apiRequest(Source in, Fixture f) {
        String template = API_REQUESTS[in.pick("api", API_REQUESTS.length)];
        String text = JsonWriter.compact(new JsonString(in.text("api.text", 64)));
        return String.format(template, text, f.statusCode).getBytes(StandardCharsets.UTF_8);
    }

    private static String fieldName(Source in) {
        return switch (in.pick("field", 4)) {
            case 1 -> "credential";
            case 2 -> "code";
            case 3 -> in.text("field.text", 16);
            default -> "file";
        };
    }

    private static byte[] formRequest(Source in) {
        String field = fieldName(in);
        byte[] value = document(in).bytes();
        StringBuilder form = new StringBuilder(URLEncoder.encode(field, StandardCharsets.UTF_8)).append('=');
        for (byte b : value) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
                form.append((char) c);
            } else {
                form.append('%').append(String.format("%02X", c));
            }
        }
        return form.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] multipartRequest(Source in, String boundary) {
        String field = fieldName(in);
        byte[] content = in.pick("part", 2) == 1
                ? mutated(in, fixture.images.get(in.pick("image", fixture.images.size())))
                : document(in).bytes();
        return multipart(boundary, field, content);
    }

    static byte[] multipart(String boundary, String field, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"upload\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A signed (or unsigned) document with at most one changed byte, or fuzzed bytes. */
    private static Doc document(Source in) {
        List<Doc> docs = fixture.documents;
        int which = in.pick("doc", docs.size() + 1);
        if (which == docs.size()) {
            return new Doc("fuzzed", in.rest("doc.raw"), false);
        }
        Doc doc = docs.get(which);
        return new Doc(doc.name(), mutated(in, doc.bytes()), doc.jws());
    }

    private static byte[] mutated(Source in, byte[] bytes) {
        if (in.pick("mutate", 2) == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        int at = in.pick("mutate.at", copy.length);
        copy[at] = (byte) (copy[at] + 1 + in.pick("mutate.delta", 255));
        return copy;
    }

    record Doc(String name, byte[] bytes, boolean jws) {
    }

    // ------------------------------------------------------------------ the server and its fake exchange

    /** One server with issuer token, a certificate, a course record with a learner and a share link, and documents to send. */
    static final class Fixture {
        final TestServer server;
        final List<Router.Route> routes;
        final List<Doc> documents = new ArrayList<>();
        final List<byte[]> images = new ArrayList<>();
        final String certificateCode;
        final String statusCode;
        final String recordCode;
        final String learnerId;
        /** Codes as a person might type them: shown form, lower case without dashes. */
        final List<String> codes = new ArrayList<>();
        /** The learner's token and the share link follow what requests did to them (a new token, a reset link). */
        volatile String learnerToken;
        volatile String linkId;
        volatile String shareToken;

        Fixture(TestServer server) throws Exception {
            this.server = server;
            this.routes = server.server.routes();
            String issuer = "Bearer " + ISSUER_TOKEN;

            JsonObject certificate = created(call("POST", "/credentials/issue", issuer,
                    request("credential", Samples.certificate(server, "Data structures <b>&</b> algorithms"))));
            certificateCode = codeOf(certificate);
            JsonObject certificateVc = certificate.object("verifiableCredential").orElseThrow();
            JsonObject enveloped = created(call("POST", "/credentials/issue?cryptosuite=vc-jwt", issuer,
                    request("credential", Samples.minimal()))).object("verifiableCredential").orElseThrow();
            String envelopeId = enveloped.string("id").orElseThrow();
            String jws = envelopeId.substring(envelopeId.indexOf(',') + 1);
            JsonObject withStatus = created(call("POST", "/credentials/issue", issuer, JsonObject.builder()
                    .put("credential", Samples.minimal())
                    .put("options", JsonObject.builder().put("credentialStatus", JsonArray.of(
                            JsonObject.builder().put("statusPurpose", "revocation").build(),
                            JsonObject.builder().put("statusPurpose", "suspension").build())).build())
                    .build()));
            statusCode = codeOf(withStatus);

            JsonObject record = created(call("POST", "/records", issuer,
                    request("credential", Samples.record(server, "Compilers", server.clock))
                            .with("learner", "fixture-" + Secrets.randomToken(new SecureRandom(), Secrets.ID_BYTES))));
            recordCode = record.string("code").orElseThrow();
            JsonObject learner = record.object("learner").orElseThrow();
            learnerId = learner.string("id").orElseThrow();
            learnerToken = learner.string("managementToken").orElseThrow();
            learn(call("POST", "/records/" + recordCode + "/links", "Bearer " + learnerToken,
                    JsonObject.builder().put("show", "all").build()));
            assertThat(shareToken).as("share link made").isNotNull();

            Ed25519KeyPair holderKey = Ed25519KeyPair.generate(new SecureRandom());
            String holder = DidKey.did(holderKey.publicKey());
            JsonObject presentation = CredentialIssuer.builder().signer(Signers.didKey(holderKey)).clock(server.clock).build()
                    .present(JsonObject.builder()
                            .put("@context", JsonArray.ofStrings(List.of("https://www.w3.org/ns/credentials/v2")))
                            .put("type", "VerifiablePresentation")
                            .put("holder", holder)
                            .put("verifiableCredential", JsonArray.of(certificateVc))
                            .build(), ProofOptions.builder().challenge(CHALLENGE).domain(DOMAIN).build())
                    .json();

            document("certificate", certificateVc);
            document("enveloped-vc-jwt", enveloped);
            documents.add(new Doc("vc-jwt", jws.getBytes(StandardCharsets.US_ASCII), true));
            document("course-record", record.object("verifiableCredential").orElseThrow());
            document("presentation", presentation);
            document("unsigned-minimal", Samples.minimal());
            document("unsigned-certificate", Samples.certificate(server, "Unsigned"));
            documents.add(new Doc("ob3-vector", TestResources.bytes("vectors/ob3-eddsa-rdfc-2022/signed.json"), false));
            documents.add(new Doc("vc-di-eddsa-vector",
                    TestResources.bytes("vectors/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json"), false));

            BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"></svg>".getBytes(StandardCharsets.UTF_8);
            BadgeBaker baker = BadgeBaker.defaults();
            images.add(baker.bake(png.toByteArray(), certificateVc));
            images.add(baker.bake(svg, certificateVc));
            images.add(baker.bakeJws(png.toByteArray(), jws));
            images.add(png.toByteArray());

            for (String code : List.of(certificateCode, recordCode, statusCode)) {
                codes.add(code);
                codes.add(code.replace("-", "").toLowerCase(Locale.ROOT));
            }
        }

        int route(String method, String pattern) {
            for (int i = 0; i < routes.size(); i++) {
                if (routes.get(i).method().equals(method) && ("/" + String.join("/", routes.get(i).segments())).equals(pattern)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no route " + method + " " + pattern);
        }

        int doc(String name) {
            for (int i = 0; i < documents.size(); i++) {
                if (documents.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no document " + name);
        }

        private void document(String name, JsonObject json) {
            documents.add(new Doc(name, JsonWriter.compact(json).getBytes(StandardCharsets.UTF_8), false));
        }

        private static JsonObject request(String member, JsonObject document) {
            return JsonObject.builder().put(member, document).build();
        }

        /** Values the server knows for a path parameter. */
        List<String> known(String parameter) {
            return switch (parameter) {
                case "code" -> codes;
                case "token" -> List.of(shareToken);
                case "id" -> List.of(linkId, learnerId);
                case "purpose" -> List.of("revocation", "suspension");
                case "n" -> List.of("0", "1");
                default -> List.of("x");
            };
        }

        Exchange call(String method, String target, String authorization, JsonObject body) {
            List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("Content-Type", "application/json")));
            header(headers, "Authorization", authorization);
            return dispatch(new FuzzRequest(method, target, headers, body.toJson().getBytes(StandardCharsets.UTF_8), true));
        }

        Exchange dispatch(FuzzRequest request) {
            Exchange exchange = new Exchange(request);
            server.server.handle(exchange);
            return exchange;
        }

        private static JsonObject created(Exchange exchange) throws CredentialException {
            String body = exchange.out.toString(StandardCharsets.UTF_8);
            assertThat(exchange.status).as("fixture request: %s", body).isEqualTo(201);
            return JsonReader.defaults().readObject(body);
        }

        private static String codeOf(JsonObject issued) {
            String id = issued.object("verifiableCredential").orElseThrow().string("id").orElseThrow();
            return id.substring(id.lastIndexOf('/') + 1);
        }

        /** Follows the learner's token and the share link when a request replaced them. */
        void learn(Exchange exchange) {
            if (exchange.status != 200 && exchange.status != 201) {
                return;
            }
            String contentType = exchange.getResponseHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/json")) {
                return;
            }
            JsonObject json;
            try {
                json = RESPONSE_READER.readObject(exchange.out.toByteArray());
            } catch (CredentialException e) {
                return;
            }
            json.object("learner").filter(l -> l.string("id").orElse("").equals(learnerId))
                    .flatMap(l -> l.string("managementToken")).ifPresent(t -> learnerToken = t);
            String url = json.string("url").orElse("");
            if (url.contains("/share/") && json.string("record").orElse("").equals(recordCode)) {
                shareToken = url.substring(url.lastIndexOf('/') + 1);
                linkId = json.string("id").orElseThrow();
            }
        }
    }

    /** An exchange without a socket: the request as given, the answer captured. */
    static final class Exchange extends HttpExchange {
        private final FuzzRequest request;
        private final URI uri;
        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();
        private final Map<String, Object> attributes = new HashMap<>();
        private InputStream in;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int responses;
        int status = -1;
        long declaredLength;
        boolean closed;
        boolean writtenTooEarly;

        Exchange(FuzzRequest request) {
            this.request = request;
            this.uri = URI.create(request.target());
            request.headers().forEach(h -> requestHeaders.add(h.getKey(), h.getValue()));
            this.in = new ByteArrayInputStream(request.body());
        }

        @Override
        public Headers getRequestHeaders() {
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return uri;
        }

        @Override
        public String getRequestMethod() {
            return request.method();
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public InputStream getRequestBody() {
            return in;
        }

        @Override
        public OutputStream getResponseBody() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    writtenTooEarly |= responses == 0;
                    out.write(b, off, len);
                }
            };
        }

        @Override
        public void sendResponseHeaders(int code, long length) {
            responses++;
            status = code;
            declaredLength = length;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            byte[] address = request.loopback() ? new byte[] {127, 0, 0, 1} : new byte[] {(byte) 198, 51, 100, 7};
            try {
                return new InetSocketAddress(InetAddress.getByAddress(address), 50123);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int getResponseCode() {
            return status;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
            throw new UnsupportedOperationException("the server does not replace the streams");
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }

    // ------------------------------------------------------------------ decoding helpers for the leak check

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String jsonUnescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append('\\').append(e);
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private static String base64(String run) {
        String s = run.replace('+', '-').replace('/', '_');
        if (s.length() % 4 == 1) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
