package io.ferbench.api.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ModelStats;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.ir.Shapes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchitecturesTest {

    /** torchvision's published parameter counts and GMACs at 3×224×224, 1000 classes. */
    @ParameterizedTest
    @CsvSource({
        "resnet18,           11689512, 1.814",
        "resnet34,           21797672, 3.664",
        "mobilenet_v2,        3504872, 0.301",
        "shufflenet_v2_x1_0,  2278604, 0.146",
    })
    void imageNetConfigurationMatchesPublishedFigures(String name, long parameters, double gmacs) {
        ModelStats stats = ModelStats.of(Architectures.build(name, 3, 224, 1000, 1.0));
        assertEquals(parameters, stats.parameters(), name + " parameters");
        assertEquals(gmacs, stats.macs() / 1e9, gmacs * 0.01, name + " GMACs");
    }

    /** torchvision's other ShuffleNetV2 widths: 1,366,792 / 3,503,624 / 7,393,996 parameters. */
    @ParameterizedTest
    @CsvSource({"shufflenet_v2_x0_5, 1366792", "shufflenet_v2_x1_5, 3503624", "shufflenet_v2_x2_0, 7393996"})
    void shuffleNetWidthVariantsMatchTorchvision(String name, long parameters) {
        assertEquals(parameters, ModelStats.of(Architectures.build(name, 3, 224, 1000, 1.0)).parameters());
    }

    /** torchvision's mobilenet_v2(width_mult=0.5) has 1,968,680 parameters. */
    @Test
    void mobileNetWidthMultiplierRoundsAsTorchvision() {
        assertEquals(1_968_680, ModelStats.of(Architectures.build("mobilenet_v2", 3, 224, 1000, 0.5)).parameters());
    }

    static List<String> allNames() {
        return Architectures.names();
    }

    /** The study's configurations: grayscale 48×48 (FER-2013) and 224×224, 3 to 13 classes. */
    @ParameterizedTest
    @MethodSource("allNames")
    void studyConfigurationsBuildWithPositiveShapes(String name) {
        for (int size : new int[] {48, 224}) {
            for (int classes : new int[] {3, 7, 8, 13}) {
                ModelGraph g = Architectures.build(name, 1, size, classes, 1.0);
                Map<String, long[]> shapes = Shapes.infer(g);
                shapes.forEach((node, shape) -> {
                    for (long d : shape) assertTrue(d > 0, node + " has shape " + Shapes.format(shape));
                });
                assertArrayEquals(new long[] {classes}, shapes.get(g.output()));
                assertEquals(1, shapes.get(g.features()).length);
                assertArrayEquals(new long[] {1, size, size}, shapes.get(g.input().name()));
            }
        }
    }

    /**
     * The small-input stem keeps the stem at full resolution: at 48×48 the last stage sees 6×6 (ResNet-18,
     * ShuffleNetV2) or 3×3 (MobileNetV2) instead of 2×2, only
     * ResNet-18's conv1 changes its parameters (7×7 to 3×3), and the multiply-adds grow by the expected factor.
     */
    @ParameterizedTest
    @CsvSource({
        "resnet18,           layer4.1.relu2, 6, 2, 64, 12, 15",
        "mobilenet_v2,       features.18.2,  3, 2,  0,  3,  5",
        "shufflenet_v2_x1_0, conv5.2,        6, 2,  0, 12, 17",
    })
    void smallStemKeepsTheResolutionOfSmallInputs(String name, String lastStage, long smallSide, long standardSide,
                                                 long conv1Delta, double minMacRatio, double maxMacRatio) {
        ModelGraph standard = Architectures.build(name, 1, 48, 3, 1.0);
        ModelGraph small = Architectures.build(name, 1, 48, 3, 1.0, Stem.SMALL);
        assertArrayEquals(new long[] {standardSide, standardSide}, Arrays.copyOfRange(
                Shapes.infer(standard).get(lastStage), 1, 3), name + " standard last stage");
        assertArrayEquals(new long[] {smallSide, smallSide}, Arrays.copyOfRange(
                Shapes.infer(small).get(lastStage), 1, 3), name + " small-stem last stage");
        ModelStats a = ModelStats.of(standard);
        ModelStats b = ModelStats.of(small);
        assertEquals(conv1Delta * (49 - 9), a.parameters() - b.parameters(), name + " parameters");
        double ratio = (double) b.macs() / a.macs();
        assertTrue(ratio > minMacRatio && ratio < maxMacRatio, name + " MAC ratio " + ratio);
        assertFalse(small.nodes().stream().anyMatch(n -> n.name().equals("maxpool")), name + " has no max-pool");
        assertEquals(Stem.SMALL, Stem.of("small"));
        assertThrows(IllegalArgumentException.class, () -> Stem.of("tiny"));
    }

    @Test
    void grayscaleInputChangesOnlyTheFirstConvolution() {
        ModelStats rgb = ModelStats.of(Architectures.build("resnet18", 3, 224, 1000, 1.0));
        ModelStats gray = ModelStats.of(Architectures.build("resnet18", 1, 224, 1000, 1.0));
        assertEquals(2L * 64 * 7 * 7, rgb.parameters() - gray.parameters());
    }

    @Test
    void featureNodesAreThePooledVectorsTheClassifierReads() {
        Map<String, long[]> expected = Map.of("resnet18", new long[] {512}, "mobilenet_v2", new long[] {1280},
                "shufflenet_v2_x1_0", new long[] {1024});
        expected.forEach((name, shape) -> {
            ModelGraph g = Architectures.build(name, 1, 48, 7, 1.0);
            assertArrayEquals(shape, Shapes.infer(g).get(g.features()), name);
            String classifierInput = g.node(g.output()).inputs().get(0);
            if (name.startsWith("mobilenet")) classifierInput = g.node(classifierInput).inputs().get(0); // dropout
            assertEquals(g.features(), classifierInput, name);
        });
    }

    @Test
    void resnet18NodeNamesFollowTorchvision() {
        ModelGraph g = Architectures.build("resnet18", 3, 224, 1000, 1.0);
        for (String n : List.of("conv1", "bn1", "relu", "maxpool", "layer1.0.conv1", "layer1.0.bn1", "layer1.1.conv2",
                "layer2.0.downsample.0", "layer2.0.downsample.1", "layer4.1.bn2", "avgpool", "fc")) {
            assertTrue(g.hasNode(n), n);
        }
        assertFalse(g.hasNode("layer1.0.downsample.0"), "stage 1 keeps its shape and has no projection");
    }

    /** Keys and shapes taken from torchvision's state_dicts (num_batches_tracked omitted). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "resnet18; conv1.weight; 64,3,7,7",
        "resnet18; layer4.1.bn2.running_var; 512",
        "resnet18; layer2.0.downsample.0.weight; 128,64,1,1",
        "resnet18; layer3.1.conv2.weight; 256,256,3,3",
        "resnet18; fc.weight; 1000,512",
        "resnet18; fc.bias; 1000",
        "mobilenet_v2; features.0.0.weight; 32,3,3,3",
        "mobilenet_v2; features.1.conv.0.0.weight; 32,1,3,3",
        "mobilenet_v2; features.1.conv.1.weight; 16,32,1,1",
        "mobilenet_v2; features.1.conv.2.running_mean; 16",
        "mobilenet_v2; features.2.conv.0.0.weight; 96,16,1,1",
        "mobilenet_v2; features.2.conv.1.0.weight; 96,1,3,3",
        "mobilenet_v2; features.17.conv.2.weight; 320,960,1,1",
        "mobilenet_v2; features.17.conv.3.bias; 320",
        "mobilenet_v2; features.18.0.weight; 1280,320,1,1",
        "mobilenet_v2; features.18.1.running_var; 1280",
        "mobilenet_v2; classifier.1.weight; 1000,1280",
        "shufflenet_v2_x1_0; conv1.0.weight; 24,3,3,3",
        "shufflenet_v2_x1_0; stage2.0.branch1.0.weight; 24,1,3,3",
        "shufflenet_v2_x1_0; stage2.0.branch1.2.weight; 58,24,1,1",
        "shufflenet_v2_x1_0; stage2.0.branch2.0.weight; 58,24,1,1",
        "shufflenet_v2_x1_0; stage3.1.branch2.0.weight; 116,116,1,1",
        "shufflenet_v2_x1_0; stage4.3.branch2.3.weight; 232,1,3,3",
        "shufflenet_v2_x1_0; stage4.3.branch2.6.running_mean; 232",
        "shufflenet_v2_x1_0; conv5.0.weight; 1024,464,1,1",
        "shufflenet_v2_x1_0; conv5.1.running_var; 1024",
        "shufflenet_v2_x1_0; fc.weight; 1000,1024",
    })
    void parameterKeysAndShapesMatchTorchvision(String arch, String key, String shape) {
        Map<String, ParameterDef> byKey = Parameters.of(Architectures.build(arch, 3, 224, 1000, 1.0)).stream()
                .collect(Collectors.toMap(ParameterDef::key, p -> p));
        assertTrue(byKey.containsKey(key), key + " missing from " + arch);
        long[] expected = Arrays.stream(shape.split(",")).mapToLong(Long::parseLong).toArray();
        assertArrayEquals(expected, byKey.get(key).shape(), key);
    }

    /**
     * torchvision's state_dicts hold 122 / 314 / 338 entries, of which 20 / 52 / 56 are the omitted
     * num_batches_tracked (one per batch norm).
     */
    @ParameterizedTest
    @CsvSource({"resnet18, 102", "mobilenet_v2, 262", "shufflenet_v2_x1_0, 282"})
    void parameterCountMatchesTorchvisionStateDict(String arch, int entries) {
        List<ParameterDef> defs = Parameters.of(Architectures.build(arch, 3, 224, 1000, 1.0));
        assertEquals(entries, defs.size());
        Set<String> keys = new HashSet<>();
        for (ParameterDef d : defs) assertTrue(keys.add(d.key()), "duplicate key " + d.key());
        assertFalse(keys.stream().anyMatch(k -> k.endsWith("num_batches_tracked")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void buildingTwiceGivesTheSameNodeNames(String name) {
        List<String> a = Architectures.build(name, 1, 48, 7, 1.0).nodes().stream().map(n -> n.name()).toList();
        List<String> b = Architectures.build(name, 1, 48, 7, 1.0).nodes().stream().map(n -> n.name()).toList();
        assertEquals(a, b);
    }

    @Test
    void unknownNameListsValidNamesAndSuggestsTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Architectures.build("resnet-18", 1, 48, 7, 1.0));
        assertTrue(e.getMessage().contains("Did you mean 'resnet18'?"), e.getMessage());
        for (String n : Architectures.names()) assertTrue(e.getMessage().contains(n), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Architectures.build("mobilenetv2", 1, 48, 7, 1))
                .getMessage().contains("Did you mean 'mobilenet_v2'?"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Architectures.build("shufflenet", 1, 48, 7, 1))
                .getMessage().contains("Did you mean 'shufflenet_v2_x1_0'?"));
        assertFalse(assertThrows(IllegalArgumentException.class, () -> Architectures.build("vgg16", 1, 48, 7, 1))
                .getMessage().contains("Did you mean"));
    }

    @Test
    void invalidConfigurationsAreRejectedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Architectures.build("resnet18", 0, 48, 7, 1))
                .getMessage().contains("channels"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Architectures.build("resnet18", 1, 48, 1, 1))
                .getMessage().contains("classes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Architectures.build("resnet18", 1, 48, 7, -1))
                .getMessage().contains("width"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Architectures.build("shufflenet_v2_x1_0", 1, 48, 7, 0.75)).getMessage().contains("0.5"));
    }

    @Test
    void shuffleNetWidthMultiplierScalesTheNamedWidth() {
        assertEquals(ModelStats.of(Architectures.build("shufflenet_v2_x2_0", 1, 48, 7, 1.0)).parameters(),
                ModelStats.of(Architectures.build("shufflenet_v2_x1_0", 1, 48, 7, 2.0)).parameters());
    }
}
