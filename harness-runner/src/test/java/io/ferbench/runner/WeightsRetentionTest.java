package io.ferbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import io.ferbench.worker.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --keep-weights}: which cells' weights.safetensors survive their cell. */
class WeightsRetentionTest {
    @TempDir Path dir;

    /** Two scratch cells (resnet18 is the source of a fine-tuned cell), then the fine-tuned one. */
    private static final SuitePlan PLAN = Suites.plan("""
            name: keep
            datasets:
              fer: {kind: synthetic, classes: [angry, happy, sad]}
              tiny: {kind: synthetic, classes: [angry, happy]}
            checkpoints:
              pretrained: {kind: cell, with: {dataset: fer}}
            matrix:
              dataset: fer
              architecture: [resnet18, mobilenet_v2]
              include:
                - {dataset: tiny, architecture: resnet18, init: pretrained}
            """, "keep.yaml");

    /** Runs the plan's cells through the policy, each ending ok with the given accuracy: who keeps weights. */
    private Set<String> kept(WeightsRetention.Keep keep, double... accuracies) throws Exception {
        RunLayout layout = RunLayout.of(dir.resolve(keep.toString()), "keep");
        WeightsRetention policy = new WeightsRetention(keep);
        policy.runStarted(layout, PLAN, PLAN.cells(), List.of());
        List<CellResult> results = new ArrayList<>();
        for (int i = 0; i < PLAN.cells().size(); i++) {
            Cell cell = PLAN.cells().get(i);
            Files.createDirectories(layout.cellDir(cell.id()));
            Files.writeString(layout.weightsFile(cell.id()), "weights");
            TestMetrics test = new TestMetrics(10, accuracies[i], 0.5, 0, 0, 0, 0, 0, 0, null, List.of(),
                    new int[0][0], List.of());
            CellResult result = new CellResult(cell, CellStatus.OK, null, null, null, null, null, test, null, null,
                    null, null, null, null, 1);
            results.add(result);
            policy.cellFinished(result, List.copyOf(results));
        }
        Set<String> kept = new TreeSet<>();
        for (Cell cell : PLAN.cells()) {
            if (Files.exists(layout.weightsFile(cell.id()))) {
                kept.add(cell.architecture() + "@" + cell.dataset().name());
            }
        }
        return kept;
    }

    @Test
    void eachPolicyKeepsWhatItSays() throws Exception {
        assertEquals(3, PLAN.cells().size());
        assertEquals(Set.of("resnet18@fer"), kept(WeightsRetention.Keep.SOURCES, 0.5, 0.9, 0.7),
                "the checkpoint source only");
        assertEquals(Set.of("resnet18@fer", "mobilenet_v2@fer", "resnet18@tiny"),
                kept(WeightsRetention.Keep.ALL, 0.5, 0.9, 0.7));
        assertEquals(Set.of(), kept(WeightsRetention.Keep.NONE, 0.5, 0.9, 0.7),
                "the source goes once the cell that starts from it has ended ok");
        assertEquals(Set.of("resnet18@fer", "mobilenet_v2@fer", "resnet18@tiny"),
                kept(WeightsRetention.Keep.BEST, 0.5, 0.9, 0.7), "the source and the best of each dataset and network");
    }

    @Test
    void bestKeepsOnlyTheMostAccurateCellOfADatasetAndArchitecture() throws Exception {
        SuitePlan repeats = Suites.plan("""
                name: keep
                datasets:
                  fer: {kind: synthetic, classes: [angry, happy, sad]}
                matrix:
                  backend: [djl, tensorflow]
                """, "repeats.yaml");
        RunLayout layout = RunLayout.of(dir, "keep");
        WeightsRetention policy = new WeightsRetention(WeightsRetention.Keep.BEST);
        policy.runStarted(layout, repeats, repeats.cells(), List.of());
        List<CellResult> results = new ArrayList<>();
        double[] accuracies = {0.6, 0.8};
        for (int i = 0; i < 2; i++) {
            Cell cell = repeats.cells().get(i);
            Files.createDirectories(layout.cellDir(cell.id()));
            Files.writeString(layout.weightsFile(cell.id()), "weights");
            results.add(new CellResult(cell, CellStatus.OK, null, null, null, null, null, new TestMetrics(10,
                    accuracies[i], 0.5, 0, 0, 0, 0, 0, 0, null, List.of(), new int[0][0], List.of()), null, null, null,
                    null, null, null, 1));
            policy.cellFinished(results.get(i), List.copyOf(results));
        }
        assertEquals(List.of(false, true), repeats.cells().stream()
                .map(c -> Files.exists(layout.weightsFile(c.id()))).toList(), "the first was best, then beaten");
    }
}
