package io.ferbench.runner.cluster;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting for the job scripts ferbench writes: every word in single quotes. */
final class ShellQuote {
    private ShellQuote() {}

    static String word(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    static String words(List<String> words) {
        return words.stream().map(ShellQuote::word).collect(Collectors.joining(" "));
    }
}
