package io.ferbench.runner;

import io.ferbench.worker.ParentWatchdog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Explains why a worker ended without writing a result, for the failed cell's (or benchmark fork's) error. */
public final class WorkerExit {
    /** The JVM's exit status on {@code -XX:+ExitOnOutOfMemoryError}, which every worker runs with. */
    static final int OUT_OF_MEMORY = 3;
    static final int TAIL_LINES = 20;
    private static final int TAIL_BYTES = 16 * 1024;

    private WorkerExit() {}

    /**
     * @param exitCode        the worker's exit status (128 + n for a signal, as the JDK reports it)
     * @param timeoutSeconds  the limit that was exceeded, or 0 when it did not time out
     * @param stderr          the worker's standard error file
     * @param cellDir         the worker's folder (a JVM crash report would be there)
     */
    public static String describe(int exitCode, long timeoutSeconds, Path stderr, Path cellDir) {
        return describe("the cell", exitCode, timeoutSeconds, stderr, cellDir);
    }

    /** As {@link #describe(int, long, Path, Path)}, for a worker that ran {@code subject} ("the cell", "the fork"). */
    public static String describe(String subject, int exitCode, long timeoutSeconds, Path stderr, Path cellDir) {
        String tail = tail(stderr, TAIL_LINES);
        StringBuilder s = new StringBuilder();
        if (timeoutSeconds > 0) {
            s.append("timeout: ").append(subject).append(" ran longer than its limit of ").append(timeoutSeconds)
                    .append(" s and its worker was killed");
        } else if (exitCode == OUT_OF_MEMORY || tail.contains("java.lang.OutOfMemoryError")) {
            s.append("out of memory: the worker's Java heap is exhausted (exit status ").append(exitCode)
                    .append("); give it more with --worker-heap");
        } else if (exitCode == ParentWatchdog.EXIT_STATUS) {
            s.append("the worker stopped itself (exit status ").append(exitCode)
                    .append("): it found its coordinator gone");
        } else if (exitCode > 128) {
            int signal = exitCode - 128;
            s.append("the worker was killed by signal ").append(signal).append(signalName(signal));
        } else {
            s.append("the worker exited with status ").append(exitCode).append(" without writing a result");
        }
        crashReport(cellDir).ifPresent(f -> s.append("; JVM crash report: ").append(f));
        if (!tail.isEmpty()) s.append("\nlast lines of ").append(stderr.getFileName()).append(":\n").append(tail);
        return s.toString();
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> " (SIGKILL; the kernel's out-of-memory killer also ends processes this way)";
            case 6 -> " (SIGABRT: a native crash)";
            case 11 -> " (SIGSEGV: a native crash)";
            case 15 -> " (SIGTERM)";
            case 2 -> " (SIGINT)";
            case 1 -> " (SIGHUP)";
            default -> "";
        };
    }

    private static java.util.Optional<Path> crashReport(Path cellDir) {
        if (!Files.isDirectory(cellDir)) return java.util.Optional.empty();
        try (Stream<Path> s = Files.list(cellDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("hs_err_pid")).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The last {@code lines} lines of a text file (at most its last 16 KiB), or "" when absent. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) return "";
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            if (start > 0 && !all.isEmpty()) all = all.subList(1, all.size()); // first line is cut
            List<String> nonBlank = all.stream().filter(l -> !l.isBlank()).toList();
            return String.join("\n", nonBlank.subList(Math.max(0, nonBlank.size() - lines), nonBlank.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
