package io.ferbench.api.cell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a cell's initial weights come from, and which of them it trains.
 *
 * @param checkpoint  the checkpoint's name under {@code checkpoints:}, or {@code scratch}
 * @param source      {@link Source#SCRATCH} (the IR's seeded initialisation), {@link Source#CELL} (the weights another
 *                    cell of the same suite exported when it finished) or {@link Source#FILE} (a safetensors file keyed
 *                    by IR names, which equal torchvision's state_dict keys)
 * @param sourceCell  for {@link Source#CELL}: the id of the cell whose weights are loaded; null otherwise
 * @param path        for {@link Source#FILE}: the file, with {@code {architecture}} already replaced, relative to the
 *                    data root unless absolute; null otherwise
 * @param keepHead    load the classifier head too (its shape must fit); otherwise the head starts from the IR's
 *                    seeded initialisation for this cell's class count
 * @param tune        {@link Tune#ALL} trains every layer ("deep-tuning"); {@link Tune#HEAD} freezes everything but the
 *                    classifier head (weights and batch-norm statistics) and trains the head only
 */
public record InitSpec(String checkpoint, Source source, String sourceCell, String path, boolean keepHead, Tune tune) {
    /** The name of the "no checkpoint" choice of {@code init:}. */
    public static final String SCRATCH = "scratch";

    /** Where initial weights come from. */
    public enum Source {
        SCRATCH, CELL, FILE;

        @Override
        public String toString() { return name().toLowerCase(Locale.ROOT); }

        public static List<String> ids() { return Arrays.stream(values()).map(Source::toString).toList(); }

        public static Source of(String id) { return Enums.of(Source.class, id, "checkpoint kind"); }
    }

    /** Which layers train: the {@code tune:} values. */
    public enum Tune {
        ALL, HEAD;

        @Override
        public String toString() { return name().toLowerCase(Locale.ROOT); }

        public static List<String> ids() { return Arrays.stream(values()).map(Tune::toString).toList(); }

        public static Tune of(String id) { return Enums.of(Tune.class, id, "tune mode"); }
    }

    public InitSpec {
        if (checkpoint == null) checkpoint = SCRATCH;
        if (source == null) source = Source.SCRATCH;
        if (tune == null) tune = Tune.ALL;
        if (source == Source.CELL && sourceCell == null) {
            throw new IllegalArgumentException("checkpoint '" + checkpoint + "' of kind cell names no source cell");
        }
        if (source == Source.FILE && path == null) {
            throw new IllegalArgumentException("checkpoint '" + checkpoint + "' of kind file names no path");
        }
    }

    public static InitSpec scratch() {
        return new InitSpec(SCRATCH, Source.SCRATCH, null, null, false, Tune.ALL);
    }

    public boolean fromScratch() { return source == Source.SCRATCH; }

    public boolean headOnly() { return tune == Tune.HEAD; }

    public InitSpec withTune(Tune value) {
        return new InitSpec(checkpoint, source, sourceCell, path, keepHead, value);
    }

    public InitSpec withPath(String value) {
        return new InitSpec(checkpoint, source, sourceCell, value, keepHead, tune);
    }
}
