package io.ferbench.suite;

import io.ferbench.api.cell.Cell;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads suite files: parses, validates and expands them into a {@link SuitePlan}. Nothing runs until a
 * suite is valid as a whole; every problem is reported at once, each with file, line, column and key.
 */
public final class Suites {
    private Suites() {
    }

    /** Parses, validates and expands; throws {@link SuiteException} (message names file, line, key) on any problem. */
    public static SuitePlan plan(Path suiteFile) {
        return plan(suiteFile, MatrixOverrides.NONE);
    }

    /**
     * Parses, validates and expands with command-line overrides of the matrix, checked as the matrix is; throws
     * {@link SuiteException} on any problem of the file or the overrides.
     */
    public static SuitePlan plan(Path suiteFile, MatrixOverrides overrides) {
        String text;
        try {
            text = Files.readString(suiteFile);
        } catch (NoSuchFileException e) {
            throw fileProblem(suiteFile, "no such file");
        } catch (CharacterCodingException e) {
            throw fileProblem(suiteFile, "not UTF-8 text; save the suite as UTF-8");
        } catch (IOException e) {
            throw fileProblem(suiteFile, "cannot be read: " + e);
        }
        return plan(text, suiteFile.toString(), suiteFile, overrides);
    }

    /**
     * Parses, validates and expands suite text; throws {@link SuiteException} on any problem.
     *
     * @param fileNameForMessages names the text in messages; the plan's {@code file} is null
     */
    public static SuitePlan plan(String yamlText, String fileNameForMessages) {
        return plan(yamlText, fileNameForMessages, null, MatrixOverrides.NONE);
    }

    /** {@link #plan(String, String)} with command-line overrides of the matrix. */
    public static SuitePlan plan(String yamlText, String fileNameForMessages, MatrixOverrides overrides) {
        return plan(yamlText, fileNameForMessages, null, overrides);
    }

    private static SuitePlan plan(String text, String fileName, Path file, MatrixOverrides overrides) {
        Problems problems = new Problems(fileName);
        // A byte-order mark is legal at the start of a YAML stream; editors on Windows write one.
        YamlNode root = YamlTrees.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        if (root == null) {
            problems.throwIfAny();
        }
        SuiteReader reader = new SuiteReader(problems);
        SuiteDefinition suite = reader.read(root);
        problems.throwIfAny();
        MatrixOverrides.Resolved changes = overrides.resolve(reader, problems);
        problems.throwIfAny();
        List<Map<MatrixAxis, Object>> combinations = changes.apply(
                MatrixExpander.expand(suite.matrix(), suite.repeats(), problems));
        problems.throwIfAny();
        List<Cell> cells = CellPlanner.cells(suite, combinations, problems);
        problems.throwIfAny();
        CellPlanner.checkWarmup(suite, cells, problems);
        CellPlanner.checkClasses(suite, cells, problems);
        problems.throwIfAny();
        cells = changes.keep(cells, problems);
        problems.throwIfAny();
        return new SuitePlan(suite.name(), suite.description(), file, text, cells,
                CellPlanner.datasets(suite, cells));
    }

    /** The backend ids a suite may name. */
    public static List<String> backendIds() {
        return SuiteVocabulary.backends();
    }

    private static SuiteException fileProblem(Path file, String message) {
        return new SuiteException(List.of(new SuiteError(file.toString(), 0, 0, "", message)));
    }
}
