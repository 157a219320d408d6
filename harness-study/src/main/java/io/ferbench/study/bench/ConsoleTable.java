package io.ferbench.study.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JMH's closing table: one row per benchmark and mode, the parameters in parentheses, the score with its
 * {@value Score#CONFIDENCE_PERCENT} % error, and the median with min and max, numbers right-aligned.
 */
public final class ConsoleTable implements BenchOutput {
    static final List<String> HEADER = List.of("Benchmark", "(backend)", "(architecture)", "(batch)", "(size)",
            "Mode", "Cnt", "Score", "", "Error", "Units", "Median", "Min", "Max");
    /** Columns from "Cnt" on hold numbers, so they align right. */
    private static final int FIRST_NUMBER = HEADER.indexOf("Cnt");

    private final PrintWriter out;

    public ConsoleTable(PrintWriter out) {
        this.out = out;
    }

    @Override public void write(List<BenchResult> results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (BenchResult r : results) {
            for (Mode mode : Mode.values()) {
                Score s = r.score(mode);
                String format = format(s.mean());
                rows.add(List.of("trainStep", r.params().backend(), r.params().architecture(),
                        String.valueOf(r.params().batchSize()), String.valueOf(r.params().imageSize()), mode.id(),
                        String.valueOf(s.n()), number(format, s.mean()), Double.isNaN(s.error()) ? "" : "±",
                        number(format, s.error()), mode.unit(), number(format, s.median()), number(format, s.min()),
                        number(format, s.max())));
            }
        }
        int[] width = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], row.get(i).length());
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                if (width[i] == 0) continue;
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                line.append(i >= FIRST_NUMBER && !cell.equals("±") && i != HEADER.indexOf("Units") ? pad + cell
                        : cell + pad).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /** The decimals of a row, from its score: 0.123, 12.35, 187.3, so that a row's figures read alike. */
    static String format(double score) {
        double a = Math.abs(score);
        return a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f";
    }

    static String number(String format, double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }
}
