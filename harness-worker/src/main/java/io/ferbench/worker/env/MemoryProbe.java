package io.ferbench.worker.env;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Reads the worker's memory at the end of an epoch: the process's resident set (everything), the committed Java heap
 * (the part the JVM's collector holds, which grows as it expands the heap) and, where the backend exposes it, its
 * engine's native allocations. Together they tell a leak in the engine from a heap that is still growing.
 */
public final class MemoryProbe {
    /** One reading, in MiB; a part is null where it is unknown. */
    public record Sample(Double rssMb, Double heapMb, Double nativeMb) {}

    private static final double MIB = 1024.0 * 1024.0;
    private final Supplier<OptionalLong> nativeBytes;

    private MemoryProbe(Supplier<OptionalLong> nativeBytes) {
        this.nativeBytes = nativeBytes;
    }

    /** The process and the heap only. */
    public static MemoryProbe processOnly() { return new MemoryProbe(OptionalLong::empty); }

    /** The process, the heap and what {@code nativeBytes} counts (a backend's {@code nativeBytes()}). */
    public static MemoryProbe withNative(Supplier<OptionalLong> nativeBytes) { return new MemoryProbe(nativeBytes); }

    public Sample sample() {
        OptionalLong engine = nativeBytes.get();
        return new Sample(ProcessMemory.residentMb(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / MIB,
                engine.isPresent() ? engine.getAsLong() / MIB : null);
    }
}
