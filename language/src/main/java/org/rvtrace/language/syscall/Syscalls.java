package org.rvtrace.language.syscall;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage.Env;

import org.rvtrace.language.RiscvContext;
import org.rvtrace.language.runtime.Hart;

/**
 * The Linux system call interface (RISC-V uses the asm-generic numbers): a7 holds the
 * number, a0..a5 the arguments, and a0 receives the result or -errno. This class owns the
 * process state the calls share (descriptors, file system view, signals, memory map) and
 * dispatches through a {@link SyscallTable} that the topic classes fill:
 * {@link FileSyscalls}, {@link PathSyscalls}, {@link MemorySyscalls}, {@link TimeSyscalls},
 * {@link ProcessSyscalls}, {@link SignalSyscalls}, {@link ResourceSyscalls}.
 */
public final class Syscalls {
    private static final int A0 = 10;
    private static final int A7 = 17;
    private static final int PID = 1000;
    private static final int FALLBACK_ID = 1000;

    final RiscvContext context;
    final Env env;
    final UserMemory user;
    final FdTable fds = new FdTable();
    final FsContext fs;
    final SignalState signals;
    final TimeSyscalls time;
    final MemorySyscalls memory;
    private final Futex futex;
    private final SyscallTable table = new SyscallTable();
    private int uid = -1;
    private int gid = -1;
    /** Lines strace prints after the current call's own line. */
    private final List<String> notes = new ArrayList<>();

    public Syscalls(RiscvContext context) {
        this.context = context;
        this.env = context.env;
        this.user = new UserMemory(context.memory);
        this.fs = new FsContext(env, fds);
        this.signals = new SignalState(this);
        this.time = new TimeSyscalls(this);
        this.memory = new MemorySyscalls(this);
        fds.install(StreamFile.input(env.in()), false, 0);
        fds.install(StreamFile.output("stdout", 1, env.out()), false, 1);
        fds.install(StreamFile.output("stderr", 2, env.err()), false, 2);
        new FileSyscalls(this).register(table);
        new PathSyscalls(this).register(table);
        memory.register(table);
        time.register(table);
        this.futex = new Futex(user, time);
        new ProcessSyscalls(this, futex).register(table);
        new SignalSyscalls(this).register(table);
        new ResourceSyscalls(this).register(table);
    }

    /** Called as the program starts, on its thread: where its heap begins. */
    public void setBrk(long start) {
        memory.setBrk(start);
        time.programStarts();
    }

    /** Wakes up to count threads waiting on the futex word at addr. */
    public void futexWake(long addr, int count) {
        futex.wakeAny(addr, count);
    }

    public int pid() {
        return PID;
    }

    int ppid() {
        return PID - 1;
    }

    /** The host user's id (the owner of /proc/self), so file ownership and getuid agree; 1000 if unknown. */
    public int uid() {
        if (uid < 0) {
            lookUpIds();
        }
        return uid;
    }

    public int gid() {
        if (gid < 0) {
            lookUpIds();
        }
        return gid;
    }

    private synchronized void lookUpIds() {
        if (uid >= 0) {
            return;
        }
        uid = FALLBACK_ID;
        gid = FALLBACK_ID;
        try {
            TruffleFile self = env.getPublicTruffleFile("/proc/self");
            uid = self.getAttribute(TruffleFile.UNIX_UID);
            gid = self.getAttribute(TruffleFile.UNIX_GID);
        } catch (IOException | SecurityException | UnsupportedOperationException | IllegalArgumentException e) {
            // keep the fallback
        }
    }

    /** At context disposal: writes back shared file mappings, closes every descriptor. */
    public void closeAll() {
        memory.writeBackShared();
        fds.closeAll();
    }

    /** A line for strace to print after the current call (signals dropped and the like). */
    void straceNote(String line) {
        if (context.strace) {
            notes.add(line);
        }
    }

    @TruffleBoundary
    public void dispatch(Hart hart) {
        long nr = hart.getX(A7);
        long[] a = {hart.getX(A0), hart.getX(A0 + 1), hart.getX(A0 + 2), hart.getX(A0 + 3), hart.getX(A0 + 4), hart.getX(A0 + 5)};
        SyscallTable.Entry e = table.get(nr);
        String call = null;
        if (context.strace) {
            call = hart.tid + " " + (e == null ? Strace.unknown(nr, a) : Strace.call(user, e.name(), e.args(), a));
            if (e != null && e.result() == SyscallTable.Result.NONE) {
                context.report(call);
            }
        }
        long result;
        boolean done = false;
        try {
            result = e == null ? -Errno.ENOSYS : e.handler().call(hart, a);
            done = true;
        } catch (SyscallError err) {
            result = -err.errno;
            done = true;
        } catch (IOException err) {
            result = -IoErrors.errno(err);
            done = true;
        } catch (SecurityException err) {
            // the embedder's IO policy said no
            result = -Errno.EACCES;
            done = true;
        } catch (UnsupportedOperationException err) {
            result = -Errno.EOPNOTSUPP;
            done = true;
        } finally {
            if (call != null && !done) {
                // The call ends the program (exit, a fatal signal): show it without a result.
                if (e == null || e.result() != SyscallTable.Result.NONE) {
                    context.report(call + " = ?");
                }
                flushNotes();
            }
        }
        if (call != null) {
            context.report(call + " = " + Strace.result(e == null ? SyscallTable.Result.DECIMAL : e.result(), result));
            flushNotes();
        }
        hart.setX(A0, result);
    }

    private void flushNotes() {
        for (String n : notes) {
            context.report(n);
        }
        notes.clear();
    }
}
