package dev.credkit.server;

/**
 * HTML assembly where every value that did not come from this class is escaped. Pages are built
 * with {@link #text}, {@link #attr} and the element helpers; {@link #raw} takes only constant
 * markup written in this package, never data from a credential or a request.
 */
final class Html {
    private final StringBuilder sb = new StringBuilder(4096);

    /** Escapes text for element content and quoted attribute values. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            // Control characters (other than tab and newline) have no place in a page.
            if (rep == null && c < 0x20 && c != '\n' && c != '\t') {
                rep = "\uFFFD";
            }
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Constant markup written in this package. */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Escaped text. */
    Html text(String s) {
        sb.append(escape(s));
        return this;
    }

    /** {@code <tag>text</tag>} with the text escaped. */
    Html element(String tag, String text) {
        sb.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag class="cls">text</tag>} with the text escaped. */
    Html element(String tag, String cssClass, String text) {
        sb.append('<').append(tag).append(" class=\"").append(escape(cssClass)).append("\">")
                .append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** {@code name="value"} with a leading space, the value escaped. */
    Html attr(String name, String value) {
        sb.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        return this;
    }

    /** A link; only http(s), relative and mailto URLs become links, anything else is shown as text. */
    Html link(String href, String text) {
        if (!isSafeUrl(href)) {
            return text(text);
        }
        sb.append("<a");
        attr("href", href);
        sb.append('>').append(escape(text)).append("</a>");
        return this;
    }

    /** Text with line breaks kept as separate paragraphs. */
    Html paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        for (String p : text.strip().split("\\n\\s*\\n")) {
            sb.append("<p>");
            String[] lines = p.strip().split("\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    sb.append("<br>");
                }
                sb.append(escape(lines[i].strip()));
            }
            sb.append("</p>");
        }
        return this;
    }

    static boolean isSafeUrl(String href) {
        if (href == null || href.isEmpty() || href.length() > 4096) {
            return false;
        }
        String lower = href.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
                || (lower.startsWith("/") && !lower.startsWith("//"));
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
