package io.ferbench.reports;

import io.ferbench.api.result.CellResult;
import io.ferbench.worker.JsonFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: the rows of {@code results.csv} as JSON objects with typed values (numbers,
 * booleans, null for missing), for tools that would rather not parse CSV. Each cell's full result
 * (confusion matrix, ROC points, features, history) stays in its own {@code result.json}.
 */
public final class ResultsJson {
    private ResultsJson() {}

    public static void write(Path file, String suite, List<CellResult> results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("suite", suite);
        doc.put("columns", ResultsTable.headers());
        doc.put("rows", results.stream().map(ResultsJson::row).toList());
        JsonFiles.write(file, doc, true);
    }

    static Map<String, Object> row(CellResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column<CellResult> c : ResultsTable.COLUMNS) row.put(c.name(), c.of(r));
        return row;
    }
}
