package io.ferbench.core.suite;

/**
 * Where a cell's initial weights come from, and which of them it trains.
 *
 * @param checkpoint  the checkpoint's name under {@code checkpoints:}, or {@value #SCRATCH}
 * @param kind        {@value #SCRATCH} (the IR's seeded initialisation), {@value #CELL} (the weights another cell of
 *                    the same suite exported when it finished) or {@value #FILE} (a safetensors file keyed by IR
 *                    names, which equal torchvision's state_dict keys)
 * @param sourceCell  for {@value #CELL}: the id of the cell whose weights are loaded; null otherwise
 * @param path        for {@value #FILE}: the file, with {@code {architecture}} already replaced, relative to the
 *                    data root unless absolute; null otherwise
 * @param keepHead    load the classifier head too (its shape must fit); otherwise the head starts from the IR's
 *                    seeded initialisation for this cell's class count
 * @param tune        {@value #TUNE_ALL} trains every layer ("deep-tuning"); {@value #TUNE_HEAD} freezes everything but
 *                    the classifier head (weights and batch-norm statistics) and trains the head only
 */
public record InitSpec(String checkpoint, String kind, String sourceCell, String path, boolean keepHead,
                       String tune) {
    public static final String SCRATCH = "scratch";
    public static final String CELL = "cell";
    public static final String FILE = "file";
    public static final String TUNE_ALL = "all";
    public static final String TUNE_HEAD = "head";

    public InitSpec {
        if (checkpoint == null) checkpoint = SCRATCH;
        if (kind == null) kind = SCRATCH;
        if (tune == null) tune = TUNE_ALL;
        if (!kind.equals(SCRATCH) && !kind.equals(CELL) && !kind.equals(FILE)) {
            throw new IllegalArgumentException("checkpoint kind '" + kind + "' is not one of scratch, cell, file");
        }
        if (!tune.equals(TUNE_ALL) && !tune.equals(TUNE_HEAD)) {
            throw new IllegalArgumentException("tune '" + tune + "' is not one of all, head");
        }
        if (kind.equals(CELL) && sourceCell == null) {
            throw new IllegalArgumentException("checkpoint '" + checkpoint + "' of kind cell names no source cell");
        }
        if (kind.equals(FILE) && path == null) {
            throw new IllegalArgumentException("checkpoint '" + checkpoint + "' of kind file names no path");
        }
    }

    public static InitSpec scratch() {
        return new InitSpec(SCRATCH, SCRATCH, null, null, false, TUNE_ALL);
    }

    public boolean fromScratch() { return kind.equals(SCRATCH); }

    public boolean headOnly() { return tune.equals(TUNE_HEAD); }

    public InitSpec withTune(String value) {
        return new InitSpec(checkpoint, kind, sourceCell, path, keepHead, value);
    }

    public InitSpec withPath(String value) {
        return new InitSpec(checkpoint, kind, sourceCell, value, keepHead, tune);
    }
}
