package io.ferbench.cli;

import io.ferbench.worker.data.DatasetException;
import io.ferbench.suite.SuiteException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors caused by the user's input (a bad suite, a missing dataset, a wrong argument) into a
 * message and exit code 2 instead of a stack trace; anything else is a bug and keeps its trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        if (ex instanceof SuiteException || ex instanceof DatasetException || ex instanceof IllegalArgumentException) {
            cl.getErr().println(cl.getColorScheme().errorText("error: ") + ex.getMessage());
            return USER_ERROR;
        }
        throw new RuntimeException(ex);
    }
}
