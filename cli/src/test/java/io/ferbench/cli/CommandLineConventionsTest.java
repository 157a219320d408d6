package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Conventions every command keeps, checked over the command tree as picocli builds it (no hand-kept list). */
class CommandLineConventionsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** The argument paths of every command: [], [run], [datasets], [datasets, stats], ... */
    private static List<List<String>> commandPaths(CommandLine cl, List<String> path) {
        List<List<String>> paths = new ArrayList<>(List.of(path));
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            paths.addAll(commandPaths(sub, longer));
        });
        return paths;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandsHelpExitsZeroAndListsItsExitStatus() {
        List<List<String>> paths = commandPaths(Main.commandLine(), List.of());
        assertTrue(paths.size() >= 13, "the tree has the datasets subcommands too: " + paths);
        return paths.stream().map(path -> DynamicTest.dynamicTest("ferbench " + String.join(" ", path) + " --help",
                () -> {
                    List<String> args = new ArrayList<>(path);
                    args.add("--help");
                    assertEquals(0, execute(args.toArray(String[]::new)), err.toString());
                    String help = out.toString();
                    assertTrue(help.startsWith("Usage: ferbench"), help);
                    assertTrue(help.contains("Exit status:") && help.contains("  2 "), help);
                }));
    }

    @TestFactory
    Stream<DynamicTest> helpNeverBreaksAWordOrPassesEightyColumns() {
        return commandPaths(Main.commandLine(), List.of()).stream().map(path -> DynamicTest.dynamicTest(
                "ferbench " + String.join(" ", path), () -> {
                    CommandLine command = Main.commandLine();
                    for (String name : path) command = command.getSubcommands().get(name);
                    String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
                    Set<String> words = new HashSet<>(Arrays.asList(help.split("\\s+")));
                    List<String> described = new ArrayList<>(Arrays.asList(command.getCommandSpec().usageMessage()
                            .description()));
                    for (OptionSpec option : command.getCommandSpec().options()) {
                        described.addAll(Arrays.asList(option.description()));
                    }
                    for (String text : described) {
                        for (String word : text.replace("${DEFAULT-VALUE}", "").split("\\s+")) {
                            if (word.isEmpty() || word.contains("%") || word.contains("${")) continue;
                            assertTrue(words.contains(word), "'" + word + "' is broken in:\n" + help);
                        }
                    }
                    for (String line : help.lines().toList()) {
                        boolean oneWord = line.strip().indexOf(' ') < 0;
                        assertTrue(line.length() <= WordWrappedHelp.WIDTH || oneWord, "too long: " + line);
                    }
                }));
    }

    @Test
    void aMistypedCommandGetsTheCommandItMostLikelyMeant() {
        assertEquals(2, execute("rnu", "suites/quickstart.yaml"));
        assertTrue(err.toString().contains("unknown command 'rnu'; did you mean 'ferbench run'?"), err.toString());
        assertTrue(err.toString().contains("commands: run, compare, report"), err.toString());
        assertEquals(2, execute("datasets", "stat", "synthetic"));
        assertTrue(err.toString().contains("did you mean 'datasets stats'?"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, execute("xyzzy"));
        assertFalse(err.toString().contains("did you mean 'ferbench"), "no suggestion for a word near nothing");
    }

    @Test
    void noCommandIsInvalidInputAndShowsTheCommands() {
        assertEquals(2, execute());
        assertTrue(err.toString().contains("name a command") && err.toString().contains("Commands:"), err.toString());
    }

    @Test
    void completionPrintsABashScriptThatKnowsEveryCommandAndRunsOptions() {
        assertEquals(0, execute("completion"));
        String script = out.toString();
        assertTrue(script.contains("complete -F _complete_ferbench"), script.lines().limit(5)
                .collect(Collectors.joining("\n")));
        for (String word : List.of("run", "compare", "validate", "datasets", "audit", "--resume", "--smoke")) {
            assertTrue(script.contains(word), word);
        }
    }

    @Test
    void versionNamesTheBuildItsCommitAndTheJvm() {
        assertEquals(0, execute("--version"));
        io.ferbench.api.result.BuildInfo build = io.ferbench.api.result.BuildInfo.current();
        assertTrue(out.toString().startsWith("ferbench " + build.version() + " (commit "
                + build.commit().substring(0, Math.min(12, build.commit().length()))), out.toString());
        assertFalse(out.toString().contains("development build"), out.toString());
        assertTrue(out.toString().contains("Java " + System.getProperty("java.version")), out.toString());
    }

    @Test
    void quietAndVerboseExcludeEachOther() {
        assertEquals(2, execute("run", "suites/quickstart.yaml", "--quiet", "--verbose"));
        assertTrue(err.toString().contains("--quiet and --verbose exclude each other"), err.toString());
    }
}
