package io.ferbench.cli;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.arch.Stem;
import io.ferbench.api.cell.Device;
import io.ferbench.runner.RunOptions;
import io.ferbench.runner.WorkerClasspath;
import io.ferbench.runner.WorkerLauncher;
import io.ferbench.runner.bench.BenchForks;
import io.ferbench.study.bench.BenchOutput;
import io.ferbench.study.bench.BenchResult;
import io.ferbench.study.bench.ConsoleTable;
import io.ferbench.study.bench.CsvOutput;
import io.ferbench.study.bench.JsonOutput;
import io.ferbench.study.bench.Score;
import io.ferbench.worker.UnknownBackendException;
import io.ferbench.worker.bench.BenchParams;
import io.ferbench.worker.bench.ForkResult;
import io.ferbench.worker.env.CacheDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ferbench bench}: JMH-style microbenchmarks of the training step, per backend × architecture × batch size.
 * Not a test: nothing in the build runs it. Each benchmark runs in fresh worker JVMs (its forks), started as a cell's
 * worker is; this command scores the forks' measured iterations and writes the table, bench.csv and bench.json.
 */
@Command(name = "bench",
        description = {"Microbenchmarks of the training step (forward, backward, optimizer update) per backend, "
                + "architecture and batch size, in the manner of JMH: each runs in --forks fresh worker JVMs, each "
                + "fork builds the network from the IR with its seeded initial weights, runs --warmup iterations that "
                + "are not scored and then --iterations measured ones of --steps training steps on seeded synthetic "
                + "batches (the same on every backend). No data loading, augmentation or validation is timed.",
                "Scores pool every measured iteration of every fork: the mean with the half-width of its "
                        + Score.CONFIDENCE_PERCENT + " %% confidence interval (Student's t) as the error, and the "
                        + "median, min and max; in images/s (mode thrpt) and ms per step (mode avgt). Writes "
                        + "bench.csv, bench.json and each fork's files (forks/) to --out. docs/benchmarks.md"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every benchmark measured", "1:some benchmark failed (the others are reported)",
                "2:invalid input (an option; the message names it and the valid values)"})
