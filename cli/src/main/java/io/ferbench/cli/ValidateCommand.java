package io.ferbench.cli;

import io.ferbench.suite.SuitePlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ferbench validate SUITE...}: checks suites without running anything. */
@Command(name = "validate", description = "Check suite files: keys, types, ranges, names. Runs nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SUITE", description = "suite YAML files")
    Path[] suites;

    @Mixin MatrixOverrideOptions matrix;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        for (Path suite : suites) {
            SuitePlan plan = matrix.plan(suite);
            spec.commandLine().getOut().printf("%s: valid suite '%s', %d cell%s%n", suite, plan.name(),
                    plan.cells().size(), plan.cells().size() == 1 ? "" : "s");
        }
        return 0;
    }
}
