package io.ferbench.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aMissingDownloadNamesThePathTheLayoutItExpectsAndWhereToGetIt(@TempDir Path root) throws Exception {
        DatasetSpec fer = new DatasetSpec("fer2013", "folder", "fer2013", null, List.of("angry", "happy"), null, 48,
                true, null, 1L, null, "https://www.kaggle.com/datasets/msambare/fer2013, unzipped into fer2013/");
        String message = Datasets.checkAvailable(fer, root).orElseThrow();
        assertTrue(message.startsWith("dataset 'fer2013' (kind folder): " + root.resolve("fer2013") + " does not exist;"),
                message);
        assertTrue(message.contains("<root>/train/<class>/...") && message.contains("Get it: https://www.kaggle.com")
                && message.contains("data root " + root) && message.contains("--data-root or FERBENCH_DATA"), message);
        assertEquals(message, assertThrows(DatasetException.class, () -> Datasets.prepare(fer, root, null)).getMessage());

        DatasetSpec affect = new DatasetSpec("affectnet", "labels-csv", "affectnet/labels.csv", null, List.of(), null,
                48, true, null, 1L);
        Files.createDirectories(root.resolve("affectnet/labels.csv"));
        String notAFile = Datasets.checkAvailable(affect, root).orElseThrow();
        assertTrue(notAFile.contains("labels.csv is not a file") && notAFile.contains("columns path (or pth), label"),
                notAFile);

        Files.createDirectories(root.resolve("fer2013/train/angry"));
        assertEquals(Optional.empty(), Datasets.checkAvailable(fer, root));
        assertEquals(Optional.empty(), Datasets.checkAvailable(new DatasetSpec("s", "synthetic", null, null, List.of(),
                5, 16, true, null, 1L), root));
    }
}
