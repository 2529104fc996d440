package org.rvtrace.ftrace.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expected lines are copied from real Linux output (Documentation/trace/ftrace.rst,
 * and trace files posted to the kernel mailing lists) or derived from the
 * kernel's printf formats where noted.
 */
class FormatTest {

    @Nested
    class FunctionTracer {

        @Test
        void headerIsLinux6HeaderWithoutEntriesLine() {
            // From a Linux 6.x "cat trace" with the function tracer, minus the
            // "# entries-in-buffer/entries-written: 36611/36611   #P:4" line and its "#".
            String expected = String.join("\n",
                    "# tracer: function",
                    "#",
                    "#                                _-----=> irqs-off/BH-disabled",
                    "#                               / _----=> need-resched",
                    "#                              | / _---=> hardirq/softirq",
                    "#                              || / _--=> preempt-depth",
                    "#                              ||| / _-=> migrate-disable",
                    "#                              |||| /     delay",
                    "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION",
                    "#              | |         |   |||||     |         |") + "\n";
            assertEquals(expected, FunctionTraceFormat.header());
        }

        @Test
        void lineMatchesLinuxSample() {
            // Linux 6.x function tracer output.
            assertEquals("              ls-63594   [003] ..... 13532.067988: mutex_unlock <-rb_simple_write",
                    FunctionTraceFormat.line("ls", 63594, 3, 13_532_067_988_000L, true,
                            "mutex_unlock", "rb_simple_write"));
        }

        @Test
        void contextColumnsMatchEventSample() {
            // "        modprobe-203     [000] .....     0.938668: pwm_get: ..." (Linux 6.x event trace;
            // the context columns are the same trace_print_context output).
            String line = FunctionTraceFormat.line("modprobe", 203, 0, 938_668_000L, true, "pwm_get", null);
            assertEquals("        modprobe-203     [000] .....     0.938668: pwm_get", line);
        }

        @Test
        void briefExample() {
            assertEquals("            prog-1234    [000] .....    12.345678: fib <-main",
                    FunctionTraceFormat.line("prog", 1234, 0, 12_345_678_000L, true, "fib", "main"));
        }

        @Test
        void nanosecondsAreRoundedToMicrosecondsLikeNs2usecs() {
            // ns2usecs(): (ns + 500) / 1000.
            assertEquals("            prog-1       [000] .....    12.345679: f",
                    FunctionTraceFormat.line("prog", 1, 0, 12_345_678_500L, true, "f", ""));
            assertEquals("            prog-1       [000] .....    12.345678: f",
                    FunctionTraceFormat.line("prog", 1, 0, 12_345_678_499L, true, "f", ""));
            assertEquals("            prog-1       [000] .....     1.000000: f",
                    FunctionTraceFormat.line("prog", 1, 0, 999_999_500L, true, "f", ""));
        }

        @Test
        void counterClockPrintsRawCountIn12Columns() {
            // trace_print_time(): " %12llu" when the clock is not in nanoseconds.
            assertEquals("            prog-1234    [000] .....           42: fib <-main",
                    FunctionTraceFormat.line("prog", 1234, 0, 42, false, "fib", "main"));
            assertEquals("            prog-1234    [000] ..... 123456789012345: fib <-main",
                    FunctionTraceFormat.line("prog", 1234, 0, 123_456_789_012_345L, false, "fib", "main"));
        }

        @Test
        void commIsCutToLinuxTaskCommLength() {
            assertEquals(" a_very_long_pro-7       [001] .....     0.000001: f",
                    FunctionTraceFormat.line("a_very_long_program", 7, 1, 1_000L, true, "f", null));
        }
    }

    @Nested
    class FunctionGraph {

        @Test
        void headerMatchesDocumentation() {
            // Documentation/trace/ftrace.rst, function_graph section.
            String expected = "# tracer: function_graph\n"
                    + "#\n"
                    + "# CPU  DURATION                  FUNCTION CALLS\n"
                    + "# |     |   |                     |   |   |   |\n";
            assertEquals(expected, GraphTraceFormat.header(true));
            assertEquals(expected, new GraphTraceFormat().header());
        }

        @Test
        void headerWithoutDurationDropsTheColumn() {
            // __print_graph_headers_flags() without TRACE_GRAPH_PRINT_DURATION.
            String expected = "# tracer: function_graph\n"
                    + "#\n"
                    + "# CPU               FUNCTION CALLS\n"
                    + "# |                 |   |   |   |\n";
            assertEquals(expected, GraphTraceFormat.header(false));
            assertEquals(expected, new GraphTraceFormat(false, false).header());
        }

