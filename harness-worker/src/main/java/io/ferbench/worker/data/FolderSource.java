package io.ferbench.worker.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Kind {@code folder}: one sub-folder per class, either directly under the root ({@code <root>/<class>/*.png}) or
 * under split folders ({@code <root>/train/<class>/...}, {@code validation/} or {@code val/}, {@code test/}), as
 * Kaggle's FER2013 (train, test) and FER Tiny (train, validation, test) come. Only the files directly inside a
 * class folder are images; hidden files are ignored, files of other types are skipped and reported.
 */
final class FolderSource implements DatasetSource {
    private static final Map<String, Split> SPLIT_FOLDERS = Map.of(
            "train", Split.TRAIN, "training", Split.TRAIN,
            "validation", Split.VALIDATION, "val", Split.VALIDATION, "valid", Split.VALIDATION,
            "test", Split.TEST, "testing", Split.TEST);
    static final String EXPECTED_LAYOUT = "expected <root>/<class>/*.png (or .jpg, .jpeg, .bmp, .gif) or "
            + "<root>/train/<class>/... with optional validation/ (or val/) and test/";

    private final Path root;
    private final Containment containment;
    /** Folders the layout does not use, each as "path: reason"; filled while the layout is read. */
    private final List<String> leftOut = new ArrayList<>();

    FolderSource(Path root, boolean followSymlinks) {
        this.root = root.toAbsolutePath().normalize();
        this.containment = new Containment(this.root, followSymlinks);
    }

    /** One class folder of the layout. */
    private record ClassFolder(String className, Split split, Path folder) {
    }

    @Override
    public void fingerprint(CacheKey key) {
        key.add("root", root);
        for (ClassFolder classFolder : layout()) {
            key.add("class", classFolder.split() + "/" + classFolder.className());
            for (Path file : files(classFolder.folder())) {
                key.addFile(file);
            }
        }
    }

    @Override
    public Catalog catalog() {
        leftOut.clear();
        List<ClassFolder> layout = layout();
        List<String> classNames = new ArrayList<>();
        Map<String, String> locations = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        List<String> skipped = new ArrayList<>(leftOut);
        for (ClassFolder classFolder : layout) {
            String name = classFolder.className();
            containment.check(classFolder.folder(), false);
            hiddenFolders(classFolder.folder()).forEach(hidden -> skipped.add(hidden + ": " + HIDDEN));
            classNames.add(name);
            locations.merge(ClassSelection.key(name), describe(classFolder.folder()), (a, b) -> a + ", " + b);
            Split split = classFolder.split() == null ? Split.TRAIN : classFolder.split();
            for (Path file : files(classFolder.folder())) {
                containment.check(file, false);
                if (ImageDecoder.hasImageExtension(file)) {
                    samples.add(new Sample(name, split, file.toString(), channels -> ImageDecoder.decode(file, channels)));
                } else {
                    skipped.add(file + ": not an image file (expected " + String.join(", ", ImageDecoder.EXTENSIONS) + ")");
                }
            }
        }
        return new Catalog(classNames, samples, locations, skipped);
    }

    /** The class folders, checking the layout; a split layout needs a train folder. */
    private List<ClassFolder> layout() {
        if (!Files.exists(root)) {
            throw new DatasetException("dataset folder " + root + " does not exist; " + EXPECTED_LAYOUT);
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root + " is a file, but kind 'folder' needs a folder; " + EXPECTED_LAYOUT);
        }
        List<Path> top = subfolders(root);
        hiddenFolders(root).forEach(hidden -> leftOut.add(hidden + ": " + HIDDEN));
        Map<Split, Path> splitFolders = new EnumMap<>(Split.class);
        for (Path folder : top) {
            Split split = SPLIT_FOLDERS.get(folder.getFileName().toString().toLowerCase(Locale.ROOT));
            if (split != null) {
                Path other = splitFolders.put(split, folder);
                if (other != null) {
                    throw new DatasetException(root + " has two " + split.id() + " folders, " + other.getFileName()
                            + " and " + folder.getFileName() + "; keep one");
                }
            }
        }
        List<ClassFolder> layout = new ArrayList<>();
        if (splitFolders.isEmpty()) {
            if (top.isEmpty()) {
                throw new DatasetException("dataset folder " + root + " has no class folders; " + EXPECTED_LAYOUT);
            }
            for (Path folder : top) {
                layout.add(new ClassFolder(folder.getFileName().toString(), null, folder));
            }
            return layout;
        }
        if (!splitFolders.containsKey(Split.TRAIN)) {
            throw new DatasetException("dataset folder " + root + " has split folders ("
                    + String.join(", ", splitFolders.values().stream().map(p -> p.getFileName().toString()).toList())
                    + ") but no train/ folder; " + EXPECTED_LAYOUT);
        }
        for (Path folder : top) {
            if (!splitFolders.containsValue(folder)) {
                leftOut.add(folder + ": a folder beside the split folders, not one of them (train, validation or "
                        + "val, test); its images are not used");
            }
        }
        for (Map.Entry<Split, Path> entry : splitFolders.entrySet()) {
            containment.check(entry.getValue(), false);
            hiddenFolders(entry.getValue()).forEach(hidden -> leftOut.add(hidden + ": " + HIDDEN));
            List<Path> classes = subfolders(entry.getValue());
            if (classes.isEmpty()) {
                throw new DatasetException("split folder " + entry.getValue() + " has no class folders; "
                        + EXPECTED_LAYOUT);
            }
            for (Path folder : classes) {
                layout.add(new ClassFolder(folder.getFileName().toString(), entry.getKey(), folder));
            }
        }
        return layout;
    }

    /** A class folder for messages; says so when it holds only sub-folders (a layout one level too high). */
    private static String describe(Path folder) {
        List<Path> nested = subfolders(folder);
        if (nested.isEmpty() || !files(folder).isEmpty()) {
            return folder.toString();
        }
        return folder + " (which holds only sub-folders: " + String.join(", ",
                nested.stream().map(p -> p.getFileName().toString()).toList()) + "; should the dataset path point there?)";
    }

    private static final String HIDDEN = "a hidden folder (its name starts with a dot); its images are not used";

    /** Folders whose names start with a dot: left out like hidden files, but named, since they may hold images. */
    private static List<Path> hiddenFolders(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".")).filter(Files::isDirectory)
                    .sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> subfolders(Path folder) {
        return list(folder).stream().filter(Files::isDirectory).toList();
    }

    private static List<Path> files(Path folder) {
        return list(folder).stream().filter(Files::isRegularFile).toList();
    }

    /** Non-hidden entries, sorted by name so that listing order never matters. */
    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
