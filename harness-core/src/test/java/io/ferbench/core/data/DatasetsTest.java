package io.ferbench.core.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.core.suite.DatasetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    private static String failure(DatasetSpec spec) {
        return assertThrows(DatasetException.class, () -> Datasets.prepare(spec, null, null)).getMessage();
    }

    @Test
    void unknownKindListsTheKinds() {
        String message = failure(new DatasetSpec("d", "imagenet", "x", null, List.of(), null, 48, true, null, 1L));
        assertTrue(message.contains("'imagenet'") && message.contains("synthetic, folder, fer2013-csv, labels-csv"), message);
    }

    @Test
    void fileKindsNeedAPath() {
        String message = failure(new DatasetSpec("d", "folder", null, null, List.of(), null, 48, true, null, 1L));
        assertTrue(message.contains("dataset 'd'") && message.contains("needs a path"), message);
    }

    @Test
    void optionsOutOfRangeAreNamed() {
        assertTrue(failure(new DatasetSpec("d", "synthetic", null, null, List.of(), null, 0, true, null, 1L))
                .contains("image_size 0"));
        assertTrue(failure(new DatasetSpec("d", "synthetic", null, null, List.of(), 0, 48, true, null, 1L))
                .contains("images_per_class must be at least 1"));
        assertTrue(failure(new DatasetSpec("d", "folder", "x", null, List.of(), null, 48, true, 0.5, 1L))
                .contains("min_confidence applies only to kind labels-csv"));
        assertTrue(failure(new DatasetSpec("d", "synthetic", null, null, List.of("happy", "HAPPY"), 2, 8, true, null, 1L))
                .contains("listed twice"));
    }
}
