package io.ferbench.reports;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.core.runner.AtomicFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code report.html}: one self-contained file (inline CSS, no scripts, nothing fetched) with the
 * leaderboard of a run. Ok cells are ranked by test accuracy (then macro F1); diverged and failed
 * cells follow, in plan order, with their error.
 */
public final class HtmlReport {
    private record Cell(String header, String title, Function<CellResult, String> value) {}

    private static final List<Cell> CELLS = List.of(
            new Cell("cell", "cell id", r -> Html.escape(r.cellId())),
            new Cell("dataset", "dataset (image size, classes)", r -> Html.escape(r.config().dataset()) + " <small>"
                    + r.config().imageSize() + "px" + (r.dataset() == null ? "" : ", " + r.dataset().classNames().size()
                    + " cl.") + "</small>"),
            new Cell("architecture", null, r -> Html.escape(r.config().architecture())
                    + (r.config().widthMultiplier() == 1.0 ? "" : " ×" + r.config().widthMultiplier())),
            new Cell("backend", "backend and the device it used", r -> Html.escape(r.config().backend()) + " <small>"
                    + Html.escape(ResultsTable.device(r)) + "</small>"),
            new Cell("lr", "learning rate", r -> Html.escape(r.config().optimizer().learningRate())),
            new Cell("batch", "batch size", r -> Integer.toString(r.config().batchSize())),
            new Cell("status", null, r -> "<span class=\"badge " + r.status().label() + "\">" + r.status().label()
                    + "</span>"),
            new Cell("test acc.", "test accuracy", r -> r.test() == null ? "" : fmt("%.2f %%", 100 * r.test().accuracy())),
            new Cell("macro F1", null, r -> r.test() == null ? "" : fmt("%.3f", r.test().macroF1())),
            new Cell("macro AUC", "mean one-vs-rest ROC AUC", r -> r.test() == null || r.test().macroAuc() == null ? ""
                    : fmt("%.3f", r.test().macroAuc())),
            new Cell("epochs", "epochs run (best epoch)", r -> r.training() == null ? "" : r.training().epochsRun()
                    + (r.training().bestEpoch() == null ? "" : " (" + r.training().bestEpoch() + ")")),
            new Cell("s / epoch", "median epoch time after the warm-up epoch", r -> r.timing() == null ? ""
                    : fmt("%.2f", r.timing().medianEpochSeconds())),
            new Cell("train img/s", "training images per second", r -> r.timing() == null ? ""
                    : fmt("%.1f", r.timing().trainImagesPerSecond())),
            new Cell("infer img/s", "inference images per second at the training batch size",
                    r -> r.timing() == null || r.timing().inference() == null ? ""
                            : fmt("%.1f", r.timing().inference().imagesPerSecond())),
            new Cell("latency p50 / p99", "one-image inference latency, ms",
                    r -> r.timing() == null || r.timing().inference() == null ? ""
                            : fmt("%.2f / %.2f ms", r.timing().inference().latencyP50Ms(),
                                    r.timing().inference().latencyP99Ms())),
            new Cell("GFLOP/s", "achieved training GFLOP/s (6 × MACs per image)", r -> r.timing() == null ? ""
                    : fmt("%.2f", r.timing().trainGflops())),
            new Cell("% peak", "share of the machine's fp32 peak", r -> r.timing() == null ? ""
                    : fmt("%.1f %%", 100 * r.timing().peakShare())),
            new Cell("params", null, r -> r.model() == null ? "" : fmt("%.2f M", r.model().parameters() / 1e6)),
            new Cell("MACs", "multiply-accumulates per image, forward", r -> r.model() == null ? ""
                    : fmt("%.1f M", r.model().macs() / 1e6)),
            new Cell("peak RSS", "peak resident memory of the worker", r -> r.peakRssMb() == null ? ""
                    : fmt("%.0f MB", r.peakRssMb())));

    private HtmlReport() {}

    public static void write(Path file, String suite, List<CellResult> results) {
        AtomicFiles.writeString(file, render(suite, results, Instant.now()));
    }

