package io.ferbench.api.backend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The models a {@link Backend} has built and not yet closed, so that {@link Backend#close()} can close them; after
 * that the backend builds nothing more. Thread-safe.
 *
 * @param <M> the backend's model class
 */
public final class OpenModels<M extends TrainableModel> {
    private final String backend;
    private final Set<M> open = new LinkedHashSet<>();
    private boolean closed;

    /** @param backend  the backend id, named in the error when building after close */
    public OpenModels(String backend) {
        this.backend = backend;
    }

    /**
     * Builds a model and tracks it until it closes.
     *
     * @param build  makes the model from the callback it must call when it closes
     * @throws IllegalStateException when {@link #closeAll()} has run
     */
    public synchronized M add(Function<Consumer<M>, M> build) {
        if (closed) throw new IllegalStateException("the " + backend + " backend is closed");
        M model = build.apply(this::forget);
        open.add(model);
        return model;
    }

    private synchronized void forget(M model) {
        open.remove(model);
    }

    /** Closes every tracked model (outside the lock, since a model's close calls back); idempotent. */
    public void closeAll() {
        List<M> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(open);
        }
        toClose.forEach(M::close);
    }
}
