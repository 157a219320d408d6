package io.ferbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferbench.worker.JsonFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One name per figure: a results.csv column that shows a figure of result.json has that figure's name there. */
class FigureNamesTest {
    /**
     * Columns of the cell's settings that result.json holds in context, under the name of their part ({@code id} of
     * the cell, {@code kind} of its dataset, {@code device} of its execution, {@code kind} of its schedule), or
     * computes ({@code channels} from {@code grayscale}): settings, not figures.
     */
    private static final Set<String> DERIVED = Set.of("cell_id", "dataset_kind", "channels", "requested_device",
            "lr_schedule");

    @TempDir Path dir;

    @Test
    void everyFigureOfResultsCsvHasTheSameNameInResultJson() throws Exception {
        Set<String> names = new TreeSet<>();
        for (var result : List.of(Fixtures.ok("c0", 0.75), Fixtures.diverged("c1"))) {
            Path file = dir.resolve(result.cellId() + ".json");
            JsonFiles.write(file, result, true);
            collect(new ObjectMapper().readTree(file.toFile()), names);
        }
        List<String> missing = new ArrayList<>();
        for (String column : ResultsTable.headers()) {
            if (!names.contains(column) && !DERIVED.contains(column)) missing.add(column);
        }
        assertEquals(List.of(), missing, "results.csv columns that result.json names otherwise; its names: " + names);
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                names.add(e.getKey());
                collect(e.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }
}
