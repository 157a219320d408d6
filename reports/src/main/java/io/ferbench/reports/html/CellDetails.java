package io.ferbench.reports.html;

import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.Training;
import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.cell.AugmentationSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.ClassScore;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.FeatureSample;
import io.ferbench.api.result.RocPoints;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.api.result.TimeToAccuracy;
import io.ferbench.api.result.Timing;
import io.ferbench.api.result.TrainingSummary;
import io.ferbench.reports.ResultsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Section 4, one cell in depth: its settings and figures, training and validation loss and accuracy
 * per epoch, the confusion matrix, per-class precision, recall, F1, support and AUC, one-vs-rest ROC
 * curves, and a t-SNE scatter of the penultimate features of a test sample, by true class. A part the
 * cell did not reach (a failed cell has no history, a diverged one no test metrics) is null.
 */
final class CellDetails {
    /** Per epoch; accuracies in %. */
    record History(int[] epoch, double[] trainLoss, double[] valLoss, double[] trainAccuracy, double[] valAccuracy,
                   Integer bestEpoch, boolean restoredBest) {}

    /** @param auc null when undefined (the class is absent from the test split, or is all of it) */
    record ClassRow(String name, double precision, double recall, double f1, int support, Double auc) {}

    /** @param points {@code [fpr, tpr]} pairs */
    record Roc(String name, Double auc, double[][] points) {}

    /** The t-SNE points of one true class. */
    record TsneClass(String name, double[][] points) {}

    /**
     * @param settings label and value pairs describing the configuration and the environment
     * @param figures  label and value pairs of the cell's main figures, formatted
     * @param dataset  key of the dataset's entry in the datasets section
     * @param tsneNote why there is no t-SNE plot, when there is none
     */
    record Detail(String key, String id, int run, String suite, String title, String status, String error,
                  List<String[]> settings, List<String[]> figures, History history, List<String> classes,
                  int[][] confusion, List<ClassRow> perClass, List<Roc> roc, List<TsneClass> tsne, String tsneNote,
                  String dataset) {}

    private CellDetails() {}

    static Detail of(ReportCell c, String datasetKey, TsneEmbeddings tsne) {
        CellResult r = c.result();
        TestMetrics test = r.test();
        List<String> classes = r.dataset() == null ? List.of() : r.dataset().classNames();
        List<TsneClass> points = null;
        String tsneNote = null;
        if (r.features() == null || r.features().size() < 2) {
            tsneNote = "no feature sample: the cell did not reach testing";
        } else {
            try {
                points = byClass(r.features(), tsne.embed(r.features(), r.cell().seed(),
                        c.folder().layout().tsneFile(c.id())), classes);
            } catch (RuntimeException e) {
                tsneNote = "t-SNE could not embed the features: " + e.getMessage();
            }
        }
        return new Detail(c.key(), c.id(), c.run(), c.folder().suite(), title(c), r.status().label(), r.error(),
                settings(r), figures(r), history(r.training()), classes, test == null ? null : test.confusion(),
                test == null ? null : perClass(test), test == null ? null : roc(test), points, tsneNote, datasetKey);
    }

    /** {@code djl · resnet18 · synthetic-48 · lr 0.001 · seed 42}. */
    static String title(ReportCell c) {
        Cell k = c.cell();
        return k.backend() + " · " + Leaderboard.architecture(k) + " · " + k.dataset().name() + " · lr "
                + k.training().optimizer().learningRate() + " · seed " + k.seed();
    }

    private static History history(TrainingSummary t) {
        if (t == null || t.history().isEmpty()) return null;
        List<EpochRecord> h = t.history();
        int n = h.size();
        int[] epoch = new int[n];
        double[] trainLoss = new double[n], valLoss = new double[n], trainAcc = new double[n], valAcc = new double[n];
        for (int i = 0; i < n; i++) {
            EpochRecord e = h.get(i);
            epoch[i] = e.epoch();
            trainLoss[i] = e.trainLoss();
            valLoss[i] = e.valLoss();
            trainAcc[i] = 100 * e.trainAccuracy();
            valAcc[i] = 100 * e.valAccuracy();
        }
        return new History(epoch, trainLoss, valLoss, trainAcc, valAcc, t.bestEpoch(), t.restoredBest());
    }

