package io.ferbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code ferbench} command: one subcommand per job a user has. Its help options, version and exit-status list are
 * inherited by every subcommand ({@code scope = INHERIT}); a command with other exit codes lists its own.
 */
@Command(name = "ferbench",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Benchmark harness for facial-emotion-recognition CNNs on JVM deep-learning frameworks.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "2:invalid input (an argument, a suite or a file; the message names it)"},
        subcommands = {
                RunCommand.class,
                CompareCommand.class,
                ReportCommand.class,
                ValidateCommand.class,
                PlanCommand.class,
                ArchitecturesCommand.class,
                BackendsCommand.class,
                DatasetsCommand.class,
                BenchCommand.class,
                WorkerCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Without a command: the list of commands, and the invalid-input status, since nothing was done. */
    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        cl.setParameterExceptionHandler(new UnknownCommandHandler(cl.getParameterExceptionHandler()));
        WordWrappedHelp.install(cl);
        return cl;
    }
}
