package io.ferbench.api.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The dataset kinds on the classpath, in listing order. */
public final class DatasetKinds {
    private static volatile List<DatasetKind> all;

    private DatasetKinds() {}

    public static List<DatasetKind> all() {
        List<DatasetKind> kinds = all;
        if (kinds == null) {
            List<DatasetKind> found = new ArrayList<>();
            ServiceLoader.load(DatasetKind.class, DatasetKinds.class.getClassLoader()).forEach(found::add);
            found.sort(Comparator.comparingInt(DatasetKind::order).thenComparing(DatasetKind::id));
            for (DatasetKind k : found) {
                for (String key : k.allowedKeys()) {
                    if (!DatasetKind.SPECIFIC_KEYS.contains(key)) {
                        throw new IllegalStateException("dataset kind '" + k.id() + "' takes '" + key + "', which is "
                                + "not one of the kind-specific keys " + DatasetKind.SPECIFIC_KEYS);
                    }
                }
            }
            kinds = all = List.copyOf(found);
        }
        return kinds;
    }

    public static List<String> ids() {
        return all().stream().map(DatasetKind::id).toList();
    }

    public static Optional<DatasetKind> find(String id) {
        return all().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The kinds that take {@code key}, for "applies only to …" messages; empty for keys every kind takes. */
    public static List<String> kindsTaking(String key) {
        return all().stream().filter(k -> k.allowedKeys().contains(key)).map(DatasetKind::id).toList();
    }
}
