package dev.credkit.json;

import java.util.Iterator;
import java.util.Map;

/** Serializes credkit's JSON tree: compact, or pretty with two-space indentation. */
public final class JsonWriter {
    private JsonWriter() {
    }

    public static String compact(JsonValue value) {
        StringBuilder sb = new StringBuilder(256);
        write(value, sb, -1, 0);
        return sb.toString();
    }

    public static String pretty(JsonValue value) {
        StringBuilder sb = new StringBuilder(512);
        write(value, sb, 2, 0);
        return sb.toString();
    }

    private static void write(JsonValue value, StringBuilder sb, int indent, int level) {
        if (value instanceof JsonObject o) {
            if (o.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            Iterator<Map.Entry<String, JsonValue>> it = o.members().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonValue> e = it.next();
                newline(sb, indent, level + 1);
                quote(e.getKey(), sb);
                sb.append(indent < 0 ? ":" : ": ");
                write(e.getValue(), sb, indent, level + 1);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            newline(sb, indent, level);
            sb.append('}');
        } else if (value instanceof JsonArray a) {
            if (a.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                newline(sb, indent, level + 1);
                write(a.get(i), sb, indent, level + 1);
                if (i + 1 < a.size()) {
                    sb.append(',');
                }
            }
            newline(sb, indent, level);
            sb.append(']');
        } else if (value instanceof JsonString s) {
            quote(s.value(), sb);
        } else if (value instanceof JsonNumber n) {
            sb.append(n.value().toString());
        } else if (value instanceof JsonBoolean b) {
            sb.append(b.value() ? "true" : "false");
        } else {
            sb.append("null");
        }
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent >= 0) {
            sb.append('\n');
            sb.append(" ".repeat(indent * level));
        }
    }

    /** Appends {@code s} as a JSON string literal (RFC 8259 escaping, non-ASCII kept as is). */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
