package dev.credkit.baking;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;

/**
 * SVG baking per Open Badges 3.0: an {@code <openbadges:credential>} element (namespace
 * {@code https://purl.imsglobal.org/ob/v3p0}) right after the root {@code <svg>} start tag, with
 * the JSON credential in a CDATA section or a compact JWS in its {@code verify} attribute.
 *
 * <p>Reading uses the JDK's DOM parser with DOCTYPE declarations refused (so no entities, no
 * external resources) and secure processing on. Baking checks the document that way first, then
 * inserts the element with a small scanner so that the rest of the file stays byte for byte.
 */
final class SvgBaking {
    static final String NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
    private static final String PREFIX_DECLARATION = "xmlns:openbadges=\"" + NAMESPACE + "\"";

    private SvgBaking() {
    }

    /** Inserts the JSON credential (CDATA) or, when {@code jws} is true, the compact JWS. */
    static String bake(String svg, String text, boolean jws) throws CredentialException {
        Document doc = parse(svg);
        if (credentialElement(doc) != null) {
            throw new CredentialException(ProblemCode.ALREADY_BAKED, "the SVG already carries an openbadges:credential");
        }
        String boundPrefix = doc.getDocumentElement().getAttribute("xmlns:openbadges");
        if (!boundPrefix.isEmpty() && !boundPrefix.equals(NAMESPACE)) {
            throw malformed("the SVG binds the prefix openbadges to another namespace");
        }
        RootTag root = findRootStartTag(svg);
        String element = jws
                ? "<openbadges:credential verify=\"" + text + "\"/>"
                : "<openbadges:credential><![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>")
                        + "]]></openbadges:credential>";
        StringBuilder out = new StringBuilder(svg.length() + element.length() + 80);
        out.append(svg, 0, root.attributesEnd());
        if (boundPrefix.isEmpty()) {
            out.append(' ').append(PREFIX_DECLARATION);
        }
        out.append('>').append(element);
        if (root.selfClosing()) {
            out.append("</").append(root.name()).append('>');
        }
        out.append(svg, root.tagEnd(), svg.length());
        String baked = out.toString();
        // XML cannot carry every character (NUL, U+FFFE, bare CR...): check the round trip
        String[] back = unbake(baked);
        if (back == null || !back[1].equals(text.strip())) {
            throw malformed("the credential text cannot be carried unchanged in XML");
        }
        return baked;
    }

    /** The baked credential: {@code [kind, text]} with kind "jws" or "json", or null when there is none. */
    static String[] unbake(String svg) throws CredentialException {
        Element e = credentialElement(parse(svg));
        if (e == null) {
            return null;
        }
        if (e.hasAttribute("verify")) {
            return new String[] {"jws", e.getAttribute("verify").strip()};
        }
        return new String[] {"json", e.getTextContent().strip()};
    }

    private static Element credentialElement(Document doc) throws CredentialException {
        NodeList found = doc.getElementsByTagNameNS(NAMESPACE, "credential");
        if (found.getLength() > 1) {
            throw malformed("the SVG carries " + found.getLength() + " openbadges:credential elements; exactly one"
                    + " is allowed");
        }
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    static Document parse(String svg) throws CredentialException {
        DocumentBuilder builder = newBuilder();
        Document doc;
        try {
            doc = builder.parse(new InputSource(new StringReader(svg)));
        } catch (SAXException e) {
            String detail = e instanceof SAXParseException p ? " at line " + p.getLineNumber() : "";
            String message = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "SVG with a DOCTYPE declaration is refused" : "SVG is not well-formed XML" + detail;
            throw malformed(message);
        } catch (IOException e) {
            throw malformed("SVG could not be read");
        } catch (RuntimeException | StackOverflowError e) {
            // the JDK parser on hostile input must not escape as an unchecked error
            throw malformed("SVG could not be parsed");
        }
        Element root = doc.getDocumentElement();
        String local = root.getLocalName() != null ? root.getLocalName() : root.getTagName();
        if (!local.equals("svg")) {
            throw malformed("the XML document is not an SVG (root element is not svg)");
        }
        return doc;
    }

    private static DocumentBuilder newBuilder() throws CredentialException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings are not errors, and nothing is printed
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new CredentialException(ProblemCode.INTERNAL_ERROR, "XML parser lacks a required safety feature", e);
        }
    }

    /** Where the root element's start tag is, found by skipping the prolog (already known well-formed). */
    private record RootTag(String name, int attributesEnd, int tagEnd, boolean selfClosing) {
    }

    private static RootTag findRootStartTag(String s) throws CredentialException {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<') {
                if (s.startsWith("<?", i)) {
                    i = indexAfter(s, "?>", i + 2);
                } else if (s.startsWith("<!--", i)) {
                    i = indexAfter(s, "-->", i + 4);
                } else if (s.startsWith("<!", i)) {
                    throw malformed("SVG with a DOCTYPE declaration is refused");
                } else {
                    return startTag(s, i);
                }
            } else {
                i++;
            }
        }
        throw malformed("SVG has no root element");
    }

    private static RootTag startTag(String s, int open) throws CredentialException {
        int i = open + 1;
        while (i < s.length() && !isTagNameEnd(s.charAt(i))) {
            i++;
        }
        String name = s.substring(open + 1, i);
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                boolean selfClosing = s.charAt(i - 1) == '/';
                return new RootTag(name, selfClosing ? i - 1 : i, i + 1, selfClosing);
            }
        }
        throw malformed("SVG root start tag is not closed");
    }

    private static boolean isTagNameEnd(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/';
    }

    private static int indexAfter(String s, String token, int from) throws CredentialException {
        int at = s.indexOf(token, from);
        if (at < 0) {
            throw malformed("SVG prolog is not closed");
        }
        return at + token.length();
    }

    private static CredentialException malformed(String message) {
        return new CredentialException(ProblemCode.MALFORMED, message);
    }
}
