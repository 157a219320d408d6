package io.ferbench.suite;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.DatasetSpec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated suite with its matrix expanded.
 *
 * @param name        the suite's name
 * @param description the suite's description, empty when it has none
 * @param file        the suite file, or null when the suite was planned from text
 * @param yaml        the suite text as read (record it with the results)
 * @param cells       every cell in plan order, repeats included
 * @param datasets    every dataset the suite defines, by name in document order, each with the image size of the
 *                    first cell that uses it
 */
public record SuitePlan(String name, String description, Path file, String yaml, List<Cell> cells,
                        Map<String, DatasetSpec> datasets) {
    public SuitePlan {
        cells = List.copyOf(cells);
        datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    }
}
