package io.ferbench.cli;

import io.ferbench.api.names.DidYouMean;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistyped command ({@code ferbench rnu}) gets the command it most likely meant, by the same rule as misspelt suite
 * keys ({@link DidYouMean}), and the list of commands; every other argument error is picocli's usual message.
 */
final class UnknownCommandHandler implements IParameterExceptionHandler {
    private final IParameterExceptionHandler usual;

    UnknownCommandHandler(IParameterExceptionHandler usual) {
        this.usual = usual;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) throws Exception {
        CommandLine command = ex.getCommandLine();
        if (!(ex instanceof UnmatchedArgumentException unmatched) || command.getSubcommands().isEmpty()
                || unmatched.getUnmatched().isEmpty() || unmatched.getUnmatched().get(0).startsWith("-")) {
            return usual.handleParseException(ex, args);
        }
        String typed = unmatched.getUnmatched().get(0);
        List<String> names = List.copyOf(command.getSubcommands().keySet());
        String suggestion = DidYouMean.suggestPrefixFirst(typed, names)
                .map(name -> "; did you mean '" + command.getCommandName() + " " + name + "'?").orElse("");
        command.getErr().println(command.getColorScheme().errorText("error: ")
                + "unknown command '" + typed + "'" + suggestion + " (commands: " + String.join(", ", names) + ")");
        command.getErr().println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
