package org.rvtrace.language.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StraceTest {
    private static String call(String name, String spec, long... args) {
        return Strace.call(null, name, spec, args);
    }

    @Test
    void flagsAreSpelledOut() {
        assertEquals("openat(AT_FDCWD,NULL,O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC,0640)",
                        call("openat", "FsON", -100, 0, 2 | 0x40 | 0x80 | 0x80000, 0640));
        assertEquals("openat(3,NULL,O_RDONLY)", call("openat", "FsON", 3, 0, 0, 0777));
        assertEquals("mmap(NULL,4096,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0)",
                        call("mmap", "puPmil", 0, 4096, 3, 0x22, -1, 0));
        assertEquals("mprotect(0x1000,4096,PROT_NONE)", call("mprotect", "puP", 0x1000, 4096, 0));
        assertEquals("fcntl(3,F_SETFL,O_RDWR|O_APPEND)", call("fcntl", "iTY", 3, 4, 0x402));
        assertEquals("fcntl(3,F_GETFD)", call("fcntl", "iTY", 3, 1, 99));
        assertEquals("tgkill(1000,1000,SIGABRT)", call("tgkill", "iiS", 1000, 1000, 6));
        assertEquals("faccessat(AT_FDCWD,NULL,R_OK|W_OK)", call("faccessat", "FsK", -100, 0, 6));
    }

    @Test
    void resultsAndErrors() {
        assertEquals("3", Strace.result(SyscallTable.Result.DECIMAL, 3));
        assertEquals("-1 errno=2 (ENOENT)", Strace.result(SyscallTable.Result.DECIMAL, -2));
        assertEquals("0x7f000", Strace.result(SyscallTable.Result.HEX, 0x7f000));
        assertEquals("-1 errno=12 (ENOMEM)", Strace.result(SyscallTable.Result.HEX, -12));
        assertEquals("syscall_999(0x1,0x2,0x3,0x0,0x0,0x0)", Strace.unknown(999, new long[]{1, 2, 3, 0, 0, 0}));
        assertEquals("clone(0x0,0x0,0x0,0x0,0x0,0x0)", Strace.unknown(220, new long[6]));
    }

    @Test
    void errnoNames() {
        assertEquals("EAGAIN", Errno.name(11));
        assertEquals("ETIMEDOUT", Errno.name(110));
        assertEquals("EHWPOISON", Errno.name(133));
        assertEquals("E41", Errno.name(41));
    }
}
