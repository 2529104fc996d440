package org.rvtrace.ftrace.filter;

import java.util.Objects;

/**
 * One function-name pattern with the semantics Linux gives to the lines of
 * {@code set_ftrace_filter} / {@code set_ftrace_notrace}.
 *
 * <p>Linux ({@code filter_parse_regex} in kernel/trace/trace_events_filter.c
 * and {@code ftrace_match} in kernel/trace/ftrace.c) classifies a pattern
 * before matching, so that the common shapes avoid a general glob:
 * <ul>
 *   <li>{@code foo} — {@link Kind#FULL}: the name must equal {@code foo};</li>
 *   <li>{@code foo*} — {@link Kind#FRONT_ONLY}: the name starts with {@code foo};</li>
 *   <li>{@code *foo} — {@link Kind#END_ONLY}: the name ends with {@code foo};</li>
 *   <li>{@code *foo*} — {@link Kind#MIDDLE_ONLY}: the name contains {@code foo};</li>
 *   <li>anything else containing {@code *}, {@code ?}, {@code [} or {@code \} —
 *       {@link Kind#GLOB}: a full {@code glob_match} (lib/glob.c) over the
 *       whole name, with character classes {@code [a-z]}, complemented
 *       classes {@code [!a-z]} and backslash escapes.</li>
 * </ul>
 * A lone {@code *} is an end-only match of the empty string and so matches
 * every name, as in Linux.
 *
 * <p>A leading {@code !} is <em>not</em> interpreted here: negation is a
 * property of a filter line, handled by {@link FunctionFilter}. Linux's
 * numeric index form ({@code echo 5 > set_ftrace_filter}) is not supported;
 * a pattern starting with a digit is matched literally (and so never matches
 * a C symbol).
 */
public final class Glob {

    /** How a pattern is matched; mirrors Linux's {@code enum regex_type}. */
    public enum Kind {
        /** Whole-name equality. */
        FULL,
        /** Prefix match ({@code foo*}). */
        FRONT_ONLY,
        /** Substring match ({@code *foo*}). */
        MIDDLE_ONLY,
        /** Suffix match ({@code *foo}). */
        END_ONLY,
        /** General shell-style glob ({@code glob_match}). */
        GLOB
    }

    private final String pattern;
    private final Kind kind;
    /** The literal to compare for the non-glob kinds, the whole pattern for GLOB. */
    private final String search;

    private Glob(String pattern, Kind kind, String search) {
        this.pattern = pattern;
        this.kind = kind;
        this.search = search;
    }

