package io.ferbench.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The text of a run or cell lock held by this test process, as a live run elsewhere would hold it. */
final class HeldLocks {
    private HeldLocks() {}

    static String byThisProcess(String command) throws UnknownHostException {
        ProcessHandle me = ProcessHandle.current();
        return "pid=" + me.pid() + "\nprocess_start=" + me.info().startInstant().map(Object::toString).orElse("")
                + "\nhost=" + InetAddress.getLocalHost().getHostName() + "\nsince=2026-12-06T00:00:00Z\ncommand="
                + command + "\n";
    }
}
