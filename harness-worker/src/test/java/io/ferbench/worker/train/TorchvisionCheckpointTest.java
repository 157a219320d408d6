package io.ferbench.worker.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.tensor.SafeTensors;
import io.ferbench.worker.BackendRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ImageNet weights converted from torchvision load into ferbench's ResNet-18: a checkpoint with torchvision's
 * state_dict keys and shapes (listed in {@code torchvision/resnet18-state-dict.txt}, 122 entries) is written as
 * safetensors, read back and compiled on DJL for a 1-channel, 7-class model.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TorchvisionCheckpointTest {
    @TempDir Path dir;

    /** torchvision's keys and shapes, in its order. */
    private static Map<String, long[]> torchvisionResnet18() throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        try (InputStream in = TorchvisionCheckpointTest.class.getResourceAsStream("/torchvision/resnet18-state-dict.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split(" ", -1);
                long[] shape = parts[1].isEmpty() ? new long[0]
                        : Arrays.stream(parts[1].split(",")).mapToLong(Long::parseLong).toArray();
                shapes.put(parts[0], shape);
            }
        }
        return shapes;
    }

    /** Random values for every tensor, written to and read back from a safetensors file, as a user would convert. */
    private NamedTensors checkpoint(Map<String, long[]> shapes) {
        Random random = new Random(2024);
        NamedTensors tensors = new NamedTensors();
        shapes.forEach((key, shape) -> {
            float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < values.length; i++) values[i] = (float) random.nextGaussian();
            tensors.put(key, new FloatTensor(shape, values));
        });
        Path file = dir.resolve("resnet18-imagenet.safetensors");
        SafeTensors.write(tensors, file);
        return SafeTensors.read(file);
    }

    private static ModelGraph grayscaleSevenClasses() {
        return Architectures.build("resnet18", 1, 32, 7, 1.0);
    }

    @Test
    void everyTensorIsMatchedByNameAndShapeAndLoadsIntoResnet18OnDjl() throws IOException {
        Map<String, long[]> torchvision = torchvisionResnet18();
        assertEquals(122, torchvision.size());
        NamedTensors checkpoint = checkpoint(torchvision);
        ModelGraph graph = grayscaleSevenClasses();
        NamedTensors initial = WeightInitializer.initialise(graph, 5);

        // the IR's parameters are exactly torchvision's keys, less the batch counters
        Set<String> expected = new TreeSet<>(torchvision.keySet());
        expected.removeIf(k -> k.endsWith(".num_batches_tracked"));
        Set<String> ir = new TreeSet<>();
        for (ParameterDef def : Parameters.of(graph)) {
            ir.add(def.key());
            long[] shape = torchvision.get(def.key()).clone();
            if (def.key().equals("conv1.weight")) shape[1] = 1;  // one input channel
            if (def.node().equals("fc")) shape[0] = 7;           // seven classes
            assertArrayEquals(shape, def.shape(), def.key());
        }
        assertEquals(expected, ir);

        NamedTensors start = WeightTransfer.startingWeights(graph, initial, checkpoint, false, "imagenet");
        NamedTensors loaded;
        try (Backend djl = BackendRegistry.find("djl").create(BackendOptions.cpu());
             TrainableModel model = djl.build(graph, new ModelSpec(5, start, OptimizerSpec.adam(1e-3), null))) {
            loaded = model.exportWeights();
        }
        assertEquals(102, loaded.count());
        for (String key : expected) {
            float[] actual = loaded.get(key).data();
            if (key.startsWith("fc.")) {
                assertArrayEquals(initial.get(key).data(), actual, "the head starts afresh for 7 classes: " + key);
            } else if (key.equals("conv1.weight")) {
                float[] rgb = checkpoint.get(key).data();
                for (int i = 0; i < actual.length; i++) {
                    int o = i / 49;
                    int k = i % 49;
                    float sum = rgb[(o * 3) * 49 + k] + rgb[(o * 3 + 1) * 49 + k] + rgb[(o * 3 + 2) * 49 + k];
                    assertEquals(sum, actual[i], "conv1 folded to one channel, value " + i);
                }
            } else {
                assertArrayEquals(checkpoint.get(key).data(), actual, key);
            }
        }
    }

    @Test
    void aMismatchNamesTheOffendingKey() throws IOException {
        ModelGraph graph = grayscaleSevenClasses();
        NamedTensors initial = WeightInitializer.initialise(graph, 5);

        Map<String, long[]> wrongShape = torchvisionResnet18();
        wrongShape.put("layer3.1.conv2.weight", new long[] {256, 128, 3, 3});
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () ->
                WeightTransfer.startingWeights(graph, initial, checkpoint(wrongShape), false, "imagenet.safetensors"));
        assertEquals("imagenet.safetensors: 'layer3.1.conv2.weight' has shape [256, 128, 3, 3] but resnet18 here needs "
                + "[256, 256, 3, 3]; is the checkpoint for another architecture or width?", shape.getMessage());

        Map<String, long[]> missing = torchvisionResnet18();
        missing.remove("layer2.0.downsample.1.running_var");
        IllegalArgumentException lacks = assertThrows(IllegalArgumentException.class, () ->
                WeightTransfer.startingWeights(graph, initial, checkpoint(missing), false, "imagenet.safetensors"));
        assertTrue(lacks.getMessage().contains("lacks 1 of the tensors resnet18 needs: "
                + "layer2.0.downsample.1.running_var"), lacks.getMessage());

        Map<String, long[]> resnet34 = torchvisionResnet18();
        resnet34.put("layer1.2.conv1.weight", new long[] {64, 64, 3, 3});
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class, () ->
                WeightTransfer.startingWeights(graph, initial, checkpoint(resnet34), false, "imagenet.safetensors"));
        assertTrue(extra.getMessage().contains("has 1 tensors that resnet18 does not: layer1.2.conv1.weight"),
                extra.getMessage());

        IllegalArgumentException head = assertThrows(IllegalArgumentException.class, () ->
                WeightTransfer.startingWeights(graph, initial, checkpoint(torchvisionResnet18()), true, "imagenet"));
        assertTrue(head.getMessage().contains("'fc.weight' has shape [1000, 512] but resnet18 here needs [7, 512]; "
                + "the head depends on the class count: set keep_head: false"), head.getMessage());
    }

    @Test
    void aOneChannelFirstLayerSpreadsOverThreeChannels() {
        ModelGraph gray = Architectures.build("shufflenet_v2_x0_5", 1, 32, 3, 1.0);
        ModelGraph rgb = Architectures.build("shufflenet_v2_x0_5", 3, 32, 3, 1.0);
        NamedTensors grayWeights = WeightInitializer.initialise(gray, 1);
        NamedTensors spread = WeightTransfer.startingWeights(rgb, WeightInitializer.initialise(rgb, 2), grayWeights,
                true, "gray");
        float[] one = grayWeights.get("conv1.0.weight").data();
        float[] three = spread.get("conv1.0.weight").data();
        assertEquals(3 * one.length, three.length);
        assertEquals(one[0] / 3f, three[0]);
        assertEquals(one[0] / 3f, three[9]);   // the same tap of the second channel (3x3 kernels)
        assertEquals(one[0] / 3f, three[18]);
    }
}
