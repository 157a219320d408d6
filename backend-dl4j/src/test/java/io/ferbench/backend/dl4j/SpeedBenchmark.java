package io.ferbench.backend.dl4j;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ms per training step of DL4J's default configuration (built-in layers) against the oneDNN helpers,
 * for each architecture at batch 32, 48×48, 1 channel, 7 classes. Not part of the normal test run:
 * {@code mvn -B -o -pl backend-dl4j -am test -Dgroups=benchmark -Dferbench.excludedGroups= -Dtest=SpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (docs/backends/dl4j.md has the figures). The median of the timed steps is reported, after warm-up
 * steps that let DL4J's workspaces learn their sizes.
 */
@Tag("benchmark")
class SpeedBenchmark {
    private static final int BATCH = 32;
    private static final int IMAGE = 48;
    private static final int WARMUP = Integer.getInteger("ferbench.bench.warmup", 3);
    private static final int STEPS = Integer.getInteger("ferbench.bench.steps", 10);

    @Test
    void defaultAgainstOneDnn() {
        Backend builtIn = Fixtures.backend(Map.of(Dl4jSettings.ONEDNN, "false"));
        Backend oneDnn = Fixtures.backend(Map.of(Dl4jSettings.ONEDNN, "true"));
        System.out.println("BENCH " + oneDnn.info());
        System.out.printf(Locale.ROOT, "BENCH %-20s %14s %14s %8s%n", "architecture", "default ms", "oneDNN ms", "speed-up");
        for (String name : new String[] {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"}) {
            ModelGraph graph = Architectures.build(name, 1, IMAGE, Fixtures.CLASSES, 1.0);
            Batch batch = Fixtures.batch(graph, BATCH, 1);
            double plain = msPerStep(builtIn, graph, batch);
            double fast = msPerStep(oneDnn, graph, batch);
            System.out.printf(Locale.ROOT, "BENCH %-20s %14.1f %14.1f %7.1fx%n", name, plain, fast, plain / fast);
        }
        builtIn.close();
        oneDnn.close();
    }

    private static double msPerStep(Backend backend, ModelGraph graph, Batch batch) {
        try (TrainableModel model = backend.build(graph, Fixtures.spec(graph, 1, 1e-3))) {
            for (int i = 0; i < WARMUP; i++) model.trainStep(batch);
            double[] ms = new double[STEPS];
            for (int i = 0; i < STEPS; i++) {
                long start = System.nanoTime();
                model.trainStep(batch);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            java.util.Arrays.sort(ms);
            return ms[STEPS / 2];
        }
    }
}
