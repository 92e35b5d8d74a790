package dev.credkit.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.internal.server.SelfSignedTls;
import dev.credkit.json.JsonObject;
import dev.credkit.keys.Ed25519KeyPair;
import dev.credkit.keys.KeyFile;
import dev.credkit.signing.CredentialIssuer;
import dev.credkit.signing.JwtIssuer;
import dev.credkit.signing.Signers;
import dev.credkit.signing.status.StatusListManager;
import dev.credkit.verify.VerificationPolicy;
import dev.credkit.verify.Verifier;

import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code credkit serve}: a small HTTP(S) server on the JDK's built-in server that issues with one
 * key and verifies offline. It answers the VC-API subset the W3C test suites call
 * ({@code POST /credentials/issue}, {@code /credentials/verify}, {@code /presentations/verify},
 * {@code GET /did}, status lists), serves a verify page per issued credential
 * ({@code GET /verify/{code}}), a form where anyone checks a credential file, and course-record
 * share links that the learner controls.
 *
 * <p>Storage is plain JDBC: an embedded H2 database in the data directory by default, or any
 * database whose driver is on the class path (PostgreSQL). The issuer key, unless given, is made
 * once and kept in the data directory, so the issuer DID survives restarts.
 *
 * <p>Hardening: request bodies are capped (1 MiB for JSON, 5 MiB for the upload form), a bounded
 * pool of worker threads serves requests, bad input is answered 4xx with
 * {@code {"error":…,"problem":CODE}} (or a page), and 500 is kept for real faults, without
 * details in the body. Pages carry a strict Content-Security-Policy and escape every value.
 * Read/response timeouts are those of the JDK server: set the system properties
 * {@code sun.net.httpserver.maxReqTime} / {@code maxRspTime} (seconds) before the first server
 * starts, as {@code credkit serve} does.
 *
 * <p>Issuing ({@code /credentials/issue}, {@code /records}, status changes) is open only on a
 * server bound to a loopback address and started without an issuer token; with a token, those
 * endpoints need {@code Authorization: Bearer <token>}; bound to any other address without a
 * token, they are refused.
 */
public final class CredkitServer implements AutoCloseable {
    /** File name of the generated issuer key in the data directory. */
    public static final String KEY_FILE_NAME = "issuer-key.json";

    private static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
    private static final String[] JSON_TYPES = {"application/json", "application/vc", "application/ld+json"};

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Store store;
    private final Router router;
    private final Services services;
    private final String issuerId;
    private final X509Certificate tlsCertificate;
    private final PrintStream log;
    private final DataDirectoryLock lock;
    private final AtomicInteger incidents = new AtomicInteger();

