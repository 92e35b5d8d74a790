package dev.credkit.cli;

import dev.credkit.core.CredentialException;
import dev.credkit.keys.KeyFile;
import dev.credkit.server.CredkitServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code credkit serve}: the VC-API endpoints, the public verify pages and course-record share links. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Serve the VC-API endpoints (POST /credentials/issue, /credentials/verify, /presentations/verify,",
                "GET /did), a verify page per issued credential (GET /verify/CODE), a form to check any credential",
                "file (GET /verify) and course-record share links the learner controls. Runs until interrupted.",
                "Issuing is open to anyone who can reach a server bound to 127.0.0.1; bound elsewhere it needs",
                "--issuer-token-file (clients send Authorization: Bearer TOKEN)."})
final class ServeCommand extends CredkitCommand {
    /** Environment variable naming the default data directory. */
    static final String DATA_ENV = "CREDKIT_DATA";

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on (default 8080; 0 picks a free one and prints it).")
    private int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to bind (default 127.0.0.1; 0.0.0.0 for every interface).")
    private String host;

    @Option(names = "--key", paramLabel = "FILE",
            description = "Key file to issue with. Default: a key generated once and kept in the data directory.")
    private Path keyFile;

    @Option(names = "--tls", description = "Serve https with a self-signed certificate generated at start (its fingerprint is printed).")
    private boolean tls;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory: database and generated key (default $" + DATA_ENV + " or ~/.credkit/serve).")
    private Path dataDirectory;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public origin written into verify URLs, share links and status lists, e.g. https://certs.example.edu "
                    + "(default: this server's own address). Keep it stable.")
    private String baseUrl;

    @Option(names = "--issuer-token-file", paramLabel = "FILE",
            description = "File holding the token (16+ characters) that issuing requests must send as a bearer token.")
    private Path issuerTokenFile;

    @Option(names = "--site-name", paramLabel = "NAME", description = "Name shown in the pages' header (e.g. the institution).")
    private String siteName;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Use this database instead of the embedded one (driver on the class path; user and password from "
                    + "CREDKIT_JDBC_USER / CREDKIT_JDBC_PASSWORD).")
    private String jdbcUrl;

    /** Released to stop a running server (tests); the process's shutdown hook releases it too. */
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws CredentialException, IOException {
        // Timeouts of the JDK server: read a request within 30 s, write a response within 60 s.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "60");
        }
        CredkitServer.Builder b = CredkitServer.builder().tls(tls).clock(env().clock()).log(env().err());
        try {
            b.host(host).port(port);
            if (baseUrl != null) {
                b.baseUrl(baseUrl);
            }
            if (siteName != null) {
                b.siteName(siteName);
            }
            if (issuerTokenFile != null) {
                b.issuerToken(readToken(issuerTokenFile));
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        if (keyFile != null) {
            b.keyFile(KeyFile.read(keyFile));
        }
        if (jdbcUrl != null) {
            b.jdbc(jdbcUrl, System.getenv("CREDKIT_JDBC_USER"), System.getenv("CREDKIT_JDBC_PASSWORD"));
        }
        CredkitServer server = start(b);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(5, TimeUnit.SECONDS); // let the database close cleanly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "credkit-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out().println("credkit serve: listening on " + server.baseUrl());
            out().println("credkit serve: issuer " + server.issuerId());
            server.tlsCertificate().ifPresent(c -> out().println("credkit serve: self-signed TLS certificate, SHA-256 " + fingerprint(c)));
            out().println("credkit serve: issuing " + (issuerTokenFile != null ? "requires the issuer token"
                    : isLoopback() ? "is open to clients on this machine" : "is disabled (no --issuer-token-file)"));
            out().flush();
            if (baseUrl == null && !isLoopback()) {
                err().println("credkit: warning: no --base-url: issued credentials and share links will name "
                        + server.baseUrl() + "; set the public address people use");
                err().flush();
            }
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is shutting down: the hook is running
            }
        }
        return ExitCodes.OK;
    }

    /** Stops a running {@link #call()} (for tests). */
    void stop() {
        stop.countDown();
    }

    private CredkitServer start(CredkitServer.Builder b) throws IOException, CredentialException {
        try {
            return startOn(b);
        } catch (java.net.BindException e) {
            throw CliException.usage("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + " (choose another --port, or 0 for a free one)");
        } catch (java.net.UnknownHostException e) {
            throw CliException.usage("--host " + host + " is not an address of this machine");
        } catch (CredkitServer.StorageException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private CredkitServer startOn(CredkitServer.Builder b) throws IOException, CredentialException {
        if (dataDirectory != null) {
            return b.dataDirectory(dataDirectory).start();
        }
        Path preferred = defaultDataDirectory();
        try {
            return b.dataDirectory(preferred).start();
        } catch (CredkitServer.StorageException e) {
            // The default directory is unusable or another server holds it: run on a fresh one
            // rather than not at all, and say so (the issuer DID will not survive a restart).
            Path temporary = Files.createTempDirectory("credkit-serve-");
            err().println("credkit: warning: " + ExitCodes.message(e) + "; using " + temporary
                    + " for this run (pass --data DIR to keep data)");
            err().flush();
            return b.dataDirectory(temporary).start();
        }
    }

    private static Path defaultDataDirectory() {
        String env = System.getenv(DATA_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".credkit", "serve");
    }

    private boolean isLoopback() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    private static String readToken(Path file) throws IOException {
        if (Files.size(file) > 4096) {
            throw CliException.usage("--issuer-token-file is larger than 4 KiB");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "(unavailable)";
        }
    }
}
