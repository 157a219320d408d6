package io.ferbench.runner;

import io.ferbench.worker.ProgressEvent;
import io.ferbench.worker.RunLayout;
import io.ferbench.api.result.AuditCounts;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.cell.Cell;
import io.ferbench.suite.SuitePlan;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Shows a run's progress. On a terminal each cell gets a live progress bar (epoch, step, loss, ETA)
 * redrawn in place; elsewhere (a log file, CI) it prints plain lines: phases, a step line at most every
 * {@value #PLAIN_STEP_INTERVAL_SECONDS} s, one line per epoch and per cell. {@link Verbosity#QUIET} keeps only the
 * run's first and last lines and the cells that did not end ok; {@link Verbosity#VERBOSE} adds every step the worker
 * reports and each cell's folder.
 */
public final class ConsoleProgress implements RunListener {
    static final int PLAIN_STEP_INTERVAL_SECONDS = 30;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final boolean interactive;
    private final Verbosity verbosity;
    private int liveLineLength;
    private final Set<String> warnedDatasets = new HashSet<>();
    private long lastPlainStepNanos;
    private RunLayout layout;

    /** How much a run prints. */
    public enum Verbosity { QUIET, NORMAL, VERBOSE }

    public ConsoleProgress(PrintWriter out, boolean interactive) {
        this(out, interactive, Verbosity.NORMAL);
    }

    public ConsoleProgress(PrintWriter out, boolean interactive, Verbosity verbosity) {
        this.out = out;
        this.interactive = interactive;
        this.verbosity = verbosity;
    }

    /** Bars when the JVM's console is a terminal, plain lines otherwise. */
    public static ConsoleProgress forConsole(PrintWriter out, Verbosity verbosity) {
        return new ConsoleProgress(out, System.console() != null, verbosity);
    }

    @Override public synchronized void runStarted(RunLayout layout, SuitePlan plan, List<Cell> toRun,
                                                  List<CellResult> kept) {
        this.layout = layout;
        out.printf("Suite %s: %d cells, results in %s%n", plan.name(), plan.cells().size(), layout.suiteDir());
        if (!kept.isEmpty()) {
            out.printf("Resuming: %d finished cells kept, %d to run%n", kept.size(), toRun.size());
        }
        out.flush();
    }

    @Override public synchronized void cellStarted(Cell cell, int position, int count) {
        if (verbosity == Verbosity.QUIET) return;
        out.printf("[%d/%d] %s  (%s on %s, %s %dpx, lr %s, batch %d)%n", position, count, cell.id(),
                cell.architecture(), cell.backend(), cell.dataset().name(), cell.dataset().imageSize(),
                cell.training().optimizer().learningRate(), cell.training().batchSize());
        lastPlainStepNanos = System.nanoTime();
        out.flush();
    }

    @Override public synchronized void progress(Cell cell, ProgressEvent e) {
        if (verbosity == Verbosity.QUIET) return;
        show(e);
        out.flush();
    }

    private void show(ProgressEvent e) {
        switch (e.kind()) {
            case PHASE -> {
                if (interactive) live("  " + e.message() + "...");
                else out.println("  " + e.message());
            }
            case STEP -> step(e);
            case EPOCH -> {
                clearLive();
                out.printf(Locale.ROOT, "  epoch %d/%d  loss %.4f  acc %.3f | val loss %.4f  acc %.3f | %.1f s%s%n",
                        e.epoch(), e.epochs(), e.loss(), e.trainAccuracy(), e.valLoss(), e.valAccuracy(), e.seconds(),
                        "improved".equals(e.message()) ? "  *" : "stop".equals(e.message()) ? "  (early stop)" : "");
            }
        }
    }

    private void step(ProgressEvent e) {
        if (interactive) {
            int filled = (int) Math.round((double) BAR_WIDTH * e.step() / e.steps());
            live(String.format(Locale.ROOT, "  epoch %d/%d [%s%s] %d/%d  loss %.4f  ETA %s", e.epoch(), e.epochs(),
                    "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), e.step(), e.steps(), e.loss(),
                    duration(e.etaSeconds())));
        } else if (verbosity == Verbosity.VERBOSE
                || System.nanoTime() - lastPlainStepNanos >= PLAIN_STEP_INTERVAL_SECONDS * 1_000_000_000L) {
            lastPlainStepNanos = System.nanoTime();
            out.printf(Locale.ROOT, "  epoch %d/%d step %d/%d  loss %.4f  ETA %s%n", e.epoch(), e.epochs(), e.step(),
                    e.steps(), e.loss(), duration(e.etaSeconds()));
        }
    }

    @Override public synchronized void cellFinished(CellResult r, List<CellResult> results) {
        clearLive();
        warnAboutLeakage(r);
        if (r.status() == CellStatus.OK && verbosity == Verbosity.QUIET) {
            out.flush();
            return;
        }
        if (r.status() == CellStatus.OK) {
            out.printf(Locale.ROOT, "  ok: test accuracy %.2f %%, macro F1 %.3f, %.2f s/epoch, %.0f images/s (%s)%n",
                    100 * r.test().accuracy(), r.test().macroF1(), r.timing().medianEpochSeconds(),
                    r.timing().trainImagesPerSecond(), duration(r.wallSeconds()));
        } else {
            String error = r.error() == null ? "" : r.error();
            int nl = error.indexOf('\n');
            String status = r.status().label().toUpperCase(Locale.ROOT);
            out.printf("  %s%s: %s%n", verbosity == Verbosity.QUIET ? r.cellId() + " " : "", status,
                    nl < 0 ? error : error.substring(0, nl));
        }
        if (verbosity == Verbosity.VERBOSE && layout != null) {
            out.println("  files: " + layout.cellDir(r.cellId()));
        }
        out.flush();
    }

    @Override public synchronized void runFinished(RunSummary s) {
        clearLive();
        out.printf("%s: %d ok, %d diverged, %d failed of %d cells (%d run now, %d kept)%n",
                s.interrupted() ? "Interrupted" : "Done", s.count(CellStatus.OK), s.count(CellStatus.DIVERGED),
                s.count(CellStatus.FAILED), s.planned(), s.ran(), s.kept());
        out.flush();
    }

    /** One line per dataset whose audit found leakage into test or conflicting labels (docs/datasets.md). */
    private void warnAboutLeakage(CellResult r) {
        if (r.dataset() == null || r.dataset().audit() == null || !r.dataset().audit().warrantsWarning()) return;
        if (!warnedDatasets.add(r.dataset().name())) return;
        AuditCounts a = r.dataset().audit();
        out.printf(Locale.ROOT, "  warning: dataset '%s' leaks into its test split: %d exact-duplicate groups (%d images) "
                        + "and %d near-duplicate groups (%d images) have members in test and in training or validation; "
                        + "%d exact groups carry two labels%s. See audit/ in the results folder%n", r.dataset().name(),
                a.exactLeakGroups(), a.exactLeakImages(), a.nearLeakGroups(), a.nearLeakImages(), a.labelConflicts(),
                a.dropped() > 0 ? "; the dataset's dedupe setting dropped " + a.dropped() + " images before training"
                        : "");
    }

    private void live(String line) {
        String padded = line.length() < liveLineLength ? line + " ".repeat(liveLineLength - line.length()) : line;
        out.print("\r" + padded);
        out.flush();
        liveLineLength = line.length();
    }

    private void clearLive() {
        if (liveLineLength > 0) {
            out.print("\r" + " ".repeat(liveLineLength) + "\r");
            liveLineLength = 0;
        }
    }

    /** 3h05m, 4m12s, 9s. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return "?";
        long s = Math.round(seconds);
        if (s >= 3600) return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        if (s >= 60) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return s + "s";
    }
}
