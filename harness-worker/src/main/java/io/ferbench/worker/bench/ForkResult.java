package io.ferbench.worker.bench;

import io.ferbench.api.result.EnvironmentInfo;
import java.util.List;

/**
 * What one fork measured: the wall time of every warm-up and measured iteration, raw, so that the coordinator
 * pools them over forks and derives every score from the same numbers.
 *
 * @param params            the benchmark's parameters, as the fork received them
 * @param fork              which fork (1-based)
 * @param environment       the machine, the JVM and the backend's own report (framework, native version, device)
 * @param parameters        the network's trainable parameters (from the IR)
 * @param macs              its multiply-accumulates per image (from the IR)
 * @param setupSeconds      starting the backend and compiling the network: not part of any score
 * @param warmupSeconds     each warm-up iteration's time
 * @param iterationSeconds  each measured iteration's time ({@link BenchParams#steps()} training steps)
 * @param lastLoss          the loss of the last step, a sanity check that the steps trained (finite)
 * @param peakRssMb         the fork's peak resident memory in MiB, or null where unknown
 */
public record ForkResult(BenchParams params, int fork, EnvironmentInfo environment, long parameters, long macs,
                         double setupSeconds, List<Double> warmupSeconds, List<Double> iterationSeconds,
                         double lastLoss, Double peakRssMb) {
    public ForkResult {
        warmupSeconds = List.copyOf(warmupSeconds);
        iterationSeconds = List.copyOf(iterationSeconds);
    }
}
