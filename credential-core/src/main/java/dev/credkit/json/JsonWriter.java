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

    /**
     * Appends {@code s} as a JSON string literal: RFC 8259 escaping with the short forms where
     * they exist, other control characters as lowercase <code>&#92;u00XX</code>, non-ASCII kept as is.
     * An unpaired surrogate (possible only in a String built by code) is written as an escape,
     * so that the text stays valid Unicode instead of being silently mangled when encoded.
     */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else {
                        unicodeEscape(c, sb);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void unicodeEscape(char c, StringBuilder sb) {
        sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}
