package io.ferbench.cli;

import io.ferbench.api.cell.Cell;
import io.ferbench.suite.SuitePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferbench plan SUITE}: the expanded matrix, one line a cell, in run order. */
@Command(name = "plan", description = "Show the cells a suite expands into, in the order they run.")
final class PlanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SUITE", description = "suite YAML file")
    Path suite;

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Mixin MatrixOverrideOptions matrix;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        SuitePlan plan = matrix.plan(suite);
        // Every axis any cell names, in first-seen order, so the CSV has one stable column set.
        Set<String> axes = new LinkedHashSet<>();
        for (Cell c : plan.cells()) axes.addAll(c.axes().keySet());
        List<String> header = new ArrayList<>(List.of("index", "cell"));
        header.addAll(axes);
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : plan.cells()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(c.index()), c.id()));
            for (String axis : axes) {
                Object v = c.axes().get(axis);
                row.add(v == null ? "" : String.valueOf(v));
            }
            rows.add(row);
        }
        if (format == OutputFormat.table) {
            spec.commandLine().getOut().printf("suite '%s': %d cell%s%n", plan.name(), rows.size(), rows.size() == 1 ? "" : "s");
        }
        Rows.print(spec.commandLine().getOut(), format, header, rows);
        return 0;
    }
}
