package dev.credkit.server;

import dev.credkit.core.ProblemCode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an HTML form post: {@code multipart/form-data} (file uploads) or
 * {@code application/x-www-form-urlencoded}. Bounded: at most {@link #MAX_PARTS} parts; the body
 * itself was already size-limited by the caller.
 */
final class FormData {
    static final int MAX_PARTS = 16;

    private final Map<String, byte[]> fields;

    private FormData(Map<String, byte[]> fields) {
        this.fields = fields;
    }

    /** A field's bytes (file content or text); empty when absent. */
    Optional<byte[]> bytes(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    static FormData parse(String contentTypeHeader, byte[] body) throws HttpError {
        String type = contentTypeHeader.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return urlEncoded(body);
        }
        if (type.startsWith("multipart/form-data")) {
            return multipart(boundary(contentTypeHeader), body);
        }
        throw new HttpError(415, HttpError.UNSUPPORTED_MEDIA_TYPE, "send the form as multipart/form-data");
    }

    private static FormData urlEncoded(byte[] body) throws HttpError {
        Map<String, byte[]> fields = new HashMap<>();
        String text = new String(body, StandardCharsets.US_ASCII);
        if (text.isEmpty()) {
            return new FormData(fields);
        }
        String[] pairs = text.split("&", MAX_PARTS + 1);
        if (pairs.length > MAX_PARTS) {
            throw HttpError.badRequest(ProblemCode.LIMIT_EXCEEDED, "the form has too many fields");
        }
        try {
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "the form is not correctly URL-encoded");
        }
        return new FormData(fields);
    }

    private static String boundary(String contentType) throws HttpError {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9).strip();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                if (!b.isEmpty() && b.length() <= 70) {
                    return b;
                }
            }
        }
        throw HttpError.badRequest(ProblemCode.MALFORMED, "the multipart form has no valid boundary");
    }

    private static FormData multipart(String boundary, byte[] body) throws HttpError {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        Map<String, byte[]> fields = new HashMap<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw HttpError.badRequest(ProblemCode.MALFORMED, "the multipart form has no parts");
        }
        int parts = 0;
        while (true) {
            int afterDelimiter = pos + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                break; // closing delimiter
            }
            int headersStart = skipLineEnd(body, afterDelimiter);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            if (headersEnd < 0) {
                throw HttpError.badRequest(ProblemCode.MALFORMED, "a multipart part has no header end");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw HttpError.badRequest(ProblemCode.MALFORMED, "the multipart form is not closed");
            }
            if (++parts > MAX_PARTS) {
                throw HttpError.badRequest(ProblemCode.LIMIT_EXCEEDED, "the form has too many parts");
            }
            String name = fieldName(headers);
            if (name != null) {
                fields.putIfAbsent(name, Arrays.copyOfRange(body, contentStart, contentEnd));
            }
            pos = contentEnd + 2;
        }
        return new FormData(fields);
    }

    private static String fieldName(String headers) {
        for (String line : headers.split("\r\n")) {
            if (!line.regionMatches(true, 0, "Content-Disposition:", 0, 20)) {
                continue;
            }
            for (String param : line.substring(20).split(";")) {
                String p = param.strip();
                if (p.regionMatches(true, 0, "name=", 0, 5)) {
                    String v = p.substring(5).strip();
                    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
                }
            }
        }
        return null;
    }

    private static int skipLineEnd(byte[] b, int i) {
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        if (i < b.length && b[i] == '\n') {
            i++;
        }
        return i;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
