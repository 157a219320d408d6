package io.ferbench.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small RFC 4180 table written in one piece: fields with a comma, quote or line break are quoted, lines end in CRLF,
 * null and non-finite numbers are empty fields. For the analysis and audit files; results.csv has its own writer.
 */
public final class CsvTable {
    private final StringBuilder text = new StringBuilder();

    public CsvTable(String... header) {
        row(List.of((Object[]) header));
    }

    public void row(List<?> fields) {
        List<String> cells = new ArrayList<>();
        for (Object field : fields) cells.add(quote(field));
        text.append(String.join(",", cells)).append("\r\n");
    }

    /** Writes the table atomically. */
    public void writeTo(Path file) {
        AtomicFiles.writeString(file, text.toString());
    }

    private static String quote(Object field) {
        String s = field instanceof Double d ? (Double.isFinite(d) ? String.valueOf(d) : "")
                : String.valueOf(field).toLowerCase(Locale.ROOT).equals("null") ? "" : String.valueOf(field);
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
