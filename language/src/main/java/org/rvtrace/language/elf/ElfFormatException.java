package org.rvtrace.language.elf;

/** The input is not an ELF file rvtrace can run; the message says why, in one line. */
public final class ElfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ElfFormatException(String message) {
        super(message);
    }
}
