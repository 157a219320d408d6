package io.ferbench.worker.data;

/** One image that cannot be used; it is skipped and reported, not fatal. The message is the reason. */
public final class UnusableImageException extends Exception {
    public UnusableImageException(String reason) {
        super(reason, null, false, false);
    }
}
