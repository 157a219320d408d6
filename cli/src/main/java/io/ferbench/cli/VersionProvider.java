package io.ferbench.cli;

import io.ferbench.api.result.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The ferbench build (git describe, commit, uncommitted changes) and the JVM that runs it. */
final class VersionProvider implements IVersionProvider {
    @Override public String[] getVersion() {
        return new String[] {"ferbench " + BuildInfo.current().describe(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
