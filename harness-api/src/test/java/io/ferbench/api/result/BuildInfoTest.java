package io.ferbench.api.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The build records where it came from; results carry it (docs/running.md, "Files"). */
class BuildInfoTest {
    @Test
    void theBuildWritesItsCommitAndVersionAndAGitCheckoutGivesTheRealCommit() throws Exception {
        assertNotNull(BuildInfo.class.getResource(BuildInfo.RESOURCE), "the build step wrote " + BuildInfo.RESOURCE);
        BuildInfo build = BuildInfo.current();
        assertTrue(build.commit().equals(BuildInfo.UNKNOWN) || build.commit().matches("[0-9a-f]{40}"),
                build.commit());
        assertTrue(!build.version().isBlank() && !build.version().endsWith("-dirty"), build.version());
        String head = git("rev-parse", "HEAD");
        if (head != null) assertEquals(head, build.commit(), "built in a checkout: the commit is HEAD's");
    }

    @Test
    void gitDescribeGivesTheVersionWhenATagIsReachableAndTheDirtyFlag() {
        String commit = "4710d891ec6f289b1b71e1d6e4a8c8d398cddd2d";
        assertEquals(new BuildInfo("0.1.0-SNAPSHOT", commit, true), BuildInfo.of(properties("4710d89-dirty", commit)),
                "no tag: describe is the commit, the Maven version says more");
        assertEquals(new BuildInfo("v0.2.0-3-g4710d89", commit, false),
                BuildInfo.of(properties("v0.2.0-3-g4710d89", commit)));
        assertEquals(new BuildInfo("v0.2.0", commit, true), BuildInfo.of(properties("v0.2.0-dirty", commit)));
        assertEquals(new BuildInfo("0.1.0-SNAPSHOT", BuildInfo.UNKNOWN, false),
                BuildInfo.of(properties(BuildInfo.UNKNOWN, BuildInfo.UNKNOWN)), "built without git");
    }

    private static java.util.Properties properties(String describe, String commit) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("version", "0.1.0-SNAPSHOT");
        p.setProperty("describe", describe);
        p.setProperty("commit", commit);
        return p;
    }

    @Test
    void aResultMadeInThisProcessCarriesThisBuild() {
        CellResult result = new CellResult(null, CellStatus.FAILED, "x", null, null, null, null, null, null, null,
                null, null, null, null, 0);
        assertEquals(BuildInfo.current(), result.build());
        assertTrue(BuildInfo.current().describe().startsWith(BuildInfo.current().version() + " (commit "));
    }

    /** git's output in this module's folder, or null without git or outside a checkout. */
    private static String git(String... args) throws InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}
