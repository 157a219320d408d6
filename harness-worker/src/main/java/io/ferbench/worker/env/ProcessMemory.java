package io.ferbench.worker.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident memory of this process as the kernel counts it (Java heap, native engine memory, thread
 * stacks and all), read from {@code /proc/self/status}. Returns null where that file does not exist.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** Current resident set size (VmRSS) in MiB. */
    public static Double residentMb() { return field("VmRSS:"); }

    /** Peak resident set size (VmHWM, the high-water mark) in MiB. */
    public static Double peakResidentMb() { return field("VmHWM:"); }

    private static Double field(String name) {
        if (!Files.isReadable(STATUS)) return null;
        try {
            return parse(Files.readAllLines(STATUS), name);
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads a {@code Name:   1234 kB} line of a proc status file, in MiB. */
    static Double parse(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0;
            }
        }
        return null;
    }
}
