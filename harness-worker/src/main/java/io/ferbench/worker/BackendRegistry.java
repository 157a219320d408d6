package io.ferbench.worker;

import io.ferbench.api.backend.BackendProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds backends on the classpath through {@link ServiceLoader} ({@code META-INF/services}). */
public final class BackendRegistry {
    private BackendRegistry() {}

    /** Every backend on the classpath, in discovery order. */
    public static List<BackendProvider> installed() {
        List<BackendProvider> providers = new ArrayList<>();
        try {
            for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) providers.add(p);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a backend jar on the classpath is broken: " + e.getMessage(), e);
        }
        return providers;
    }

    /** The backend with id {@code id}; an {@link UnknownBackendException} lists the installed ones otherwise. */
    public static BackendProvider find(String id) {
        List<BackendProvider> providers = installed();
        for (BackendProvider p : providers) {
            if (p.id().equals(id)) return p;
        }
        throw new UnknownBackendException(id, providers.stream().map(p -> p.id() + " (" + p.displayName() + ")").toList(),
                "on this worker's classpath");
    }
}
