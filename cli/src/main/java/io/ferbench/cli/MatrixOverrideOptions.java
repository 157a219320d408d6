package io.ferbench.cli;

import io.ferbench.suite.MatrixOverrides;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --only} and {@code --set}, shared by run, plan and validate so that all three see the same cells. */
final class MatrixOverrideOptions {
    @Option(names = "--only", paramLabel = "KEY=V1[,V2]",
            description = "keep only the cells whose matrix key KEY has one of these values (and the cells they start "
                    + "from); repeatable, for example --only architecture=resnet18 --only backend=djl,tensorflow")
    List<String> only = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "give every cell this value of the matrix key KEY, as if the suite's matrix said so; "
                    + "repeatable, for example --set epochs=1")
    List<String> set = new ArrayList<>();

    MatrixOverrides overrides() {
        return MatrixOverrides.of(only, set);
    }

    /** The suite's plan with these overrides. */
    SuitePlan plan(Path suite) {
        return Suites.plan(suite, overrides());
    }
}
