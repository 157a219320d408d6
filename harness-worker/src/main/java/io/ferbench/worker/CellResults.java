package io.ferbench.worker;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EnvironmentInfo;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds the parts of a {@link CellResult} that the worker and the coordinator both make. */
public final class CellResults {
    private CellResults() {}

    /**
     * Reads a cell's {@code result.json}; a file without its cell (written before results carried the typed cell, or
     * damaged) is an error that says so, so callers skip it and run the cell again rather than fail later.
     */
    public static CellResult read(java.nio.file.Path file) {
        CellResult r = JsonFiles.read(file, CellResult.class);
        if (r.cell() == null || r.cell().id() == null || r.status() == null) {
            throw new IllegalStateException("it holds no cell: written by an older ferbench (before results carried "
                    + "the typed cell) or damaged; run that cell again");
        }
        return r;
    }

    /** A failed result that carries only the configuration, the error and the times. */
    public static CellResult failed(Cell cell, String error, Instant started, Instant finished,
                                    EnvironmentInfo environment) {
        return new CellResult(cell, CellStatus.FAILED, error, null, null, null, null, null, null, null,
                environment, null, started.toString(), finished.toString(), seconds(started, finished));
    }

    /** The time to record: millisecond precision is plenty and easier to read. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /**
     * The settings in which two cells differ, as {@code training.optimizer.learningRate (0.001 before, 0.002 now)},
     * ignoring the time limit (a resumed run may change it without changing what a cell computes).
     */
    public static List<String> differences(Cell before, Cell now) {
        List<String> names = new ArrayList<>();
        compare("", before, now, names);
        // the axes are the typed fields again, as text: name them only when nothing else differs
        if (names.stream().anyMatch(n -> !n.startsWith("axes."))) names.removeIf(n -> n.startsWith("axes."));
        return names;
    }

    private static void compare(String path, Object a, Object b, List<String> names) {
        if (Objects.equals(a, b) || path.equals("execution.timeoutSeconds")) return;
        if (a != null && b != null && a.getClass().isRecord() && a.getClass() == b.getClass()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    compare(path.isEmpty() ? c.getName() : path + "." + c.getName(), c.getAccessor().invoke(a),
                            c.getAccessor().invoke(b), names);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + path, e);
                }
            }
        } else if (a instanceof java.util.Map<?, ?> ma && b instanceof java.util.Map<?, ?> mb) {
            java.util.Set<Object> keys = new java.util.TreeSet<>(java.util.Comparator.comparing(String::valueOf));
            keys.addAll(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object key : keys) compare(path + "." + key, ma.get(key), mb.get(key), names);
        } else {
            names.add(path + " (" + a + " before, " + b + " now)");
        }
    }

    /** One line that says what went wrong: the message, with the exception type when it adds meaning. */
    public static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        Throwable cause = t;
        for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
            if (depth > 0) s.append("; caused by ");
            String message = cause.getMessage();
            boolean obvious = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException;
            if (message == null || message.isBlank()) {
                s.append(cause.getClass().getName());
            } else if (obvious && depth == 0) {
                s.append(message);
            } else {
                s.append(cause.getClass().getSimpleName()).append(": ").append(message);
            }
            if (cause.getCause() == cause) break;
        }
        return s.toString();
    }
}
