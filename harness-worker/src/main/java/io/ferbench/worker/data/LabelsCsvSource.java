package io.ferbench.worker.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Kind {@code labels-csv}: a CSV with a header and columns {@code path} (or {@code pth}), {@code label} and
 * optionally {@code confidence} (or {@code relFCs}), as AffectNet-HQ's labels.csv. Paths are relative to the image
 * root and must stay inside it. Rows whose confidence is below {@code min_confidence} are left out.
 *
 * <p>The classes are the distinct labels. When the image root has a sub-folder named like one of the labels
 * (AffectNet-HQ keeps one folder per class), the sub-folders are the known classes and a label naming none of them
 * is an error, which catches misspelt labels.
 */
final class LabelsCsvSource implements DatasetSource {
    static final String EXPECTED = "a CSV file with a header and columns path (or pth), label and optionally "
            + "confidence (or relFCs)";

    private final Path csv;
    private final Path root;
    private final Double minConfidence;
    private final Containment containment;
    private List<Row> rows;

    /** One usable row of the file. */
    private record Row(long line, Path image, String label) {
    }

    LabelsCsvSource(Path csv, Path root, Double minConfidence, boolean followSymlinks) {
        this.csv = csv.toAbsolutePath().normalize();
        this.root = (root == null ? this.csv.getParent() : root.toAbsolutePath()).normalize();
        this.minConfidence = minConfidence;
        this.containment = new Containment(this.root, followSymlinks);
    }

    @Override
    public void fingerprint(CacheKey key) {
        key.addFile(csv).add("root", root);
        for (Row row : rows()) {
            key.addFile(row.image());
        }
    }

    @Override
    public Catalog catalog() {
        List<Row> rows = rows();
        Set<String> labels = new LinkedHashSet<>();
        rows.forEach(r -> labels.add(r.label()));
        List<String> known = classFolders(labels);
        List<String> classNames = List.copyOf(labels);
        if (!known.isEmpty()) {
            Set<String> knownKeys = new LinkedHashSet<>(known.stream().map(ClassSelection::key).toList());
            for (Row row : rows) {
                if (!knownKeys.contains(ClassSelection.key(row.label()))) {
                    throw new DatasetException(csv + " line " + row.line() + ": label '" + row.label()
                            + "' names no known class; the class folders of " + root + " are " + String.join(", ", known));
                }
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (Row row : rows) {
            try {
                containment.check(row.image(), true);
            } catch (DatasetException e) {
                throw new DatasetException(csv + " line " + row.line() + ": " + e.getMessage(), e);
            }
            samples.add(new Sample(row.label(), Split.TRAIN, csv.getFileName() + ":" + row.line() + " " + row.image(),
                    channels -> ImageDecoder.decode(row.image(), channels)));
        }
        Map<String, String> locations = new LinkedHashMap<>();
        classNames.forEach(c -> locations.put(ClassSelection.key(c), csv + " (images under " + root + ")"));
        return new Catalog(classNames, samples, locations, List.of());
    }

    /** The rows, parsed once; rows below the confidence threshold are dropped. */
    private List<Row> rows() {
        if (rows != null) {
            return rows;
        }
        CsvFiles.requireFile(csv, "labels-csv", EXPECTED);
        if (!Files.isDirectory(root)) {
            throw new DatasetException("image root " + root + " of " + csv + " is not a folder");
        }
        List<Row> parsed = new ArrayList<>();
        try (CsvReader reader = new CsvReader(csv)) {
            CsvReader.Row header = reader.header();
            int pathColumn = reader.column(header, true, "path", "pth");
            int labelColumn = reader.column(header, true, "label");
            int confidenceColumn = reader.column(header, false, "confidence", "relFCs");
            if (minConfidence != null && confidenceColumn < 0) {
                throw new DatasetException(csv + ": min_confidence is set but the header has no confidence (or relFCs)"
                        + " column (found: " + String.join(", ", header.fields()) + ")");
            }
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                reader.requireFields(row, header);
                String label = row.field(labelColumn).trim();
                if (label.isEmpty()) {
                    throw new DatasetException(csv + " line " + row.line() + ": the label is empty");
                }
                if (minConfidence != null && confidence(row, confidenceColumn) < minConfidence) {
                    continue;
                }
                parsed.add(new Row(row.line(), image(row, pathColumn), label));
            }
        }
        rows = parsed;
        return rows;
    }

    private double confidence(CsvReader.Row row, int column) {
        String value = row.field(column).trim();
        double confidence;
        try {
            confidence = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            confidence = Double.NaN;
        }
        if (!Double.isFinite(confidence)) {  // parseDouble takes "NaN" and "Infinity", which no threshold can judge
            throw new DatasetException(csv + " line " + row.line() + ": confidence '" + value + "' is not a number");
        }
        return confidence;
    }

    /** Resolves a row's image path, refusing absolute paths and paths that leave the image root. */
    private Path image(CsvReader.Row row, int column) {
        String value = row.field(column).trim().replace('\\', '/'); // lists made on Windows use backslashes
        if (value.isEmpty()) {
            throw new DatasetException(csv + " line " + row.line() + ": the path is empty");
        }
        Path relative;
        try {
            relative = Path.of(value);
        } catch (InvalidPathException e) {
            throw new DatasetException(csv + " line " + row.line() + ": '" + value + "' is not a valid path");
        }
        if (relative.isAbsolute() || value.startsWith("/")) {
            throw new DatasetException(csv + " line " + row.line() + ": path '" + value
                    + "' is absolute; paths must be relative to the image root " + root);
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new DatasetException(csv + " line " + row.line() + ": path '" + value
                    + "' leaves the image root " + root);
        }
        return resolved;
    }

    /** The root's sub-folders when one of them is named like a label (a folder-per-class layout), else empty. */
    private List<String> classFolders(Set<String> labels) {
        List<String> folders;
        try (Stream<Path> entries = Files.list(root)) {
            folders = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list image root " + root + ": " + e.getMessage(), e);
        }
        Set<String> labelKeys = new LinkedHashSet<>(labels.stream().map(ClassSelection::key).toList());
        boolean perClass = folders.stream().anyMatch(f -> labelKeys.contains(ClassSelection.key(f)));
        return perClass ? folders : List.of();
    }
}
