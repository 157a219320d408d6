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
        if (head != null) {
            assertEquals(head, build.commit(), "built in a checkout: the commit is HEAD's");
            assertEquals(!git("status", "--porcelain", "--untracked-files=no").isEmpty(), build.dirty(),
                    "dirty exactly when tracked files differ from HEAD (as git describe --dirty says)");
        }
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
