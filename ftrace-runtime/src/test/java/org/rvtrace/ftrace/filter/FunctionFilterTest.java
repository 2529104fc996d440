package org.rvtrace.ftrace.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionFilterTest {

    private static FunctionFilter filter(List<String> filter, List<String> notrace) {
        return new FunctionFilter(filter, notrace);
    }

    @Test
    void allTracesEverything() {
        assertTrue(FunctionFilter.ALL.traces("main"));
        assertTrue(FunctionFilter.ALL.traces("fib"));
    }

    @Test
    void emptyFilterMeansAll() {
        // Linux: an empty set_ftrace_filter traces every function.
        FunctionFilter f = filter(List.of(), List.of());
        assertTrue(f.traces("main"));
        assertTrue(f.traces("__libc_start_main"));
    }

    @Test
    void filterSelectsOnlyMatches() {
        // Documentation/trace/ftrace.rst: echo 'hrtimer_*' > set_ftrace_filter
        FunctionFilter f = filter(List.of("hrtimer_*"), List.of());
        assertTrue(f.traces("hrtimer_start"));
        assertTrue(f.traces("hrtimer_cancel"));
        assertFalse(f.traces("schedule"));
    }

    @Test
    void severalFilterLinesAreAUnion() {
        // Documentation/trace/ftrace.rst: echo 'sys_nanosleep hrtimer_interrupt' > set_ftrace_filter
        FunctionFilter f = filter(List.of("sys_nanosleep", "hrtimer_interrupt"), List.of());
        assertTrue(f.traces("sys_nanosleep"));
        assertTrue(f.traces("hrtimer_interrupt"));
        assertFalse(f.traces("hrtimer_start"));
    }

    @Test
    void notraceWins() {
        FunctionFilter f = filter(List.of("*"), List.of("main"));
        assertFalse(f.traces("main"));
        assertTrue(f.traces("fib"));

        FunctionFilter same = filter(List.of("main", "fib"), List.of("main"));
        assertFalse(same.traces("main"));
        assertTrue(same.traces("fib"));
    }

    @Test
    void notraceAloneExcludesFromAll() {
        // Documentation/trace/ftrace.rst: echo '*lock*' > set_ftrace_notrace
        FunctionFilter f = filter(List.of(), List.of("*lock*"));
        assertFalse(f.traces("spin_lock"));
        assertFalse(f.traces("mutex_unlock"));
        assertTrue(f.traces("schedule"));
    }

    @Test
    void starThenNegationTracesAllButThat() {
        FunctionFilter f = filter(List.of("*", "!main"), List.of());
        assertFalse(f.traces("main"));
        assertTrue(f.traces("fib"));
        assertTrue(f.traces("mainly"));
    }

    @Test
    void negationAloneMeansAllBut() {
        FunctionFilter f = filter(List.of("!main"), List.of());
        assertFalse(f.traces("main"));
        assertTrue(f.traces("fib"));
    }

    @Test
    void negationRemovesFromPositiveSelection() {
        FunctionFilter f = filter(List.of("fib*", "!fib_slow"), List.of());
        assertTrue(f.traces("fib"));
        assertTrue(f.traces("fib_fast"));
        assertFalse(f.traces("fib_slow"));
        assertFalse(f.traces("main"));
    }

    @Test
    void linesApplyInOrder() {
        // Like successive writes: the last matching line decides.
        FunctionFilter reAdded = filter(List.of("!fib", "fib"), List.of());
        assertTrue(reAdded.traces("fib"));
        assertFalse(reAdded.traces("main"));

        FunctionFilter removed = filter(List.of("fib", "main", "!main"), List.of());
        assertTrue(removed.traces("fib"));
        assertFalse(removed.traces("main"));
    }

    @Test
    void selectionThatEndsEmptyTracesNothing() {
        FunctionFilter f = filter(List.of("main", "!main"), List.of());
        assertFalse(f.traces("main"));
        assertFalse(f.traces("fib"));
    }

    @Test
    void negationInNotraceReinstates() {
        FunctionFilter f = filter(List.of(), List.of("mem*", "!memcpy"));
        assertFalse(f.traces("memset"));
        assertTrue(f.traces("memcpy"));
        assertTrue(f.traces("main"));
    }

    @Test
    void negatedNotraceAloneExcludesNothing() {
        FunctionFilter f = filter(List.of(), List.of("!main"));
        assertTrue(f.traces("main"));
        assertTrue(f.traces("fib"));
    }

    @Test
    void globLinesWork() {
        FunctionFilter f = filter(List.of("fib_[0-9]", "!fib_[5-9]"), List.of());
        assertTrue(f.traces("fib_3"));
        assertFalse(f.traces("fib_7"));
        assertFalse(f.traces("fib_x"));
    }

    @Test
    void rejectsBadLines() {
        assertThrows(IllegalArgumentException.class, () -> filter(List.of(""), List.of()));
        assertThrows(IllegalArgumentException.class, () -> filter(List.of("!"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> filter(List.of(), List.of("!")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> filter(List.of(), List.of("")));
        assertTrue(e.getMessage().startsWith("set_ftrace_notrace"), e.getMessage());
    }
}