    private CredkitServer(HttpServer server, ThreadPoolExecutor executor, Store store, Services services, String issuerId,
                          X509Certificate tlsCertificate, PrintStream log, DataDirectoryLock lock) throws IOException {
        this.lock = lock;
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.services = services;
        this.issuerId = issuerId;
        this.tlsCertificate = tlsCertificate;
        this.log = log;
        this.router = new Router();
        new VcApi(services).register(router);
        new Portal(services).register(router);
        new Sharing(services).register(router);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data directory or the database cannot be used (missing permissions, in use by another server…). */
    public static final class StorageException extends IOException {
        public StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The port the server listens on (the one picked when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The public origin used in verify URLs, share links and status list URLs, e.g. {@code http://localhost:8080}. */
    public String baseUrl() {
        return services.baseUrl();
    }

    /** The DID the server issues as (its key's controller). */
    public String issuerId() {
        return issuerId;
    }

    /** The self-signed certificate when started with TLS. */
    public Optional<X509Certificate> tlsCertificate() {
        return Optional.ofNullable(tlsCertificate);
    }

    /** Stops accepting requests, lets running ones finish (up to a few seconds) and closes the database. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        store.close();
        lock.close();
    }

    /**
     * One running server per data directory: a second one (in this process or another) would hand
     * out the same status list entries. Held for the server's life.
     */
    private static final class DataDirectoryLock implements AutoCloseable {
        private final java.nio.channels.FileChannel channel;
        private final java.nio.channels.FileLock fileLock;

        private DataDirectoryLock(java.nio.channels.FileChannel channel, java.nio.channels.FileLock fileLock) {
            this.channel = channel;
            this.fileLock = fileLock;
        }

        static DataDirectoryLock acquire(Path directory) throws StorageException {
            java.nio.channels.FileChannel channel = null;
            try {
                channel = java.nio.channels.FileChannel.open(directory.resolve("credkit-serve.lock"),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock fileLock = channel.tryLock();
                if (fileLock == null) {
                    throw new java.nio.channels.OverlappingFileLockException();
                }
                return new DataDirectoryLock(channel, fileLock);
            } catch (java.nio.channels.OverlappingFileLockException e) {
                closeQuietly(channel);
                throw new StorageException("the data directory " + directory + " is in use by another credkit serve", null);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StorageException("cannot lock the data directory " + directory + ": " + e, e);
            }
        }

        @Override
        public void close() {
            try {
                fileLock.release();
            } catch (IOException ignored) {
                // closing the channel releases it as well
            }
            closeQuietly(channel);
        }

        private static void closeQuietly(java.nio.channels.FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    // ------------------------------------------------------------------ request handling

    /** Answers one exchange; package-private because ServeRequestFuzzTest drives it without a socket. */
    void handle(HttpExchange exchange) {
        try {
            send(exchange, respond(exchange));
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            exchange.close();
        }
    }

    private Response respond(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        Request request = null;
        Router.Kind kind = null;
        try {
            String[] segments = segments(uri.getRawPath());
            Map<String, String> query = query(uri.getRawQuery());
            Set<String> allowed = Router.newAllowed();
            Router.Match match = router.resolve(method, segments, allowed);
            kind = match != null ? match.route().kind() : router.kindOf(segments);
            request = new Request(exchange, uri.getRawPath(), match == null ? Map.of() : match.params(), query);
            if (match == null) {
                if (!allowed.isEmpty()) {
                    throw new HttpError(405, HttpError.METHOD_NOT_ALLOWED, method + " is not allowed here (allowed: "
                            + String.join(", ", allowed) + ")");
                }
                throw HttpError.notFound("There is nothing at this address.");
            }
            return match.route().handler().handle(request);
        } catch (HttpError e) {
            return error(exchange, request, kind, e);
        } catch (CredentialException e) {
            return error(exchange, request, kind, HttpError.of(e));
        } catch (Exception | StackOverflowError e) {
            int incident = incidents.incrementAndGet();
            log.println("credkit serve: internal error #" + incident + " on " + method + " " + uri.getRawPath() + ": " + e);
            if (!(e instanceof SQLException)) {
                e.printStackTrace(log);
            }
            return error(exchange, request, kind, new HttpError(500, ProblemCode.INTERNAL_ERROR.name(),
                    "internal error #" + incident + " (details are in the server log)"));
        }
    }

    private Response error(HttpExchange exchange, Request request, Router.Kind kind, HttpError e) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean prefersJson = request != null && request.prefers(JSON_TYPES);
        boolean html = kind == Router.Kind.PAGE ? !prefersJson
                : kind == null && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
        Response r;
        if (html) {
            Pages pages = services.pages();
            String page = switch (e.status()) {
                case 404 -> pages.notFound("Not found", e.getMessage(), uri(exchange).startsWith("/verify"));
                case 410 -> pages.gone(e.getMessage());
                default -> pages.error(e.status(), e.getMessage());
            };
            r = Response.html(e.status(), page);
        } else {
            r = Response.json(e.status(), JsonObject.builder().put("error", e.getMessage()).put("problem", e.problem()).build());
        }
        if (e.status() == 401) {
            r = r.withHeader("WWW-Authenticate", "Bearer realm=\"credkit\"");
        }
        if (e.status() == 405) {
            Set<String> allowed = Router.newAllowed();
            try {
                router.resolve("-", segments(exchange.getRequestURI().getRawPath()), allowed);
            } catch (HttpError ignored) {
                // the path was decoded before; cannot fail here
            }
            r = r.withHeader("Allow", String.join(", ", allowed));
        }
        return r;
    }

    /** The routes, for ServeRequestFuzzTest to build paths from. */
    List<Router.Route> routes() {
        return router.routes();
    }

    private static String uri(HttpExchange exchange) {
        String p = exchange.getRequestURI().getRawPath();
        return p == null ? "/" : p;
    }

    private static void send(HttpExchange exchange, Response r) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Content-Security-Policy", r.isHtml() ? PAGE_CSP : API_CSP);
        h.set("Cache-Control", "no-store");
        if (r.contentType() != null) {
            h.set("Content-Type", r.contentType());
        }
        r.headers().forEach(h::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        byte[] body = r.body();
        boolean noBody = head || body.length == 0 || r.status() == 204 || r.status() == 304;
        exchange.sendResponseHeaders(r.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String[] segments(String rawPath) throws HttpError {
        if (rawPath == null || rawPath.isEmpty() || rawPath.length() > 2048) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "bad request path");
        }
        String[] raw = Router.split(rawPath);
        String[] decoded = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            decoded[i] = decode(raw[i]);
        }
        return decoded;
    }

    private static String decode(String raw) throws HttpError {
        String s;
        try {
            s = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "bad percent-encoding in the request");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw HttpError.badRequest(ProblemCode.MALFORMED, "control characters in the request");
            }
        }
        return s;
    }

    private static Map<String, String> query(String raw) throws HttpError {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        String[] pairs = raw.split("&", 33);
        if (pairs.length > 32) {
            throw HttpError.badRequest(ProblemCode.LIMIT_EXCEEDED, "too many query parameters");
        }
        Map<String, String> out = new HashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest(ProblemCode.MALFORMED, "bad percent-encoding in the query");
            }
            out.putIfAbsent(name, value);
        }
        return out;
    }

    // ------------------------------------------------------------------ builder

    /** Configures and starts a {@link CredkitServer}. */
    public static final class Builder {
        private Path dataDirectory;
        private KeyFile keyFile;
        private String host = "127.0.0.1";
        private int port = 8080;
        private boolean tls;
        private String baseUrl;
        private String issuerToken;
        private String siteName = "credkit verify";
        private String jdbcUrl;
        private String jdbcUser;
        private String jdbcPassword;
        private int threads = Math.min(16, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private PrintStream log = System.err;

        private Builder() {
        }

        /** Required: where the database and the generated issuer key are kept (created if missing). */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The key to issue with; by default one is generated once and kept in the data directory. */
        public Builder keyFile(KeyFile key) {
            this.keyFile = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The address to bind (default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 8080; 0 picks a free one, see {@link CredkitServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** Serve https with a self-signed certificate generated at start. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * The public origin (e.g. {@code https://certs.example.edu}) written into verify URLs, share
         * links and status list URLs; by default the scheme, host and port the server listens on.
         * Keep it stable: issued credentials name it.
         */
        public Builder baseUrl(String baseUrl) {
            String b = Objects.requireNonNull(baseUrl, "baseUrl").strip();
            while (b.endsWith("/")) {
                b = b.substring(0, b.length() - 1);
            }
            URI uri = URI.create(b);
            if (!uri.isAbsolute() || uri.getHost() == null || !(b.startsWith("https://") || b.startsWith("http://"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("base URL must be an http(s) origin such as https://certs.example.edu");
            }
            this.baseUrl = b;
            return this;
        }

        /** Issuing endpoints then require {@code Authorization: Bearer <token>} (at least 16 characters). */
        public Builder issuerToken(String token) {
            if (token == null || token.strip().length() < 16) {
                throw new IllegalArgumentException("the issuer token must have at least 16 characters");
            }
            this.issuerToken = token.strip();
            return this;
        }

        /** The name in the pages' header (e.g. the institution's name). */
        public Builder siteName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("site name must not be blank");
            }
            this.siteName = name.strip();
            return this;
        }

        /** Another database instead of the embedded H2 one (its JDBC driver must be on the class path). */
        public Builder jdbc(String url, String user, String password) {
            this.jdbcUrl = Objects.requireNonNull(url, "url");
            this.jdbcUser = user;
            this.jdbcPassword = password;
            return this;
        }

        /** Worker threads (default 2 per core, 4 to 16). */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be between 1 and 256");
            }
            this.threads = threads;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Where internal errors are logged (default standard error). */
        public Builder log(PrintStream log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Opens the database, loads or makes the key, binds and starts serving.
         *
         * @throws IOException         the port cannot be bound, the data directory cannot be used
         * @throws CredentialException the key file in the data directory is not a valid key
         */
        public CredkitServer start() throws IOException, CredentialException {
            if (dataDirectory == null) {
                throw new IllegalStateException("a data directory is required");
            }
            SecureRandom rng = random != null ? random : new SecureRandom();
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new StorageException("cannot use the data directory " + dataDirectory + ": " + e, e);
            }
            DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
            try {
                return start(rng, lock);
            } catch (IOException | CredentialException | RuntimeException e) {
                lock.close();
                throw e;
            }
        }

        private CredkitServer start(SecureRandom rng, DataDirectoryLock lock) throws IOException, CredentialException {
            KeyFile key;
            try {
                key = keyFile != null ? keyFile : loadOrCreateKey(dataDirectory.resolve(KEY_FILE_NAME), rng);
            } catch (IOException e) {
                throw new StorageException("cannot use the data directory " + dataDirectory + ": " + e, e);
            }

            ConnectionPool pool = jdbcUrl != null
                    ? new ConnectionPool(jdbcUrl, jdbcUser, jdbcPassword, threads + 2)
                    : new ConnectionPool("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("credkit") + ";LOCK_TIMEOUT=10000",
                    null, null, threads + 2);
            Store store;
            StatusListManager statusManager;
            try {
                store = Store.open(pool);
                statusManager = StatusListManager.builder().store(JdbcStatusListStore.open(pool)).random(rng).clock(clock).build();
            } catch (SQLException e) {
                pool.close();
                String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                throw new StorageException("cannot open the database" + (jdbcUrl == null ? " in " + dataDirectory : "")
                        + (why.contains("already in use") || why.contains("Locked") ? ": it is in use by another credkit serve" : ": " + why), e);
            } catch (CredentialException | RuntimeException e) {
                pool.close();
                throw e;
            }

            ThreadPoolExecutor executor = null;
            HttpServer server = null;
            try {
                InetAddress address = InetAddress.getByName(host);
                InetSocketAddress bind = new InetSocketAddress(address, port);
                X509Certificate certificate = null;
                if (tls) {
                    List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
                    if (!address.isAnyLocalAddress() && !names.contains(host)) {
                        names.add(0, host);
                    }
                    if (baseUrl != null) {
                        String h = URI.create(baseUrl).getHost();
                        if (!names.contains(h)) {
                            names.add(0, h);
                        }
                    }
                    SelfSignedTls.Tls t = SelfSignedTls.create(names, clock.instant(), rng);
                    HttpsServer https = HttpsServer.create(bind, 128);
                    https.setHttpsConfigurator(new HttpsConfigurator(t.context()) {
                        @Override
                        public void configure(HttpsParameters params) {
                            SSLParameters p = t.context().getDefaultSSLParameters();
                            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                            params.setSSLParameters(p);
                        }
                    });
                    server = https;
                    certificate = t.certificate();
                } else {
                    server = HttpServer.create(bind, 128);
                }
                int actualPort = server.getAddress().getPort();
                String origin = baseUrl != null ? baseUrl : defaultBaseUrl(tls, address, actualPort);

                CredentialIssuer issuer = CredentialIssuer.builder()
                        .signer(Signers.ed25519(key.keyPair(), key.verificationMethodId()))
                        .clock(clock)
                        .build();
                StatusLists statusLists = new StatusLists(statusManager, issuer, key.controller(), origin);
                VerificationPolicy policy = VerificationPolicy.builder().clock(clock).build();
                java.util.function.Function<VerificationPolicy, Verifier> verifierFor = p -> Verifier.builder()
                        .policy(p).statusListSource(statusLists.source()).build();
                Services services = new Services(store,
                        new Issuing(issuer, JwtIssuer.builder().signer(issuer.signer()).clock(clock).build(), key.controller(),
                                store, statusLists, rng, clock, origin),
                        statusLists, verifierFor.apply(policy), verifierFor, new Pages(siteName), clock, rng, origin,
                        new Services.IssuerAccess(issuerToken == null ? null : Secrets.sha256Hex(issuerToken),
                                address.isLoopbackAddress()));

                AtomicInteger threadNumber = new AtomicInteger();
                ThreadFactory factory = r -> {
                    Thread t = new Thread(r, "credkit-http-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                };
                // Bounded: a fixed number of workers and a bounded queue. When both are full the
                // request is rejected and the JDK server closes that connection; the accepting
                // thread never runs (and so never waits on) a request itself.
                executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                        factory, new ThreadPoolExecutor.AbortPolicy());
                executor.allowCoreThreadTimeOut(true);
                CredkitServer credkit = new CredkitServer(server, executor, store, services, key.controller(), certificate, log, lock);
                server.createContext("/", credkit::handle);
                server.setExecutor(executor);
                server.start();
                return credkit;
            } catch (IOException | RuntimeException e) {
                if (server != null) {
                    server.stop(0);
                }
                if (executor != null) {
                    executor.shutdownNow();
                }
                store.close();
                throw e;
            }
        }

        private static String defaultBaseUrl(boolean tls, InetAddress address, int port) {
            String host;
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
                host = "localhost";
            } else {
                String literal = address.getHostAddress();
                host = literal.indexOf(':') >= 0 ? "[" + literal + "]" : literal;
            }
            return (tls ? "https" : "http") + "://" + host + ":" + port;
        }

        /** The data directory's key, made on first start (owner-only permissions). */
        private static KeyFile loadOrCreateKey(Path path, SecureRandom random) throws IOException, CredentialException {
            if (Files.exists(path)) {
                return KeyFile.read(path);
            }
            KeyFile key = KeyFile.of(Ed25519KeyPair.generate(random));
            try {
                key.write(path, false);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return KeyFile.read(path); // another server made it a moment ago
            }
            return key;
        }
    }
}
