package io.ferbench.cli;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.arch.Stem;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ModelStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferbench architectures}: parameters and multiply-accumulates of every architecture, from the IR. */
@Command(name = "architectures",
        description = "List the architectures with their parameter and multiply-accumulate counts for an input shape.")
final class ArchitecturesCommand implements Callable<Integer> {
    @Option(names = "--channels", defaultValue = "1", description = "input channels (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--size", defaultValue = "48", description = "input height and width (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--classes", defaultValue = "7", description = "number of classes (default: ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--stem", defaultValue = "standard",
            description = "standard (torchvision's) or small (first convolution at stride 1, no max-pool) "
                    + "(default: ${DEFAULT-VALUE})")
    String stem;

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (channels < 1 || size < 16 || classes < 2) {
            throw new IllegalArgumentException("--channels must be >= 1, --size >= 16 and --classes >= 2 (got "
                    + channels + ", " + size + ", " + classes + ")");
        }
        Stem chosen = Stem.of(stem);
        List<List<String>> rows = new ArrayList<>();
        for (String name : Architectures.names()) {
            ModelGraph graph = Architectures.build(name, channels, size, classes, 1.0, chosen);
            ModelStats stats = ModelStats.of(graph);
            rows.add(List.of(name, Long.toString(stats.parameters()), Long.toString(stats.macs())));
        }
        Rows.print(spec.commandLine().getOut(), format, List.of("architecture", "params", "macs"), rows);
        return 0;
    }
}
