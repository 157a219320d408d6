package io.ferbench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text wrapped at spaces only. picocli wraps with the JDK's line {@link java.text.BreakIterator}, which breaks
 * inside words such as {@code history.csv} or {@code ~/.cache}; here picocli lays every section out unwrapped and
 * each line is then wrapped at {@value #WIDTH} columns between words, continuation lines indented as picocli would
 * (two past the start of a description column, or under the first argument of the synopsis).
 */
final class WordWrappedHelp {
    static final int WIDTH = 80;
    /** Wide enough that picocli never wraps a line itself. */
    private static final int UNWRAPPED = 10_000;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static final Pattern COLUMN_GAP = Pattern.compile("\\S( {2,})\\S");

    private WordWrappedHelp() {}

    /** Wraps the help of {@code root} and of every command under it. */
    static void install(CommandLine root) {
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
        root.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, help -> key.equals(
                UsageMessageSpec.SECTION_KEY_SYNOPSIS) ? synopsis(renderer.render(help), help)
                : wrap(renderer.render(help))));
        apply(root, sections);
    }

    private static void apply(CommandLine command, Map<String, IHelpSectionRenderer> sections) {
        command.setUsageHelpWidth(UNWRAPPED);
        command.setHelpSectionMap(sections);
        command.getSubcommands().values().forEach(sub -> apply(sub, sections));
    }

    /** The synopsis follows its "Usage: " heading; its continuation lines start under the first argument. */
    private static String synopsis(String text, Help help) {
        int heading = help.synopsisHeadingLength();
        int hang = heading + help.commandSpec().qualifiedName().length() + 1;
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            out.append(wrapLine(line, heading, line.isBlank() ? 0 : nonSpaceStart(line), hang));
        }
        return out.toString();
    }

    /** Every line of a section wrapped between words. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            var gap = COLUMN_GAP.matcher(line);
            int lead = nonSpaceStart(line);
            // a row of a two-column list (option or command, then its description) hangs under the description
            int start = gap.find() ? gap.end(1) : lead;
            int hang = start > 0 ? start + 2 : 0;
            out.append(wrapLine(line, 0, start, hang));
        }
        return out.toString();
    }

    /**
     * {@code line} broken between the words after {@code start} so that no line passes {@link #WIDTH} (a word longer
     * than a line stays whole), the first line starting at column {@code offset}, the others at {@code hang}.
     */
    private static String wrapLine(String line, int offset, int start, int hang) {
        if (offset + visible(line) <= WIDTH || start >= line.length()) return line;
        StringBuilder out = new StringBuilder(line.substring(0, start));
        int column = offset + visible(out);
        boolean wordOnLine = false;
        for (String word : line.substring(start).split(" +")) {
            if (word.isEmpty()) continue;
            int length = visible(word);
            if (wordOnLine && column + 1 + length > WIDTH) {
                out.append('\n').append(" ".repeat(hang)).append(word);
                column = hang + length;
            } else {
                if (wordOnLine) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += length;
            }
            wordOnLine = true;
        }
        return out.toString();
    }

    private static int nonSpaceStart(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }

    /** Columns a text takes on screen: colour codes take none. */
    private static int visible(CharSequence text) {
        return ANSI.matcher(text).replaceAll("").length();
    }
}
