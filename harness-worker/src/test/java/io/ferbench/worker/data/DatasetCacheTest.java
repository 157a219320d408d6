package io.ferbench.worker.data;

import static io.ferbench.worker.data.TestData.classFolders;
import static io.ferbench.worker.data.TestData.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCacheTest {
    private static final List<String> CLASSES = List.of("angry", "happy");

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    private PreparedDataset prepare(DatasetSpec spec) {
        return Datasets.prepare(spec, dir, cache());
    }

    private static void assertSameContent(PreparedDataset a, PreparedDataset b) {
        assertEquals(a.classNames(), b.classNames());
        assertEquals(a.mean(), b.mean());
        assertEquals(a.std(), b.std());
        assertEquals(a.skipped(), b.skipped());
        for (int i = 0; i < 3; i++) {
            ImageSet x = List.of(a.train(), a.validation(), a.test()).get(i);
            ImageSet y = List.of(b.train(), b.validation(), b.test()).get(i);
            assertArrayEquals(x.pixels(), y.pixels());
            assertArrayEquals(x.labels(), y.labels());
            assertEquals(x.channels(), y.channels());
            assertEquals(x.height(), y.height());
        }
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(cache())) {
            return files.sorted().toList();
        }
    }

    @Test
    void secondPrepareIsACacheHitThatDecodesNothing() throws IOException {
        classFolders(dir.resolve("faces"), CLASSES, 10, 8);
        TestData.text(dir.resolve("faces/happy/broken.png"), "broken");
        DatasetSpec spec = spec("folder", "faces", List.of(), null, 8);
        PreparedDataset first = prepare(spec);

        long decodes = ImageDecoder.DECODES.get(), builds = Datasets.BUILDS.get();
        PreparedDataset second = prepare(spec);
        assertEquals(decodes, ImageDecoder.DECODES.get(), "a cache hit decodes no image");
        assertEquals(builds, Datasets.BUILDS.get());
        assertSameContent(first, second);
        assertEquals(1, second.skipped().size(), "skip reports survive the cache");
        assertEquals(1, cacheFiles().size());
        assertTrue(cacheFiles().get(0).getFileName().toString().startsWith("folder-"));

        // Another name for the same data shares the entry but reports its own name.
        DatasetSpec renamed = new DatasetSpec("renamed", "folder", "faces", null, List.of(), null, 8, true, null, 42L);
        assertEquals("renamed", prepare(renamed).name());
        assertEquals(builds, Datasets.BUILDS.get());
    }

    @Test
    void changedSourceFileOrOptionIsRebuilt() throws IOException {
        classFolders(dir.resolve("faces"), CLASSES, 10, 8);
        DatasetSpec spec = spec("folder", "faces", List.of(), null, 8);
        prepare(spec);

        long builds = Datasets.BUILDS.get();
        Path image = dir.resolve("faces/angry/003.png");
        Files.setLastModifiedTime(image, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        prepare(spec);
        assertEquals(builds + 1, Datasets.BUILDS.get(), "a touched image invalidates the entry");

        prepare(spec.withImageSize(4));
        assertEquals(builds + 2, Datasets.BUILDS.get(), "another image size is another entry");
        prepare(new DatasetSpec(spec.name(), "folder", "faces", null, List.of("happy"), null, 8, true, null, 42L));
        assertEquals(builds + 3, Datasets.BUILDS.get(), "another class subset is another entry");
        assertEquals(4, cacheFiles().size(), "one entry per key (the touched source made a new one)");
    }

    @Test
    void corruptCacheFileIsDetectedAndRebuilt() throws IOException {
        classFolders(dir.resolve("faces"), CLASSES, 10, 8);
        DatasetSpec spec = spec("folder", "faces", List.of(), null, 8);
        PreparedDataset original = prepare(spec);
        Path file = cacheFiles().get(0);

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A; // one flipped pixel byte: only the checksum can tell
        Files.write(file, bytes);
        long builds = Datasets.BUILDS.get();
        assertSameContent(original, prepare(spec));
        assertEquals(builds + 1, Datasets.BUILDS.get(), "a damaged entry is rebuilt");

        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 100)); // truncated
        assertSameContent(original, prepare(spec));
        assertEquals(builds + 2, Datasets.BUILDS.get());

        prepare(spec);
        assertEquals(builds + 2, Datasets.BUILDS.get(), "the rebuilt entry is valid again");
        assertEquals(1, cacheFiles().size(), "no temporary files are left behind");
    }

    @Test
    void fer2013CsvIsNotParsedAgainOnACacheHit() {
        StringBuilder csv = new StringBuilder("emotion,pixels,Usage\n");
        for (int i = 0; i < 6; i++) {
            csv.append(i % 2 == 0 ? 3 : 4).append(",\"").append(TestData.ferPixels(i)).append("\",Training\n");
        }
        TestData.text(dir.resolve("fer2013.csv"), csv.toString());
        DatasetSpec spec = spec("fer2013-csv", "fer2013.csv", List.of(), null, 16);
        PreparedDataset first = prepare(spec);
        long builds = Datasets.BUILDS.get();
        assertSameContent(first, prepare(spec));
        assertEquals(builds, Datasets.BUILDS.get());
    }

    @Test
    void syntheticDatasetsAreCachedPerSeed() {
        DatasetSpec spec = new DatasetSpec("syn", "synthetic", null, null, List.of("happy", "sad"), 10, 16, true, null, 3L);
        PreparedDataset first = prepare(spec);
        long builds = Datasets.BUILDS.get();
        assertSameContent(first, prepare(spec));
        assertEquals(builds, Datasets.BUILDS.get());
        PreparedDataset otherSeed = prepare(new DatasetSpec("syn", "synthetic", null, null, List.of("happy", "sad"), 10,
                16, true, null, 4L));
        assertEquals(builds + 1, Datasets.BUILDS.get());
        assertNotEquals(Arrays.hashCode(first.train().pixels()), Arrays.hashCode(otherSeed.train().pixels()));
    }

    @Test
    void anUnwritableCacheIsOnlyAMissedOptimisation() {
        classFolders(dir.resolve("faces"), CLASSES, 5, 4);
        TestData.text(cache(), "a file where the cache folder should be");
        PreparedDataset d = prepare(spec("folder", "faces", List.of(), null, 4));
        assertEquals(10, d.train().size() + d.validation().size() + d.test().size());
    }
}
