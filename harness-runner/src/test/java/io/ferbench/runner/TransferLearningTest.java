package io.ferbench.runner;

import io.ferbench.worker.CellCheckpoints;
import io.ferbench.worker.RunLayout;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.tensor.SafeTensors;
import io.ferbench.api.cell.Cell;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer learning through forked workers, as a suite runs it: ResNet-18 is pretrained on six synthetic
 * expressions, then trained on three others from a small training set (about 38 images per class) for 3 epochs,
 * once from scratch, once from the pretrained weights with every layer training, once training only the head.
 */
class TransferLearningTest {
    private static final String SUITE = """
            name: transfer
            datasets:
              pretrain:
                kind: synthetic
                classes: [disgust, fear, neutral, sad, contempt, sadly_fearful]
                images_per_class: 80
                seed: 1
              target:
                kind: synthetic
                classes: [angry, happy, surprise]
                images_per_class: 60
                seed: 2
            checkpoints:
              pretrained:
                kind: cell
                with: {dataset: pretrain, epochs: 6, batch_size: 32}
            matrix:
              dataset: target
              architecture: resnet18
              device: cpu
              image_size: 32
              batch_size: 16
              epochs: 3
              early_stopping: false
              init: [scratch, pretrained]
              tune: [all, head]
              seed: 11
              exclude:
                - {init: scratch, tune: head}
              include:
                - {dataset: pretrain, epochs: 6, batch_size: 32}
            timeout_minutes: 5
            """;

    @TempDir Path out;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void pretrainedWeightsBeatScratchAndHeadModeLeavesTheBackboneBitIdentical() {
        SuitePlan plan = Suites.plan(SUITE, "transfer.yaml");
        RunSummary summary = new Coordinator(TinySuites.options(out).withFeatureSample(0), List.of()).run(plan);
        Map<String, CellResult> results = summary.results().stream()
                .collect(Collectors.toMap(CellResult::cellId, Function.identity()));
        for (CellResult r : summary.results()) assertEquals(CellStatus.OK, r.status(), r.cellId() + ": " + r.error());

        Cell pretrain = cell(plan, "pretrain", "scratch", "all");
        Cell scratch = cell(plan, "target", "scratch", "all");
        Cell deep = cell(plan, "target", "pretrained", "all");
        Cell head = cell(plan, "target", "pretrained", "head");
        assertEquals(pretrain.id(), deep.network().init().sourceCell());
        assertTrue(pretrain.index() < deep.index() && pretrain.index() < head.index(), "the source runs first");

        // after the same 3 epochs on the same small training set, the pretrained network is ahead
        // (measured: 78 % vs 50 % test accuracy, mean validation accuracy 66 % vs 49 %)
        double scratchAccuracy = results.get(scratch.id()).test().accuracy();
        double transferredAccuracy = results.get(deep.id()).test().accuracy();
        assertTrue(transferredAccuracy > scratchAccuracy, "transferred " + transferredAccuracy + " vs scratch "
                + scratchAccuracy);
        assertTrue(meanValidationAccuracy(results.get(deep.id())) > meanValidationAccuracy(results.get(scratch.id())));

        // head mode: every backbone tensor (batch-norm statistics included) is exactly the pretrained one
        RunLayout layout = summary.layout();
        NamedTensors source = SafeTensors.read(layout.weightsFile(pretrain.id()));
        NamedTensors headTuned = SafeTensors.read(layout.weightsFile(head.id()));
        NamedTensors deepTuned = SafeTensors.read(layout.weightsFile(deep.id()));
        int backbone = 0;
        boolean deepChangedTheBackbone = false;
        for (String key : headTuned.keys()) {
            if (key.startsWith("fc.")) {
                assertFalse(Arrays.equals(source.get(key).shape(), headTuned.get(key).shape()), "a new 3-class head");
                continue;
            }
            backbone++;
            assertArrayEquals(source.get(key).data(), headTuned.get(key).data(), key);
            deepChangedTheBackbone |= !Arrays.equals(source.get(key).data(), deepTuned.get(key).data());
        }
        assertEquals(100, backbone);
        assertTrue(deepChangedTheBackbone, "tune: all trains the backbone too");
        assertEquals("resnet18", SafeTensors.readMetadata(layout.weightsFile(head.id())).get(CellCheckpoints.ARCHITECTURE));
        assertEquals("angry,happy,surprise", SafeTensors.readMetadata(layout.weightsFile(head.id()))
                .get(CellCheckpoints.CLASSES));
    }

    private static Cell cell(SuitePlan plan, String dataset, String init, String tune) {
        return plan.cells().stream().filter(c -> c.dataset().name().equals(dataset)
                && c.network().init().checkpoint().equals(init) && c.network().init().tune().toString().equals(tune)).findFirst().orElseThrow();
    }

    private static double meanValidationAccuracy(CellResult result) {
        return result.training().history().stream().mapToDouble(EpochRecord::valAccuracy).average().orElseThrow();
    }
}
