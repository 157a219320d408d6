package io.ferbench.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A run folder set aside for a fresh run ({@code --force}): moved, never deleted. */
public final class RunFolders {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunFolders() {}

    /**
     * Renames {@code dir} to {@code <name>.<UTC time>} beside it ({@code quickstart.20261206T004500Z}, with
     * {@code -2}, {@code -3}, ... when that name is taken) and returns the new path; empty when there is no folder.
     */
    public static Optional<Path> moveAside(Path dir, Instant now) {
        if (!Files.exists(dir)) return Optional.empty();
        String base = dir.getFileName() + "." + STAMP.format(now);
        Path target = dir.resolveSibling(base);
        for (int n = 2; Files.exists(target); n++) target = dir.resolveSibling(base + "-" + n);
        try {
            return Optional.of(Files.move(dir, target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the previous run " + dir + " aside to " + target + ": "
                    + e.getMessage(), e);
        }
    }
}
