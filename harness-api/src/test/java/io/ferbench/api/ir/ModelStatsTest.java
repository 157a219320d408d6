package io.ferbench.api.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelStatsTest {

    /** input 4×10×10 → conv 3×3/1 pad 1 → bn → depthwise 3×3/2 → pool → flatten → dense 3. */
    private static ModelGraph small() {
        GraphBuilder b = new GraphBuilder("input", 4, 10, 10);
        b.then("conv", new Op.Conv2d(8, 3, 1, 1, 1, true))
                .then("bn", new Op.BatchNorm(1e-5, 0.1))
                .then("relu", new Op.Relu())
                .then("dw", new Op.Conv2d(8, 3, 2, 1, 8, false))
                .then("pool", new Op.GlobalAvgPool())
                .then("flatten", new Op.Flatten())
                .then("fc", new Op.Dense(3, true));
        return b.build("small", "fc", "flatten");
    }

    @Test
    void parametersHavePyTorchLayoutsAndBuffersAreNotTrainable() {
        List<ParameterDef> defs = Parameters.of(small());
        assertEquals(List.of("conv.weight", "conv.bias", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var",
                "dw.weight", "fc.weight", "fc.bias"), defs.stream().map(ParameterDef::key).toList());
        Map<String, ParameterDef> byKey = defs.stream().collect(Collectors.toMap(ParameterDef::key, d -> d));
        assertArrayEquals(new long[] {8, 4, 3, 3}, byKey.get("conv.weight").shape());
        assertArrayEquals(new long[] {8, 1, 3, 3}, byKey.get("dw.weight").shape());
        assertArrayEquals(new long[] {3, 8}, byKey.get("fc.weight").shape());
        assertFalse(byKey.get("bn.running_mean").trainable());
        assertFalse(byKey.get("bn.running_var").trainable());
        assertTrue(byKey.get("bn.weight").trainable());
        assertEquals("bn", byKey.get("bn.running_var").node());
        assertEquals(ParameterDef.RUNNING_VAR, byKey.get("bn.running_var").kind());
    }

    @Test
    void countsFollowTheDocumentedConventions() {
        ModelStats stats = ModelStats.of(small());
        Map<String, ModelStats.NodeStats> rows = stats.nodes().stream()
                .collect(Collectors.toMap(ModelStats.NodeStats::node, r -> r));
        assertEquals(8 * 4 * 9 + 8, rows.get("conv").parameters());
        assertEquals(10L * 10 * 8 * 4 * 9, rows.get("conv").macs(), "outH·outW·outC·inC·k·k, bias not counted");
        assertEquals(16, rows.get("bn").parameters(), "gamma and beta only");
        assertEquals(0, rows.get("bn").macs());
        assertEquals(5L * 5 * 8 * 1 * 9, rows.get("dw").macs(), "depthwise: inC/groups = 1");
        assertEquals(8 * 3 + 3, rows.get("fc").parameters());
        assertEquals(24, rows.get("fc").macs());
        assertEquals(0, rows.get("pool").macs() + rows.get("relu").macs() + rows.get("flatten").macs());
        assertArrayEquals(new long[] {8, 5, 5}, rows.get("dw").outputShape());

        assertEquals(296 + 16 + 72 + 27, stats.parameters());
        assertEquals(16, stats.buffers());
        assertEquals(28800 + 1800 + 24, stats.macs());
        assertEquals(small().nodes().size(), stats.nodes().size());
    }

    @Test
    void summaryListsEveryNodeAndTheTotals() {
        String summary = ModelStats.of(small()).summary();
        for (Node n : small().nodes()) assertTrue(summary.contains(n.name()), n.name());
        assertTrue(summary.contains("411 trainable parameters"), summary);
        assertTrue(summary.contains("30,624 MACs"), summary);
        assertTrue(summary.contains("[8, 5, 5]"), summary);
    }
}