final class BenchCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int INVALID_INPUT = 2;

    @Option(names = "--backend", paramLabel = "IDS", split = ",",
            description = "backends to measure, comma-separated (default: every installed backend)")
    List<String> backends;

    @Option(names = "--architecture", paramLabel = "NAMES", split = ",",
            defaultValue = "resnet18,mobilenet_v2,shufflenet_v2_x1_0",
            description = "architectures, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> architectures;

    @Option(names = "--batch-size", paramLabel = "N", split = ",", defaultValue = "32",
            description = "images per training step; several, comma-separated, measure each (default: "
                    + "${DEFAULT-VALUE})")
    List<Integer> batchSizes;

    @Option(names = "--image-size", paramLabel = "PIXELS", defaultValue = "48",
            description = "image height and width, grayscale, 7 classes (default: ${DEFAULT-VALUE})")
    int imageSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "the backend's intra-op threads; 0 leaves them to the backend (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu", converter = DeviceConverter.class,
            description = "auto, cpu or gpu (default: ${DEFAULT-VALUE})")
    Device device;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "warm-up iterations per fork, not scored (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5",
            description = "measured iterations per fork (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "10",
            description = "training steps per iteration (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "2",
            description = "fresh JVMs per benchmark, run one after another (default: ${DEFAULT-VALUE})")
    int forks;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "seeds the initial weights and the synthetic batches (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/bench",
            description = "folder for bench.csv, bench.json and forks/ (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--worker-heap", paramLabel = "SIZE",
            description = "-Xmx of each fork's JVM, for example 8g (default: a quarter of the memory, 1-16 GiB)")
    String workerHeap;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "cache for native libraries (default: $FERBENCH_CACHE, else ~/.cache/ferbench)")
    Path cacheDir;

    @Option(names = "--fork-timeout", paramLabel = "DURATION", converter = RunCommand.DurationConverter.class,
            defaultValue = "30m", description = "a fork running longer is killed and its benchmark fails: 90s, 30m, "
                    + "2h, 1h30m or plain seconds (default: ${DEFAULT-VALUE})")
    Duration forkTimeout;

    @Option(names = {"-q", "--quiet"}, description = "print only the table, not every fork's iterations")
    boolean quiet;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        WorkerClasspath classpath = WorkerClasspath.detect();
        List<BenchParams> plan;
        RunOptions options;
        try {
            RunCommand.requireFolder("--out", out);
            RunCommand.requireFolder("--cache-dir", cacheDir);
            if (forkTimeout.isZero()) throw new IllegalArgumentException("--fork-timeout: must be more than 0");
            plan = plan(classpath.installedBackends());
            options = RunOptions.defaults(out).withWorkerHeap(workerHeap);
            if (cacheDir != null) options = options.withCache(new CacheDirectory(cacheDir));
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return INVALID_INPUT;
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        stdout.printf("# Warmup: %d iteration(s), measurement: %d iteration(s), %d training step(s) each; %d fork(s)%n",
                warmup, iterations, steps, forks);
        stdout.printf("# Threads: %s; device: %s; %dx%dx%d synthetic images, %d classes, seed %d%n",
                threads == 0 ? "backend default" : String.valueOf(threads), device, BenchParams.CHANNELS, imageSize,
                imageSize, BenchParams.CLASSES, seed);
        stdout.flush();
        BenchForks runner = new BenchForks(new WorkerLauncher(options, classpath), out.resolve("forks"), forkTimeout);
        List<BenchResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (BenchParams params : plan) {
            try {
                List<ForkResult> forkResults = runner.run(params, line -> {
                    if (!quiet) {
                        stdout.println(line);
                        stdout.flush();
                    }
                });
                results.add(BenchResult.of(params, forkResults));
            } catch (BenchForks.BenchFailedException e) {
                stderr.println(e.getMessage());
                stderr.flush();
                failures.add(params.id());
            }
        }
        stdout.println();
        List<BenchOutput> outputs = List.of(new ConsoleTable(stdout), new CsvOutput(out.resolve(CsvOutput.FILE)),
                new JsonOutput(out.resolve(JsonOutput.FILE)));
        for (BenchOutput output : outputs) output.write(results);
        stdout.println();
        stdout.println("Files: " + out.resolve(CsvOutput.FILE) + ", " + out.resolve(JsonOutput.FILE));
        if (!failures.isEmpty()) stdout.println("Failed: " + String.join(", ", failures));
        stdout.flush();
        return failures.isEmpty() ? OK : SOME_FAILED;
    }

    /**
     * Every benchmark to run, architecture by architecture, each checked before any fork starts: the parameters, the
     * backends against the installed ones, the architectures (and that the image size fits them) against the IR.
     */
    List<BenchParams> plan(List<String> installed) {
        List<String> chosenBackends = backends == null ? installed : backends.stream().map(String::trim).toList();
        if (chosenBackends.isEmpty()) {
            throw new IllegalArgumentException("--backend: no backend is installed (see ferbench backends)");
        }
        for (String id : chosenBackends) {
            if (!installed.contains(id)) {
                throw new IllegalArgumentException("--backend: " + new UnknownBackendException(id, installed,
                        "installed").getMessage());
            }
        }
        List<BenchParams> plan = new ArrayList<>();
        for (String architecture : architectures.stream().map(String::trim).toList()) {
            try {
                Architectures.build(architecture, BenchParams.CHANNELS, imageSize, BenchParams.CLASSES, 1.0,
                        Stem.STANDARD);
            } catch (IllegalArgumentException e) {
                boolean known = Architectures.names().contains(architecture);
                throw new IllegalArgumentException((known ? "--image-size " + imageSize : "--architecture") + ": "
                        + e.getMessage(), e);
            }
            for (String backend : chosenBackends) {
                for (int batchSize : batchSizes) {
                    plan.add(new BenchParams(backend, architecture, batchSize, imageSize, threads, device, warmup,
                            iterations, steps, forks, seed));
                }
            }
        }
        return plan;
    }

    /** {@code cpu} as suites spell it; the error lists the valid devices. */
    static final class DeviceConverter implements ITypeConverter<Device> {
        @Override public Device convert(String value) {
            try {
                return Device.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
