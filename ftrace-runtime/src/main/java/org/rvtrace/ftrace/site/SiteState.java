package org.rvtrace.ftrace.site;

/** Whether a patch site can be used, and if not, why (shown by --ftrace-sites). */
public enum SiteState {
    OK("ok"),
    /** The literal slot is not 8-aligned: it could not be written in one atomic store (GCC PR 88345). */
    MISALIGNED_LITERAL("misaligned literal"),
    /** The patched instruction at symbol+4 is not 4-aligned. */
    MISALIGNED_INSN("misaligned instruction"),
    /** The 16 bytes are not the NOPs the compiler emits (already patched, or not built so). */
    FOREIGN_BYTES("foreign bytes"),
    /** The recorded address is not in the program's executable code. */
    NOT_IN_TEXT("not in text"),
    /** The same area is recorded twice. */
    DUPLICATE("duplicate"),
    /** The trampoline is out of auipc+jalr reach. */
    OUT_OF_REACH("trampoline out of reach");

    public final String text;

    SiteState(String text) {
        this.text = text;
    }
}
