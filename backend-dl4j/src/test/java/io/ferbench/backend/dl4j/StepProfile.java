package io.ferbench.backend.dl4j;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.testing.ModelFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

/**
 * Where a training step's time goes, and before/after comparisons: a command-line tool, not a test
 * (surefire never runs it; docs/backends/dl4j.md, "Speed", has the command line).
 *
 * <pre>
 *   StepProfile [architecture] [batch] [steps] [backend key=value ...] [vs backend key=value ...]
 * </pre>
 *
 * defaults {@code resnet18 32 10 dl4j}; 48×48 grayscale, 7 classes, Adam, 3 warm-up steps. Each
 * configuration ({@code backend} with its settings, plus {@code threads=N}, default 2) gets its own
 * model from the same weights; with {@code vs} the models take turns step by step, so that changes in
 * the load of a shared machine hit both alike. Prints the median ms per step and images per second,
 * and for dl4j the split into input conversion, forward + backward and parameter update
 * ({@link StepPhases}). {@code ops=true} (with one configuration) turns on ND4J's {@link OpProfiler} for
 * the timed steps and prints its dashboard; for the oneDNN primitives inside libnd4j run with
 * {@code DNNL_VERBOSE=1}.
 */
public final class StepProfile {
    private static final int IMAGE = 48;
    private static final int WARMUP = 3;

    private StepProfile() {}

    /** One backend configuration under test. */
    private record Configuration(String label, Backend backend, TrainableModel model, double[] ms) {}

    public static void main(String[] args) {
        String architecture = args.length > 0 ? args[0] : "resnet18";
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<List<String>> groups = new ArrayList<>(List.of(new ArrayList<>()));
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("vs")) groups.add(new ArrayList<>());
            else groups.get(groups.size() - 1).add(args[i]);
        }
        boolean ops = groups.size() == 1 && groups.get(0).remove("ops=true");

        ModelGraph graph = Architectures.build(architecture, 1, IMAGE, ModelFixtures.CLASSES, 1.0);
        Batch batch = ModelFixtures.batch(graph, batchSize, 1);
        List<Configuration> configurations = new ArrayList<>();
        for (List<String> group : groups) {
            String backendId = group.isEmpty() || group.get(0).contains("=") ? "dl4j" : group.get(0);
            Map<String, String> settings = new HashMap<>();
            for (String arg : group) {
                if (!arg.contains("=")) continue;
                String[] kv = arg.split("=", 2);
                settings.put(kv[0], kv[1]);
            }
            int threads = Integer.parseInt(settings.getOrDefault("threads", "2"));
            settings.remove("threads");
            Backend backend = ModelFixtures.provider(backendId).create(new BackendOptions("cpu", threads, settings));
            System.out.println("PROFILE " + backend.info());
            TrainableModel model = backend.build(graph, ModelFixtures.spec(graph, 1, 1e-3));
            configurations.add(new Configuration(String.join(" ", group), backend, model, new double[steps]));
        }

        for (int i = 0; i < WARMUP; i++) for (Configuration c : configurations) c.model().trainStep(batch);
        for (Configuration c : configurations) if (c.model() instanceof Dl4jTrainableModel m) m.phases().reset();
        if (ops) {
            OpProfiler.getInstance().reset();
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        }
        for (int i = 0; i < steps; i++) {
            for (Configuration c : configurations) {
                long start = System.nanoTime();
                c.model().trainStep(batch);
                c.ms()[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        if (ops) {
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
            OpProfiler.getInstance().printOutDashboard();
        }
        for (Configuration c : configurations) {
            report(c, architecture, batchSize);
            c.model().close();
            c.backend().close();
        }
    }

    private static void report(Configuration c, String architecture, int batchSize) {
        double[] sorted = c.ms().clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf(Locale.ROOT, "PROFILE [%s] %s batch %d: median %.1f ms/step (min %.1f, max %.1f), %.1f img/s%n",
                c.label(), architecture, batchSize, median, sorted[0], sorted[sorted.length - 1],
                batchSize * 1000 / median);
        if (c.model() instanceof Dl4jTrainableModel m) {
            StepPhases p = m.phases();
            double total = p.stepNanos;
            System.out.printf(Locale.ROOT, "PROFILE [%s] phases: input %.1f %%, forward+backward %.1f %%, update %.1f %%, "
                    + "other %.1f %% (mean step %.1f ms)%n", c.label(),
                    100 * p.inputNanos / total, 100 * p.forwardBackwardNanos / total, 100 * p.updateNanos / total,
                    100 * (total - p.inputNanos - p.forwardBackwardNanos - p.updateNanos) / total,
                    total / p.steps / 1e6);
        }
    }
}
