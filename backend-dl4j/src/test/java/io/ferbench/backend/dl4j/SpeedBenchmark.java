package io.ferbench.backend.dl4j;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.BackendProvider;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ms per training step of DL4J's default configuration (built-in layers) against the oneDNN helpers,
 * with DJL (PyTorch) as the reference, for each architecture at batch 32, 48×48, 1 channel, 7 classes.
 * Not part of the normal test run:
 * {@code mvn -B -o -pl backend-dl4j -am test -Dgroups=benchmark -Dferbench.excludedGroups= -Dtest=SpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (docs/backends/dl4j.md has the figures). The three models take turns, one step each, so that a
 * change in machine load affects them alike; each reports the median of its timed steps, after
 * warm-up steps that let DL4J's workspaces learn their sizes.
 */
@Tag("benchmark")
class SpeedBenchmark {
    private static final int BATCH = 32;
    private static final int IMAGE = 48;
    private static final int WARMUP = Integer.getInteger("ferbench.bench.warmup", 3);
    private static final int STEPS = Integer.getInteger("ferbench.bench.steps", 10);

    @Test
    void defaultAgainstOneDnnAgainstDjl() {
        Backend builtIn = Fixtures.backend(Map.of(Dl4jSettings.ONEDNN, "false"));
        Backend oneDnn = Fixtures.backend(Map.of(Dl4jSettings.ONEDNN, "true"));
        Backend djl = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("djl")).findFirst().orElseThrow()
                .create(new BackendOptions("cpu", 2, Map.of()));
        System.out.println("BENCH dl4j " + oneDnn.info());
        System.out.println("BENCH djl " + djl.info());
        System.out.printf(Locale.ROOT, "BENCH %-20s %12s %12s %9s %12s%n",
                "architecture", "default ms", "oneDNN ms", "speed-up", "DJL ms");
        for (String name : new String[] {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"}) {
            ModelGraph graph = Architectures.build(name, 1, IMAGE, Fixtures.CLASSES, 1.0);
            Batch batch = Fixtures.batch(graph, BATCH, 1);
            TrainableModel[] models = {
                builtIn.build(graph, Fixtures.spec(graph, 1, 1e-3)),
                oneDnn.build(graph, Fixtures.spec(graph, 1, 1e-3)),
                djl.build(graph, Fixtures.spec(graph, 1, 1e-3))
            };
            double[][] ms = new double[models.length][STEPS];
            for (int step = -WARMUP; step < STEPS; step++) {
                for (int m = 0; m < models.length; m++) {
                    long start = System.nanoTime();
                    models[m].trainStep(batch);
                    if (step >= 0) ms[m][step] = (System.nanoTime() - start) / 1e6;
                }
            }
            double plain = median(ms[0]);
            double fast = median(ms[1]);
            System.out.printf(Locale.ROOT, "BENCH %-20s %12.1f %12.1f %8.1fx %12.1f%n",
                    name, plain, fast, plain / fast, median(ms[2]));
            for (TrainableModel m : models) m.close();
        }
        builtIn.close();
        oneDnn.close();
        djl.close();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
