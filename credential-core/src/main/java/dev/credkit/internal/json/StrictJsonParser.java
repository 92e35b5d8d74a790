package dev.credkit.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import dev.credkit.json.JsonValue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Jackson-backed strict parser producing credkit's immutable tree. One instance per reader
 * configuration; {@link JsonFactory} is thread-safe once configured.
 */
public final class StrictJsonParser {
    private final JsonFactory factory;
    private final int maxDepth;

    public StrictJsonParser(int maxDepth, int maxStringLength, int maxNumberLength) {
        this.maxDepth = maxDepth;
        this.factory = new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxStringLength)
                        .maxNumberLength(maxNumberLength)
                        .maxNameLength(Math.min(maxStringLength, 50_000))
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .disable(JsonReadFeature.ALLOW_YAML_COMMENTS)
                .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
                .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .disable(JsonReadFeature.ALLOW_MISSING_VALUES)
                .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .disable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
    }

    public JsonValue parse(byte[] utf8) throws CredentialException {
        String text = decodeStrictUtf8(utf8);
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new CredentialException(ProblemCode.MALFORMED, "empty input: expected a JSON value");
            }
            JsonValue value = new TreeBuilder(p, maxDepth).readValue(first);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw malformed("trailing content after the JSON value", p.currentLocation());
            }
            return value;
        } catch (CredentialException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw malformed(describe(e), e.getLocation());
        } catch (IOException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "could not read JSON: " + shorten(e.getMessage()));
        } catch (RuntimeException e) {
            // Jackson's constraint and number errors; never let them escape as a crash.
            throw new CredentialException(ProblemCode.MALFORMED, "invalid JSON: " + shorten(e.getMessage()));
        }
    }

    /** Strict UTF-8: rejects invalid bytes, overlong forms and UTF-8-encoded surrogates. */
    static String decodeStrictUtf8(byte[] bytes) throws CredentialException {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3; // RFC 8259 §8.1: a parser MAY ignore a leading BOM
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (MalformedInputException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "input is not valid UTF-8 (invalid byte sequence)");
        } catch (CharacterCodingException e) {
            throw new CredentialException(ProblemCode.MALFORMED, "input is not valid UTF-8");
        }
    }

    private static CredentialException malformed(String what, JsonLocation loc) {
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return new CredentialException(ProblemCode.MALFORMED, "invalid JSON" + where + ": " + what);
    }

    private static String describe(JsonProcessingException e) {
        return shorten(e.getOriginalMessage());
    }

    static String shorten(String message) {
        if (message == null) {
            return "unknown error";
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }

    /** Builds the tree with an explicit depth check (Jackson enforces it too). */
    private static final class TreeBuilder {
        private final JsonParser p;
        private final int maxDepth;

        TreeBuilder(JsonParser p, int maxDepth) {
            this.p = p;
            this.maxDepth = maxDepth;
        }

        JsonValue readValue(JsonToken token) throws IOException, CredentialException {
            return readValue(token, 0);
        }

        private JsonValue readValue(JsonToken token, int depth) throws IOException, CredentialException {
            switch (token) {
                case START_OBJECT: {
                    checkDepth(depth);
                    java.util.LinkedHashMap<String, JsonValue> members = new java.util.LinkedHashMap<>();
                    JsonToken t;
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonValue v = readValue(p.nextToken(), depth + 1);
                        if (members.put(name, v) != null) {
                            throw malformed("duplicate key \"" + shorten(name) + "\"", p.currentLocation());
                        }
                    }
                    return dev.credkit.json.JsonObject.of(members);
                }
                case START_ARRAY: {
                    checkDepth(depth);
                    java.util.ArrayList<JsonValue> elements = new java.util.ArrayList<>();
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        elements.add(readValue(t, depth + 1));
                    }
                    return dev.credkit.json.JsonArray.of(elements);
                }
                case VALUE_STRING:
                    return new dev.credkit.json.JsonString(p.getText());
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT: {
                    BigDecimal d = new BigDecimal(p.getText());
                    if (!Double.isFinite(d.doubleValue())) {
                        throw malformed("number out of range", p.currentLocation());
                    }
                    return new dev.credkit.json.JsonNumber(d);
                }
                case VALUE_TRUE:
                    return dev.credkit.json.JsonBoolean.TRUE;
                case VALUE_FALSE:
                    return dev.credkit.json.JsonBoolean.FALSE;
                case VALUE_NULL:
                    return dev.credkit.json.JsonNull.INSTANCE;
                default:
                    throw malformed("unexpected token " + token, p.currentLocation());
            }
        }

        private void checkDepth(int depth) throws CredentialException {
            if (depth >= maxDepth) {
                throw new CredentialException(ProblemCode.MALFORMED, "invalid JSON: nesting deeper than " + maxDepth);
            }
        }
    }
}