    public static String render(String suite, List<CellResult> results, Instant generated) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>ferbench: ").append(Html.escape(suite)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>ferbench report: ").append(Html.escape(suite)).append("</h1>\n");
        long ok = count(results, CellStatus.OK);
        long diverged = count(results, CellStatus.DIVERGED);
        long failed = count(results, CellStatus.FAILED);
        h.append("<p class=\"meta\">").append(results.size()).append(" cells: ").append(ok).append(" ok, ")
                .append(diverged).append(" diverged, ").append(failed).append(" failed · generated ")
                .append(Html.escape(generated.truncatedTo(ChronoUnit.SECONDS))).append("</p>\n");
        results.stream().map(CellResult::environment).filter(Objects::nonNull).findFirst()
                .ifPresent(env -> h.append("<p class=\"meta\">").append(machine(env)).append("</p>\n"));
        List<String> backends = results.stream().map(CellResult::environment)
                .filter(e -> e != null && e.backend() != null)
                .map(e -> e.backend().framework() + " (" + e.backend().nativeVersion() + ")").distinct().toList();
        if (!backends.isEmpty()) {
            h.append("<p class=\"meta\">Backends: ").append(Html.escape(String.join(", ", backends))).append("</p>\n");
        }

        h.append("<h2>Leaderboard</h2>\n<table>\n<thead><tr><th>#</th>");
        for (Cell c : CELLS) {
            h.append("<th").append(c.title() == null ? "" : " title=\"" + Html.escape(c.title()) + "\"").append('>')
                    .append(Html.escape(c.header())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int rank = 0;
        for (CellResult r : ranked(results)) {
            h.append("<tr class=\"").append(r.status().label()).append("\"><td>")
                    .append(r.status() == CellStatus.OK ? Integer.toString(++rank) : "").append("</td>");
            for (Cell c : CELLS) h.append("<td>").append(c.value().apply(r)).append("</td>");
            h.append("</tr>\n");
            if (r.error() != null) {
                h.append("<tr class=\"error\"><td></td><td colspan=\"").append(CELLS.size()).append("\">")
                        .append(error(r.error())).append("</td></tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n");
        if (results.isEmpty()) h.append("<p>No cell has finished yet.</p>\n");
        h.append(CONVENTIONS).append("</body>\n</html>\n");
        return h.toString();
    }

    /** Ok cells by test accuracy, then macro F1; then diverged and failed cells in plan order. */
    static List<CellResult> ranked(List<CellResult> results) {
        List<CellResult> ok = new ArrayList<>(results.stream().filter(r -> r.status() == CellStatus.OK).toList());
        ok.sort(Comparator.comparingDouble((CellResult r) -> r.test().accuracy())
                .thenComparingDouble(r -> r.test().macroF1()).reversed());
        List<CellResult> ranked = new ArrayList<>(ok);
        ranked.addAll(results.stream().filter(r -> r.status() == CellStatus.DIVERGED).toList());
        ranked.addAll(results.stream().filter(r -> r.status() == CellStatus.FAILED).toList());
        return ranked;
    }

    private static String error(String error) {
        int nl = error.indexOf('\n');
        if (nl < 0) return "<span class=\"message\">" + Html.escape(error) + "</span>";
        return "<details><summary>" + Html.escape(error.substring(0, nl)) + "</summary><pre>"
                + Html.escape(error.substring(nl + 1)) + "</pre></details>";
    }

    private static String machine(EnvironmentInfo env) {
        return "Machine: " + Html.escape(env.cpuModel()) + ", " + env.logicalCores() + " logical cores, "
                + fmt("%.1f GiB", env.memoryMb() / 1024.0) + " · " + Html.escape(env.jvm()) + " · " + Html.escape(env.os());
    }

    private static long count(List<CellResult> results, CellStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static final String CSS = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1d2330; }
            h1 { font-size: 1.5rem; margin-bottom: .2rem; }
            h2 { font-size: 1.15rem; margin-top: 2rem; }
            .meta { color: #5a6478; margin: .2rem 0; }
            table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
            th, td { padding: .3rem .55rem; border-bottom: 1px solid #e3e6ec; text-align: right; white-space: nowrap; }
            th { background: #f4f6f9; position: sticky; top: 0; cursor: help; }
            td:nth-child(2), td:nth-child(3), td:nth-child(4), td:nth-child(5) { text-align: left; }
            tr.ok:hover { background: #f7faff; }
            tr.diverged td, tr.failed td { color: #6b7280; }
            tr.error td { text-align: left; white-space: normal; border-bottom: 1px solid #e3e6ec; }
            tr.error pre { white-space: pre-wrap; font-size: 12px; background: #fafafa; padding: .5rem; margin: .3rem 0; }
            small { color: #6b7280; }
            .badge { padding: .05rem .45rem; border-radius: .6rem; font-size: 12px; }
            .badge.ok { background: #dcfce7; color: #166534; }
            .badge.diverged { background: #fef3c7; color: #92400e; }
            .badge.failed { background: #fee2e2; color: #991b1b; }
            .message { color: #991b1b; }
            """;

    private static final String CONVENTIONS = """
            <h2>How to read the figures</h2>
            <ul>
            <li>Test metrics come from the test split in evaluation mode (softmax probabilities); with early stopping's
            restore-best, from the epoch with the best validation value.</li>
            <li>Time per epoch is the median of the epochs after the first, which is warm-up (JIT, native start-up);
            training throughput is measured over the same epochs.</li>
            <li>Inference is timed after training: warm-up calls, then timed calls at the training batch size
            (throughput) and with one image (latency percentiles, nearest rank).</li>
            <li>FLOPs: 2 × MACs per image forward, 6 × MACs per image trained (forward and two backward products);
            MACs come from the model IR, the same for every backend. % peak is relative to the stated fp32 peak.</li>
            <li>Peak RSS is the worker JVM's resident-memory high-water mark (heap and native memory).</li>
            </ul>
            """;
}
