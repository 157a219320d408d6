package io.ferbench.runner;

/** The run cannot start as asked (it would overwrite or mix with a previous run's results). */
public class RunRefusedException extends RuntimeException {
    public RunRefusedException(String message) {
        super(message);
    }
}
