package io.ferbench.backend.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-in promise of CONTRIBUTING.md, followed literally. The built distribution ({@code build/dist}, which does
 * not hold this backend) is copied twice, and this module's {@code target/backend-folder/reference/} is dropped into
 * the second copy's {@code backends/}. That copy's {@code ferbench} command, run as the launcher runs it (its own JVM
 * on the copy's {@code lib/}), lists the backend, validates a suite naming it (which the first copy refuses) and runs
 * a cell on it in a worker whose classpath is the copy's {@code core/} and the dropped folder. Runs after
 * {@code package} (the pom's {@code drop-in} execution), when both exist.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DropInDistributionIT {
    private static Path distribution;
    private static Path backendFolder;

    @TempDir static Path dir;
    /** A copy of the distribution as built, without this backend even if someone dropped it in already. */
    private static Path plain;
    /** The same with the backend folder dropped in. */
    private static Path home;

    @BeforeAll
    static void dropTheFolderIntoACopyOfTheDistribution() throws IOException {
        distribution = Path.of(System.getProperty("ferbench.test.dist", "../build/dist"));
        backendFolder = Path.of(System.getProperty("ferbench.test.backendFolder", "target/backend-folder/reference"));
        for (Path needed : List.of(distribution.resolve("lib"), distribution.resolve("core"), backendFolder)) {
            assertTrue(Files.isDirectory(needed), needed + " is missing: build the distribution first (mvn package"
                    + " from the repository root)");
        }
        plain = copyWithoutThisBackend(dir.resolve("plain"));
        home = copyWithoutThisBackend(dir.resolve("dist"));
        copyFiles(backendFolder, home.resolve("backends").resolve(ReferenceBackendProvider.ID));
    }

    private static Path copyWithoutThisBackend(Path copy) throws IOException {
        copyFiles(distribution.resolve("lib"), copy.resolve("lib"));
        copyFiles(distribution.resolve("core"), copy.resolve("core"));
        Files.createDirectories(copy.resolve("backends"));
        try (Stream<Path> installed = Files.list(distribution.resolve("backends"))) {
            // the engine backends' folders hold hundreds of MB of natives: linked, not copied
            for (Path folder : installed.filter(Files::isDirectory)
                    .filter(f -> !f.getFileName().toString().equals(ReferenceBackendProvider.ID)).toList()) {
                Files.createSymbolicLink(copy.resolve("backends").resolve(folder.getFileName()),
                        folder.toAbsolutePath());
            }
        }
        return copy;
    }

    @Test
    void backendsListsTheDroppedFolder() throws Exception {
        Result listing = ferbench(home, "backends", "--format", "csv");
        assertEquals(0, listing.status(), listing.output());
        assertTrue(listing.output().lines().anyMatch(l -> l.equals("reference,\"Reference (pure Java, exact)\",yes,cpu,"
                + "none")), listing.output());
    }

    @Test
    void validateAcceptsASuiteNamingItOnlyOnceTheFolderIsThere() throws Exception {
        Path suite = suite();
        Result before = ferbench(plain, "validate", suite.toString());
        assertEquals(2, before.status(), before.output());
        assertTrue(before.output().contains("reference"), before.output());
        Result after = ferbench(home, "validate", suite.toString());
        assertEquals(0, after.status(), after.output());
    }

    @Test
    void aCellRunsOnItToAnOkResultWithAnAccuracy() throws Exception {
        Path results = dir.resolve("results");
        Result run = ferbench(home, "run", suite().toString(), "--out", results.toString(), "--cache-dir",
                dir.resolve("cache").toString(), "--data-root", dir.toString(), "--worker-heap", "512m");
        assertEquals(0, run.status(), run.output());
        List<String> csv = Files.readAllLines(results.resolve("drop-in/results.csv"), StandardCharsets.UTF_8);
        assertEquals(2, csv.size(), "a header and one cell: " + csv);
        List<String> header = List.of(csv.get(0).split(",", -1));
        List<String> row = List.of(csv.get(1).split(",", -1));
        assertEquals("ok", row.get(header.indexOf("status")), csv.get(1));
        assertEquals("reference", row.get(header.indexOf("backend")), csv.get(1));
        double accuracy = Double.parseDouble(row.get(header.indexOf("test_accuracy")));
        assertTrue(accuracy >= 0 && accuracy <= 1, "test accuracy " + accuracy);
    }

    /** One ResNet-18 cell at 16 px on two synthetic classes, one epoch: seconds on the reference backend. */
    private static Path suite() throws IOException {
        Path file = dir.resolve("drop-in.yaml");
        Files.writeString(file, """
                name: drop-in
                datasets:
                  faces:
                    kind: synthetic
                    classes: [happy, sad]
                    images_per_class: 10
                matrix:
                  backend: reference
                  architecture: resnet18
                  image_size: 16
                  batch_size: 4
                  epochs: 1
                """);
        return file;
    }

    private record Result(int status, String output) {}

    /** {@code ferbench <args>} on the distribution {@code home}, as the {@code ferbench} launcher starts it. */
    private static Result ferbench(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dferbench.home=" + home.toAbsolutePath(), "-cp", home.resolve("lib").toAbsolutePath()
                + "/*", "io.ferbench.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("OMP_WAIT_POLICY", "PASSIVE"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
