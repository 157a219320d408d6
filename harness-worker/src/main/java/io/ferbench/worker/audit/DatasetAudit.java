package io.ferbench.worker.audit;

import io.ferbench.worker.data.ImageOrigin;
import io.ferbench.worker.data.ImageSet;
import io.ferbench.worker.data.PreparedDataset;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Audits a prepared dataset — the images exactly as the cells see them, after class selection, caps and splits — for
 * exact duplicates (identical decoded pixels: a JPEG and a PNG of one picture are one image), near duplicates
 * (images whose pixels correlate by at least {@link AuditOptions#nearCorrelation()} at the best of the nine
 * alignments within one pixel, grouped transitively), label conflicts within
 * either kind of group, degenerate (nearly constant) images, images whose source size is not the dataset's usual
 * one, unreadable files, and the class balance of each split.
 *
 * <p>Near duplicates are found without comparing all pairs: candidates are pairs whose 64-bit difference hashes lie
 * within {@link AuditOptions#nearThreshold()} bits — each hash is cut into {@code t + 1} bit ranges, and two hashes
 * within {@code t} bits agree exactly on at least one range (pigeonhole), so only images sharing a range value are
 * compared — and whose 16×16 thumbnails correlate by 0.90 or more; only those are compared pixel by pixel. The hash
 * threshold trades speed for recall (a one-pixel shift moves a face's hash by up to 11 bits); the correlation decides.
 */
public final class DatasetAudit {
    private static final String[] SPLITS = {"train", "validation", "test"};
    /**
     * Thumbnails of a face and of its copy shifted by a pixel correlate by 0.906 or more (300 synthetic faces); a
     * cheap filter before the full-resolution comparison.
     */
    private static final double THUMBNAIL_PREFILTER = 0.90;

    private DatasetAudit() {}

    /** One image of the dataset, by split and position. */
    private record Image(int split, int index, int label, String path, int width, int height, String pixelHash, long dHash,
                         double std, float[] thumbnail) {}

    public static AuditReport run(PreparedDataset data, AuditOptions options) {
        long start = System.nanoTime();
        ImageSet[] sets = {data.train(), data.validation(), data.test()};
        List<Image> images = new ArrayList<>();
        for (int s = 0; s < sets.length; s++) images.addAll(describe(sets[s], s));

        List<Finding> findings = new ArrayList<>();
        Map<String, int[]> rows = new LinkedHashMap<>();  // "kind|splits" -> {groups, images}
        int[] exactGroupOf = new int[images.size()];
        List<List<Integer>> exact = exactGroups(images, exactGroupOf);
        List<float[]> grey = new ArrayList<>();
        for (ImageSet set : sets) grey.addAll(ShiftedCorrelation.greyImages(set));
        List<List<Integer>> near = nearGroups(images, exactGroupOf, options, grey,
                ShiftedCorrelation.side(data.train().width()));

        int exactLeaks = 0, exactLeakImages = 0, nearLeaks = 0, nearLeakImages = 0, leakConflicts = 0;
        for (int g = 0; g < exact.size(); g++) {
            List<Integer> members = exact.get(g);
            add(findings, rows, FindingKind.EXACT_DUPLICATE, g + 1, members, images, data);
            boolean conflict = distinctLabels(members, images) > 1;
            if (conflict) add(findings, rows, FindingKind.LABEL_CONFLICT, g + 1, members, images, data);
            if (leaksIntoTest(members, images)) {
                exactLeaks++;
                exactLeakImages += members.size();
                if (conflict) leakConflicts++;
            }
        }
        for (int g = 0; g < near.size(); g++) {
            List<Integer> members = near.get(g);
            add(findings, rows, FindingKind.NEAR_DUPLICATE, g + 1, members, images, data);
            if (distinctLabels(members, images) > 1) {
                add(findings, rows, FindingKind.NEAR_LABEL_CONFLICT, g + 1, members, images, data);
            }
            if (leaksIntoTest(members, images)) {
                nearLeaks++;
                nearLeakImages += members.size();
            }
        }
        int[] usualSize = usualSize(images);
        for (Image image : images) {
            if (image.std() < options.degenerateStd()) {
                findings.add(new Finding(FindingKind.DEGENERATE, 0, SPLITS[image.split()],
                        data.classNames().get(image.label()), image.path(),
                        String.format(java.util.Locale.ROOT, "pixel standard deviation %.2f", image.std()),
                        image.index()));
                count(rows, FindingKind.DEGENERATE, SPLITS[image.split()], 1);
            }
            if (usualSize != null && image.width() > 0
                    && (image.width() != usualSize[0] || image.height() != usualSize[1])) {
                findings.add(new Finding(FindingKind.SIZE_MISMATCH, 0, SPLITS[image.split()],
                        data.classNames().get(image.label()), image.path(), image.width() + "x" + image.height()
                        + " where most images are " + usualSize[0] + "x" + usualSize[1], image.index()));
                count(rows, FindingKind.SIZE_MISMATCH, SPLITS[image.split()], 1);
            }
        }
        for (String skipped : data.skipped()) {
            int colon = skipped.lastIndexOf(": ");
            findings.add(new Finding(FindingKind.UNREADABLE, 0, "", "", colon < 0 ? skipped : skipped.substring(0, colon),
                    colon < 0 ? "" : skipped.substring(colon + 2), -1));
            count(rows, FindingKind.UNREADABLE, "", 1);
        }

        List<AuditReport.SummaryRow> summary = new ArrayList<>();
        rows.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, int[]> e) -> FindingKind.valueOf(e.getKey()
                        .substring(0, e.getKey().indexOf('|')))).thenComparing(e -> splitOrder(e.getKey())))
                .forEach(e -> summary.add(new AuditReport.SummaryRow(
                        FindingKind.valueOf(e.getKey().substring(0, e.getKey().indexOf('|'))),
                        e.getKey().substring(e.getKey().indexOf('|') + 1), e.getValue()[0], e.getValue()[1])));
        Map<String, int[]> balance = new LinkedHashMap<>();
        for (int s = 0; s < sets.length; s++) {
            int[] counts = new int[data.numClasses()];
            for (int label : sets[s].labels()) counts[label]++;
            balance.put(SPLITS[s], counts);
        }
        return new AuditReport(data.name(), options, data.classNames(), balance, summary,
                new AuditReport.Leaks(exactLeaks, exactLeakImages, nearLeaks, nearLeakImages, leakConflicts),
                findings, (System.nanoTime() - start) / 1e9);
    }

    /** Hashes every image of a split (in parallel: hashing is the audit's cost). */
    private static List<Image> describe(ImageSet set, int split) {
        int length = set.imageLength();
        boolean known = !set.origins().isEmpty();
        return IntStream.range(0, set.size()).parallel().mapToObj(i -> {
            int offset = i * length;
            ImageOrigin origin = known ? set.origins().get(i) : new ImageOrigin(SPLITS[split] + "[" + i + "]", 0, 0);
            return new Image(split, i, set.labels()[i], origin.path(), origin.width(), origin.height(),
                    sha256(set.pixels(), offset, length),
                    DifferenceHash.of(set.pixels(), offset, set.channels(), set.height(), set.width()),
                    std(set.pixels(), offset, length),
                    Thumbnail.of(set.pixels(), offset, set.channels(), set.height(), set.width()));
        }).toList();
    }

    private static List<List<Integer>> exactGroups(List<Image> images, int[] groupOf) {
        Map<String, List<Integer>> byHash = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            byHash.computeIfAbsent(images.get(i).pixelHash(), k -> new ArrayList<>()).add(i);
        }
        Arrays.fill(groupOf, -1);
        List<List<Integer>> groups = new ArrayList<>();
        for (List<Integer> members : byHash.values()) {
            if (members.size() < 2) continue;
            for (int i : members) groupOf[i] = groups.size();
            groups.add(members);
        }
        return groups;
    }

    /**
     * Transitive groups of images within {@code threshold} bits, keeping only those that are not all one exact copy.
     */
    private static List<List<Integer>> nearGroups(List<Image> images, int[] exactGroupOf, AuditOptions options,
                                                  List<float[]> pixels, int side) {
        int threshold = options.nearThreshold();
        int n = images.size();
        int[] parent = IntStream.range(0, n).toArray();
        int ranges = threshold + 1;
        for (int r = 0; r < ranges; r++) {
            int from = r * 64 / ranges;
            int to = (r + 1) * 64 / ranges;
            long mask = to - from == 64 ? -1L : ((1L << (to - from)) - 1) << from;
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < n; i++) {
                buckets.computeIfAbsent(images.get(i).dHash() & mask, k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int a = 0; a < bucket.size(); a++) {
                    for (int b = a + 1; b < bucket.size(); b++) {
                        int i = bucket.get(a), j = bucket.get(b);
                        if (find(parent, i) != find(parent, j)
                                && DifferenceHash.distance(images.get(i).dHash(), images.get(j).dHash()) <= threshold
                                && Thumbnail.correlation(images.get(i).thumbnail(), images.get(j).thumbnail())
                                >= THUMBNAIL_PREFILTER
                                && ShiftedCorrelation.best(pixels.get(i), pixels.get(j), side) >= options.nearCorrelation()) {
                            union(parent, i, j);
                        }
                    }
                }
            }
        }
        Map<Integer, List<Integer>> byRoot = new TreeMap<>();
        for (int i = 0; i < n; i++) byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        List<List<Integer>> groups = new ArrayList<>();
        for (List<Integer> members : byRoot.values()) {
            if (members.size() < 2) continue;
            int first = exactGroupOf[members.get(0)];
            boolean allOneCopy = first >= 0 && members.stream().allMatch(i -> exactGroupOf[i] == first);
            if (!allOneCopy) groups.add(members);
        }
        return groups;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    private static boolean leaksIntoTest(List<Integer> members, List<Image> images) {
        boolean test = false, seen = false;
        for (int i : members) {
            if (images.get(i).split() == 2) test = true; else seen = true;
        }
        return test && seen;
    }

    private static long distinctLabels(List<Integer> members, List<Image> images) {
        return members.stream().map(i -> images.get(i).label()).distinct().count();
    }

    private static void add(List<Finding> findings, Map<String, int[]> rows, FindingKind kind, int group,
                            List<Integer> members, List<Image> images, PreparedDataset data) {
        boolean[] splits = new boolean[SPLITS.length];
        for (int i : members) {
            Image image = images.get(i);
            splits[image.split()] = true;
            findings.add(new Finding(kind, group, SPLITS[image.split()], data.classNames().get(image.label()),
                    image.path(), "", image.index()));
        }
        List<String> names = new ArrayList<>();
        for (int s = 0; s < SPLITS.length; s++) if (splits[s]) names.add(SPLITS[s]);
        int[] row = rows.computeIfAbsent(kind.name() + "|" + String.join("+", names), k -> new int[2]);
        row[0]++;
        row[1] += members.size();
    }

    private static void count(Map<String, int[]> rows, FindingKind kind, String split, int images) {
        int[] row = rows.computeIfAbsent(kind.name() + "|" + split, k -> new int[2]);
        row[0] += images;
        row[1] += images;
    }

    /** Summary order: single splits, then pairs, then all three. */
    private static int splitOrder(String key) {
        String splits = key.substring(key.indexOf('|') + 1);
        int order = 0;
        for (String part : splits.split("\\+")) {
            order = order * 4 + Arrays.asList(SPLITS).indexOf(part) + 1;
        }
        return splits.split("\\+").length * 100 + order;
    }

    /** The most common source size, or null when sizes are unknown. */
    private static int[] usualSize(List<Image> images) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Image image : images) {
            if (image.width() > 0) counts.merge(((long) image.width() << 32) | image.height(), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> new int[] {(int) (e.getKey() >>> 32), (int) (long) e.getKey()}).orElse(null);
    }

    private static String sha256(byte[] pixels, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(pixels, offset, length);
            ByteBuffer hash = ByteBuffer.wrap(digest.digest());
            return String.format("%016x%016x", hash.getLong(), hash.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static double std(byte[] pixels, int offset, int length) {
        double sum = 0, squares = 0;
        for (int k = 0; k < length; k++) {
            int v = pixels[offset + k] & 0xFF;
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / length;
        return Math.sqrt(Math.max(0, squares / length - mean * mean));
    }
}
