package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.tensor.SafeTensors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Pretrain on one backend, fine-tune on another, in one run: ShuffleNetV2 trains on DJL, then TensorFlow Java trains
 * only a new head on top of DJL's weights. TensorFlow's final backbone must be DJL's, bit for bit: the weights crossed
 * backends through the IR-named safetensors checkpoint, and head mode froze them there too.
 */
class CrossBackendTransferTest {
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache");

    @TempDir Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void tensorflowFineTunesTheHeadOfWeightsPretrainedOnDjl() throws Exception {
        Path suite = dir.resolve("cross.yaml");
        Files.writeString(suite, """
                name: cross
                datasets:
                  pretrain: {kind: synthetic, classes: [disgust, fear, sad, surprise], images_per_class: 10, seed: 1}
                  target: {kind: synthetic, classes: [angry, happy], images_per_class: 10, seed: 2}
                checkpoints:
                  djl-pretrained: {kind: cell, with: {dataset: pretrain, backend: djl}}
                matrix:
                  dataset: target
                  architecture: shufflenet_v2_x0_5
                  backend: tensorflow
                  device: cpu
                  image_size: 24
                  batch_size: 12
                  epochs: 2
                  init: djl-pretrained
                  tune: head
                  include:
                    - {dataset: pretrain, backend: djl, init: scratch, tune: all}
                timeout_minutes: 3
                """);
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new RunCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(out, true));
        // every cell's weights are read below (the default keeps only the weights another cell starts from)
        int status = cmd.execute(suite.toString(), "--out", dir.resolve("results").toString(), "--cache-dir",
                CACHE.toString(), "--worker-heap", "1g", "--keep-weights", "all");
        assertEquals(0, status, out.toString());

        Path cells = dir.resolve("results").resolve("cross").resolve("cells");
        List<Path> weights;
        try (Stream<Path> files = Files.list(cells)) {
            weights = files.sorted().map(c -> c.resolve("weights.safetensors")).toList();
        }
        assertEquals(2, weights.size());
        assertTrue(weights.get(0).toString().contains("-djl-") && weights.get(1).toString().contains("-tensorflow-"),
                weights.toString());
        NamedTensors djl = SafeTensors.read(weights.get(0));
        NamedTensors tensorflow = SafeTensors.read(weights.get(1));
        assertEquals(djl.keys(), tensorflow.keys());
        int backbone = 0;
        for (String key : djl.keys()) {
            if (key.startsWith("fc.")) continue;
            assertArrayEquals(djl.get(key).data(), tensorflow.get(key).data(), key);
            backbone++;
        }
        assertTrue(backbone > 200, backbone + " backbone tensors");
        assertEquals(List.of(2L, 1024L), List.of(tensorflow.get("fc.weight").shape()[0],
                tensorflow.get("fc.weight").shape()[1]), "a new two-class head");
    }
}
