package io.ferbench.suite;

import io.ferbench.api.backend.BackendCatalog;
import java.util.List;

/** The closed sets of names a suite may use. */
final class SuiteVocabulary {
    private SuiteVocabulary() {
    }

    /** Architecture names the IR defines. */
    static List<String> architectures() {
        return io.ferbench.api.arch.Architectures.names();
    }

    /** The installed backends' ids, from their descriptors (a distribution's {@code backends/<id>/}). */
    static List<String> backends() {
        return BackendCatalog.discovered().ids();
    }

    /** The matrix's default backend: the first installed one in the descriptors' order. */
    static String defaultBackend() {
        List<String> ids = backends();
        return ids.isEmpty() ? null : ids.get(0);
    }

    static List<String> devices() {
        return io.ferbench.api.cell.Device.ids();
    }

    static List<String> optimizers() {
        return List.of("adam");
    }

    static List<String> monitors() {
        return io.ferbench.api.cell.EarlyStoppingSpec.Monitor.ids();
    }
}
