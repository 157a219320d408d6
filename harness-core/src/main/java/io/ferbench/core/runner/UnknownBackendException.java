package io.ferbench.core.runner;

import java.util.List;

/** A cell names a backend that is not installed; the message lists the ones that are. */
public class UnknownBackendException extends IllegalArgumentException {
    private final String id;
    private final List<String> installed;

    public UnknownBackendException(String id, List<String> installed, String where) {
        super("unknown backend '" + id + "': no such backend " + where + "; installed backends: "
                + (installed.isEmpty() ? "none" : String.join(", ", installed)));
        this.id = id;
        this.installed = List.copyOf(installed);
    }

    public String id() { return id; }

    public List<String> installed() { return installed; }
}
