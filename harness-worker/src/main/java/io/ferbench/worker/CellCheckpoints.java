package io.ferbench.worker;

import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.tensor.SafeTensors;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.InitSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights cells leave behind and start from. A cell that finishes ok writes the weights it was tested with (the
 * best epoch's, when restored) to {@code cells/<id>/weights.safetensors}, keyed by IR names; a cell whose
 * {@code init} names a cell checkpoint reads its source cell's file, one naming a file checkpoint reads that file
 * (relative to the data root).
 */
public final class CellCheckpoints {
    /** Metadata keys of an exported checkpoint. */
    public static final String ARCHITECTURE = "ferbench.architecture";
    public static final String CELL = "ferbench.cell";
    public static final String BACKEND = "ferbench.backend";
    public static final String CLASSES = "ferbench.classes";

    private CellCheckpoints() {}

    /** The file a cell's checkpoint is read from. */
    public static Path sourceFile(InitSpec init, Path cellsDir, Path dataRoot) {
        return switch (init.source()) {
            case CELL -> cellsDir.resolve(init.sourceCell()).resolve(RunLayout.WEIGHTS_FILE);
            case FILE -> dataRoot.resolve(init.path()).toAbsolutePath().normalize();
            default -> throw new IllegalArgumentException("a cell from scratch reads no checkpoint");
        };
    }

    /** The checkpoint as messages name it. */
    static String describe(InitSpec init, Path file) {
        return init.source() == InitSpec.Source.CELL
                ? "checkpoint '" + init.checkpoint() + "' (the weights of cell " + init.sourceCell() + ", " + file + ")"
                : "checkpoint '" + init.checkpoint() + "' (" + file + ")";
    }

    /** Reads the checkpoint a cell starts from; a missing file is an error that says what was expected. */
    static NamedTensors load(InitSpec init, Path cellsDir, Path dataRoot) {
        Path file = sourceFile(init, cellsDir, dataRoot);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(describe(init, file) + " does not exist; " + (init.source()
                    == InitSpec.Source.CELL ? "the source cell writes it when it finishes ok, so it must run (and pass) first"
                    : "a safetensors file keyed by IR names (torchvision's state_dict keys) was expected there; "
                    + "docs/study.md shows how to convert torchvision's ImageNet weights"));
        }
        return SafeTensors.read(file);
    }

    /** Writes {@code weights} atomically, with the cell, backend, architecture and class names as metadata. */
    static void export(NamedTensors weights, Cell cell, List<String> classNames, Path file) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ARCHITECTURE, cell.architecture());
        metadata.put(CELL, cell.id());
        metadata.put(BACKEND, cell.backend());
        metadata.put(CLASSES, String.join(",", classNames));
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            SafeTensors.write(weights, metadata, temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the weights " + file + ": " + e.getMessage(), e);
        }
    }
}
