package dev.credkit.server;

import dev.credkit.json.JsonValue;
import dev.credkit.json.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, media type, body and extra headers. Immutable. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";

    Response {
        headers = Map.copyOf(headers);
    }

    static Response json(int status, JsonValue value) {
        return new Response(status, JSON, (JsonWriter.pretty(value) + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response html(int status, String html) {
        return new Response(status, HTML, html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, Map.of());
    }

    /** 303 See Other: where a form post or a code lookup continues. */
    static Response seeOther(String location) {
        return new Response(303, null, new byte[0], Map.of("Location", location));
    }

    static Response noContent() {
        return new Response(204, null, new byte[0], Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, h);
    }

    boolean isHtml() {
        return HTML.equals(contentType);
    }
}
