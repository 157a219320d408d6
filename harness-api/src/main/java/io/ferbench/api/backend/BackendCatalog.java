package io.ferbench.api.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backends a coordinator can run, from their {@link BackendDescriptor}s: a distribution's
 * {@code backends/<id>/backend.properties} when {@value #HOME_PROPERTY} names one, else every descriptor on the
 * classpath (tests, an IDE). Folders without a readable descriptor are kept aside as {@link #problems()}.
 */
public final class BackendCatalog {
    /** The system property that names a distribution (the {@code ferbench} launcher sets it). */
    public static final String HOME_PROPERTY = "ferbench.home";

    private static volatile BackendCatalog installed;

    private final List<BackendDescriptor> descriptors;
    private final Map<String, String> problems;

    public BackendCatalog(List<BackendDescriptor> descriptors, Map<String, String> problems) {
        List<BackendDescriptor> sorted = new ArrayList<>(descriptors);
        sorted.sort(Comparator.comparingInt(BackendDescriptor::order).thenComparing(BackendDescriptor::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("two backend descriptors name the id '" + sorted.get(i).id() + "'");
            }
        }
        this.descriptors = List.copyOf(sorted);
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** The backends this JVM knows of (a distribution's, else the classpath's), discovered once. */
    public static BackendCatalog discovered() {
        BackendCatalog c = installed;
        if (c == null) {
            String home = System.getProperty(HOME_PROPERTY);
            c = home == null || home.isBlank() ? onClasspath(BackendCatalog.class.getClassLoader())
                    : inDistribution(Path.of(home));
            installed = c;
        }
        return c;
    }

    /** Every descriptor the class loader sees (one per backend jar). */
    public static BackendCatalog onClasspath(ClassLoader loader) {
        List<BackendDescriptor> found = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(BackendDescriptor.RESOURCE))) {
                try {
                    BackendDescriptor d = BackendDescriptor.read(url);
                    if (found.stream().noneMatch(f -> f.id().equals(d.id()))) found.add(d);
                } catch (RuntimeException e) {
                    problems.put(url.toString(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list backend descriptors: " + e.getMessage(), e);
        }
        return new BackendCatalog(found, problems);
    }

    /** The descriptors of a distribution's {@code backends/} folders. */
    public static BackendCatalog inDistribution(Path home) {
        Path dir = home.resolve("backends");
        List<BackendDescriptor> found = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> folders = Files.list(dir)) {
                for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                    Path file = folder.resolve(BackendDescriptor.FILE);
                    if (!Files.isRegularFile(file)) {
                        problems.put(folder.toString(), "no " + BackendDescriptor.FILE + " (a backend folder needs "
                                + "one: docs/CONTRIBUTING.md)");
                        continue;
                    }
                    try {
                        BackendDescriptor d = BackendDescriptor.read(file);
                        if (!d.id().equals(folder.getFileName().toString())) {
                            problems.put(folder.toString(), "its " + BackendDescriptor.FILE + " names the id '" + d.id()
                                    + "'; the folder must have the same name");
                        } else {
                            found.add(d);
                        }
                    } catch (RuntimeException e) {
                        problems.put(folder.toString(), e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return new BackendCatalog(found, problems);
    }

    /** In listing order; the first is the matrix's default backend. */
    public List<BackendDescriptor> descriptors() { return descriptors; }

    public List<String> ids() { return descriptors.stream().map(BackendDescriptor::id).toList(); }

    public Optional<BackendDescriptor> find(String id) {
        return descriptors.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Backend folders or descriptor files that could not be read, each with why. */
    public Map<String, String> problems() { return problems; }
}
