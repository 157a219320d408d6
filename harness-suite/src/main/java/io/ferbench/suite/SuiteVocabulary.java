package io.ferbench.suite;

import java.util.List;

/** The closed sets of names a suite may use. */
final class SuiteVocabulary {
    private SuiteVocabulary() {
    }

    /** Architecture names the IR defines. */
    static List<String> architectures() {
        return io.ferbench.api.arch.Architectures.names();
    }

    /** Backend ids, as the backends' providers and the distribution's {@code backends/<id>/} folders name them. */
    static List<String> backends() {
        return List.of("djl", "tensorflow", "dl4j");
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
