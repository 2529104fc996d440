package org.rvtrace.ftrace.site;

/**
 * The patch areas GCC leaves for RV64 (FTRACE-DESIGN.md section 1): 8 bytes before the
 * symbol for the ops literal, 8 bytes at it for auipc + nop/jalr. Only the instruction
 * width of the NOPs differs.
 */
public enum SiteLayout {
    /** rv64gc, -fpatchable-function-entry=8,4: four 2-byte c.nop before the symbol, four after. */
    RV64C("rv64c", 2, 0x0001),
    /** rv64g, -fpatchable-function-entry=4,2: two 4-byte nop before, two after. */
    RV64("rv64", 4, 0x00000013);

    public static final int BYTES_BEFORE = 8;
    public static final int BYTES_AT = 8;

    public final String label;
    public final int nopBytes;
    public final int nop;

    SiteLayout(String label, int nopBytes, int nop) {
        this.label = label;
        this.nopBytes = nopBytes;
        this.nop = nop;
    }

    /** The layout whose NOPs fill all 16 bytes, or null when they are something else. */
    static SiteLayout of(byte[] area) {
        for (SiteLayout layout : values()) {
            if (layout.filled(area)) {
                return layout;
            }
        }
        return null;
    }

    private boolean filled(byte[] area) {
        for (int i = 0; i < area.length; i += nopBytes) {
            int v = 0;
            for (int k = 0; k < nopBytes; k++) {
                v |= (area[i + k] & 0xff) << (8 * k);
            }
            if (v != nop) {
                return false;
            }
        }
        return true;
    }
}
