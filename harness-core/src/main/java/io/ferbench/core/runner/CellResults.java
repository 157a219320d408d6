package io.ferbench.core.runner;

import io.ferbench.api.result.CellConfig;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EarlyStoppingConfig;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.core.suite.CellSpec;
import io.ferbench.core.suite.EarlyStoppingSpec;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the parts of a {@link CellResult} that the worker and the coordinator both make. */
public final class CellResults {
    private CellResults() {}

    /** The cell's configuration as its result records it. */
    public static CellConfig config(CellSpec cell) {
        Map<String, String> axes = new LinkedHashMap<>();
        if (cell.axes() != null) cell.axes().forEach((k, v) -> axes.put(k, String.valueOf(v)));
        EarlyStoppingSpec es = cell.earlyStopping() == null ? EarlyStoppingSpec.off() : cell.earlyStopping();
        return new CellConfig(cell.suite(), cell.id(), cell.index(), cell.repeat(), axes, cell.dataset().name(),
                cell.dataset().kind(), cell.dataset().imageSize(), cell.dataset().channels(), cell.dataset().classes(),
                cell.dataset().imagesPerClass(), cell.architecture(), cell.widthMultiplier(), cell.backend(),
                cell.device(), cell.threads(), cell.batchSize(), cell.epochs(), cell.optimizer(),
                new EarlyStoppingConfig(es.enabled(), es.monitor(), es.patience(), es.minDelta(), es.restoreBest()),
                cell.seed(), cell.timeoutSeconds(), cell.backendSettings());
    }

    /** A failed result that carries only the configuration, the error and the times. */
    public static CellResult failed(CellSpec cell, String error, Instant started, Instant finished,
                                    EnvironmentInfo environment) {
        return new CellResult(config(cell), CellStatus.FAILED, error, null, null, null, null, null, null, null,
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
     * The components in which two configurations differ, ignoring the timeout (a resumed run may
     * change it without changing what a cell computes).
     */
    public static List<String> differences(CellConfig a, CellConfig b) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : CellConfig.class.getRecordComponents()) {
            if (c.getName().equals("timeoutSeconds")) continue;
            try {
                Object x = c.getAccessor().invoke(a);
                Object y = c.getAccessor().invoke(b);
                if (!Objects.equals(x, y)) names.add(c.getName() + " (" + x + " before, " + y + " now)");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of a cell configuration", e);
            }
        }
        return names;
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