    private static List<ClassRow> perClass(TestMetrics test) {
        List<ClassRow> rows = new ArrayList<>();
        for (ClassScore s : test.perClass()) {
            Double auc = test.roc().stream().filter(p -> p.className().equals(s.name())).map(RocPoints::auc)
                    .findFirst().orElse(null);
            rows.add(new ClassRow(s.name(), s.precision(), s.recall(), s.f1(), s.support(), auc));
        }
        return rows;
    }

    /** The curves whose points are all defined (a class absent from the test split has none). */
    private static List<Roc> roc(TestMetrics test) {
        List<Roc> curves = new ArrayList<>();
        for (RocPoints p : test.roc()) {
            if (p.fpr() == null || p.tpr() == null || p.fpr().length != p.tpr().length) continue;
            double[][] points = new double[p.fpr().length][];
            boolean defined = true;
            for (int i = 0; i < points.length; i++) {
                points[i] = new double[] {p.fpr()[i], p.tpr()[i]};
                defined &= Double.isFinite(p.fpr()[i]) && Double.isFinite(p.tpr()[i]);
            }
            if (defined) curves.add(new Roc(p.className(), p.auc(), points));
        }
        return curves;
    }

    /** The embedding split by true class, in class order; classes without points are left out. */
    private static List<TsneClass> byClass(FeatureSample features, double[][] embedding, List<String> classes) {
        if (embedding == null) return null;
        List<TsneClass> out = new ArrayList<>();
        int classCount = Math.max(classes.size(), 1 + java.util.Arrays.stream(features.labels()).max().orElse(0));
        for (int k = 0; k < classCount; k++) {
            List<double[]> mine = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) if (features.labels()[i] == k) mine.add(embedding[i]);
            if (!mine.isEmpty()) {
                out.add(new TsneClass(k < classes.size() ? classes.get(k) : "class " + k, mine.toArray(double[][]::new)));
            }
        }
        return out;
    }

    private static List<String[]> settings(CellResult r) {
        Cell k = r.cell();
        DatasetSpec d = k.dataset();
        Training t = k.training();
        OptimizerSpec o = t.optimizer();
        EarlyStoppingSpec es = t.earlyStopping();
        List<String[]> s = new ArrayList<>();
        add(s, "suite", k.suite());
        add(s, "backend", k.backend() + " on " + ResultsTable.device(r) + " (asked for " + k.execution().device() + ")");
        EnvironmentInfo env = r.environment();
        BackendInfo b = env == null ? null : env.backend();
        if (b != null) {
            add(s, "framework", b.framework() + " · " + b.nativeVersion());
            if (!b.configuration().isEmpty()) add(s, "backend configuration", ResultsTable.joined(b.configuration()));
        }
        add(s, "architecture", Leaderboard.architecture(k));
        add(s, "dataset", d.name() + " (" + d.kind() + "), " + d.imageSize() + "×" + d.imageSize() + ", "
                + d.channels() + (d.channels() == 1 ? " channel" : " channels")
                + (d.imagesPerClass() == null ? "" : ", at most " + d.imagesPerClass() + " images a class"));
        if (r.dataset() != null) {
            add(s, "splits", r.dataset().trainSize() + " train · " + r.dataset().validationSize() + " validation · "
                    + r.dataset().testSize() + " test" + (r.dataset().skippedImages() > 0 ? " (" + r.dataset().skippedImages()
                    + " files skipped: see stderr.log)" : ""));
        }
        add(s, "optimizer", o.type() + ", lr " + o.learningRate() + ", β " + o.beta1() + "/" + o.beta2() + ", ε "
                + o.epsilon() + ", weight decay " + o.weightDecay() + ", schedule " + t.schedule().kind()
                + warmUp(t.schedule().warmupEpochs()));
        if (t.labelSmoothing() > 0) add(s, "loss", "cross-entropy, label smoothing " + t.labelSmoothing());
        add(s, "stem", k.network().stem().id());
        if (!k.network().init().fromScratch()) {
            add(s, "initial weights", "checkpoint " + k.network().init().checkpoint() + ", training "
                    + (k.network().init().headOnly() ? "the head only" : "every layer"));
        }
        if (!t.augmentation().isIdentity()) add(s, "augmentation", augmentation(t.augmentation()));
        add(s, "training", "batch " + t.batchSize() + ", at most " + t.epochs() + " epochs, "
                + (es.enabled() ? "early stopping on " + es.monitor() + " (patience "
                + es.patience() + (es.restoreBest() ? ", best weights restored)" : ")")
                : "no early stopping"));
        add(s, "seed", k.seed() + (k.repeat() > 0 ? " (repeat " + k.repeat() + ")" : ""));
        add(s, "threads", k.execution().threads() == 0 ? "backend default" : Integer.toString(k.execution().threads()));
        if (!k.execution().backendSettings().isEmpty()) {
            add(s, "backend settings", ResultsTable.joined(k.execution().backendSettings()));
        }
        if (env != null) {
            add(s, "machine", env.cpuModel() + ", " + env.logicalCores() + " cores, "
                    + fmt("%.1f GiB", env.memoryMb() / 1024.0) + (env.gpus().isEmpty() ? "" : ", "
                    + String.join(", ", env.gpus())));
            add(s, "JVM", env.jvm() + " · " + env.os());
        }
        add(s, "ran", r.startedAt() + " → " + r.finishedAt() + fmt(" (%.1f s)", r.wallSeconds()));
        return s;
    }

    private static List<String[]> figures(CellResult r) {
        List<String[]> f = new ArrayList<>();
        TestMetrics t = r.test();
        if (t != null) {
            add(f, "test accuracy", fmt("%.2f %%", 100 * t.accuracy()));
            add(f, "test loss", fmt("%.4f", t.loss()));
            add(f, "macro precision / recall / F1", fmt("%.3f / %.3f / %.3f", t.macroPrecision(), t.macroRecall(),
                    t.macroF1()));
            if (t.macroAuc() != null) add(f, "macro AUC", fmt("%.3f", t.macroAuc()));
        }
        TrainingSummary h = r.training();
        if (h != null) {
            add(f, "epochs", h.epochsRun() + (h.bestEpoch() == null ? "" : " (best " + h.bestEpoch() + ")")
                    + (h.stoppedEarly() ? ", stopped early" : ""));
            TimeToAccuracy target = h.timeToAccuracy();
            if (target != null) {
                add(f, "time to accuracy", target.reached()
                        ? fmt("%.1f %% validation accuracy after %d epoch(s), %.1f s", 100 * target.target(),
                                target.epochs(), target.seconds())
                        : fmt("%.1f %% validation accuracy not reached", 100 * target.target()));
            }
        }
        Timing tm = r.timing();
        if (tm != null) {
            add(f, "time per epoch", fmt("%.2f s (first epoch %.2f s)", tm.medianEpochSeconds(), tm.firstEpochSeconds()));
            add(f, "training throughput", fmt("%.1f img/s · %.2f GFLOP/s", tm.trainImagesPerSecond(),
                    tm.trainGflops()) + (tm.peak() == null ? " · no peak known"
                    : fmt(" · %.1f %% of ", 100 * tm.peakShare()) + tm.peak().describe()));
            if (tm.harnessOverheadShare() != null) {
                add(f, "harness overhead", fmt("%.2f %% of the training time outside the backend's step calls",
                        100 * tm.harnessOverheadShare()));
            }
            if (tm.inference() != null) {
                add(f, "inference", fmt("%.1f img/s at batch %d · latency p50 %.2f ms, p99 %.2f ms",
                        tm.inference().imagesPerSecond(), tm.inference().batchSize(), tm.inference().latencyP50Ms(),
                        tm.inference().latencyP99Ms()));
            }
        }
        if (r.model() != null) {
            add(f, "model", fmt("%.2f M parameters · %.1f M MACs per image", r.model().parameters() / 1e6,
                    r.model().macs() / 1e6));
        }
        if (r.peakRssMb() != null) add(f, "peak memory", fmt("%.0f MiB", r.peakRssMb()));
        if (r.divergence() != null) add(f, "diverged", r.divergence().describe());
        return f;
    }

    private static void add(List<String[]> list, String label, String value) {
        list.add(new String[] {label, value});
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String warmUp(int epochs) {
        return epochs == 0 ? "" : " after " + epochs + (epochs == 1 ? " warm-up epoch" : " warm-up epochs");
    }

    /** {@code faces: flip, rotation ±10°, translate 0.1, crop 0.85}. */
    private static String augmentation(AugmentationSpec a) {
        List<String> parts = new ArrayList<>();
        if (a.flip()) parts.add("flip");
        if (a.rotation() != 0) parts.add("rotation ±" + a.rotation() + "°");
        if (a.translate() != 0) parts.add("translate " + a.translate());
        if (a.crop() != 1) parts.add("crop " + a.crop());
        if (a.brightness() != 0) parts.add("brightness " + a.brightness());
        if (a.contrast() != 0) parts.add("contrast " + a.contrast());
        return a.name() + ": " + String.join(", ", parts);
    }
}
