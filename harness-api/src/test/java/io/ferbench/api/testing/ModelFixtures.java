package io.ferbench.api.testing;

import io.ferbench.api.backend.BackendProvider;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.WeightInitializer;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

/** Backend-independent test setup: providers by id, Adam specs, seeded noise batches and tiny graphs. */
public final class ModelFixtures {
    /** Classes of the tiny graphs (as in FER-2013). */
    public static final int CLASSES = 7;

    private ModelFixtures() {}

    /** The provider registered under {@code id}, found through ServiceLoader as the worker finds it. */
    public static BackendProvider provider(String id) {
        return ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no BackendProvider '" + id + "' registered"));
    }

    /** Seeded initial weights and PyTorch-default Adam at {@code learningRate}. */
    public static ModelSpec spec(ModelGraph graph, long seed, double learningRate) {
        return new ModelSpec(seed, WeightInitializer.initialise(graph, seed), OptimizerSpec.adam(learningRate), null);
    }

    /** {@code n} images of standard normal noise, labels cycling through the {@link #CLASSES} classes. */
    public static Batch batch(ModelGraph graph, int n, long seed) {
        return batch(graph, n, CLASSES, seed);
    }

    /** {@code n} images of standard normal noise, labels cycling through {@code classes} classes. */
    public static Batch batch(ModelGraph graph, int n, int classes, long seed) {
        Op.Input in = graph.inputOp();
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[n * in.channels() * in.height() * in.width()];
        for (int i = 0; i < images.length; i++) images[i] = (float) gaussian(random);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % classes;
        return new Batch(images, labels, n, in.channels(), in.height(), in.width());
    }

    /** Box–Muller: one standard normal sample. */
    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /**
     * A small graph with every IR op: conv (with and without bias), batch norm, relu, max pool, a residual add,
     * a depthwise conv, relu6, channel split, concat, channel shuffle, global pooling, dropout, dense.
     */
    public static ModelGraph tinyGraph(double dropout) {
        GraphBuilder b = tinyStem(new Op.BatchNorm(1e-5, 0.1));
        b.add("pw", new Op.Conv2d(4, 1, 1, 0, 1, true), "right");
        b.add("cat", new Op.Concat(), "left", "pw");
        return tinyHead(b, dropout);
    }

    /**
     * The start of a tiny graph on a 1×12×12 input: conv, batch norm, relu, padded max pool, then a depthwise conv,
     * {@code secondNorm}, relu6 and a residual add, split into channel halves {@code "left"} and {@code "right"}
     * (8×6×6 before the split). Callers join the halves into a node {@code "cat"} and finish with
     * {@link #tinyHead}.
     */
    public static GraphBuilder tinyStem(Op.BatchNorm secondNorm) {
        GraphBuilder b = new GraphBuilder("input", 1, 12, 12);
        b.then("conv1", new Op.Conv2d(8, 3, 1, 1, 1, false))
                .then("bn1", new Op.BatchNorm(1e-5, 0.1))
                .then("relu", new Op.Relu())
                .then("pool", new Op.MaxPool(3, 2, 1));
        b.then("dw", new Op.Conv2d(8, 3, 1, 1, 8, false))
                .then("bn2", secondNorm)
                .then("relu6", new Op.Relu6());
        b.add("add", new Op.Add(), "relu6", "pool");
        b.add("left", new Op.ChannelSplit(2, 0), "add");
        b.add("right", new Op.ChannelSplit(2, 1), "add");
        return b;
    }

    /** Channel shuffle, global pooling, flatten, dropout and a dense classifier after the last node; builds. */
    public static ModelGraph tinyHead(GraphBuilder b, double dropout) {
        b.then("shuffle", new Op.ChannelShuffle(2))
                .then("gap", new Op.GlobalAvgPool())
                .then("flatten", new Op.Flatten())
                .then("dropout", new Op.Dropout(dropout))
                .then("fc", new Op.Dense(CLASSES, true));
        return b.build("tiny", "fc", "flatten");
    }
}
