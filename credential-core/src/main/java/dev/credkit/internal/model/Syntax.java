package dev.credkit.internal.model;

import java.util.Set;
import java.util.regex.Pattern;

/** Lexical checks the VC data model needs: absolute URLs and BCP 47 language tags. */
public final class Syntax {
    // RFC 5646 "langtag" and "privateuse" (well-formedness only, case-insensitive).
    private static final Pattern LANGUAGE_TAG = Pattern.compile(
            "(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})"
                    + "(?:-[a-z]{4})?"
                    + "(?:-(?:[a-z]{2}|[0-9]{3}))?"
                    + "(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
                    + "(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"
                    + "(?:-x(?:-[a-z0-9]{1,8})+)?"
                    + "|x(?:-[a-z0-9]{1,8})+)",
            Pattern.CASE_INSENSITIVE);

    // RFC 5646 irregular grandfathered tags (the regular ones match LANGUAGE_TAG).
    private static final Set<String> IRREGULAR = Set.of("en-gb-oed", "i-ami", "i-bnn", "i-default",
            "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay",
            "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de");

    private static final int MAX_LANGUAGE_TAG = 128;

    private Syntax() {
    }

    /**
     * True for an absolute URL (an IRI with a scheme): {@code scheme ":" rest}, no white space or
     * characters that IRIs forbid, well-formed percent escapes, and a host for http(s). Relative
     * references ({@code /path}, {@code example.com}) and free text are not URLs.
     */
    public static boolean isAbsoluteUrl(String s) {
        int colon = s.indexOf(':');
        if (colon < 1 || colon == s.length() - 1 || !isAsciiAlpha(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!(isAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        for (int i = colon + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || (c >= 0x7f && c <= 0x9f) || "<>\"{}|\\^`".indexOf(c) >= 0
                    || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
            if (c == '%' && (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2)))) {
                return false;
            }
        }
        if (colon == 4 && s.regionMatches(true, 0, "http", 0, 4)
                || colon == 5 && s.regionMatches(true, 0, "https", 0, 5)) {
            int authority = colon + 3;
            return s.startsWith("//", colon + 1) && authority < s.length()
                    && "/?#@:".indexOf(s.charAt(authority)) < 0;
        }
        return true;
    }

    /** True for a well-formed BCP 47 language tag ({@code en}, {@code en-US}, {@code zh-Hant-TW}...). */
    public static boolean isLanguageTag(String s) {
        return s.length() <= MAX_LANGUAGE_TAG
                && (LANGUAGE_TAG.matcher(s).matches() || IRREGULAR.contains(s.toLowerCase(java.util.Locale.ROOT)));
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