    /**
     * Parses one pattern.
     *
     * @param pattern the pattern, as one whitespace-free word of
     *                {@code set_ftrace_filter}
     * @return the parsed pattern
     * @throws IllegalArgumentException if the pattern is empty or contains
     *         whitespace (Linux splits its input on whitespace, so such a
     *         pattern could never reach the matcher there)
     */
    public static Glob parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty function pattern: a pattern needs at least one character"
                    + " (use \"*\" to match every function)");
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (Character.isWhitespace(pattern.charAt(i))) {
                throw new IllegalArgumentException("function pattern \"" + pattern
                        + "\" contains whitespace; give one pattern per list element");
            }
        }
        return classify(pattern);
    }

    /**
     * Classifies like Linux's filter_parse_regex: a leading and/or a trailing
     * '*' select the cheap kinds; any other metacharacter forces a glob.
     */
    private static Glob classify(String pattern) {
        int len = pattern.length();
        Kind kind = Kind.FULL;
        String search = pattern;
        for (int i = 0; i < len; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i == 0) {
                    kind = Kind.END_ONLY;
                } else if (i == len - 1) {
                    kind = (kind == Kind.END_ONLY) ? Kind.MIDDLE_ONLY : Kind.FRONT_ONLY;
                    search = pattern.substring(0, i);
                    break;
                } else {
                    return new Glob(pattern, Kind.GLOB, pattern);
                }
            } else if (c == '[' || c == '?' || c == '\\') {
                return new Glob(pattern, Kind.GLOB, pattern);
            }
        }
        if (pattern.charAt(0) == '*') {
            search = search.substring(1);
        }
        return new Glob(pattern, kind, search);
    }

    /**
     * Tests a function name against this pattern.
     *
     * @param name a symbol name
     * @return whether the pattern selects the name
     */
    public boolean matches(String name) {
        return switch (kind) {
            case FULL -> name.equals(search);
            case FRONT_ONLY -> name.startsWith(search);
            case MIDDLE_ONLY -> name.contains(search);
            case END_ONLY -> name.endsWith(search);
            case GLOB -> globMatch(search, name);
        };
    }

    /**
     * The shape Linux would classify this pattern as.
     *
     * @return how this pattern is matched
     */
    public Kind kind() {
        return kind;
    }

    /** @return the pattern exactly as given to {@link #parse} */
    @Override
    public String toString() {
        return pattern;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    /** Character at i, or 0 past the end: lib/glob.c walks NUL-terminated strings and relies on the terminator. */
    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /**
     * Shell-style match of the whole name, with the exact semantics of Linux's
     * lib/glob.c {@code glob_match}: '*' never needs more than one level of
     * backtracking because it matches any character, a '[' without a closing
     * ']' is a literal, ']' first in a class is a member, and '-' is literal
     * at the class edges. Characters are compared as UTF-16 units, which
     * equals Linux's unsigned-byte comparison for the ASCII symbol names
     * the tracer sees.
     */
    static boolean globMatch(String pat, String str) {
        int p = 0;
        int s = 0;
        int backPat = -1;
        int backStr = 0;
        for (;;) {
            char c = at(str, s++);
            char d = at(pat, p++);
            boolean ok;
            int classEnd;
            if (d == '?') {
                ok = c != '\0'; // anything but the end of the name
            } else if (d == '*') {
                if (at(pat, p) == '\0') {
                    return true; // a trailing '*' swallows the rest
                }
                backPat = p;
                backStr = --s; // allow a zero-length match
                continue;
            } else if (d == '[' && (classEnd = matchClass(pat, p, c)) != CLASS_MALFORMED) {
                // The end of the name never matches a class. (lib/glob.c lets a
                // complemented class such as [!a] consume the terminating NUL
                // and then reads past it; we do not reproduce that.)
                ok = classEnd >= 0 && c != '\0';
                if (ok) {
                    p = classEnd;
                }
            } else {
                // Literal character; an unclosed '[' also lands here as a literal.
                if (d == '\\') {
                    d = at(pat, p++);
                }
                if (c == d && d == '\0') {
                    return true; // both ended together
                }
                ok = c == d;
            }
            if (!ok) {
                if (c == '\0' || backPat < 0) {
                    return false;
                }
                // Retry from the last '*', one character later in the name.
                p = backPat;
                s = ++backStr;
            }
        }
    }

    private static final int CLASS_MALFORMED = -2;
    private static final int CLASS_NO_MATCH = -1;

    /**
     * Matches c against the class whose text starts at index p (just after '[').
     *
     * @return the pattern index after the closing ']' on a match,
     *         {@link #CLASS_NO_MATCH} if c is not in the class, or
     *         {@link #CLASS_MALFORMED} if the class is not closed (then '[' is literal)
     */
    private static int matchClass(String pat, int p, char c) {
        boolean inverted = at(pat, p) == '!';
        int cls = p + (inverted ? 1 : 0);
        boolean match = false;
        char a = at(pat, cls++);
        // The first span may begin with ']'; later a ']' closes the class.
        do {
            char b = a;
            if (a == '\0') {
                return CLASS_MALFORMED;
            }
            if (at(pat, cls) == '-' && at(pat, cls + 1) != ']') {
                b = at(pat, cls + 1);
                if (b == '\0') {
                    return CLASS_MALFORMED;
                }
                cls += 2;
            }
            match |= (a <= c && c <= b);
            a = at(pat, cls++);
        } while (a != ']');
        return match != inverted ? cls : CLASS_NO_MATCH;
    }
}
