package io.ferbench.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the ferbench version from the jar manifest (the Maven project version). */
final class VersionProvider implements IVersionProvider {
    @Override public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"ferbench " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
