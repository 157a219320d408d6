package io.ferbench.worker.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Prepared datasets on disk, so that later epochs' cells and later runs cost no decoding. One file per cache key:
 * a header, the class names, normalisation statistics, skip reports and the three splits' uint8 tensors, followed
 * by a CRC-32C of everything before it. Files are written to a temporary name and moved into place atomically; a
 * file that is truncated or fails its checksum is treated as absent (and rebuilt by the caller).
 */
final class DatasetCache {
    /** Bump when the file layout or the meaning of the cached pixels changes (decoding, resizing, splitting). */
    static final int FORMAT_VERSION = 2;  // 2: each image's origin (path, source width and height)
    private static final long MAGIC = 0x4645_5242_4453_4554L; // "FERBDSET"
    private static final System.Logger LOG = System.getLogger(DatasetCache.class.getName());

    private DatasetCache() {
    }

    static Path file(Path cacheDir, String kind, String keyHex) {
        return cacheDir.resolve(kind + "-" + keyHex.substring(0, 32) + ".ferds");
    }

    /** The cached dataset under {@code name}, or empty when there is no usable file (a damaged one is deleted). */
    static Optional<PreparedDataset> read(Path file, String name) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read dataset cache " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        try (CheckedInputStream checked = new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), new CRC32C());
             DataInputStream in = new DataInputStream(checked)) {
            if (in.readLong() != MAGIC || in.readInt() != FORMAT_VERSION) {
                throw new IOException("not a dataset cache file of format " + FORMAT_VERSION);
            }
            List<String> classNames = readStrings(in, size);
            float mean = in.readFloat();
            float std = in.readFloat();
            List<String> skipped = readStrings(in, size);
            ImageSet train = readImages(in, size);
            ImageSet validation = readImages(in, size);
            ImageSet test = readImages(in, size);
            long expected = checked.getChecksum().getValue();
            if (in.readLong() != expected) {
                throw new IOException("checksum mismatch");
            }
            if (in.read() != -1) {
                throw new IOException("unexpected bytes after the checksum");
            }
            return Optional.of(new PreparedDataset(name, classNames, train, validation, test, mean, std, skipped));
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof EOFException ? "truncated" : e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "dataset cache " + file + " is damaged (" + reason + "); rebuilding it");
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the rebuild replaces it anyway
            }
            return Optional.empty();
        }
    }

    /** Writes atomically; a failure is logged and leaves no partial file, since the cache is only an optimisation. */
    static void write(Path file, PreparedDataset dataset) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (CheckedOutputStream checked = new CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), new CRC32C());
                 DataOutputStream out = new DataOutputStream(checked)) {
                out.writeLong(MAGIC);
                out.writeInt(FORMAT_VERSION);
                writeStrings(out, dataset.classNames());
                out.writeFloat(dataset.mean());
                out.writeFloat(dataset.std());
                writeStrings(out, dataset.skipped());
                writeImages(out, dataset.train());
                writeImages(out, dataset.validation());
                writeImages(out, dataset.test());
                out.flush();
                out.writeLong(checked.getChecksum().getValue());
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write dataset cache " + file + ": " + e.getMessage());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static List<String> readStrings(DataInputStream in, long fileSize) throws IOException {
        int count = length(in, fileSize);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(new String(in.readNBytes(length(in, fileSize)), StandardCharsets.UTF_8));
        }
        return strings;
    }

    private static void writeImages(DataOutputStream out, ImageSet set) throws IOException {
        out.writeInt(set.size());
        out.writeInt(set.channels());
        out.writeInt(set.height());
        out.writeInt(set.width());
        for (int label : set.labels()) {
            out.writeInt(label);
        }
        out.write(set.pixels());
        out.writeInt(set.origins().size());
        for (ImageOrigin origin : set.origins()) {
            byte[] path = origin.path().getBytes(StandardCharsets.UTF_8);
            out.writeInt(path.length);
            out.write(path);
            out.writeInt(origin.width());
            out.writeInt(origin.height());
        }
    }

    private static ImageSet readImages(DataInputStream in, long fileSize) throws IOException {
        int count = length(in, fileSize), channels = length(in, fileSize);
        int height = length(in, fileSize), width = length(in, fileSize);
        long bytes = (long) count * channels * height * width;
        if (bytes > fileSize) {
            throw new IOException("image block larger than the file");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = in.readInt();
        }
        byte[] pixels = new byte[(int) bytes];
        in.readFully(pixels);
        int known = length(in, fileSize);
        List<ImageOrigin> origins = new ArrayList<>(known);
        for (int i = 0; i < known; i++) {
            String path = new String(in.readNBytes(length(in, fileSize)), StandardCharsets.UTF_8);
            origins.add(new ImageOrigin(path, length(in, fileSize), length(in, fileSize)));
        }
        return new ImageSet(pixels, labels, channels, height, width, origins);
    }

    /** A count or length, checked against the file size so that a damaged field cannot cause a huge allocation. */
    private static int length(DataInputStream in, long fileSize) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > fileSize) {
            throw new IOException("implausible length " + n);
        }
        return n;
    }
}
