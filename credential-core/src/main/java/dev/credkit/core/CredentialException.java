package dev.credkit.core;

import java.util.Objects;

/**
 * The one checked exception of credkit's API: the input was rejected or could not be processed.
 * It always carries a stable {@link ProblemCode} and a short message that never echoes large
 * input or secret material.
 *
 * <p>Messages often quote a piece of the input (a member name, a URL, a parser's complaint), so
 * the message is made safe here, whoever wrote it: it is one line (control and bidirectional
 * formatting characters are written as <code>&#92;uXXXX</code> escapes, so a log line or terminal
 * cannot be forged) and at most {@value #MAX_MESSAGE_LENGTH} characters.
 */
public class CredentialException extends Exception {
    /** Longest message kept; longer ones are cut and end in "...". */
    public static final int MAX_MESSAGE_LENGTH = 400;

    private final ProblemCode code;

    public CredentialException(ProblemCode code, String message) {
        super(oneLine(message));
        this.code = Objects.requireNonNull(code, "code");
    }

    public CredentialException(ProblemCode code, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ProblemCode code() {
        return code;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean unsafe = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029
                    || Character.getType(c) == Character.FORMAT;
            if (unsafe && sb == null) {
                sb = new StringBuilder(message.length() + 16).append(message, 0, i);
            }
            if (unsafe) {
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        String line = sb == null ? message : sb.toString();
        if (line.length() <= MAX_MESSAGE_LENGTH) {
            return line;
        }
        int cut = MAX_MESSAGE_LENGTH - 3;
        if (Character.isHighSurrogate(line.charAt(cut - 1))) {
            cut--;
        }
        return line.substring(0, cut) + "...";
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