        @Test
        void callTreeMatchesDocumentation() {
            // Documentation/trace/ftrace.rst sample (CPU 0 of a small SMP box).
            GraphTraceFormat f = new GraphTraceFormat(true, false, 2);
            assertEquals(" 0)               |  sys_open() {", f.entry(0, 0, "sys_open"));
            assertEquals(" 0)               |    do_sys_open() {", f.entry(0, 1, "do_sys_open"));
            assertEquals(" 0)   1.382 us    |          __might_sleep();", f.leaf(0, 4, "__might_sleep", 1_382));
            assertEquals(" 0)   2.478 us    |        }", f.exit(0, 3, 2_478, "kmem_cache_alloc"));
            assertEquals(" 0)   2.553 us    |          }", f.exit(0, 4, 2_553, "might_fault"));
            assertEquals(" 0)   7.876 us    |      }", f.exit(0, 2, 7_876, "getname"));
            assertEquals(" 0)               |      alloc_fd() {", f.entry(0, 2, "alloc_fd"));
            assertEquals(" 0)   0.668 us    |        _spin_lock();", f.leaf(0, 3, "_spin_lock", 668));
        }

        @Test
        void overheadMarksMatchDocumentation() {
            // Documentation/trace/ftrace.rst, funcgraph-overhead example (a 4-CPU box).
            GraphTraceFormat tail = new GraphTraceFormat(true, true, 4);
            GraphTraceFormat plain = new GraphTraceFormat(true, false, 4);
            assertEquals(" 3) # 1837.709 us |          } /* __switch_to */",
                    tail.exit(3, 4, 1_837_709, "__switch_to"));
            assertEquals(" 3)   0.313 us    |            _raw_spin_unlock_irq();",
                    plain.leaf(3, 5, "_raw_spin_unlock_irq", 313));
            assertEquals(" 3) ! 140.417 us  |      } /* __schedule */",
                    tail.exit(3, 2, 140_417, "__schedule"));
            assertEquals(" 3) * 33998.59 us |  } /* schedule_preempt_disabled */",
                    tail.exit(3, 0, 33_998_590, "schedule_preempt_disabled"));
            assertEquals(" 1) + 61.770 us   |            }", plain.exit(1, 5, 61_770, "x"));
            assertEquals(" 1) ! 217.240 us  |        }", plain.exit(1, 3, 217_240, "x"));
            assertEquals(" 1) @ 119760.2 us |  }", plain.exit(1, 0, 119_760_200, "x"));
            assertEquals(" 2) $ 3594274 us  |  }", plain.exit(2, 0, 3_594_274_000L, "x"));
        }

        @Test
        void briefExamples() {
            GraphTraceFormat f = new GraphTraceFormat();
            assertEquals(" 0)               |  fib() {", f.entry(0, 0, "fib"));
            assertEquals(" 0)   0.125 us    |    leaf();", f.leaf(0, 1, "leaf", 125));
            assertEquals(" 0)   1.002 us    |  }", f.exit(0, 0, 1_002, "fib"));
            assertEquals(" 0)               |  } /* fib (unwound) */", f.unwound(0, 0, "fib"));
        }

        @Test
        void withoutDurationsTheColumnIsDropped() {
            GraphTraceFormat f = new GraphTraceFormat(false, false);
            assertEquals(" 0) fib() {", f.entry(0, 0, "fib"));
            assertEquals(" 0)   leaf();", f.leaf(0, 1, "leaf", 125));
            assertEquals(" 0) }", f.exit(0, 0, 1_002, "fib"));
            assertEquals(" 0)   } /* fib (unwound) */", f.unwound(0, 1, "fib"));
            assertEquals(" 0) } /* fib */", new GraphTraceFormat(false, true).exit(0, 0, 1_002, "fib"));
        }

        @Test
        void cpuColumnIsPaddedToWidestCpuId() {
            // print_graph_cpu(): " %*d) " with the width of nr_cpu_ids - 1.
            GraphTraceFormat f = new GraphTraceFormat(true, false, 16);
            assertEquals("  3)               |  fib() {", f.entry(3, 0, "fib"));
            assertEquals(" 12)               |  fib() {", f.entry(12, 0, "fib"));
            assertEquals(" 9) f() {", new GraphTraceFormat(false, false, 10).entry(9, 0, "f"));
        }

        @Test
        void durationTextFollowsTracePrintGraphDuration() {
            assertEquals("0.000 us    ", GraphTraceFormat.duration(0));
            assertEquals("0.125 us    ", GraphTraceFormat.duration(125));
            assertEquals("1837.709 us ", GraphTraceFormat.duration(1_837_709));
            assertEquals("33998.59 us ", GraphTraceFormat.duration(33_998_599)); // truncated, not rounded
            assertEquals("119760.2 us ", GraphTraceFormat.duration(119_760_299));
            assertEquals("3594274 us  ", GraphTraceFormat.duration(3_594_274_999L));
            assertEquals("12345678 us ", GraphTraceFormat.duration(12_345_678_000L));
        }

        @Test
        void overheadMarkBoundsAreExclusive() {
            assertEquals(' ', GraphTraceFormat.overheadMark(10_000));
            assertEquals('+', GraphTraceFormat.overheadMark(10_001));
            assertEquals('+', GraphTraceFormat.overheadMark(100_000));
            assertEquals('!', GraphTraceFormat.overheadMark(100_001));
            assertEquals('#', GraphTraceFormat.overheadMark(1_000_001));
            assertEquals('*', GraphTraceFormat.overheadMark(10_000_001));
            assertEquals('@', GraphTraceFormat.overheadMark(100_000_001));
            assertEquals('@', GraphTraceFormat.overheadMark(1_000_000_000));
            assertEquals('$', GraphTraceFormat.overheadMark(1_000_000_001));
        }

