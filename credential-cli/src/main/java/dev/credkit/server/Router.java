package dev.credkit.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a method and a path to a handler. Patterns are slash-separated segments, literal or
 * {@code {name}}; a parameter matches one non-empty segment. Built once, then read-only.
 */
final class Router {
    /** Handles one request. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws Exception;
    }

    /** How errors of a route are shown: JSON for API clients, an HTML page for people. */
    enum Kind { API, PAGE }

    record Route(String method, String[] segments, Kind kind, Handler handler) {
    }

    /** A resolved route with its path parameters. */
    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router api(String method, String pattern, Handler handler) {
        return add(method, pattern, Kind.API, handler);
    }

    Router page(String method, String pattern, Handler handler) {
        return add(method, pattern, Kind.PAGE, handler);
    }

    private Router add(String method, String pattern, Kind kind, Handler handler) {
        routes.add(new Route(method, split(pattern), kind, handler));
        return this;
    }

    /** Every route, in the order they were registered. */
    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The route for this method and decoded path segments, or null; {@code allowed} collects methods of other matches. */
    Match resolve(String method, String[] segments, Set<String> allowed) {
        String m = method.equals("HEAD") ? "GET" : method;
        for (Route r : routes) {
            Map<String, String> params = match(r.segments, segments);
            if (params == null) {
                continue;
            }
            if (r.method.equals(m)) {
                return new Match(r, params);
            }
            allowed.add(r.method);
        }
        return null;
    }

    /** The kind of the first route whose pattern matches these segments, whatever its method. */
    Kind kindOf(String[] segments) {
        for (Route r : routes) {
            if (match(r.segments, segments) != null) {
                return r.kind;
            }
        }
        return null;
    }

    static Set<String> newAllowed() {
        return new LinkedHashSet<>();
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>();
                }
                params.put(p.substring(1, p.length() - 1), path[i]);
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    static String[] split(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return new String[0];
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.split("/", -1);
    }
}
