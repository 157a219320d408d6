package io.ferbench.reports.compare;

import io.ferbench.reports.Html;
import io.ferbench.study.stats.Summary;
import io.ferbench.study.stats.WelchTest;
import io.ferbench.worker.AtomicFiles;
import io.ferbench.worker.CsvTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code compare.csv} (tidy: one column per matrix key that names a row, one row per configuration and metric) and
 * {@code compare.html} (one self-contained page, every text escaped).
 */
public final class ComparisonFiles {
    public static final String CSV = "compare.csv";
    public static final String HTML = "compare.html";

    private ComparisonFiles() {}

    /** Writes both files into {@code dir}; {@code threshold} (percent, or null) marks regressions. */
    public static void write(RunComparison comparison, Double threshold, Path dir) {
        csv(comparison, threshold).writeTo(dir.resolve(CSV));
        AtomicFiles.writeString(dir.resolve(HTML), html(comparison, threshold));
    }

    static CsvTable csv(RunComparison comparison, Double threshold) {
        List<String> header = new ArrayList<>(comparison.axes());
        header.addAll(List.of("metric", "higher_is_better", "first_n", "first_mean", "first_sd", "second_n",
                "second_mean", "second_sd", "difference", "change_pct", "t", "df", "p", "significant", "regression",
                "first_versions", "second_versions"));
        CsvTable table = new CsvTable(header.toArray(String[]::new));
        for (RunComparison.Row r : comparison.rows()) {
            List<Object> row = new ArrayList<>(r.axes().values());
            WelchTest w = r.test();
            row.addAll(Arrays.asList(r.metric().name(), r.metric().higherIsBetter(), n(r.first()), mean(r.first()),
                    sd(r.first()), n(r.second()), mean(r.second()), sd(r.second()), r.difference(), r.changePercent(),
                    w == null ? null : w.t(), w == null ? null : w.degreesOfFreedom(), w == null ? null : w.p(),
                    w == null ? null : w.significant(), threshold == null ? null : r.regressed(threshold),
                    r.firstVersions(), r.secondVersions()));
            table.row(row);
        }
        return table;
    }

    static String html(RunComparison c, Double threshold) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ferbench compare: ")
                .append(Html.escape(c.first().suite())).append(" vs ").append(Html.escape(c.second().suite()))
                .append("</title>\n<style>body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}"
                        + "table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #ddd;"
                        + "text-align:right}td.text,th.text{text-align:left}.better{color:#1a7f37}.worse{color:#b3261e}"
                        + ".regression{background:#fde7e6;font-weight:600}dt{font-weight:600}</style></head><body>\n");
        h.append("<h1>").append(Html.escape(c.second().suite())).append(" compared with ")
                .append(Html.escape(c.first().suite())).append("</h1>\n<dl>");
        side(h, "first (baseline)", c.first());
        side(h, "second", c.second());
        h.append("</dl>\n<p>Change: second mean less first, in % of the first. p: Welch's t-test where both runs have "
                + "two or more ok repeats, otherwise untested.");
        if (threshold != null) {
            h.append(" A regression is worse by more than ").append(Html.escape(number(threshold)))
                    .append(" % (and significant where tested).");
        }
        h.append("</p>\n<table><thead><tr>");
        for (String axis : c.axes()) h.append("<th class=\"text\">").append(Html.escape(axis)).append("</th>");
        for (String title : List.of("metric", "first", "second", "change", "p", "verdict", "versions")) {
            h.append("<th").append(title.equals("metric") || title.equals("versions") || title.equals("verdict")
                    ? " class=\"text\"" : "").append('>').append(title).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (RunComparison.Row r : c.rows()) {
            boolean regression = threshold != null && r.regressed(threshold);
            h.append(regression ? "<tr class=\"regression\">" : "<tr>");
            for (String value : r.axes().values()) {
                h.append("<td class=\"text\">").append(Html.escape(value)).append("</td>");
            }
            h.append("<td class=\"text\" title=\"").append(Html.escape(r.metric().direction())).append("\">")
                    .append(Html.escape(r.metric().name())).append("</td><td>").append(Html.escape(summary(r.first())))
                    .append("</td><td>").append(Html.escape(summary(r.second()))).append("</td><td class=\"")
                    .append(r.verdict()).append("\">").append(Html.escape(percent(r.changePercent())))
                    .append("</td><td>").append(Html.escape(p(r.test()))).append("</td><td class=\"text ")
                    .append(r.verdict()).append("\">").append(Html.escape(regression ? "regression" : r.verdict()))
                    .append("</td><td class=\"text\">").append(Html.escape(versions(r))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        unpaired(h, "Only in the first run", c.onlyInFirst());
        unpaired(h, "Only in the second run", c.onlyInSecond());
        return h.append("</body></html>\n").toString();
    }

    private static void side(StringBuilder h, String title, RunComparison.Side side) {
        h.append("<dt>").append(title).append("</dt><dd>").append(Html.escape(side.folder())).append(" · ferbench ")
                .append(Html.escape(side.ferbench().isEmpty() ? "not recorded" : String.join("; ", side.ferbench())))
                .append(" · ").append(Html.escape(String.join("; ", side.machines()))).append("</dd>");
    }

    private static void unpaired(StringBuilder h, String title, List<String> configurations) {
        if (configurations.isEmpty()) return;
        h.append("<h2>").append(title).append(" (not compared)</h2>\n<ul>");
        for (String c : configurations) h.append("<li>").append(Html.escape(c)).append("</li>");
        h.append("</ul>\n");
    }

    /** {@code PyTorch 2.7.1 → PyTorch 2.8.0}, or the one version both sides ran. */
    public static String versions(RunComparison.Row r) {
        return r.firstVersions().equals(r.secondVersions()) ? r.firstVersions()
                : r.firstVersions() + " → " + r.secondVersions();
    }

    /** {@code 0.7412 ± 0.0123 (n = 3)}, or the single value, or a dash. */
    public static String summary(Summary s) {
        if (s == null) return "–";
        return s.sd() == null ? number(s.mean()) : number(s.mean()) + " ± " + number(s.sd()) + " (n = " + s.n() + ")";
    }

    /** {@code +4.2 %}. */
    public static String percent(Double change) {
        return change == null ? "–" : String.format(Locale.ROOT, "%+.1f %%", change);
    }

    /** p with 4 decimals, or {@code untested}. */
    public static String p(WelchTest test) {
        return test == null ? "untested" : String.format(Locale.ROOT, "%.4f", test.p());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4f", v);
    }

    private static Object n(Summary s) {
        return s == null ? 0 : s.n();
    }

    private static Object mean(Summary s) {
        return s == null ? null : s.mean();
    }

    private static Object sd(Summary s) {
        return s == null ? null : s.sd();
    }
}
