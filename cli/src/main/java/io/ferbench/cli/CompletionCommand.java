package io.ferbench.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferbench completion}: the shell completion script picocli generates from the command tree. */
@Command(name = "completion",
        description = {"Print a bash completion script for ferbench (zsh reads it too, after "
                + "`autoload -U +X bashcompinit && bashcompinit`).",
                "Load it in the current shell with `source <(./ferbench completion)`, or save it in "
                        + "~/.local/share/bash-completion/completions/ferbench."})
final class CompletionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
