package io.ferbench.worker.bench;

import io.ferbench.api.cell.Device;

/**
 * What one microbenchmark measures and how, as JMH's parameters and run options in one record: it is written into
 * every fork's request and comes back in its result, so each figure carries the settings that produced it. The
 * network is the IR's at full width with torchvision's stem, on {@value #CHANNELS}-channel images, with
 * {@value #CLASSES} classes (FER2013's shape); the messages name the {@code ferbench bench} options.
 *
 * @param backend       backend id
 * @param architecture  IR architecture name
 * @param batchSize     images per training step
 * @param imageSize     image height and width in pixels
 * @param threads       the backend's intra-op threads, 0 for its default
 * @param device        the device the backend is asked for
 * @param warmup        warm-up iterations per fork, timed but not scored (JIT, engine autotuning, allocator growth)
 * @param iterations    measured iterations per fork
 * @param steps         training steps per iteration (one iteration is timed as a whole)
 * @param forks         fresh JVMs, each with its own warm-up and measured iterations
 * @param seed          seeds the initial weights and the synthetic batches: the same on every backend and fork
 */
public record BenchParams(String backend, String architecture, int batchSize, int imageSize, int threads,
                          Device device, int warmup, int iterations, int steps, int forks, long seed) {
    public static final int CHANNELS = 1;
    public static final int CLASSES = 7;

    public BenchParams {
        if (backend == null || backend.isBlank()) throw new IllegalArgumentException("--backend: no backend given");
        if (architecture == null || architecture.isBlank()) {
            throw new IllegalArgumentException("--architecture: no architecture given");
        }
        if (device == null) device = Device.CPU;
        atLeast("--batch-size", batchSize, 1);
        atLeast("--image-size", imageSize, 1);
        atLeast("--threads", threads, 0);
        atLeast("--warmup", warmup, 0);
        atLeast("--iterations", iterations, 1);
        atLeast("--steps", steps, 1);
        atLeast("--forks", forks, 1);
    }

    /** Images one measured iteration trains on. */
    public long imagesPerIteration() {
        return (long) batchSize * steps;
    }

    /** A short name for folders and progress lines: {@code djl-resnet18-b32-48px}. */
    public String id() {
        return backend + "-" + architecture + "-b" + batchSize + "-" + imageSize + "px";
    }

    private static void atLeast(String option, int value, int min) {
        if (value < min) throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
    }
}
