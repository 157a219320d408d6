package io.ferbench.runner;

import io.ferbench.worker.CellCheckpoints;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.InitSpec;
import io.ferbench.worker.data.Datasets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a cell read besides its settings, as digests: the dataset's files and the checkpoint it starts from. The
 * coordinator writes them to {@code inputs.json} before a cell starts; a resumed run compares them with the inputs as
 * they are now, so a dataset edited or a checkpoint replaced under the same name never keeps a stale result.
 *
 * @param dataset     {@link Datasets#inputDigest} of the cell's dataset
 * @param checkpoint  SHA-256 of the checkpoint file the cell starts from; null for a cell from scratch
 */
public record CellInputs(String dataset, String checkpoint) {

    /**
     * The inputs of {@code cell} as they are now.
     *
     * @param datasetDigest the dataset's {@link #datasetDigest}, computed once for the cells that share it
     */
    static CellInputs of(Cell cell, Path dataRoot, Path cellsDir, String datasetDigest) {
        InitSpec init = cell.network().init();
        String checkpoint = init.fromScratch() ? null
                : sha256(CellCheckpoints.sourceFile(init, cellsDir, dataRoot));
        return new CellInputs(datasetDigest, checkpoint);
    }

    static String datasetDigest(io.ferbench.api.cell.DatasetSpec dataset, Path dataRoot) {
        return Datasets.inputDigest(dataset, dataRoot);
    }

    /** What changed from {@code before} to {@code now}, in words; empty when nothing did. */
    List<String> changesSince(CellInputs before, Cell cell) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(before.dataset, dataset)) {
            changes.add("the files of dataset '" + cell.dataset().name() + "' changed");
        }
        if (!Objects.equals(before.checkpoint, checkpoint)) {
            changes.add("the checkpoint '" + cell.network().init().checkpoint() + "' it starts from changed");
        }
        return changes;
    }

    /** The file's SHA-256, or {@code missing}. */
    static String sha256(Path file) {
        if (!Files.isRegularFile(file)) return "missing";
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
