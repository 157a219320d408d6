package io.ferbench.worker.kindexample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.data.DatasetKinds;
import io.ferbench.worker.data.Datasets;
import io.ferbench.worker.data.PreparedDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dataset kind is one class plus its registration: the worker prepares it and suites can name it. */
class StripesKindTest {
    @Test
    void aNewKindIsDiscoveredAndPrepared() {
        assertTrue(DatasetKinds.ids().contains("stripes"), DatasetKinds.ids().toString());
        assertEquals(20, DatasetKinds.find("stripes").orElseThrow().defaultImagesPerClass());
        PreparedDataset d = Datasets.prepare(new DatasetSpec("lines", "stripes", null, null, List.of(), 10, 16, true,
                null, 3), null, null);
        assertEquals(StripesReader.CLASSES, d.classNames());
        assertEquals(20, d.train().size() + d.validation().size() + d.test().size(), "10 per class, split by seed");
    }
}
