package io.ferbench.reports.html;

import io.ferbench.worker.CellResults;
import io.ferbench.api.result.CellResult;
import io.ferbench.worker.audit.AuditExamples;
import io.ferbench.worker.data.DatasetPreview;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import io.ferbench.api.cell.Cell;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The results of one suite run as the report reads them: from a run folder on disk ({@link #read}),
 * which may belong to a run still going on or interrupted, or from a run in progress ({@link #of}).
 *
 * @param layout      the run folder, where dataset previews and cached t-SNE embeddings are found
 * @param suite       the suite's name
 * @param description the suite's description, empty when it has none
 * @param yaml        the suite file as run, null when the folder has none
 * @param results     the cells that have a result, in plan order
 * @param unfinished  ids of planned cells without a result (not run yet, running, or interrupted);
 *                    empty when the plan is unknown
 */
public record RunFolder(RunLayout layout, String suite, String description, String yaml, List<CellResult> results,
                        List<String> unfinished) {
    public RunFolder {
        description = description == null ? "" : description;
        results = List.copyOf(results);
        unfinished = List.copyOf(unfinished);
    }

    /** A run the coordinator is making: its plan and the results so far. */
    public static RunFolder of(RunLayout layout, SuitePlan plan, List<CellResult> results) {
        return new RunFolder(layout, plan.name(), plan.description(), plan.yaml(), results,
                unfinished(plan, results));
    }

    /**
     * Every run folder in {@code dir}: {@code dir} itself when it is one (it has {@code cells/} or
     * {@code suite.yaml}), else each of its sub-folders that is one (an {@code --out} folder that holds
     * several suites).
     *
     * @throws IllegalArgumentException when {@code dir} holds no run folder
     */
    public static List<RunFolder> find(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder; give a results folder that 'ferbench run' "
                    + "wrote, such as results/quickstart");
        }
        if (isRunFolder(dir)) return List.of(read(dir));
        List<RunFolder> runs = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(RunFolder::isRunFolder).sorted().toList()) runs.add(read(child));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no ferbench results: a results folder has cells/<cell "
                    + "id>/result.json and suite.yaml (for example results/quickstart), or sub-folders that do");
        }
        return runs;
    }

    /** The run folder {@code dir}: every readable result, the suite file, and the planned cells still missing. */
    public static RunFolder read(Path dir) {
        RunLayout layout = new RunLayout(dir);
        String yaml = null;
        if (Files.isRegularFile(layout.suiteCopy())) {
            try {
                yaml = Files.readString(layout.suiteCopy());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + layout.suiteCopy() + ": " + e.getMessage(), e);
            }
        }
        SuitePlan plan = null;
        if (yaml != null) {
            try {
                plan = Suites.plan(yaml, layout.suiteCopy().toString());
            } catch (RuntimeException e) {
                System.err.println("warning: " + layout.suiteCopy() + " cannot be planned, so cells that have not "
                        + "finished are not listed: " + e.getMessage());
            }
        }
        List<CellResult> results = readResults(layout);
        if (plan != null) return of(layout, plan, inPlanOrder(plan, results));
        String suite = results.isEmpty() ? dir.getFileName().toString() : results.get(0).cell().suite();
        return new RunFolder(layout, suite, "", yaml, results, List.of());
    }

    /** The dataset preview the cell's worker wrote, if it wrote one and it is readable. */
    /** The audit's example groups of a dataset at an image size (empty when the run has none). */
    public List<AuditExamples.Group> auditExamples(String dataset, int imageSize) {
        Path file = layout.auditDir(dataset, imageSize).resolve(AuditExamples.FILE);
        if (!Files.isRegularFile(file)) return List.of();
        try {
            return List.of(JsonFiles.read(file, AuditExamples.Group[].class));
        } catch (RuntimeException e) {
            System.err.println("warning: ignoring " + file + ": " + e.getMessage());
            return List.of();
        }
    }

    public Optional<DatasetPreview> datasetPreview(String cellId) {
        Path file = layout.datasetPreviewFile(cellId);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(JsonFiles.read(file, DatasetPreview.class));
        } catch (RuntimeException e) {
            System.err.println("warning: ignoring " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isRunFolder(Path dir) {
        RunLayout layout = new RunLayout(dir);
        return Files.isDirectory(layout.cellsDir()) || Files.isRegularFile(layout.suiteCopy());
    }

    /** Every readable {@code cells/<id>/result.json}, by plan index, then id. */
    private static List<CellResult> readResults(RunLayout layout) {
        if (!Files.isDirectory(layout.cellsDir())) return List.of();
        List<CellResult> results = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(layout.cellsDir())) {
            for (Path file : dirs.map(d -> d.resolve(RunLayout.RESULT_FILE)).filter(Files::isRegularFile).toList()) {
                try {
                    results.add(CellResults.read(file));
                } catch (RuntimeException e) {
                    // results are written atomically, so this is damage from outside: say so, report the rest
                    System.err.println("warning: ignoring unreadable result " + file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.cellsDir() + ": " + e.getMessage(), e);
        }
        results.sort(Comparator.comparingInt((CellResult r) -> r.cell().index()).thenComparing(CellResult::cellId));
        return results;
    }

    /** Results of the plan's cells in plan order, then any result of a cell the plan no longer has. */
    private static List<CellResult> inPlanOrder(SuitePlan plan, List<CellResult> results) {
        Map<String, CellResult> byId = new LinkedHashMap<>();
        results.forEach(r -> byId.put(r.cellId(), r));
        List<CellResult> ordered = new ArrayList<>();
        for (Cell cell : plan.cells()) {
            CellResult r = byId.remove(cell.id());
            if (r != null) ordered.add(r);
        }
        ordered.addAll(byId.values());
        return ordered;
    }

    private static List<String> unfinished(SuitePlan plan, List<CellResult> results) {
        List<String> done = results.stream().map(CellResult::cellId).toList();
        return plan.cells().stream().map(Cell::id).filter(id -> !done.contains(id)).toList();
    }
}
