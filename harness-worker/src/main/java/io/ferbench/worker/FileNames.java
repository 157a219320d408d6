package io.ferbench.worker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.cell.Training;
import io.ferbench.api.result.AuditCounts;
import io.ferbench.api.result.BuildInfo;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.DatasetSummary;
import io.ferbench.api.result.Divergence;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.api.result.ModelCost;
import io.ferbench.api.result.Peak;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.api.result.TimeToAccuracy;
import io.ferbench.api.result.Timing;
import java.util.Map;

/**
 * How ferbench's JSON files name record properties: snake_case, and a figure that {@code results.csv} or
 * {@code history.csv} shows under the same name there ({@code medianEpochSeconds} is {@code time_per_epoch_s} in every
 * file, {@code peakRssMb} is {@code peak_rss_mib}). Map keys (axes, settings) are data and keep their names.
 */
final class FileNames extends PropertyNamingStrategies.NamingBase {
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** Per record, the components the results tables name otherwise than snake_case would. */
    private static final Map<Class<?>, Map<String, String>> AS_IN_TABLES = Map.ofEntries(
            Map.entry(CellResult.class, Map.of("peakRssMb", "peak_rss_mib", "wallSeconds", "wall_s")),
            Map.entry(Timing.class, Map.of("firstEpochSeconds", "first_epoch_s",
                    "medianEpochSeconds", "time_per_epoch_s", "trainImagesPerSecond", "train_images_per_s",
                    "trainGflops", "achieved_gflops")),
            Map.entry(InferenceTiming.class, Map.of("batchSize", "inference_batch_size",
                    "imagesPerSecond", "inference_images_per_s", "gflops", "inference_gflops")),
            Map.entry(TestMetrics.class, Map.of("accuracy", "test_accuracy", "loss", "test_loss")),
            Map.entry(ModelCost.class, Map.of("parameters", "params")),
            Map.entry(DatasetSummary.class, Map.of("trainSize", "train_images", "validationSize",
                    "validation_images", "testSize", "test_images")),
            Map.entry(AuditCounts.class, Map.of("exactLeakGroups", "leak_exact_groups",
                    "nearLeakGroups", "leak_near_groups", "labelConflicts", "label_conflict_groups",
                    "degenerate", "degenerate_images", "dropped", "dropped_images")),
            Map.entry(Divergence.class, Map.of("epoch", "diverged_epoch", "step", "diverged_step")),
            Map.entry(EnvironmentInfo.class, Map.of("cpuModel", "cpu", "logicalCores", "cores", "memoryMb",
                    "memory_mib")),
            Map.entry(BackendInfo.class, Map.of("nativeVersion", "backend_version")),
            Map.entry(BuildInfo.class, Map.of("version", "ferbench_version", "commit", "git_commit",
                    "dirty", "git_dirty")),
            Map.entry(Training.class, Map.of("epochs", "max_epochs")),
            Map.entry(Execution.class, Map.of("timeoutSeconds", "timeout_s")),
            Map.entry(EpochRecord.class, Map.of("seconds", "epoch_s", "trainSeconds", "train_s", "rssMb", "rss_mib",
                    "stepSeconds", "step_s", "dataSeconds", "data_s", "heapMb", "heap_mib", "nativeMb", "native_mib")),
            Map.entry(Peak.class, Map.of("gflops", "peak_gflops", "source", "peak_source", "matrixSize",
                    "peak_matrix_size", "kernel", "peak_kernel")),
            Map.entry(TimeToAccuracy.class, Map.of("epochs", "epochs_to_target", "seconds", "time_to_target_s")));

    @Override public String translate(String name) {
        return SNAKE.translate(name);
    }

    @Override public String nameForField(MapperConfig<?> config, AnnotatedField field, String name) {
        return name(field.getDeclaringClass(), name);
    }

    @Override public String nameForGetterMethod(MapperConfig<?> config, AnnotatedMethod method, String name) {
        return name(method.getDeclaringClass(), name);
    }

    @Override public String nameForSetterMethod(MapperConfig<?> config, AnnotatedMethod method, String name) {
        return name(method.getDeclaringClass(), name);
    }

    @Override public String nameForConstructorParameter(MapperConfig<?> config, AnnotatedParameter parameter,
                                                        String name) {
        return name(parameter.getDeclaringClass(), name);
    }

    private static String name(Class<?> owner, String name) {
        String asInTables = AS_IN_TABLES.getOrDefault(owner, Map.of()).get(name);
        return asInTables != null ? asInTables : SNAKE.translate(name);
    }
}
