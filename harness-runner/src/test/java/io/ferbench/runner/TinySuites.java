package io.ferbench.runner;

import io.ferbench.worker.WorkerRequest;
import io.ferbench.worker.env.CacheDirectory;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import io.ferbench.worker.train.InferenceSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.Execution;

/** Suites small enough to train for real in a test: synthetic 24×24 faces, 10 per class, 2 epochs. */
final class TinySuites {
    private TinySuites() {}

    /** A suite of one cell per seed. */
    static SuitePlan plan(String name, String backend, List<Integer> seeds) {
        String yaml = """
                name: %s
                datasets:
                  tiny:
                    kind: synthetic
                    classes: [angry, happy, sad]
                    images_per_class: 10
                    seed: 3
                matrix:
                  architecture: shufflenet_v2_x0_5
                  backend: %s
                  device: cpu
                  threads: 1
                  image_size: 24
                  batch_size: 8
                  epochs: 2
                  seed: %s
                timeout_minutes: 5
                """.formatted(name, backend, seeds);
        return Suites.plan(yaml, name + ".yaml");
    }

    /** {@code plan} with every cell's backend replaced by {@code backend}, one no suite would accept. */
    static SuitePlan withBackend(SuitePlan plan, String backend) {
        List<Cell> cells = plan.cells().stream().map(c -> new Cell(c.suite(), c.id(), c.index(), c.repeat(), c.axes(),
                c.dataset(), c.network(), c.training(), new Execution(backend, c.execution().device(),
                c.execution().threads(), c.execution().timeoutSeconds(), Map.of()))).toList();
        return new SuitePlan(plan.name(), plan.description(), plan.file(), plan.yaml(), cells, plan.datasets());
    }

    /** Shared across test runs so the native library and datasets are unpacked once. */
    static CacheDirectory cache() {
        return new CacheDirectory(Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache"));
    }

    static RunOptions options(Path out) {
        return RunOptions.defaults(out).withCache(cache()).withDataRoot(out)
                .withInference(new InferenceSettings(1, 5, 2, 20)).withWorkerHeap("1g");
    }

    static WorkerRequest request(SuitePlan plan, int cell, Path dataRoot) {
        RunOptions o = options(dataRoot);
        return new WorkerRequest(plan.cells().get(cell), dataRoot.toString(), o.cache().root().toString(),
                o.peakGflops(), o.inference(), o.featureSample(), dataRoot.resolve("cells").toString());
    }
}
