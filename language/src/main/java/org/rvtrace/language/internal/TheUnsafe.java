package org.rvtrace.language.internal;

import java.lang.reflect.Field;

import sun.misc.Unsafe;

/**
 * sun.misc.Unsafe, for the two places that need raw access: guest memory (off-heap, one
 * reservation) and the interpreter's register access by field offset. Not exported.
 */
public final class TheUnsafe {
    public static final Unsafe UNSAFE = load();

    private TheUnsafe() {
    }

    private static Unsafe load() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
