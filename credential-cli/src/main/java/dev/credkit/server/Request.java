package dev.credkit.server;

import com.sun.net.httpserver.HttpExchange;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonObject;
import dev.credkit.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One request as handlers see it: method, path parameters, query, headers and a bounded body. */
final class Request {
    private final HttpExchange exchange;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, String> query;

    Request(HttpExchange exchange, String path, Map<String, String> pathParams, Map<String, String> query) {
        this.exchange = exchange;
        this.path = path;
        this.pathParams = Map.copyOf(pathParams);
        this.query = Map.copyOf(query);
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return path;
    }

    String param(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return v;
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    boolean fromLoopback() {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    /** The bearer token of the Authorization header, if any. */
    Optional<String> bearerToken() {
        return header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }

    /** The media type of the body, lower case, without parameters; empty when absent. */
    String contentType() {
        String ct = header("Content-Type").orElse("");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The raw Content-Type header (with parameters such as a multipart boundary). */
    String rawContentType() {
        return header("Content-Type").orElse("");
    }

    /**
     * Whether the client prefers {@code type} over HTML: true when the Accept header names it (or
     * an alias) and does not also name text/html before it.
     */
    boolean prefers(String... types) {
        String accept = header("Accept").orElse("").toLowerCase(Locale.ROOT);
        int html = accept.indexOf("text/html");
        for (String t : types) {
            int i = accept.indexOf(t);
            if (i >= 0 && (html < 0 || i < html)) {
                return true;
            }
        }
        return false;
    }

    /** A refused body up to this size is still read (and dropped) so that the client receives the 413 answer. */
    static final long DRAIN_LIMIT = 8L << 20;

    /**
     * The body, at most {@code maxBytes}: a larger one is refused with 413. A body that is not
     * much larger is read to its end first, so the client (still sending) gets the answer rather
     * than a reset connection; a much larger one is not read at all and the connection is closed.
     */
    byte[] body(int maxBytes) throws HttpError, IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest(ProblemCode.MALFORMED, "Content-Length is not a number");
            }
        }
        InputStream in = exchange.getRequestBody();
        if (length > maxBytes) {
            if (length <= DRAIN_LIMIT) {
                drain(in, DRAIN_LIMIT);
            }
            throw HttpError.tooLarge("the request body is larger than " + describe(maxBytes));
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            drain(in, DRAIN_LIMIT);
            throw HttpError.tooLarge("the request body is larger than " + describe(maxBytes));
        }
        return body;
    }

    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer)) >= 0) {
            total += n;
        }
    }

    /** The body as one JSON object (strict reader, at most {@code maxBytes}). */
    JsonObject jsonBody(int maxBytes) throws HttpError, IOException {
        requireJsonContentType();
        byte[] body = body(maxBytes);
        if (body.length == 0) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "the request body is empty; expected a JSON object");
        }
        try {
            return JsonReader.defaults().readObject(body);
        } catch (CredentialException e) {
            throw HttpError.badRequest(e.code(), "the request body is not valid JSON: " + e.getMessage());
        }
    }

    /** As {@link #jsonBody}, but an empty body is an empty object (for requests whose members are all optional). */
    JsonObject jsonBodyOrEmpty(int maxBytes) throws HttpError, IOException {
        requireJsonContentType();
        byte[] body = body(maxBytes);
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return JsonObject.empty();
        }
        try {
            return JsonReader.defaults().readObject(body);
        } catch (CredentialException e) {
            throw HttpError.badRequest(e.code(), "the request body is not valid JSON: " + e.getMessage());
        }
    }

    private void requireJsonContentType() throws HttpError {
        String type = contentType();
        // JSON, or what clients send when they forget the header (curl -d: form-urlencoded)
        if (!type.isEmpty() && !type.equals("application/json") && !type.endsWith("+json") && !type.equals("text/plain")
                && !type.equals("application/x-www-form-urlencoded")) {
            throw new HttpError(415, HttpError.UNSUPPORTED_MEDIA_TYPE, "send the request as application/json");
        }
    }

    static String describe(int bytes) {
        return bytes >= (1 << 20) && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
