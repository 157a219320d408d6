package io.ferbench.worker.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the CSV-based kinds. */
final class CsvFiles {
    private CsvFiles() {
    }

    /** Fails with a message naming the kind and the expected content unless {@code csv} is a readable file. */
    static void requireFile(Path csv, String kind, String expected) {
        if (!Files.exists(csv)) {
            throw new DatasetException("dataset file " + csv + " does not exist; kind '" + kind + "' expects " + expected);
        }
        if (!Files.isRegularFile(csv)) {
            throw new DatasetException(csv + " is not a file; kind '" + kind + "' expects " + expected);
        }
    }
}
