package org.rvtrace.ftrace.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GlobTest {

    /**
     * The self-test table of Linux's lib/glob.c (CONFIG_GLOB_SELFTEST),
     * minus the cases with an empty pattern or name, which cannot occur
     * for function filters.
     */
    static Stream<Arguments> linuxGlobSelfTest() {
        return Stream.of(
                // Some basic tests
                Arguments.of(true, "a", "a"),
                Arguments.of(false, "a", "b"),
                Arguments.of(false, "a", "aa"),
                // Simple character class tests
                Arguments.of(true, "[a]", "a"),
                Arguments.of(false, "[a]", "b"),
                Arguments.of(false, "[!a]", "a"),
                Arguments.of(true, "[!a]", "b"),
                Arguments.of(true, "[ab]", "a"),
                Arguments.of(true, "[ab]", "b"),
                Arguments.of(false, "[ab]", "c"),
                Arguments.of(true, "[!ab]", "c"),
                Arguments.of(true, "[a-c]", "b"),
                Arguments.of(false, "[a-c]", "d"),
                // Corner cases in character class parsing
                Arguments.of(true, "[a-c-e-g]", "-"),
                Arguments.of(false, "[a-c-e-g]", "d"),
                Arguments.of(true, "[a-c-e-g]", "f"),
                Arguments.of(true, "[]a-ceg-ik[]", "a"),
                Arguments.of(true, "[]a-ceg-ik[]", "]"),
                Arguments.of(true, "[]a-ceg-ik[]", "["),
                Arguments.of(true, "[]a-ceg-ik[]", "h"),
                Arguments.of(false, "[]a-ceg-ik[]", "f"),
                Arguments.of(false, "[!]a-ceg-ik[]", "h"),
                Arguments.of(false, "[!]a-ceg-ik[]", "]"),
                Arguments.of(true, "[!]a-ceg-ik[]", "f"),
                // Simple wild cards
                Arguments.of(true, "?", "a"),
                Arguments.of(false, "?", "aa"),
                Arguments.of(false, "??", "a"),
                Arguments.of(true, "?x?", "axb"),
                Arguments.of(false, "?x?", "abx"),
                Arguments.of(false, "?x?", "xab"),
                // Asterisk wild cards (backtracking)
                Arguments.of(false, "*??", "a"),
                Arguments.of(true, "*??", "ab"),
                Arguments.of(true, "*??", "abc"),
                Arguments.of(true, "*??", "abcd"),
                Arguments.of(false, "??*", "a"),
                Arguments.of(true, "??*", "ab"),
                Arguments.of(true, "??*", "abc"),
                Arguments.of(true, "??*", "abcd"),
                Arguments.of(false, "?*?", "a"),
                Arguments.of(true, "?*?", "ab"),
                Arguments.of(true, "?*?", "abc"),
                Arguments.of(true, "?*?", "abcd"),
                Arguments.of(true, "*b", "b"),
                Arguments.of(true, "*b", "ab"),
                Arguments.of(false, "*b", "ba"),
                Arguments.of(true, "*b", "bb"),
                Arguments.of(true, "*b", "abb"),
                Arguments.of(true, "*b", "bab"),
                Arguments.of(true, "*bc", "abbc"),
                Arguments.of(true, "*bc", "bc"),
                Arguments.of(true, "*bc", "bbc"),
                Arguments.of(true, "*bc", "bcbc"),
                // Multiple asterisks (complex backtracking)
                Arguments.of(true, "*ac*", "abacadaeafag"),
                Arguments.of(true, "*ac*ae*ag*", "abacadaeafag"),
                Arguments.of(true, "*a*b*[bc]*[ef]*g*", "abacadaeafag"),
                Arguments.of(false, "*a*b*[ef]*[cd]*g*", "abacadaeafag"),
                Arguments.of(true, "*abcd*", "abcabcabcabcdefg"),
                Arguments.of(true, "*ab*cd*", "abcabcabcabcdefg"),
                Arguments.of(true, "*abcd*abcdef*", "abcabcdabcdeabcdefg"),
                Arguments.of(false, "*abcd*", "abcabcabcabcefg"),
                Arguments.of(false, "*ab*cd*", "abcabcabcabcefg"));
    }

    @ParameterizedTest(name = "glob_match(\"{1}\", \"{2}\") == {0}")
    @MethodSource("linuxGlobSelfTest")
    void globMatchAgreesWithLinuxSelfTest(boolean expected, String pattern, String name) {
        assertEquals(expected, Glob.globMatch(pattern, name));
        // The ftrace front end must not change the answer, whatever kind it picks.
        assertEquals(expected, Glob.parse(pattern).matches(name));
    }

    @Test
    void globMatchOfEmptyStringsAsInLinuxSelfTest() {
        assertTrue(Glob.globMatch("", ""));
        assertFalse(Glob.globMatch("", "a"));
        assertFalse(Glob.globMatch("a", ""));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        // The shapes of filter_parse_regex (kernel/trace/trace_events_filter.c).
        "fib, FULL",
        "fib*, FRONT_ONLY",
        "*fib, END_ONLY",
        "*fib*, MIDDLE_ONLY",
        "*, END_ONLY",
        "**, MIDDLE_ONLY",
        "f*b, GLOB",
        "*f*b, GLOB",
        "fi?, GLOB",
        "[fg]ib, GLOB",
        "fib\\*, GLOB",
        "a*b*, GLOB",
    })
    void classifiesLikeFilterParseRegex(String pattern, Glob.Kind kind) {
        assertEquals(kind, Glob.parse(pattern).kind());
    }

    @Test
    void fullMatchIsExact() {
        Glob g = Glob.parse("fib");
        assertTrue(g.matches("fib"));
        assertFalse(g.matches("fibonacci"));
        assertFalse(g.matches("_fib"));
    }

    @Test
    void frontOnly() {
        Glob g = Glob.parse("sys_*");
        assertTrue(g.matches("sys_open"));
        assertTrue(g.matches("sys_"));
        assertFalse(g.matches("__sys_open"));
    }

    @Test
    void endOnly() {
        Glob g = Glob.parse("*_lock");
        assertTrue(g.matches("spin_lock"));
        assertTrue(g.matches("_lock"));
        assertFalse(g.matches("spin_lock_irq"));
    }

    @Test
    void middleOnly() {
        Glob g = Glob.parse("*alloc*");
        assertTrue(g.matches("kmalloc"));
        assertTrue(g.matches("alloc"));
        assertTrue(g.matches("kmem_cache_alloc_node"));
        assertFalse(g.matches("kfree"));
    }

    @Test
    void loneStarMatchesEverything() {
        assertTrue(Glob.parse("*").matches("main"));
        assertTrue(Glob.parse("*").matches("x"));
        assertTrue(Glob.parse("**").matches("main"));
    }

    @Test
    void fullGlobWithClassesAndRanges() {
        Glob g = Glob.parse("fib_[0-9]*");
        assertEquals(Glob.Kind.GLOB, g.kind());
        assertTrue(g.matches("fib_1"));
        assertTrue(g.matches("fib_42_memo"));
        assertFalse(g.matches("fib_x"));

        Glob notDigit = Glob.parse("f[!0-9]o");
        assertTrue(notDigit.matches("foo"));
        assertFalse(notDigit.matches("f1o"));
    }

    @Test
    void starInTheMiddleIsAFullGlob() {
        Glob g = Glob.parse("do_*_read");
        assertTrue(g.matches("do_sync_read"));
        assertTrue(g.matches("do__read"));
        assertFalse(g.matches("do_sync_read_iter"));
    }

    @Test
    void backslashEscapesAMetacharacter() {
        Glob g = Glob.parse("a\\*b");
        assertTrue(g.matches("a*b"));
        assertFalse(g.matches("axb"));
    }

    @Test
    void unclosedBracketIsLiteral() {
        // lib/glob.c: "An opening bracket without a matching close is matched literally."
        assertTrue(Glob.parse("a[b").matches("a[b"));
        assertFalse(Glob.parse("a[b").matches("ab"));
    }

    @Test
    void classNeverMatchesEndOfName() {
        assertFalse(Glob.parse("foo[!x]").matches("foo"));
    }

    @Test
    void leadingBangIsLiteralInAGlob() {
        // Negation belongs to FunctionFilter, not to a single pattern.
        assertTrue(Glob.parse("!main").matches("!main"));
        assertFalse(Glob.parse("!main").matches("main"));
    }

    @Test
    void toStringIsTheOriginalPattern() {
        assertEquals("*fib*", Glob.parse("*fib*").toString());
        assertEquals("sys_*", Glob.parse("sys_*").toString());
        assertEquals("f[0-9]?", Glob.parse("f[0-9]?").toString());
    }

    @Test
    void rejectsEmptyPattern() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Glob.parse(""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void rejectsWhitespace() {
        assertThrows(IllegalArgumentException.class, () -> Glob.parse("fib main"));
    }

    @Test
    void equalityFollowsThePattern() {
        assertEquals(Glob.parse("fib*"), Glob.parse("fib*"));
        assertEquals(Glob.parse("fib*").hashCode(), Glob.parse("fib*").hashCode());
        assertFalse(Glob.parse("fib*").equals(Glob.parse("fib")));
    }
}