        @Test
        void rejectsNegativeDepth() {
            assertThrows(IllegalArgumentException.class, () -> new GraphTraceFormat().entry(0, -1, "f"));
        }
    }

    @Nested
    class Profile {

        @Test
        void headersMatchFunctionStatHeaders() {
            assertEquals("  Function                               Hit    Time            Avg             s^2\n"
                    + "  --------                               ---    ----            ---             ---\n",
                    ProfileFormat.header());
            assertEquals("  Function                               Hit\n"
                    + "  --------                               ---\n",
                    ProfileFormat.headerHitsOnly());
        }

        /**
         * A sum of squares for which function_stat_show computes the given
         * stddev value (the number it hands to the duration printer, so
         * 8834 is shown as "8.834 us"): solves
         * (n*S - T^2) / (n*(n-1)*1000) = stddev for S, aiming at the middle
         * of the interval that truncates to stddev.
         */
        private static double sumOfSquaresGiving(long hits, long totalNs, long stddev) {
            BigInteger n = BigInteger.valueOf(hits);
            BigInteger t = BigInteger.valueOf(totalNs);
            BigInteger denominator = n.multiply(n.subtract(BigInteger.ONE)).multiply(BigInteger.valueOf(1000));
            BigInteger target = BigInteger.valueOf(stddev).multiply(denominator)
                    .add(denominator.shiftRight(1)).add(t.multiply(t));
            return target.divide(n).doubleValue();
        }

        @Test
        void rowMatchesLinuxSampleWithTrailingPadding() {
            // trace_stat/function0 posted to LKML (trailing spaces preserved there).
            long total = 19_292_520;
            double sumSq = sumOfSquaresGiving(13_217, total, 8_834);
            assertEquals("  call_rcu_tasks_iw_wakeup             13217    19292.52 us     1.459 us        8.834 us    ",
                    ProfileFormat.row("call_rcu_tasks_iw_wakeup", 13_217, total, sumSq));
        }

        @Test
        void rowMatchesDocumentationSample() {
            // Documentation/trace/ftrace.rst, function profiler ("head trace_stat/function*").
            long total = 2_788_479_000L;
            double sumSq = sumOfSquaresGiving(955_912, total, 3_734_541_000L);
            assertEquals("  tcp_sendmsg                         955912    2788479 us      2.917 us        3734541 us",
                    ProfileFormat.row("tcp_sendmsg", 955_912, total, sumSq).stripTrailing());
        }

        @Test
        void longNamesAreCutTo30() {
            // "%-30.30s": rcu_preempt_deferred_qs_handler is shown without its last letter.
            long total = 182_650_300;
            double sumSq = sumOfSquaresGiving(838_746, total, 4);
            assertEquals("  rcu_preempt_deferred_qs_handle      838746    182650.3 us     0.217 us        0.004 us",
                    ProfileFormat.row("rcu_preempt_deferred_qs_handler", 838_746, total, sumSq).stripTrailing());
        }

        @Test
        void singleHitHasZeroVariance() {
            assertEquals("  main                                     1    5.000 us        5.000 us        0.000 us    ",
                    ProfileFormat.row(new ProfileFormat.Entry("main", 1, 5_000, 25_000_000.0)));
        }

        @Test
        void varianceIsSampleVarianceInMicrosecondsSquared() {
            // Durations 1 us and 3 us: mean 2 us, s^2 = 2 us^2 -> printed as "2.000".
            assertEquals(2_000, ProfileFormat.variance(2, 4_000, 1_000_000.0 + 9_000_000.0));
        }

        @Test
        void hitsOnlyRow() {
            // "  %-30.30s  %10lu"
            assertEquals("  schedule                               821",
                    ProfileFormat.rowHitsOnly("schedule", 821));
        }

        @Test
        void rejectsZeroHits() {
            assertThrows(IllegalArgumentException.class, () -> ProfileFormat.rowHitsOnly("f", 0));
        }

        @Test
        void sortIsDescendingWithLaterFirstHitFirstAmongTies() {
            ProfileFormat.Entry a = new ProfileFormat.Entry("a", 3, 5_000, 0);
            ProfileFormat.Entry b = new ProfileFormat.Entry("b", 1, 9_000, 0);
            ProfileFormat.Entry c = new ProfileFormat.Entry("c", 3, 5_000, 0);
            ProfileFormat.Entry d = new ProfileFormat.Entry("d", 7, 1_000, 0);
            List<ProfileFormat.Entry> firstHitOrder = List.of(a, b, c, d);
            assertEquals(List.of(b, c, a, d), ProfileFormat.sort(firstHitOrder, true));
            assertEquals(List.of(d, c, a, b), ProfileFormat.sort(firstHitOrder, false));
        }
    }
}
