package io.ferbench.worker.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kind {@code fer2013-csv}: the original FER2013 file with columns {@code emotion} (0 Angry, 1 Disgust, 2 Fear,
 * 3 Happy, 4 Sad, 5 Surprise, 6 Neutral), {@code pixels} (2304 space-separated gray values, a 48×48 image row by
 * row) and optionally {@code Usage} (Training → train, PublicTest → validation, PrivateTest → test).
 */
final class Fer2013CsvSource implements DatasetSource {
    static final String EXPECTED = "a CSV file with columns emotion,pixels,Usage (the original fer2013.csv)";
    static final int SIDE = 48;
    /** Class names by emotion code, in the lower-case names of the Kaggle folder layout. */
    static final List<String> CLASSES_BY_CODE = List.of("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral");
    private static final Map<String, Split> USAGES = Map.of(
            "training", Split.TRAIN, "publictest", Split.VALIDATION, "privatetest", Split.TEST);

    private final Path csv;

    Fer2013CsvSource(Path csv) {
        this.csv = csv.toAbsolutePath().normalize();
    }

    @Override
    public void fingerprint(CacheKey key) {
        key.addFile(csv);
    }

    @Override
    public Catalog catalog() {
        CsvFiles.requireFile(csv, "fer2013-csv", EXPECTED);
        List<Sample> samples = new ArrayList<>();
        try (CsvReader reader = new CsvReader(csv)) {
            CsvReader.Row header = reader.header();
            int emotionColumn = reader.column(header, true, "emotion");
            int pixelsColumn = reader.column(header, true, "pixels");
            int usageColumn = reader.column(header, false, "Usage");
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                reader.requireFields(row, header);
                String className = className(row, emotionColumn);
                Split split = usageColumn >= 0 ? split(row, usageColumn) : Split.TRAIN;
                byte[] pixels = pixels(row, pixelsColumn);
                samples.add(new Sample(className, split, csv.getFileName() + ":" + row.line(),
                        channels -> Raster.ofBytes(1, SIDE, SIDE, pixels).withChannels(channels)));
            }
        }
        // The classes are the emotions that occur, so that a file holding only some of them is usable as it is.
        List<String> present = samples.stream().map(Sample::className).distinct().toList();
        Map<String, String> locations = new LinkedHashMap<>();
        present.forEach(c -> locations.put(c, csv.toString()));
        return new Catalog(present, samples, locations, List.of());
    }

    private String className(CsvReader.Row row, int column) {
        String value = row.field(column).trim();
        try {
            int code = Integer.parseInt(value);
            if (code >= 0 && code < CLASSES_BY_CODE.size()) {
                return CLASSES_BY_CODE.get(code);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetException(csv + " line " + row.line() + ": emotion '" + value + "' names no known class; "
                + "expected 0 angry, 1 disgust, 2 fear, 3 happy, 4 sad, 5 surprise or 6 neutral");
    }

    private Split split(CsvReader.Row row, int column) {
        String value = row.field(column).trim();
        Split split = USAGES.get(value.toLowerCase(java.util.Locale.ROOT));
        if (split == null) {
            throw new DatasetException(csv + " line " + row.line() + ": Usage '" + value
                    + "' is not Training, PublicTest or PrivateTest");
        }
        return split;
    }

    /** Parses the 2304 space-separated values without creating a string per value (the file has 82 million). */
    private byte[] pixels(CsvReader.Row row, int column) {
        String text = row.field(column);
        byte[] pixels = new byte[SIDE * SIDE];
        int count = 0;
        int i = 0, n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            int value = 0, digits = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                digits++;
                i++;
                if (digits > 3) {
                    break;
                }
            }
            if (digits == 0 || digits > 3 || value > 255 || (i < n && text.charAt(i) != ' ' && text.charAt(i) != '\t')) {
                int end = start;
                while (end < n && text.charAt(end) != ' ' && text.charAt(end) != '\t' && end - start < 20) end++;
                throw new DatasetException(csv + " line " + row.line() + ": pixel " + (count + 1) + " is '"
                        + text.substring(start, end) + "', not an integer 0..255");
            }
            if (count < pixels.length) {
                pixels[count] = (byte) value;
            }
            count++;
        }
        if (count != pixels.length) {
            throw new DatasetException(csv + " line " + row.line() + ": expected " + pixels.length
                    + " pixel values (48x48) but found " + count);
        }
        return pixels;
    }
}
