package io.ferbench.cli;

import io.ferbench.api.backend.BackendCatalog;
import io.ferbench.api.backend.BackendDescriptor;
import io.ferbench.runner.WorkerClasspath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferbench backends}: the installed backends as their descriptors declare them (no backend is loaded), with
 * the settings a suite may give each one, and every backend folder that could not be read.
 */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the installed backends: id, name, devices, and the backend_settings each accepts.",
        exitCodeList = {"0:listed", "1:no backend descriptor found", "2:invalid input (an argument)"})
final class BackendsCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        WorkerClasspath classpath = WorkerClasspath.detect();
        BackendCatalog catalog = classpath.catalog();
        List<String> installed = classpath.installedBackends();
        List<List<String>> rows = new ArrayList<>();
        for (BackendDescriptor d : catalog.descriptors()) {
            rows.add(List.of(d.id(), d.name(), installed.contains(d.id()) ? "yes" : "no (engine missing)",
                    d.devices().stream().map(Object::toString).collect(Collectors.joining(",")), settings(d)));
        }
        Rows.print(spec.commandLine().getOut(), format, List.of("backend", "name", "installed", "devices", "settings"),
                rows);
        for (Map.Entry<String, String> problem : catalog.problems().entrySet()) {
            spec.commandLine().getErr().println("warning: " + problem.getKey() + ": " + problem.getValue());
        }
        spec.commandLine().getErr().flush();
        return catalog.descriptors().isEmpty() ? 1 : 0;
    }

    /** {@code interop_threads (integer >= 1, default 1); cudnn_benchmark (boolean, default false)}. */
    private static String settings(BackendDescriptor d) {
        if (d.settings().isEmpty()) return "none";
        return d.settings().stream().map(s -> s.name() + " (" + s.type() + (s.min() == null ? "" : " >= " + s.min())
                + (s.defaultValue() == null ? "" : ", default " + s.defaultValue()) + ")")
                .collect(Collectors.joining("; "));
    }
}
