package io.ferbench.worker;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.worker.audit.AuditCache;
import io.ferbench.worker.audit.AuditExamples;
import io.ferbench.worker.audit.AuditFiles;
import io.ferbench.worker.audit.AuditReport;
import io.ferbench.worker.audit.Remedies;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ModelStats;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.AuditCounts;
import io.ferbench.api.result.DatasetSummary;
import io.ferbench.api.result.Divergence;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.api.result.Peak;
import io.ferbench.api.result.ModelCost;
import io.ferbench.api.result.Timing;
import io.ferbench.api.result.TrainingSummary;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.worker.data.Datasets;
import io.ferbench.worker.data.PreparedDataset;
import io.ferbench.worker.env.CacheDirectory;
import io.ferbench.worker.env.EnvironmentProbe;
import io.ferbench.worker.env.MemoryProbe;
import io.ferbench.worker.peak.BackendPeak;
import io.ferbench.worker.env.ProcessMemory;
import io.ferbench.api.cell.Cell;
import io.ferbench.worker.train.ClassBalance;
import io.ferbench.worker.train.InferenceBenchmark;
import io.ferbench.worker.train.TestEvaluation;
import io.ferbench.worker.train.TestOutcome;
import io.ferbench.worker.train.Timings;
import io.ferbench.worker.train.Trainer;
import io.ferbench.worker.train.TrainingOutcome;
import io.ferbench.worker.train.TrainingPlan;
import io.ferbench.worker.train.WeightTransfer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs one cell inside the worker: starts the backend, prepares the dataset, builds the model from
 * the IR with the IR's seeded initial weights (the same on every backend), trains, tests, measures
 * inference, and assembles the result. It never throws: anything that goes wrong becomes a failed
 * result that keeps what was reached (history, dataset, model cost), and the stack trace goes to
 * standard error (the cell's {@code stderr.log}). One execution runs its cell once.
 */
public final class CellExecution {
    private final WorkerRequest request;
    private final ProgressEmitter progress;
    private final UnaryOperator<TrainableModel> modelDecorator;
    private final Consumer<PreparedDataset> onDatasetPrepared;
    private final Trainer trainer;
    private Instant started;
    private EnvironmentInfo environment;
    private DatasetSummary dataset;
    private ModelCost cost;

    public CellExecution(WorkerRequest request, ProgressEmitter progress) {
        this(request, progress, UnaryOperator.identity());
    }

    /** With a decorator around the backend's model, for tests that inject faults (a NaN loss...). */
    public CellExecution(WorkerRequest request, ProgressEmitter progress, UnaryOperator<TrainableModel> modelDecorator) {
        this(request, progress, modelDecorator, data -> {});
    }

    /**
     * This execution, calling {@code hook} once the dataset is ready, before training (the worker writes
     * the dataset preview for the report). What the hook throws fails the cell, so a hook whose work is
     * optional catches its own errors.
     */
    public CellExecution onDatasetPrepared(Consumer<PreparedDataset> hook) {
        return new CellExecution(request, progress, modelDecorator, hook);
    }

    private CellExecution(WorkerRequest request, ProgressEmitter progress,
                          UnaryOperator<TrainableModel> modelDecorator, Consumer<PreparedDataset> onDatasetPrepared) {
        this.request = request;
        this.progress = progress;
        this.modelDecorator = modelDecorator;
        this.onDatasetPrepared = onDatasetPrepared;
        this.trainer = new Trainer(TrainingPlan.of(request.cell()), progress);
    }

    /** Runs the cell once; never throws. */
    public CellResult run() {
        started = CellResults.now();
        environment = EnvironmentProbe.capture(request.cell().execution().threads());
        try {
            return runCell();
        } catch (Throwable t) {
            // bad input explains itself; anything else gets its stack trace in stderr.log
            if (t instanceof IllegalArgumentException) {
                System.err.println("cell " + request.cell().id() + " failed: " + t.getMessage());
            } else {
                System.err.println("cell " + request.cell().id() + " failed:");
                t.printStackTrace();
            }
            List<EpochRecord> soFar = trainer.history();
            return finish(CellStatus.FAILED, CellResults.describe(t), null,
                    soFar.isEmpty() ? null : new TrainingSummary(soFar.size(), null, false, false, soFar), null, null);
        }
    }

    private CellResult runCell() {
        Cell cell = request.cell();
        progress.phase("starting backend " + cell.backend());
        try (Backend backend = BackendRegistry.find(cell.backend())
                .create(new BackendOptions(cell.execution().device().toString(), cell.execution().threads(),
                        cell.execution().backendSettings()))) {
            environment = environment.withBackend(backend.info());
            Peak peak = BackendPeak.of(backend, request.givenPeakGflops(), Path.of(request.cacheRoot()),
                    cell.execution().threads(), environment.cpuModel(), environment.logicalCores(),
                    () -> progress.phase("measuring the peak of " + cell.backend()));

            progress.phase("preparing dataset " + cell.dataset().name());
            PreparedDataset prepared = Datasets.prepare(cell.dataset(), Path.of(request.dataRoot()),
                    new CacheDirectory(Path.of(request.cacheRoot())).datasets());
            if (!prepared.skipped().isEmpty()) System.err.println(leftOutWarning(prepared));
            dataset = summary(prepared, null);
            progress.phase("auditing dataset " + cell.dataset().name());
            AuditReport audit = AuditCache.audit(prepared, cell.dataset(), Path.of(request.dataRoot()),
                    new CacheDirectory(Path.of(request.cacheRoot())).datasets());
            Remedies.Outcome remedied = Remedies.apply(prepared, audit, cell.dataset().remedies());
            writeAuditFiles(prepared, audit, remedied.dropped(), cell);
            PreparedDataset data = remedied.dataset();
            dataset = summary(data, AuditCache.counts(audit, remedied.dropped().size()));
            onDatasetPrepared.accept(data);

            progress.phase("building " + cell.architecture());
            ModelGraph graph = Architectures.build(cell.architecture(), data.train().channels(),
                    cell.dataset().imageSize(), data.numClasses(), cell.network().widthMultiplier(), cell.network().stem());
            ModelStats stats = ModelStats.of(graph);
            cost = new ModelCost(stats.parameters(), stats.macs());
            NamedTensors initial = startingWeights(cell, graph);
            float[] classWeights = cell.training().classWeights()
                    ? ClassBalance.weights(data.train().labels(), data.numClasses()) : null;

            try (TrainableModel model = modelDecorator.apply(
                    backend.build(graph, new ModelSpec(cell.seed(), initial, cell.training().optimizer(), classWeights,
                            cell.training().labelSmoothing())))) {
                if (cell.network().init().headOnly()) {
                    model.freeze(WeightTransfer.backboneNodes(graph));
                }
                progress.phase("training");
                TrainingOutcome outcome = trainer.train(model, data, MemoryProbe.withNative(backend::nativeBytes));
                List<EpochRecord> history = outcome.summary().history();
                if (outcome.diverged()) {
                    Timing timing = history.isEmpty() ? null
                            : Timings.of(history, data.train().size(), cost.macs(), peak, null);
                    return finish(CellStatus.DIVERGED, outcome.divergence().describe(), outcome.divergence(),
                            outcome.summary(), null, timing);
                }
                progress.phase("saving weights");
                CellCheckpoints.export(model.exportWeights(), cell, data.classNames(),
                        Path.of(request.cellsDir()).resolve(cell.id()).resolve(RunLayout.WEIGHTS_FILE));
                progress.phase("testing");
                TestOutcome test = TestEvaluation.run(model, data, cell.training().batchSize(), request.featureSample(),
                        cell.seed());
                progress.phase("measuring inference");
                InferenceTiming inference = InferenceBenchmark.measure(model, data.test(), data.mean(), data.std(),
                        cell.training().batchSize(), cost.macs(), request.inference());
                Timing timing = Timings.of(history, data.train().size(), cost.macs(), peak, inference);
                return finish(CellStatus.OK, null, null, outcome.summary(), test, timing);
            }
        }
    }

    /**
     * The IR's seeded initialisation, or for a cell that starts from a checkpoint, the checkpoint's weights with a
     * fresh head (unless it keeps the checkpoint's).
     */
    private NamedTensors startingWeights(Cell cell, ModelGraph graph) {
        NamedTensors initial = WeightInitializer.initialise(graph, cell.seed());
        if (cell.network().init().fromScratch()) {
            return initial;
        }
        progress.phase("loading " + cell.network().init().checkpoint());
        Path cellsDir = Path.of(request.cellsDir());
        Path dataRoot = Path.of(request.dataRoot());
        NamedTensors checkpoint = CellCheckpoints.load(cell.network().init(), cellsDir, dataRoot);
        return WeightTransfer.startingWeights(graph, initial, checkpoint, cell.network().init().keepHead(),
                CellCheckpoints.describe(cell.network().init(), CellCheckpoints.sourceFile(cell.network().init(), cellsDir, dataRoot)));
    }

    /**
     * The audit's files, once per dataset and image size, in the run folder ({@code audit/<dataset>-<size>px/}); a
     * failure to write them is a warning, never the cell's failure.
     */
    private void writeAuditFiles(PreparedDataset prepared, AuditReport audit, List<Remedies.Dropped> dropped,
                                 Cell cell) {
        Path folder = new RunLayout(Path.of(request.cellsDir()).toAbsolutePath().getParent())
                .auditDir(cell.dataset().name(), cell.dataset().imageSize());
        if (Files.isRegularFile(folder.resolve(AuditFiles.JSON))) return;
        try {
            Files.createDirectories(folder);
            AuditFiles.write(audit, folder);
            if (!dropped.isEmpty()) AuditFiles.writeDropped(dropped, cell.dataset().name(), folder);
            JsonFiles.write(folder.resolve(AuditExamples.FILE), AuditExamples.of(prepared, audit), false);
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: cannot write the audit of dataset " + cell.dataset().name() + " to " + folder
                    + ": " + e.getMessage());
        }
    }

    private static DatasetSummary summary(PreparedDataset data, AuditCounts audit) {
        return new DatasetSummary(data.name(), data.classNames(), data.train().size(), data.validation().size(),
                data.test().size(), data.mean(), data.std(), data.skipped().size(), audit);
    }

    /** The result, with whatever the cell reached (dataset, model cost, environment) filled in. */
    private CellResult finish(CellStatus status, String error, Divergence divergence, TrainingSummary training,
                              TestOutcome test, Timing timing) {
        Instant finished = CellResults.now();
        return new CellResult(request.cell(), status, error, divergence, dataset, cost, training,
                test == null ? null : test.metrics(), timing, ProcessMemory.peakResidentMb(), environment,
                test == null ? null : test.features(), started.toString(), finished.toString(),
                CellResults.seconds(started, finished));
    }

    /** One line naming what the dataset left out (files and folders, each with its reason); the audit lists all. */
    static String leftOutWarning(PreparedDataset prepared) {
        List<String> all = prepared.skipped();
        int shown = Math.min(all.size(), LEFT_OUT_NAMED);
        return "warning: dataset " + prepared.name() + " left out " + all.size() + " file(s) or folder(s): "
                + String.join("; ", all.subList(0, shown))
                + (all.size() > shown ? "; and " + (all.size() - shown) + " more (all listed in the dataset audit)"
                : "");
    }

    private static final int LEFT_OUT_NAMED = 10;
}
