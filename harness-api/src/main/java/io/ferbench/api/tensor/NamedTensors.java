package io.ferbench.api.tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An ordered map from parameter key ({@code <node>.<weight|bias|running_mean|running_var>}) to
 * tensor: the backend-neutral checkpoint, stored on disk in the safetensors layout.
 */
public final class NamedTensors {
    private final Map<String, FloatTensor> tensors = new LinkedHashMap<>();

    public NamedTensors put(String key, FloatTensor t) {
        tensors.put(key, t);
        return this;
    }

    public FloatTensor get(String key) { return tensors.get(key); }
    public boolean contains(String key) { return tensors.containsKey(key); }
    public Set<String> keys() { return Collections.unmodifiableSet(tensors.keySet()); }
    public Map<String, FloatTensor> asMap() { return Collections.unmodifiableMap(tensors); }
    public int count() { return tensors.size(); }

    /** Total number of scalar values. */
    public long totalValues() {
        long n = 0;
        for (FloatTensor t : tensors.values()) n += t.size();
        return n;
    }
}
