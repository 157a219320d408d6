package io.ferbench.api.tensor;

import java.nio.file.Path;

/** A safetensors file that is malformed or cannot be represented; the message names the file and, where one is at fault, the tensor key. */
public class SafeTensorsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String key;

    public SafeTensorsException(Path file, String key, String problem) {
        super(file + (key == null ? "" : ": tensor '" + key + "'") + ": " + problem);
        this.file = file;
        this.key = key;
    }

    public SafeTensorsException(Path file, String key, String problem, Throwable cause) {
        this(file, key, problem);
        initCause(cause);
    }

    public Path file() { return file; }

    /** The tensor key at fault, or null when the problem is the file or header as a whole. */
    public String key() { return key; }
}
