package io.ferbench.worker.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a dataset's images inside its folder by real path, not only by name: a symbolic link inside the folder that
 * points outside it is refused (a lexical check sees {@code faces/happy/x.png} and lets a link to anywhere pass).
 * The folder itself may be a link — users keep data on other disks. With {@code follow_symlinks: true} links are
 * used as they are.
 */
final class Containment {
    private final Path root;
    private final boolean followSymlinks;
    private Path realRoot;

    Containment(Path root, boolean followSymlinks) {
        this.root = root;
        this.followSymlinks = followSymlinks;
    }

    /** Checks {@code path} (inside the root by name) when it, or for {@code deep}, any folder above it, is a link. */
    void check(Path path, boolean deep) {
        if (followSymlinks || !(deep || Files.isSymbolicLink(path))) return;
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return;  // a missing or dangling entry: the caller reports it as unreadable
        }
        if (!real.startsWith(realRoot())) {
            throw new DatasetException(path + " leads to " + real + ", outside the dataset's folder " + root
                    + " (through a symbolic link). Data from outside a dataset's folder is refused, since it could "
                    + "change under the same name; move it into the folder, or set 'follow_symlinks: true' on the "
                    + "dataset (recorded with the results)");
        }
    }

    private Path realRoot() {
        if (realRoot == null) {
            try {
                realRoot = root.toRealPath();
            } catch (IOException e) {
                throw new DatasetException("cannot resolve the dataset folder " + root + ": " + e.getMessage(), e);
            }
        }
        return realRoot;
    }
}
