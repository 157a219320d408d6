package io.ferbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ferbench} command: one subcommand per job a user has. */
@Command(name = "ferbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Benchmark harness for facial-emotion-recognition CNNs on JVM deep-learning frameworks.",
        subcommands = {
                RunCommand.class,
                ReportCommand.class,
                ValidateCommand.class,
                PlanCommand.class,
                ArchitecturesCommand.class,
                BackendsCommand.class,
                DatasetsCommand.class,
                WorkerCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
    }
}
