package io.ferbench.worker.data;

/**
 * A dataset that cannot be prepared. The message names the file, folder or line at fault and what was expected.
 */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
