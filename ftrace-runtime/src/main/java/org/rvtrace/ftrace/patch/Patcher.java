package org.rvtrace.ftrace.patch;

import java.util.List;

import org.rvtrace.ftrace.asm.Asm;
import org.rvtrace.ftrace.asm.Trampolines;
import org.rvtrace.ftrace.ops.FtraceOps;
import org.rvtrace.ftrace.ops.OpsFlags;
import org.rvtrace.ftrace.ops.OpsTable;
import org.rvtrace.ftrace.site.PatchSite;
import org.rvtrace.language.isa.Encode;
import org.rvtrace.language.memory.GuestMemory;

/**
 * Writes patch sites, in the order FTRACE-DESIGN.md section 2 prescribes, through guest
 * memory's host store path (so the translated code of exactly the overlapped blocks is
 * invalidated, as when guest code stores into its text). With a literal every change is one
 * aligned 8-byte store and/or one aligned 4-byte store, each single-copy atomic: a hart
 * running through the site sees the old or the new state, both valid.
 */
public final class Patcher {
    private final GuestMemory mem;
    private final Scheme scheme;
    private final Trampolines.Code code;
    private final OpsTable table;
    /** Counters for tests and --ftrace-sites: stores of each kind so far. */
    private long literalStores;
    private long insnStores;

    public Patcher(GuestMemory mem, Scheme scheme, Trampolines.Code code, OpsTable table) {
        this.mem = mem;
        this.scheme = scheme;
        this.code = code;
        this.table = table;
    }

    /**
     * At load, as ftrace_init does: with a literal, literal := &amp;ftrace_nop_ops, then
     * auipc t0 + nop; without, two 4-byte nops.
     */
    public void init(PatchSite site) {
        if (scheme.hasLiteral()) {
            storeLiteral(site, table.nopOps());
            mem.writeIntAtomic(site.auipcAddress(), Encode.auipc(Asm.T0, Asm.split(code.ftraceCaller() - site.function())[0]));
        } else {
            mem.writeIntAtomic(site.auipcAddress(), Encode.NOP);
        }
        mem.writeIntAtomic(site.jalrAddress(), Encode.NOP);
        site.target = code.ftraceCaller();
    }

    /** Makes the site call exactly the given ops (none: disable). */
    public void update(PatchSite site, List<FtraceOps> ops) {
        site.ops = List.copyOf(ops);
        if (ops.isEmpty()) {
            if (site.enabled) {
                if (scheme.hasLiteral()) {
                    storeLiteral(site, table.nopOps());
                    storeInsn(site.jalrAddress(), Encode.NOP);
                } else {
                    // Not atomic: Linux parks every CPU (stop_machine) around this.
                    storeInsn(site.jalrAddress(), Encode.NOP);
                    storeInsn(site.auipcAddress(), Encode.NOP);
                }
                site.enabled = false;
            }
            return;
        }
        if (!scheme.hasLiteral()) {
            if (!site.enabled) {
                long[] split = Asm.split(code.ftraceCaller() - site.function());
                storeInsn(site.auipcAddress(), Encode.auipc(Asm.T0, split[0]));
                storeInsn(site.jalrAddress(), Encode.jalr(Asm.T0, Asm.T0, split[1]));
                site.enabled = true;
            }
            return;
        }
        FtraceOps only = ops.size() == 1 ? ops.get(0) : null;
        long literal = only != null && !only.needsWrapper() ? only.address() : table.listOps();
        if (literal != site.literal) {
            storeLiteral(site, literal);
        }
        long target = trampoline(only);
        int jalr = jalrTo(site, target);
        if (jalr == 0) {
            target = code.ftraceCaller();
            jalr = jalrTo(site, target);
        }
        if (!site.enabled || target != site.target) {
            storeInsn(site.jalrAddress(), jalr);
            site.enabled = true;
            site.target = target;
        }
    }

    /** The 2023 layout picks a trampoline per site; the merged one always uses ftrace_caller. */
    private long trampoline(FtraceOps only) {
        if (scheme != Scheme.CALL_OPS_2023 || only == null) {
            return code.ftraceCaller();
        }
        if ((only.flags & OpsFlags.DIRECT) != 0 && only.directCall != 0) {
            return code.directCaller();
        }
        if ((only.flags & OpsFlags.SAVE_REGS) != 0) {
            return code.regsCaller();
        }
        return code.ftraceCaller();
    }

    /**
     * jalr t0, lo(t0) reaching target from the site's auipc (written at init for
     * ftrace_caller, never again); 0 when target is out of jalr reach from there.
     */
    private int jalrTo(PatchSite site, long target) {
        long hi = Asm.split(code.ftraceCaller() - site.function())[0];
        long lo = target - (site.auipcAddress() + hi);
        if (lo < -2048 || lo > 2047) {
            return 0;
        }
        return Encode.jalr(Asm.T0, Asm.T0, lo);
    }

    private void storeLiteral(PatchSite site, long value) {
        mem.writeLongAtomic(site.literalAddress(), value);
        site.literal = value;
        literalStores++;
    }

    private void storeInsn(long at, int insn) {
        mem.writeIntAtomic(at, insn);
        insnStores++;
    }

    public long literalStores() {
        return literalStores;
    }

    public long insnStores() {
        return insnStores;
    }

    public Scheme scheme() {
        return scheme;
    }
}
