package io.ferbench.suite;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.ScheduleSpec;
import io.ferbench.api.cell.DatasetRemedies;

import static io.ferbench.suite.SuiteTexts.FILE;
import static io.ferbench.suite.SuiteTexts.SYNTHETIC_HEADER;
import static io.ferbench.suite.SuiteTexts.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteValidationTest {

    /** Asserts the only problem is at {@code line}, under {@code key}, and its message contains every hint. */
    private static SuiteError single(SuiteException e, int line, String key, String... hints) {
        assertEquals(1, e.errors().size(), e.getMessage());
        SuiteError error = e.errors().get(0);
        assertEquals(FILE, error.file());
        assertEquals(line, error.line(), e.getMessage());
        assertEquals(key, error.key(), e.getMessage());
        for (String hint : hints) {
            assertTrue(error.message().contains(hint), "'" + hint + "' missing from: " + error.message());
        }
        return error;
    }

    @Test
    void misspeltKeyIsRejectedAtItsLineWithTheIntendedKey() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  architecture: resnet18
                  learnng_rate: 0.01
                """);
        SuiteError error = single(e, 7, "matrix.learnng_rate", "unknown key 'learnng_rate'",
                "did you mean 'learning_rate'?");
        assertEquals(3, error.column());
        assertEquals("test.yaml:7:3: matrix.learnng_rate: unknown key 'learnng_rate' in the matrix; "
                + "did you mean 'learning_rate'?", e.getMessage());
        assertEquals(FILE, e.file());
        assertEquals(7, e.line());
        assertEquals("matrix.learnng_rate", e.key());
    }

    @Test
    void unknownKeyFarFromAnyValidOneListsTheValidKeys() {
        SuiteException e = rejected(SYNTHETIC_HEADER + "matrix: {}\nowner: me\n");
        single(e, 6, "owner", "valid keys: name, description, datasets, matrix, repeats, timeout_minutes, "
                + "backend_settings");
    }

    @Test
    void shortNamesFromCellIdsPointToTheirKey() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  include:
                    - {bs: 64}
                """);
        single(e, 7, "matrix.include[0].bs", "unknown key 'bs'", "did you mean 'batch_size'?");
    }

    @Test
    void wrongTypeIsRejectedWithWhatWouldBeValid() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  batch_size: many
                """);
        single(e, 6, "matrix.batch_size", "expected an integer from 2 to 65536, got text 'many'");
    }

    @Test
    void quotedNumberIsTextNotANumber() {
        SuiteException e = rejected(SYNTHETIC_HEADER + "matrix:\n  learning_rate: \"0.01\"\n");
        single(e, 6, "matrix.learning_rate", "expected a number > 0 and <= 10, got text '0.01'",
                "write it without quotes");
    }

    @Test
    void outOfRangeValueIsRejectedWithTheRange() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  image_size: [48, 8]
                """);
        SuiteError error = single(e, 6, "matrix.image_size[1]", "8 is out of range",
                "an integer from 16 to 1024");
        assertEquals(20, error.column());
    }

    @Test
    void exclusiveBoundsAreEnforced() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  learning_rate: 0
                  beta2: 1.0
                """);
        assertEquals(2, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("expected a number > 0 and <= 10"), e.getMessage());
        assertTrue(e.errors().get(1).message().contains("expected a number >= 0 and < 1"), e.getMessage());
        SuiteException nan = rejected(SYNTHETIC_HEADER + "matrix:\n  weight_decay: .nan\n");
        single(nan, 6, "matrix.weight_decay", ".nan is not a finite number; expected a number >= 0");
    }

    @Test
    void aTargetAccuracyComesFromTheDatasetUnlessTheMatrixGivesOneAndMustBeAFraction() {
        SuitePlan plan = Suites.plan("""
                name: test
                datasets:
                  easy: {kind: synthetic, target_accuracy: 0.9}
                  plain: {kind: synthetic}
                matrix:
                  dataset: [easy, plain]
                  batch_size: 32
                  include:
                    - {dataset: plain, batch_size: 64, target_accuracy: 0.6}
                """, FILE);
        // the include with another batch size adds a cell of its own; the plain dataset's first cell has no target
        assertEquals(Arrays.asList(0.9, null, 0.6),
                plan.cells().stream().map(c -> c.training().targetAccuracy()).toList());
        SuitePlan none = Suites.plan(SYNTHETIC_HEADER + "matrix:\n  batch_size: 32\n", FILE);
        assertEquals(null, none.cells().get(0).training().targetAccuracy(), "no target unless one is set");

        SuiteException percent = rejected(SYNTHETIC_HEADER + "matrix:\n  target_accuracy: 70\n");
        single(percent, 6, "matrix.target_accuracy", "70 is out of range", "a number > 0 and <= 1");
        SuiteException inDataset = rejected("""
                name: test
                datasets:
                  synthetic-48: {kind: synthetic, target_accuracy: 0}
                matrix: {batch_size: 32}
                """);
        single(inDataset, 3, "datasets.synthetic-48.target_accuracy", "out of range");
    }

    @Test
    void trainingRecipeKeysAreReadIntoTypedCellSettings() {
        SuitePlan plan = Suites.plan(SYNTHETIC_HEADER + """
                matrix:
                  stem: [standard, small]
                  lr_schedule: cosine
                  warmup_epochs: 2
                  epochs: 5
                """, FILE);
        assertEquals(2, plan.cells().size());
        Cell small = plan.cells().get(1);
        assertEquals(io.ferbench.api.arch.Stem.SMALL, small.network().stem());
        assertEquals(new ScheduleSpec(ScheduleSpec.Kind.COSINE, 2), small.training().schedule());
        assertTrue(small.id().contains("stem_small"), small.id());
        Cell plain = Suites.plan(SYNTHETIC_HEADER + "matrix: {}\n", FILE).cells().get(0);
        assertEquals(io.ferbench.api.arch.Stem.STANDARD, plain.network().stem());
        assertEquals(ScheduleSpec.constant(), plain.training().schedule());
    }

    @Test
    void unknownScheduleOrStemIsRejectedWithTheValidNames() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  lr_schedule: cosin
                  stem: tiny
                """);
        assertEquals(2, e.errors().size(), e.getMessage());
        assertEquals("matrix.lr_schedule", e.errors().get(0).key());
        assertTrue(e.errors().get(0).message().contains("did you mean 'cosine'?"), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("constant, cosine, plateau"), e.getMessage());
        assertEquals("matrix.stem", e.errors().get(1).key());
        assertTrue(e.errors().get(1).message().contains("standard, small"), e.getMessage());
    }

    @Test
    void datasetRemediesAreReadAndAnUnknownDedupeListsTheValidOnes() {
        SuitePlan plan = Suites.plan("""
                name: test
                datasets:
                  faces:
                    kind: synthetic
                    dedupe: drop-test-overlap
                    drop_degenerate: true
                matrix: {}
                """, FILE);
        assertEquals(new DatasetRemedies(DatasetRemedies.Dedupe.DROP_TEST_OVERLAP, true),
                plan.cells().get(0).dataset().remedies());
        SuiteException e = rejected("""
                name: test
                datasets:
                  faces:
                    kind: synthetic
                    dedupe: drop-everything
                matrix: {}
                """);
        single(e, 5, "datasets.faces.dedupe", "unknown dedupe 'drop-everything'",
                "none, drop-test-overlap, drop-all");
    }

    @Test
    void aWarmUpThatDoesNotEndBeforeTheEpochBudgetIsRejected() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  epochs: 3
                  warmup_epochs: [1, 3]
                """);
        single(e, 5, "matrix.warmup_epochs", "warmup_epochs 3 must be below epochs 3");
    }

    @Test
    void unknownBackendIsRejectedWithASuggestionAndTheValidBackends() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  backend: [djl, tensorflw]
                """);
        single(e, 6, "matrix.backend[1]", "unknown backend 'tensorflw'", "did you mean 'tensorflow'?",
                "valid: djl, tensorflow, dl4j");
        SuiteException far = rejected(SYNTHETIC_HEADER + "matrix:\n  backend: onnx\n");
        single(far, 6, "matrix.backend", "unknown backend 'onnx' (valid: djl, tensorflow, dl4j)");
    }

    @Test
    void unknownArchitectureListsTheValidNames() {
        SuiteException e = rejected(SYNTHETIC_HEADER + "matrix:\n  architecture: resnet50\n");
        single(e, 6, "matrix.architecture", "unknown architecture 'resnet50'", "resnet18, resnet34, mobilenet_v2, "
                + "shufflenet_v2_x1_0, shufflenet_v2_x0_5, shufflenet_v2_x1_5, shufflenet_v2_x2_0");
    }

    @Test
    void matrixDatasetMustBeDefinedUnderDatasets() {
        SuiteException e = rejected("""
                name: test
                datasets:
                  fer2013: {kind: folder, path: fer2013}
                  tiny: {kind: folder, path: tiny}
                matrix:
                  dataset: [fer2013, fer2031]
                """);
        single(e, 6, "matrix.dataset[1]", "dataset 'fer2031' is not defined under datasets",
                "did you mean 'fer2013'?", "(defined: fer2013, tiny)");
    }

    @Test
    void datasetIsRequiredWhenTheSuiteDefinesSeveral() {
        SuiteException e = rejected("""
                name: test
                datasets:
                  a: {kind: synthetic}
                  b: {kind: synthetic}
                matrix:
                  architecture: resnet18
                """);
        single(e, 5, "matrix.dataset", "missing required key 'dataset'", "defines 2 datasets (a, b)");
    }

    @Test
    void missingRequiredKeysAreEachReported() {
        SuiteException e = rejected("""
                description: no name, no matrix
                datasets:
                  fer:
                    kind: folder
                """);
        assertEquals(3, e.errors().size(), e.getMessage());
        assertEquals(List.of("name", "matrix", "datasets.fer.path"), e.errors().stream().map(SuiteError::key)
                .sorted((a, b) -> a.startsWith("datasets") ? 1 : b.startsWith("datasets") ? -1 : 0).toList());
        SuiteError path = e.errors().stream().filter(err -> err.key().equals("datasets.fer.path")).findFirst()
                .orElseThrow();
        assertEquals(3, path.line(), "reported where the dataset is named");
        assertTrue(path.message().contains("missing required key 'path' for a folder dataset"), path.message());
        assertTrue(e.getMessage().contains("test.yaml:1:1: name: missing required key 'name'"), e.getMessage());
    }

    @Test
    void keysOfOtherDatasetKindsAreRejected() {
        SuiteException e = rejected("""
                name: test
                datasets:
                  fer:
                    kind: folder
                    path: fer2013
                    min_confidence: 0.5
                matrix: {}
                """);
        single(e, 6, "datasets.fer.min_confidence", "applies only to labels-csv datasets, not to kind folder");
    }

    @Test
    void unknownDatasetKindSuggestsTheNearestKind() {
        SuiteException e = rejected("""
                name: test
                datasets:
                  fer: {kind: foldr, path: fer2013}
                matrix: {}
                """);
        single(e, 3, "datasets.fer.kind", "unknown dataset kind 'foldr'", "did you mean 'folder'?");
    }

    @Test
    void suiteAndDatasetNamesMustBeFileNameSafe() {
        SuiteException e = rejected("""
                name: my suite
                datasets:
                  fer/2013: {kind: synthetic}
                matrix: {}
                """);
        assertEquals(2, e.errors().size(), e.getMessage());
        assertEquals("name", e.errors().get(0).key());
        assertTrue(e.errors().get(0).message().contains("letters, digits, '.', '_' and '-' only"));
        assertEquals("datasets.fer/2013", e.errors().get(1).key());
    }

    @Test
    void includeAndExcludeValuesAreValidatedLikeMatrixValues() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  include:
                    - {architecture: resnet18, batch_size: 0}
                  exclude:
                    - {backend: pytorch}
                    - {architecture: [resnet18, mobilenet_v2]}
                    - {}
                """);
        assertEquals(4, e.errors().size(), e.getMessage());
        assertEquals(List.of("matrix.include[0].batch_size", "matrix.exclude[0].backend",
                "matrix.exclude[1].architecture", "matrix.exclude[2]"), e.errors().stream().map(SuiteError::key).toList());
        assertTrue(e.errors().get(2).message().contains("write one entry per value"), e.getMessage());
        assertTrue(e.errors().get(3).message().contains("an empty entry would match every combination"));
    }

    @Test
    void excludingEveryCombinationIsRejectedAtExclude() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  exclude:
                    - {architecture: resnet18}
                    - {architecture: mobilenet_v2}
                """);
        single(e, 7, "matrix.exclude", "every combination is excluded");
    }

    @Test
    void aMatrixTooLargeToRunIsRejectedBeforeItIsExpanded() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  learning_rate: {log_range: {from: 1.0, to: 1.0e-9, per_decade: 100}}
                  epochs: {log_range: {from: 1, to: 2}}
                """);
        assertEquals(7, e.line(), "a mapping is a grid for learning_rate only");
        SuiteException tooLarge = rejected(SYNTHETIC_HEADER + """
                matrix:
                  learning_rate: {log_range: {from: 1.0, to: 1.0e-9, per_decade: 100}}
                  batch_size: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]
                  epochs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
                repeats: 2
                """);
        single(tooLarge, 5, "matrix", "more than 100000 cells");
    }

    @Test
    void nestedListsEmptyListsAndDuplicateValuesAreRejected() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, [mobilenet_v2]]
                  backend: []
                  batch_size: [16, 32, 16]
                """);
        assertEquals(3, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("lists cannot be nested"), e.getMessage());
        assertTrue(e.errors().get(1).message().contains("empty list"), e.getMessage());
        assertTrue(e.errors().get(2).message().contains("duplicate value 16 (also at line 8)"), e.getMessage());
    }

    @Test
    void malformedYamlIsReportedWithTheParsersLine() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2
                  backend: djl
                """);
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.line() >= 6, e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml:" + e.line() + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void tabIndentationIsMalformedYaml() {
        SuiteException e = rejected("name: test\ndatasets:\n\tsynthetic: {kind: synthetic}\nmatrix: {}\n");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejectedNamingBothLines() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  epochs: 5
                  batch_size: 32
                  epochs: 10
                """);
        single(e, 8, "matrix.epochs", "duplicate key 'epochs' (first given at line 6)");
    }

    @Test
    void allProblemsAreReportedTogetherInLineOrder() {
        SuiteException e = rejected("""
                name: test
                datasets:
                  synthetic-48:
                    kind: synthetic
                    images_per_class: -1
                matrix:
                  backend: pytorch
                  learnng_rate: 0.01
                repeats: zero
                """);
        assertEquals(List.of(5, 7, 8, 9), e.errors().stream().map(SuiteError::line).toList());
        String[] lines = e.getMessage().split("\n");
        assertEquals(4, lines.length);
        for (String line : lines) {
            assertTrue(line.matches("test\\.yaml:\\d+:\\d+: [a-z_.\\-0-9]+: .+"), line);
        }
    }

    @Test
    void documentThatIsNotAMappingIsRejected() {
        SuiteException list = rejected("- name: test\n");
        single(list, 1, "", "expected a suite: a mapping with the keys name, datasets and matrix, got a list");
        SuiteException empty = rejected("# only a comment\n");
        single(empty, 1, "", "holds no YAML document");
    }

    @Test
    void nullValuesAreRejectedAsMissingValues() {
        SuiteException e = rejected(SYNTHETIC_HEADER + "matrix:\n  epochs:\n");
        single(e, 6, "matrix.epochs", "got nothing (null)");
    }

    @Test
    void backendSettingsMustNameKnownBackends() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix: {}
                backend_settings:
                  dl4jj: {onednn: "true"}
                  djl: {engine: [a, b]}
                """);
        assertEquals(2, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("did you mean 'dl4j'?"), e.getMessage());
        assertEquals("backend_settings.djl.engine", e.errors().get(1).key());
    }

    @Test
    void backendSettingsAreCheckedAgainstTheBackendsDescriptorBeforeAnyWorkerRuns() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix: {}
                backend_settings:
                  dl4j: {onedn: "true", gc_interval_ms: -5}
                  djl: {interop_threads: "two"}
                """);
        assertEquals(3, e.errors().size(), e.getMessage());
        single(new SuiteException(List.of(e.errors().get(0))), 7, "backend_settings.dl4j.onedn", "unknown dl4j setting 'onedn'",
                "valid settings are gc_interval_ms, onednn", "did you mean 'onednn'?");
        single(new SuiteException(List.of(e.errors().get(1))), 7, "backend_settings.dl4j.gc_interval_ms",
                "must be a whole number >= 0, got '-5'");
        single(new SuiteException(List.of(e.errors().get(2))), 8, "backend_settings.djl.interop_threads",
                "must be a whole number >= 1, got 'two'");
    }

    @Test
    void planningAFileNamesTheFileAndKeepsItsText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yaml");
        String text = SYNTHETIC_HEADER + "matrix: {}\n";
        Files.writeString(file, "\uFEFF" + text);
        SuitePlan plan = Suites.plan(file);
        assertEquals(file, plan.file());
        assertEquals("\uFEFF" + text, plan.yaml());
        assertEquals(1, plan.cells().size());

        Files.writeString(file, text + "epochs: 3\n");
        SuiteException e = assertThrows(SuiteException.class, () -> Suites.plan(file));
        assertEquals(file.toString(), e.file());
        assertTrue(e.getMessage().startsWith(file + ":6:1: epochs: unknown key 'epochs' in a suite"), e.getMessage());
    }

    @Test
    void missingFileIsASuiteProblemWithoutALine(@TempDir Path dir) {
        Path missing = dir.resolve("absent.yaml");
        SuiteException e = assertThrows(SuiteException.class, () -> Suites.plan(missing));
        assertEquals(0, e.line());
        assertEquals(missing + ": no such file", e.getMessage());
    }

    // ---- suites that validated but could not run (issue 18): each now fails validate with file:line:key ----

    @Test
    void aDatasetOfOneClassIsRejectedWhereItsClassesAreWritten() {
        SuiteException e = rejected("""
                name: test
                datasets:
                  faces:
                    kind: folder
                    path: faces
                    classes: [happy]
                matrix: {}
                """);
        single(e, 6, "datasets.faces.classes", "at least 2 classes", "'happy'");
    }

    @Test
    void matrixClassesTheDatasetDoesNotHaveAreRejected() {
        SuiteException e = rejected("""
                name: test
                datasets:
                  faces:
                    kind: folder
                    path: faces
                    classes: [happy, sad, angry]
                matrix:
                  classes: [[happy, sad], [happy, fear]]
                """);
        single(e, 7, "matrix.classes", "dataset faces has no class 'fear'", "its classes: happy, sad, angry");
    }

    @Test
    void syntheticClassesItCannotDrawAreRejected() {
        SuiteException e = rejected("""
                name: test
                datasets:
                  faces:
                    kind: synthetic
                    classes: [happy, sadd]
                matrix: {}
                """);
        single(e, 5, "datasets.faces.classes", "synthetic datasets cannot have class 'sadd'", "did you mean 'sad'?");
        SuiteException inMatrix = rejected(SYNTHETIC_HEADER + """
                matrix:
                  classes: [happy, bored]
                """);
        single(inMatrix, 5, "matrix.classes", "cannot have class 'bored'");
    }

    @Test
    void namesTooLongForAFolderAreRejected() {
        String longName = "x".repeat(300);
        SuiteException e = rejected("name: " + longName + "\n" + SYNTHETIC_HEADER.substring(SYNTHETIC_HEADER
                .indexOf('\n') + 1) + "matrix: {}\n");
        single(e, 1, "name", "at most 64 characters");
    }
}
