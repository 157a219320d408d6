package io.ferbench.backend.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.backend.WeightImport;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An IR graph compiled to a {@link GraphBlock} inside a DJL {@link Model}, trained with
 * {@link TorchAdam} on {@link CrossEntropy}. Every step runs in its own sub-NDManager so that native
 * memory is released when the step ends.
 */
final class DjlTrainableModel implements TrainableModel {
    private static final String ENGINE = EngineSetup.ENGINE_NAME;
    /** Fixed so that {@link Model#save} overwrites one file instead of numbering a new one per call. */
    private static final int SAVED_EPOCH = 0;

    private final ModelGraph graph;
    private final Engine engine;
    private final Model model;
    private final GraphBlock block;
    private final TorchAdam optimizer;
    private final CrossEntropy crossEntropy;
    private final Consumer<DjlTrainableModel> onClose;
    private boolean closed;

    /** {@code channelsLast}: on the CPU, where it helps ({@link GraphBlock#channelsLastHelps}). */
    DjlTrainableModel(ModelGraph graph, ModelSpec spec, Engine engine, Device device, boolean channelsLast,
                      Consumer<DjlTrainableModel> onClose) {
        this.graph = graph;
        this.engine = engine;
        this.onClose = onClose;
        this.block = new GraphBlock(graph, channelsLast && GraphBlock.channelsLastHelps(graph));
        this.optimizer = new TorchAdam(spec.optimizer());
        this.crossEntropy = new CrossEntropy(Math.toIntExact(block.outputWidth()), spec.classWeights(),
                spec.labelSmoothing());

        // seeds libtorch (dropout masks) and DJL's own generator; a long seed is folded to the int DJL takes
        engine.setRandomSeed(Long.hashCode(spec.seed()));
        NamedTensors initial = spec.initialWeights() != null
                ? spec.initialWeights()
                : WeightInitializer.initialise(graph, spec.seed());
        WeightImport.check(initial, block.definitions(), true, "initial weights", graph.architecture());

        this.model = Model.newInstance(graph.architecture(), device, ENGINE);
        try {
            model.setBlock(block);
            try (GradMode ignored = GradMode.off()) {
                block.initialize(model.getNDManager(), initial);
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public float trainStep(Batch batch) {
        requireOpen();
        batch.requireClassLabels(crossEntropy.classes());
        try (NDManager step = model.getNDManager().newSubManager(); GradMode ignored = GradMode.off()) {
            NDArray images = images(step, batch);
            List<ParameterDef> trainable = new ArrayList<>();
            for (ParameterDef def : block.definitions()) {
                // buffers and frozen nodes' parameters do not require a gradient
                if (block.parameter(def.key()).requiresGradient()) trainable.add(def);
            }
            float loss;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDList out = block.forward(new ParameterStore(step, false), new NDList(images), true);
                NDArray lossArray = crossEntropy.loss(out.get(0), batch.labels());
                // with every node frozen there is nothing to differentiate (the step still runs forward)
                if (!trainable.isEmpty()) collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            for (ParameterDef def : trainable) {
                NDArray weight = block.parameter(def.key()).getArray();
                try (NDArray gradient = weight.getGradient()) {
                    optimizer.update(def.key(), weight, gradient);
                }
            }
            return loss;
        }
    }

    @Override
    public float evaluateLoss(Batch batch) {
        requireOpen();
        batch.requireClassLabels(crossEntropy.classes());
        try (NDManager step = model.getNDManager().newSubManager(); GradMode ignored = GradMode.off()) {
            NDList out = evaluate(step, batch);
            return crossEntropy.loss(out.get(0), batch.labels()).getFloat();
        }
    }

    @Override
    public Prediction predict(Batch batch, boolean withFeatures) {
        requireOpen();
        try (NDManager step = model.getNDManager().newSubManager(); GradMode ignored = GradMode.off()) {
            NDList out = evaluate(step, batch);
            return new Prediction(rows(out.get(0)), withFeatures ? rows(out.get(1)) : null);
        }
    }

    private NDList evaluate(NDManager step, Batch batch) {
        return block.forward(new ParameterStore(step, false), new NDList(images(step, batch)), false);
    }

    private NDArray images(NDManager manager, Batch batch) {
        Op.Input in = graph.inputOp();
        if (batch.channels() != in.channels() || batch.height() != in.height() || batch.width() != in.width()) {
            throw new IllegalArgumentException("batch images are " + batch.channels() + "x" + batch.height() + "x"
                    + batch.width() + " (channels x height x width) but model '" + graph.architecture()
                    + "' takes " + in.channels() + "x" + in.height() + "x" + in.width());
        }
        if (batch.size() == 0) throw new IllegalArgumentException("the batch is empty");
        return manager.create(batch.images(),
                new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
    }

    private static float[][] rows(NDArray matrix) {
        int n = Math.toIntExact(matrix.getShape().get(0));
        int width = Math.toIntExact(matrix.getShape().get(1));
        float[] flat = matrix.toFloatArray();
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) rows[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        return rows;
    }

    @Override
    public void freeze(Collection<String> nodeNames) {
        requireOpen();
        Set<String> nodes = new HashSet<>();
        for (String name : nodeNames) nodes.add(graph.node(name).name());  // unknown name: error naming it
        for (ParameterDef def : block.definitions()) {
            if (def.trainable()) block.parameter(def.key()).freeze(nodes.contains(def.node()));
        }
        Set<String> frozenBatchNorms = new HashSet<>();
        for (String name : nodes) {
            if (graph.node(name).op() instanceof Op.BatchNorm) frozenBatchNorms.add(name);
        }
        block.setBatchNormInInferenceMode(frozenBatchNorms);
    }

    @Override
    public void setLearningRate(double learningRate) {
        requireOpen();
        optimizer.setLearningRate(learningRate);
    }

    @Override
    public NamedTensors exportWeights() {
        requireOpen();
        NamedTensors out = new NamedTensors();
        for (ParameterDef def : block.definitions()) {
            float[] values = block.parameter(def.key()).getArray().toFloatArray();
            out.put(def.key(), new FloatTensor(def.shape(), values));
        }
        return out;
    }

    @Override
    public void importWeights(NamedTensors weights, boolean strict) {
        requireOpen();
        WeightImport.check(weights, block.definitions(), strict, "imported weights", graph.architecture());
        try (GradMode ignored = GradMode.off()) {
            for (ParameterDef def : block.definitions()) {
                FloatTensor tensor = weights.get(def.key());
                if (tensor != null) block.parameter(def.key()).getArray().set(FloatBuffer.wrap(tensor.data()));
            }
        }
    }

    /** Writes DJL's parameter file {@code <architecture>-0000.params} under {@code dir}, replacing any. */
    public Path saveNative(Path dir) {
        requireOpen();
        String name = graph.fileSafeName();
        model.setProperty("Epoch", Integer.toString(SAVED_EPOCH));
        model.setProperty("ferbench.architecture", graph.architecture());
        try {
            model.save(dir, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the DJL model under " + dir, e);
        }
        return dir.resolve(String.format(Locale.ROOT, "%s-%04d.params", name, SAVED_EPOCH));
    }


    /** The DJL model, for tests and tools that load a saved parameter file into the same block. */
    Model djlModel() { return model; }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("model '" + graph.architecture() + "' is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        optimizer.close();
        model.close();
        onClose.accept(this);
    }
}
