package io.ferbench.reports.html;

import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.result.BuildInfo;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.reports.ResultsTable;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Section 1: what was run, when, where and with what: each suite (with its YAML and the commands that
 * run it again), the machines (CPU, cores, memory, GPUs), the JVMs and the backends with their native
 * versions, and how many cells ended in each state.
 */
final class Header {
    /**
     * One run folder.
     *
     * @param planned   cells in the suite's plan (0 when the plan is unknown)
     * @param commands  how to run the suite again, resume it, and rebuild this report
     */
    record Run(int number, String suite, String description, String folder, String started, String finished,
               int results, int planned, List<String> unfinished, String yaml, List<String> commands) {}

    record Machine(String cpu, int cores, double memoryGib, List<String> gpus, String os, int cells) {}

    record Backend(String id, String framework, String nativeVersion, List<String> devices, String configuration) {}

    /**
     * @param counts   cells per status ({@code ok}, {@code diverged}, {@code failed}) and {@code unfinished}
     * @param setup    the machine and backends in one line, the summary of their collapsed details
     * @param ferbench the ferbench builds that produced the results (version, commit, uncommitted changes)
     */
    record View(String title, String generated, Map<String, Integer> counts, List<Run> runs, List<Machine> machines,
                List<String> jvms, List<Backend> backends, String setup, List<String> ferbench) {}

    private Header() {}

    static View of(List<RunFolder> runs, List<ReportCell> cells, Instant generated) {
        List<Run> runViews = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) runViews.add(run(i + 1, runs.get(i)));
        List<Machine> machines = machines(cells);
        List<Backend> backends = backends(cells);
        return new View(title(runs), generated.truncatedTo(ChronoUnit.SECONDS).toString(), counts(runs, cells),
                runViews, machines, distinct(cells, EnvironmentInfo::jvm), backends, setup(machines, backends),
                cells.stream().map(c -> c.result().build()).filter(Objects::nonNull).map(BuildInfo::describe)
                        .distinct().toList());
    }

    /**
     * {@code AMD EPYC · 2 cores · 23.5 GiB · no GPU · DJL 0.36.0 (PyTorch 2.7.1), ...}: the machine (or how many
     * there are) and each backend's framework with its native library.
     */
    static String setup(List<Machine> machines, List<Backend> backends) {
        String machine = switch (machines.size()) {
            case 0 -> "no machine recorded yet";
            case 1 -> {
                Machine m = machines.get(0);
                yield m.cpu() + " · " + m.cores() + " cores · " + m.memoryGib() + " GiB · "
                        + (m.gpus().isEmpty() ? "no GPU" : String.join(", ", m.gpus()));
            }
            default -> machines.size() + " machines";
        };
        List<String> frameworks = backends.stream().map(b -> b.framework() + " (" + b.nativeVersion() + ")")
                .distinct().toList();
        return machine + (frameworks.isEmpty() ? "" : " · " + String.join(", ", frameworks));
    }

    static String title(List<RunFolder> runs) {
        return String.join(" + ", new LinkedHashSet<>(runs.stream().map(RunFolder::suite).toList()));
    }

    /** {@code 3 cells: 2 ok, 0 diverged, 1 failed}, and the unfinished ones when there are any. */
    static String summary(Map<String, Integer> counts) {
        int total = counts.get("ok") + counts.get("diverged") + counts.get("failed");
        return total + (total == 1 ? " cell: " : " cells: ") + counts.get("ok") + " ok, " + counts.get("diverged") + " diverged, "
                + counts.get("failed") + " failed" + (counts.get("unfinished") > 0 ? "; " + counts.get("unfinished")
                + " not finished (not run yet, running, or interrupted)" : "");
    }

    private static Map<String, Integer> counts(List<RunFolder> runs, List<ReportCell> cells) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CellStatus s : CellStatus.values()) {
            counts.put(s.label(), (int) cells.stream().filter(c -> c.result().status() == s).count());
        }
        counts.put("unfinished", runs.stream().mapToInt(r -> r.unfinished().size()).sum());
        return counts;
    }

    private static Run run(int number, RunFolder f) {
        String started = f.results().stream().map(CellResult::startedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        String finished = f.results().stream().map(CellResult::finishedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Run(number, f.suite(), f.description(), f.layout().suiteDir().toString(), started, finished,
                f.results().size(), f.results().size() + f.unfinished().size(), f.unfinished(), f.yaml(), commands(f));
    }

    /** Run again into a new folder (a folder with results is never overwritten), resume, rebuild the report. */
    static List<String> commands(RunFolder f) {
        Path dir = f.layout().suiteDir();
        String suiteFile = f.layout().suiteCopy().toString();
        // a peak the user gave is part of how the run was made; measured peaks are measured again
        Double peak = f.results().stream().filter(r -> r.timing() != null && r.timing().peak() != null
                        && !r.timing().peak().wasMeasured()).map(r -> r.timing().peakGflops()).findFirst().orElse(null);
        String options = peak == null ? ""
                : " --peak-gflops " + (peak == Math.rint(peak) ? Long.toString(peak.longValue()) : peak.toString());
        List<String> commands = new ArrayList<>();
        Path out = dir.getParent();
        Path rerun = out.getParent() == null ? Path.of("results-rerun") : out.resolveSibling(out.getFileName() + "-rerun");
        commands.add("ferbench run " + quote(suiteFile) + " --out " + quote(rerun.toString()) + options);
        if (!f.unfinished().isEmpty()) {
            commands.add("ferbench run " + quote(suiteFile) + " --out " + quote(out.toString()) + " --resume"
                    + options);
        }
        commands.add("ferbench report " + quote(dir.toString()));
        return commands;
    }

    /** A path as a shell word. */
    private static String quote(String path) {
        return path.matches("[A-Za-z0-9_./+:@=-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    private static List<Machine> machines(List<ReportCell> cells) {
        Map<String, Machine> machines = new LinkedHashMap<>();
        for (ReportCell c : cells) {
            EnvironmentInfo e = c.result().environment();
            if (e == null) continue;
            String key = e.cpuModel() + "|" + e.logicalCores() + "|" + e.memoryMb() + "|" + e.gpus() + "|" + e.os();
            Machine m = machines.get(key);
            machines.put(key, new Machine(e.cpuModel(), e.logicalCores(), Math.round(e.memoryMb() / 102.4) / 10.0,
                    e.gpus(), e.os(), m == null ? 1 : m.cells() + 1));
        }
        return List.copyOf(machines.values());
    }

    private static List<Backend> backends(List<ReportCell> cells) {
        Map<String, Backend> backends = new LinkedHashMap<>();
        for (ReportCell c : cells) {
            EnvironmentInfo e = c.result().environment();
            BackendInfo b = e == null ? null : e.backend();
            if (b == null) continue;
            String key = b.id() + "|" + b.framework() + "|" + b.nativeVersion();
            Backend known = backends.get(key);
            Set<String> devices = new LinkedHashSet<>(known == null ? List.of() : known.devices());
            devices.add(ResultsTable.device(c.result()));
            backends.put(key, new Backend(b.id(), b.framework(), b.nativeVersion(), List.copyOf(devices),
                    known != null ? known.configuration() : ResultsTable.joined(b.configuration())));
        }
        return List.copyOf(backends.values());
    }

    private static List<String> distinct(List<ReportCell> cells, Function<EnvironmentInfo, String> f) {
        return cells.stream().map(c -> c.result().environment()).filter(Objects::nonNull).map(f).distinct().toList();
    }
}
