package io.ferbench.backend.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's rule for a discovered backend: the harness never names it. No main source of a harness module (every
 * module but the {@code backend-*} ones) holds the string literal {@code "reference"}; the id lives in this module's
 * provider and descriptor only, and the harness learns it from the descriptor.
 */
class IdOutsideThisModuleTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void noHarnessModuleNamesTheReferenceBackend() throws IOException {
        List<Path> harnessSources;
        try (Stream<Path> modules = Files.list(ROOT)) {
            harnessSources = modules.filter(m -> Files.isDirectory(m.resolve("src/main")))
                    .filter(m -> !m.getFileName().toString().startsWith("backend-"))
                    .map(m -> m.resolve("src/main")).toList();
        }
        assertTrue(harnessSources.size() >= 5, "the harness modules are found beside this one: " + harnessSources);
        String literal = '"' + ReferenceBackendProvider.ID + '"';
        List<Path> naming = harnessSources.stream().flatMap(IdOutsideThisModuleTest::files)
                .filter(file -> read(file).contains(literal)).toList();
        assertEquals(List.of(), naming, "harness code that names the " + literal + " backend");
    }

    private static Stream<Path> files(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
