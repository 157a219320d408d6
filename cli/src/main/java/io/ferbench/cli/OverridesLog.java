package io.ferbench.cli;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.runner.RunListener;
import io.ferbench.suite.MatrixOverrides;
import io.ferbench.suite.SuitePlan;
import io.ferbench.worker.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records in the run folder the {@code --only} and {@code --set} a run was started with, one line per run
 * ({@value #FILE}: the UTC time, then the arguments), so that results made with a changed matrix say so; a run without
 * overrides adds a line only to a folder that already has the file, since its cells may differ from the earlier ones.
 */
final class OverridesLog implements RunListener {
    static final String FILE = "overrides.log";

    private final MatrixOverrides overrides;

    OverridesLog(MatrixOverrides overrides) {
        this.overrides = overrides;
    }

    @Override public void runStarted(RunLayout layout, SuitePlan plan, List<Cell> toRun, List<CellResult> kept) {
        Path file = layout.suiteDir().resolve(FILE);
        if (overrides.isEmpty() && !Files.exists(file)) return;
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " "
                + (overrides.isEmpty() ? "(no overrides)" : String.join(" ", overrides.arguments())) + "\n";
        try {
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the overrides in " + file + ": " + e.getMessage(), e);
        }
    }
}
