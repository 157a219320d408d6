package io.ferbench.reports;

import io.ferbench.worker.AtomicFiles;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table as RFC 4180 CSV (comma, double quotes where needed, CRLF line ends) through Apache
 * Commons CSV, atomically. Missing values are empty fields.
 */
public final class CsvFiles {
    private CsvFiles() {}

    public static <T> void write(Path file, List<Column<T>> columns, List<T> rows) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(Column::name).toArray(String[]::new))
                .setNullString("")
                .get();
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (T row : rows) {
                    for (Column<T> c : columns) printer.print(c.of(row));
                    printer.println();
                }
            }
        });
    }
}
