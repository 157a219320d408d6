package io.ferbench.worker;

import io.ferbench.api.backend.BackendProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds backends on the classpath through {@link ServiceLoader} ({@code META-INF/services}). A backend whose provider
 * cannot be loaded (its engine's jars missing) is skipped, so it never hides the others.
 */
public final class BackendRegistry {
    /** Errors in a row after which the class path is taken to be unreadable. */
    private static final int MAX_BROKEN = 64;

    private BackendRegistry() {}

    /** Every backend on the classpath that loads, in discovery order. */
    public static List<BackendProvider> installed() {
        return scan(new ArrayList<>());
    }

    private static List<BackendProvider> scan(List<String> broken) {
        List<BackendProvider> providers = new ArrayList<>();
        Iterator<BackendProvider> it = ServiceLoader.load(BackendProvider.class).iterator();
        while (broken.size() < MAX_BROKEN) {
            try {
                if (!it.hasNext()) break;
                providers.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                broken.add(e.getMessage());
            }
        }
        return providers;
    }

    /** The backend with id {@code id}; an {@link UnknownBackendException} lists the installed ones otherwise. */
    public static BackendProvider find(String id) {
        List<String> broken = new ArrayList<>();
        List<BackendProvider> providers = scan(broken);
        List<String> names = new ArrayList<>();
        for (BackendProvider p : providers) {
            try {
                if (p.id().equals(id)) return p;
                names.add(p.id() + " (" + p.displayName() + ")");
            } catch (LinkageError e) {
                broken.add(p.getClass().getName() + ": " + e);
            }
        }
        throw new UnknownBackendException(id, names,
                "on this worker's classpath" + (broken.isEmpty() ? "" : " (" + broken.size() + " backend provider(s) "
                        + "could not be loaded: " + String.join("; ", broken) + ")"));
    }
}
