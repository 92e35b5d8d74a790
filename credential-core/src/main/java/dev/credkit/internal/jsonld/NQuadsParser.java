package dev.credkit.internal.jsonld;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

/**
 * A strict RDF 1.1 N-Quads reader: one pass over the text, no backtracking, every error
 * reported with its line. Written here because titanium-rdf-n-quads 1.0.2 loops and fills the
 * heap on some malformed input (found by fuzzing: a 1.5 KB document exhausted 256 MiB in
 * seconds).
 *
 * <p>IRIs must be absolute (a scheme followed by ':'); relative IRIs have no meaning here.
 * Literals are reported with their datatype ({@code xsd:string} when none is written,
 * {@code rdf:langString} with a language tag).
 */
final class NQuadsParser {
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    private static final String RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    private final String text;
    private int pos;
    private int line = 1;

    private NQuadsParser(String text) {
        this.text = text;
    }

    /** Reads every statement of {@code text} into {@code consumer}. */
    static void parse(String text, RdfQuadConsumer consumer) throws CredentialException {
        new NQuadsParser(text).statements(consumer);
    }

    private void statements(RdfQuadConsumer consumer) throws CredentialException {
        while (true) {
            skipBlankAndComments();
            if (pos >= text.length()) {
                return;
            }
            String subject = peek() == '<' ? iri() : blankNode();
            skipSpaces();
            String predicate = iri();
            skipSpaces();
            String object;
            String datatype = null;
            String language = null;
            char c = peek();
            if (c == '<') {
                object = iri();
            } else if (c == '_') {
                object = blankNode();
            } else if (c == '"') {
                object = string();
                if (peek() == '@') {
                    language = languageTag();
                    datatype = RDF_LANG_STRING;
                } else if (peek() == '^') {
                    expect('^');
                    expect('^');
                    datatype = iri();
                } else {
                    datatype = XSD_STRING;
                }
            } else {
                throw error("expected an IRI, a blank node or a literal as object");
            }
            skipSpaces();
            String graph = null;
            if (peek() == '<') {
                graph = iri();
                skipSpaces();
            } else if (peek() == '_') {
                graph = blankNode();
                skipSpaces();
            }
            expect('.');
            skipSpaces();
            if (pos < text.length() && peek() == '#') {
                skipComment();
            }
            if (pos < text.length() && peek() != '\n' && peek() != '\r') {
                throw error("expected the end of the line after '.'");
            }
            try {
                consumer.quad(subject, predicate, object, datatype, language, null, graph);
            } catch (RdfConsumerException e) {
                String why = e.getMessage() != null ? e.getMessage() : "statement not accepted";
                throw new CredentialException(ProblemCode.MALFORMED, "invalid N-Quads at line " + line + ": " + why);
            }
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\u0000';
    }

    private void expect(char c) throws CredentialException {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipComment() {
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void skipBlankAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    /** IRIREF, returned without its angle brackets. */
    private String iri() throws CredentialException {
        expect('<');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated IRI");
            }
            char c = text.charAt(pos++);
            if (c == '>') {
                break;
            }
            if (c == '\\') {
                int cp = unicodeEscape();
                if (cp <= 0x20 || "<>\"{}|^`\\".indexOf(cp) >= 0) {
                    throw error("character not allowed in an IRI");
                }
                sb.appendCodePoint(cp);
            } else if (c <= 0x20 || "<\"{}|^`".indexOf(c) >= 0) {
                throw error("character not allowed in an IRI");
            } else {
                sb.append(c);
            }
        }
        String iri = sb.toString();
        if (!hasScheme(iri)) {
            throw error("IRI is not absolute");
        }
        return iri;
    }

    private static boolean hasScheme(String iri) {
        int colon = iri.indexOf(':');
        if (colon < 1 || !isAsciiLetter(iri.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = iri.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** BLANK_NODE_LABEL, returned with its "_:". */
    private String blankNode() throws CredentialException {
        expect('_');
        expect(':');
        int start = pos;
        if (pos >= text.length()) {
            throw error("empty blank node label");
        }
        int first = text.codePointAt(pos);
        if (!isPnCharsU(first) && !(first >= '0' && first <= '9')) {
            throw error("invalid blank node label");
        }
        pos += Character.charCount(first);
        while (pos < text.length()) {
            int cp = text.codePointAt(pos);
            if (isPnChars(cp) || cp == '.') {
                pos += Character.charCount(cp);
            } else {
                break;
            }
        }
        // a label may not end in '.', which then ends the statement
        while (text.charAt(pos - 1) == '.') {
            pos--;
        }
        return "_:" + text.substring(start, pos);
    }

    /** STRING_LITERAL_QUOTE, returned unescaped. */
    private String string() throws CredentialException {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n' || c == '\r') {
                throw error("line break in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = pos < text.length() ? text.charAt(pos) : '\u0000';
            switch (e) {
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 'f' -> sb.append('\f');
                case '"' -> sb.append('"');
                case '\'' -> sb.append('\'');
                case '\\' -> sb.append('\\');
                case 'u', 'U' -> {
                    sb.appendCodePoint(unicodeEscape());
                    continue;
                }
                default -> throw error("invalid escape in a string");
            }
            pos++;
        }
    }

    /** After a backslash: {@code uXXXX} or {@code UXXXXXXXX}, as a code point. */
    private int unicodeEscape() throws CredentialException {
        char kind = peek();
        int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
        if (digits == 0 || pos + 1 + digits > text.length()) {
            throw error("invalid escape");
        }
        int cp = 0;
        for (int i = 1; i <= digits; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("invalid escape");
            }
            cp = cp * 16 + d;
        }
        if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw error("escape is not a Unicode scalar value");
        }
        pos += 1 + digits;
        return cp;
    }

    /** LANGTAG without its '@'. */
    private String languageTag() throws CredentialException {
        expect('@');
        int start = pos;
        while (pos < text.length() && isAsciiLetter(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("empty language tag");
        }
        while (pos < text.length() && text.charAt(pos) == '-') {
            int subtag = ++pos;
            while (pos < text.length() && (isAsciiLetter(text.charAt(pos)) || Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128)) {
                pos++;
            }
            if (pos == subtag) {
                throw error("empty language subtag");
            }
        }
        return text.substring(start, pos);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isPnCharsBase(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c >= 0x00C0 && c <= 0x00D6) || (c >= 0x00D8 && c <= 0x00F6) || (c >= 0x00F8 && c <= 0x02FF)
                || (c >= 0x0370 && c <= 0x037D) || (c >= 0x037F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
    }

    private static boolean isPnCharsU(int c) {
        return isPnCharsBase(c) || c == '_' || c == ':';
    }

    private static boolean isPnChars(int c) {
        return isPnCharsU(c) || c == '-' || (c >= '0' && c <= '9') || c == 0x00B7
                || (c >= 0x0300 && c <= 0x036F) || (c >= 0x203F && c <= 0x2040);
    }

    private CredentialException error(String what) {
        return new CredentialException(ProblemCode.MALFORMED, "invalid N-Quads at line " + line + ": " + what);
    }
}
