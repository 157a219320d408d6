package io.ferbench.worker.bench;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.arch.Stem;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ModelStats;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.worker.BackendRegistry;
import io.ferbench.worker.env.EnvironmentProbe;
import io.ferbench.worker.env.ProcessMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One fork of a training-step microbenchmark: the network as a cell builds it (the IR graph, the IR's seeded initial
 * weights, the backend's {@code build} with a {@link ModelSpec}: Adam at the quickstart's rate, plain cross-entropy),
 * then warm-up iterations, then measured ones, each timed as a whole over {@link BenchParams#steps()}
 * {@code trainStep} calls. {@code trainStep} returns the loss as a number, which makes every engine finish the step
 * (a GPU one included) before the clock reads it; the batches are made before the first iteration.
 */
public final class TrainStepBenchmark {
    /** The quickstart's learning rate: the step's cost does not depend on it, only its numbers do. */
    static final double LEARNING_RATE = 0.003;

    private TrainStepBenchmark() {}

    /** Runs one fork; {@code log} gets a JMH-like line per iteration. */
    public static ForkResult run(ForkRequest request, Consumer<String> log) {
        BenchParams p = request.params();
        log.accept(String.format(Locale.ROOT, "# Benchmark: trainStep %s, fork %d of %d", describe(p),
                request.fork(), p.forks()));
        long setupStart = System.nanoTime();
        EnvironmentInfo environment = EnvironmentProbe.capture(p.threads());
        try (Backend backend = BackendRegistry.find(p.backend())
                .create(new BackendOptions(p.device().toString(), p.threads(), Map.of()))) {
            environment = environment.withBackend(backend.info());
            ModelGraph graph = Architectures.build(p.architecture(), BenchParams.CHANNELS, p.imageSize(),
                    BenchParams.CLASSES, 1.0, Stem.STANDARD);
            ModelStats stats = ModelStats.of(graph);
            List<Batch> batches = SyntheticBatches.of(p);
            try (TrainableModel model = backend.build(graph, new ModelSpec(p.seed(),
                    WeightInitializer.initialise(graph, p.seed()), OptimizerSpec.adam(LEARNING_RATE), null))) {
                double setupSeconds = seconds(setupStart);
                float[] loss = {Float.NaN};
                List<Double> warmup = iterations(model, batches, p, p.warmup(), "# Warmup Iteration", loss, log);
                List<Double> measured = iterations(model, batches, p, p.iterations(), "Iteration", loss, log);
                return new ForkResult(p, request.fork(), environment, stats.parameters(), stats.macs(), setupSeconds,
                        warmup, measured, loss[0], ProcessMemory.peakResidentMb());
            }
        }
    }

    private static List<Double> iterations(TrainableModel model, List<Batch> batches, BenchParams p, int count,
                                           String label, float[] lastLoss, Consumer<String> log) {
        List<Double> seconds = new ArrayList<>(count);
        int next = 0;
        for (int i = 1; i <= count; i++) {
            long start = System.nanoTime();
            for (int s = 0; s < p.steps(); s++) {
                lastLoss[0] = model.trainStep(batches.get(next));
                next = (next + 1) % batches.size();
            }
            double t = seconds(start);
            seconds.add(t);
            log.accept(String.format(Locale.ROOT, "%s %3d: %.1f img/s, %.2f ms/step (loss %.4f)", label, i,
                    p.imagesPerIteration() / t, 1000 * t / p.steps(), lastLoss[0]));
        }
        return seconds;
    }

    static String describe(BenchParams p) {
        return String.format(Locale.ROOT, "%s %s, batch %d, %d px, threads %s, device %s", p.backend(),
                p.architecture(), p.batchSize(), p.imageSize(), p.threads() == 0 ? "default" : p.threads(), p.device());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
