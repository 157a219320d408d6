package io.ferbench.runner;

import io.ferbench.worker.env.EnvironmentProbe;
import java.util.Locale;

/**
 * The worker JVM's heap: the {@code --worker-heap} value, or a quarter of the machine's memory, as the maximum;
 * a young generation of fixed size (see {@link #youngMib}).
 */
public final class WorkerHeap {
    private static final long KIB = 1024;
    /**
     * The young generation: small against what a cell allocates before its second epoch (preparing the dataset,
     * building the model), so that it has been written whole by then and training reuses resident pages.
     */
    static final long YOUNG_MIB = 32;

    private WorkerHeap() {}

    /** A quarter of the machine's memory, between 1 and 16 GiB: the rest is for native engine memory. */
    static long defaultMib() {
        long total = EnvironmentProbe.memoryMb();
        if (total <= 0) return 2048;
        return Math.max(1024, Math.min(16 * 1024, total / 4));
    }

    /**
     * The young generation (-Xmn) for a heap of at most {@code maxMib}: {@link #YOUNG_MIB}, or a quarter of a
     * smaller heap. G1 would size it by itself, up to 60 % of the heap (230 MiB of a 388 MiB one), and a training
     * loop that allocates a few MiB an epoch then writes to pages it never touched before for tens of epochs:
     * resident memory that grows like a leak.
     */
    static long youngMib(long maxMib) {
        return Math.max(1, Math.min(YOUNG_MIB, maxMib / 4));
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
