package io.ferbench.api.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The ferbench build that produced a result: what {@code git describe --tags --always --dirty} said when it was built
 * (the Maven project version where git was not there), the commit, and whether the tree had uncommitted changes.
 * The build writes {@value #RESOURCE}; a build without git, or results written before it, say {@value #UNKNOWN}.
 *
 * @param version the version: {@code git describe} output such as {@code v0.2.0-3-g1a2b3c4} when a tag is reachable,
 *                else the Maven project version
 * @param commit  the full commit id, or {@value #UNKNOWN}
 * @param dirty   whether the working tree had changes that no commit holds
 */
public record BuildInfo(String version, String commit, boolean dirty) {
    public static final String RESOURCE = "/META-INF/ferbench/build.properties";
    public static final String UNKNOWN = "unknown";
    private static final String DIRTY_SUFFIX = "-dirty";
    private static final BuildInfo CURRENT = load();

    /** This process's build. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** The version without the dirty marker, then the commit's first 12 digits and the dirty flag, for one line. */
    public String describe() {
        String shortCommit = commit.length() > 12 ? commit.substring(0, 12) : commit;
        return version + " (commit " + shortCommit + (dirty ? ", with uncommitted changes" : "") + ")";
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return new BuildInfo(UNKNOWN, UNKNOWN, false);
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from ferbench's harness-api jar", e);
        }
        return of(p);
    }

    /** The build {@code p} describes: the keys {@code version} (Maven's), {@code describe} and {@code commit}. */
    static BuildInfo of(Properties p) {
        String described = p.getProperty("describe", UNKNOWN).strip();
        String commit = p.getProperty("commit", UNKNOWN).strip();
        boolean dirty = described.endsWith(DIRTY_SUFFIX);
        String clean = dirty ? described.substring(0, described.length() - DIRTY_SUFFIX.length()) : described;
        // without a reachable tag, describe is the bare commit id: the project version says more
        boolean tagged = !described.equals(UNKNOWN) && !commit.startsWith(clean);
        return new BuildInfo(tagged ? clean : p.getProperty("version", UNKNOWN).strip(), commit, dirty);
    }
}
