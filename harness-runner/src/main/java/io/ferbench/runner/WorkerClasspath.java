package io.ferbench.runner;

import io.ferbench.api.backend.BackendCatalog;
import io.ferbench.api.backend.BackendDescriptor;
import io.ferbench.worker.UnknownBackendException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classpath of a worker JVM. In a distribution ({@code -Dferbench.home=<dist>}) it is
 * {@code <dist>/core/*.jar} plus {@code <dist>/backends/<id>/*.jar}, so backends whose native stacks
 * clash (TensorFlow Java and DL4J) never share a JVM. Without {@code ferbench.home} (tests, running
 * from an IDE) it is the current JVM's classpath.
 */
public final class WorkerClasspath {
    public static final String HOME_PROPERTY = "ferbench.home";

    private final Path home;
    private final List<Path> current;

    private WorkerClasspath(Path home, List<Path> current) {
        this.home = home;
        this.current = current;
    }

    /** The distribution's layout when {@code ferbench.home} is set, the current classpath otherwise. */
    public static WorkerClasspath detect() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? currentJvm() : distribution(Path.of(home));
    }

    public static WorkerClasspath distribution(Path home) {
        Path abs = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs.resolve("core"))) {
            throw new IllegalStateException(HOME_PROPERTY + "=" + home + " is not a ferbench distribution: it has no "
                    + "core/ folder (build it with the cli module, or unset " + HOME_PROPERTY + ")");
        }
        return new WorkerClasspath(abs, null);
    }

    public static WorkerClasspath currentJvm() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // the worker runs in the cell's folder, so relative entries must become absolute
            if (!entry.isBlank()) entries.add(Path.of(entry).toAbsolutePath().normalize());
        }
        return new WorkerClasspath(null, List.copyOf(entries));
    }

    /** The classpath entries for a worker of backend {@code id}; refused unless the backend is installed. */
    public List<Path> forBackend(String id) {
        List<BackendDescriptor> installed = installed();
        if (installed.stream().noneMatch(d -> d.id().equals(id))) {
            throw new UnknownBackendException(id, installed.stream().map(BackendDescriptor::label).toList(),
                    home == null ? "on this JVM's classpath" : "in " + home.resolve("backends"));
        }
        if (home == null) return current;
        Path backendDir = home.resolve("backends").resolve(id);
        List<Path> entries = new ArrayList<>(jars(home.resolve("core")));
        entries.addAll(jars(backendDir));
        return entries;
    }

    /**
     * The backends workers can run, from their descriptors: the distribution's {@code backends/<id>/} folders, or
     * outside one the descriptors on this JVM's classpath (which workers share). Read anew each time, so a folder
     * dropped into the distribution counts at once.
     */
    public BackendCatalog catalog() {
        return home == null ? BackendCatalog.onClasspath(WorkerClasspath.class.getClassLoader())
                : BackendCatalog.inDistribution(home);
    }

    /**
     * The backends a worker can run here: in a distribution every backend folder with a descriptor; on a classpath,
     * those whose engine is there too ({@link BackendDescriptor#requires()}).
     */
    public List<BackendDescriptor> installed() {
        List<BackendDescriptor> known = catalog().descriptors();
        if (home != null) return known;
        ClassLoader loader = WorkerClasspath.class.getClassLoader();
        return known.stream().filter(d -> d.enginePresent(loader)).toList();
    }

    /** The ids of {@link #installed()}. */
    public List<String> installedBackends() {
        return installed().stream().map(BackendDescriptor::id).toList();
    }

    public static String join(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
