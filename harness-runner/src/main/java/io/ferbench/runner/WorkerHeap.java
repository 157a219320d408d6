package io.ferbench.runner;

import io.ferbench.worker.env.EnvironmentProbe;
import java.util.Locale;

/**
 * The worker JVM's heap: the {@code --worker-heap} value, or a quarter of the machine's memory, as the maximum;
 * {@link #INITIAL_MIB} committed and touched from the start (see {@link #initialMib}).
 */
public final class WorkerHeap {
    private static final long KIB = 1024;
    /**
     * The initial heap: the JVM's own default (1/64 of the memory) on the 24 GB machines where the benchmarks
     * were measured, so their garbage collection is unchanged; the quickstart's cells never grew beyond it.
     */
    static final long INITIAL_MIB = 384;

    private WorkerHeap() {}

    /** A quarter of the machine's memory, between 1 and 16 GiB: the rest is for native engine memory. */
    static long defaultMib() {
        long total = EnvironmentProbe.memoryMb();
        if (total <= 0) return 2048;
        return Math.max(1024, Math.min(16 * 1024, total / 4));
    }

    /**
     * The initial heap (-Xms) for a maximum of {@code maxMib}: fixed rather than 1/64 of the machine's memory, so
     * that the pre-touched heap (-XX:+AlwaysPreTouch) costs the same on every machine, and never above the maximum.
     */
    static long initialMib(long maxMib) {
        return Math.min(INITIAL_MIB, maxMib);
    }

    /** The heap in MiB for a JVM size such as {@code 6g} or {@code 512m}; the default for null. */
    public static long mebibytes(String size) {
        if (size == null) return defaultMib();
        String s = size.trim().toLowerCase(Locale.ROOT);
        char unit = s.charAt(s.length() - 1);
        long number = Long.parseLong(Character.isDigit(unit) ? s : s.substring(0, s.length() - 1));
        return switch (unit) {
            case 'g' -> number * KIB;
            case 'm' -> number;
            case 'k' -> Math.max(1, number / KIB);
            default -> Math.max(1, number / (KIB * KIB));
        };
    }
}
