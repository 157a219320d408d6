package io.ferbench.worker;

import java.util.List;

/** A cell names a backend that is not installed; the message lists the ones that are. */
public class UnknownBackendException extends IllegalArgumentException {
    public UnknownBackendException(String id, List<String> installed, String where) {
        super("unknown backend '" + id + "': no such backend " + where + "; installed backends: "
                + (installed.isEmpty() ? "none" : String.join(", ", installed))
                + io.ferbench.api.names.DidYouMean.hint(id, installed));
    }
}
