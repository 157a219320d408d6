package io.ferbench.api.cell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a run does about the problems the dataset audit finds (docs/datasets.md). The images are dropped from the
 * prepared split lists only; nothing in the data folder is touched, and the splits stay those of the seed.
 *
 * @param dedupe          {@link Dedupe#NONE}: audit and warn only; {@link Dedupe#DROP_TEST_OVERLAP}: drop from
 *                        validation and test every image with an exact or near duplicate in training, and from test
 *                        every image with one in validation (no test image then has a copy outside test);
 *                        {@link Dedupe#DROP_ALL}: drop groups with conflicting labels entirely and keep one image of
 *                        every other duplicate group (in training when the group has one there, else in validation)
 * @param dropDegenerate  drop blank or nearly constant images from every split
 */
public record DatasetRemedies(Dedupe dedupe, boolean dropDegenerate) {
    /** The {@code dedupe:} values. */
    public enum Dedupe {
        NONE, DROP_TEST_OVERLAP, DROP_ALL;

        /** As suites write it: {@code none}, {@code drop-test-overlap}, {@code drop-all}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static List<String> ids() {
            return Arrays.stream(values()).map(Dedupe::id).toList();
        }

        @Override
        public String toString() { return id(); }

        public static Dedupe of(String id) {
            for (Dedupe d : values()) if (d.id().equals(id)) return d;
            throw new IllegalArgumentException("unknown dedupe '" + id + "'; valid: " + String.join(", ", ids()));
        }
    }

    public DatasetRemedies {
        if (dedupe == null) dedupe = Dedupe.NONE;
    }

    /** Audit and warn only. */
    public static DatasetRemedies none() {
        return new DatasetRemedies(Dedupe.NONE, false);
    }

    public boolean any() {
        return dedupe != Dedupe.NONE || dropDegenerate;
    }
}
