package io.ferbench.suite;

import io.ferbench.api.cell.Cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/suites.md documents every key and its first example plans as the page says. */
class SuiteDocsTest {
    private static final Path DOCS = Path.of("..", "docs", "suites.md");

    @Test
    void everyKeyIsDocumented() throws IOException {
        String docs = Files.readString(DOCS);
        List<String> missing = new ArrayList<>();
        Stream.of(SuiteKeys.TOP, SuiteKeys.DATASET, SuiteKeys.MATRIX_KEYS, SuiteKeys.LOG_RANGE_OBJECT,
                        SuiteKeys.LOG_RANGE_KEYS)
                .flatMap(table -> table.names().stream())
                .filter(key -> !docs.contains("`" + key + "`"))
                .forEach(missing::add);
        io.ferbench.api.data.DatasetKinds.ids().stream().filter(kind -> !docs.contains("`" + kind + "`")).forEach(missing::add);
        assertTrue(missing.isEmpty(), "not documented in docs/suites.md: " + missing);
    }

    @Test
    void firstExamplePlansIntoTheDocumentedCells() throws IOException {
        String docs = Files.readString(DOCS);
        int start = docs.indexOf("```yaml\n") + "```yaml\n".length();
        String example = docs.substring(start, docs.indexOf("```", start));
        assertEquals(List.of("000-djl-resnet18-synthetic-48-r0", "001-djl-mobilenet_v2-synthetic-48-r0",
                        "002-djl-shufflenet_v2_x1_0-synthetic-48-r0"),
                Suites.plan(example, "docs/suites.md").cells().stream().map(Cell::id).toList());
        assertTrue(docs.contains("`000-djl-resnet18-synthetic-48-r0`"));
    }
}
