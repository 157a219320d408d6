package io.ferbench.runner;

import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume} keeps a finished cell only when nothing it computed from changed: its settings (every part of the
 * {@link Cell}, so also an augmentation profile or a dataset's path and seed changed under the same name) and its
 * inputs (the dataset's files, the checkpoint file). Otherwise it refuses and names the change. No worker runs here:
 * the finished run is written as a worker would have left it.
 */
class ResumeGuardTest {
    @TempDir Path root;

    private static final String SUITE = """
            name: guarded
            datasets:
              faces: {kind: folder, path: %s, seed: %d}
            augmentations:
              light: {flip: true, rotation: %d}
            checkpoints:
              pre: {kind: file, path: "weights/{architecture}.safetensors"}
            matrix:
              architecture: resnet18
              backend: djl
              augmentation: light
              init: pre
              epochs: 2
            """;

    @BeforeEach
    void writeData() throws Exception {
        for (String folder : List.of("faces", "faces-copy")) {
            for (String split : List.of("train", "test")) {
                for (String label : List.of("happy", "sad")) {
                    writeImage(root.resolve(folder).resolve(split).resolve(label).resolve("0.png"), 1);
                }
            }
        }
        Files.createDirectories(root.resolve("weights"));
        Files.writeString(root.resolve("weights/resnet18.safetensors"), "first weights");
    }

    private static void writeImage(Path file, int side) throws Exception {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(8 * side, 8 * side, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
    }

    private static SuitePlan plan(String path, int seed, int rotation) {
        return Suites.plan(SUITE.formatted(path, seed, rotation), "guarded.yaml");
    }

    /** The run folder as a finished run of {@code plan} leaves it: an ok result and the inputs of every cell. */
    private void finish(SuitePlan plan) {
        RunLayout layout = RunLayout.of(root.resolve("out"), plan.name());
        for (Cell cell : plan.cells()) {
            JsonFiles.write(layout.resultFile(cell.id()), new CellResult(cell, CellStatus.OK, null, null, null, null,
                    null, null, null, null, null, null, "2026-12-05T00:00:00Z", "2026-12-05T00:00:01Z", 1), true);
            JsonFiles.write(layout.inputsFile(cell.id()), CellInputs.of(cell, root, layout.cellsDir(),
                    CellInputs.datasetDigest(cell.dataset(), root)), true);
        }
    }

    private RunSummary resume(SuitePlan plan) {
        return new Coordinator(TinySuites.options(root.resolve("out")).withDataRoot(root).withResume(true), List.of())
                .run(plan);
    }

    private String refusal(SuitePlan plan) {
        return assertThrows(RunRefusedException.class, () -> resume(plan)).getMessage();
    }

    @Test
    void anUnchangedSuiteKeepsEveryFinishedCell() {
        finish(plan("faces", 1, 10));
        RunSummary s = resume(plan("faces", 1, 10));
        assertEquals(1, s.kept(), "kept, not run again");
    }

    @Test
    void anAugmentationProfileChangedUnderTheSameNameIsNamed() {
        finish(plan("faces", 1, 10));
        String message = refusal(plan("faces", 1, 15));
        assertTrue(message.contains("training.augmentation.rotation (10.0 before, 15.0 now)"), message);
    }

    @Test
    void aDatasetsPathOrSeedChangedUnderTheSameNameIsNamed() {
        finish(plan("faces", 1, 10));
        String seed = refusal(plan("faces", 2, 10));
        assertTrue(seed.contains("dataset.seed (1 before, 2 now)"), seed);
        String path = refusal(plan("faces-copy", 1, 10));
        assertTrue(path.contains("dataset.path (faces before, faces-copy now)"), path);
    }

    @Test
    void editedDatasetFilesAreNamed() throws Exception {
        finish(plan("faces", 1, 10));
        writeImage(root.resolve("faces/train/happy/0.png"), 2);
        String message = refusal(plan("faces", 1, 10));
        assertTrue(message.contains("the files of dataset 'faces' changed"), message);
    }

    @Test
    void aReplacedCheckpointFileIsNamed() throws Exception {
        finish(plan("faces", 1, 10));
        Files.writeString(root.resolve("weights/resnet18.safetensors"), "other weights");
        String message = refusal(plan("faces", 1, 10));
        assertTrue(message.contains("the checkpoint 'pre' it starts from changed"), message);
    }
}
