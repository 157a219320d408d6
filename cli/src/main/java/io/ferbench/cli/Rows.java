package io.ferbench.cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Prints rows either as an aligned text table or as RFC 4180 CSV. */
final class Rows {
    private Rows() {}

    static void print(PrintWriter out, OutputFormat format, List<String> header, List<List<String>> rows) {
        if (format == OutputFormat.csv) {
            try {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
                csv.printRecord(header);
                for (List<String> r : rows) csv.printRecord(r);
                csv.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) width[i] = header.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], r.get(i).length());
        printTableRow(out, header, width);
        StringBuilder rule = new StringBuilder();
        for (int w : width) rule.append("-".repeat(w)).append("  ");
        out.println(rule.toString().stripTrailing());
        for (List<String> r : rows) printTableRow(out, r, width);
        out.flush();
    }

    private static void printTableRow(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(String.format("%-" + width[i] + "s  ", cells.get(i)));
        }
        out.println(sb.toString().stripTrailing());
    }
}
