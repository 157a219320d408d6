package io.ferbench.backend.reference;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.ir.Shapes;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.NamedTensors;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** An IR graph run by a {@link GraphProgram}, trained with {@link TorchAdam} on {@link CrossEntropyLoss}. */
final class ReferenceModel implements TrainableModel {
    private final ModelGraph graph;
    private final Weights weights;
    private final GraphProgram program;
    private final TorchAdam optimizer;
    private final CrossEntropyLoss loss;
    private final Consumer<ReferenceModel> onClose;
    private Set<String> frozen = Set.of();
    private boolean closed;

    ReferenceModel(ModelGraph graph, ModelSpec spec, Parallel parallel, Consumer<ReferenceModel> onClose) {
        this.graph = graph;
        this.onClose = onClose;
        Map<String, long[]> shapes = Shapes.infer(graph);
        this.weights = new Weights(Parameters.of(graph, shapes), graph.architecture());
        weights.load(spec.initialWeights() != null ? spec.initialWeights()
                : WeightInitializer.initialise(graph, spec.seed()), true, "initial weights");
        this.optimizer = new TorchAdam(spec.optimizer());
        this.loss = new CrossEntropyLoss(Math.toIntExact(shapes.get(graph.output())[0]), spec.classWeights(),
                spec.labelSmoothing());
        this.program = new GraphProgram(graph, weights, spec.seed(), parallel);
        freeze(Set.of());
    }

    @Override
    public float trainStep(Batch batch) {
        requireOpen();
        batch.requireClassLabels(loss.classes());
        Map<String, Activation> outputs = program.forward(images(batch), true);
        CrossEntropyLoss.Value value = loss.evaluate(outputs.get(graph.output()), batch.labels(), true);
        Map<String, Integer> trained = new LinkedHashMap<>();
        for (ParameterDef def : weights.definitions()) {
            if (def.trainable() && !frozen.contains(def.node())) trained.put(def.key(), Math.toIntExact(def.size()));
        }
        Gradients gradients = new Gradients(trained);
        // with every node frozen there is nothing to differentiate (the step still runs forward)
        if (!trained.isEmpty()) program.backward(value.gradient(), gradients);
        gradients.all().forEach((key, gradient) -> optimizer.step(key, weights.get(key), gradient));
        return (float) value.loss();
    }

    @Override
    public float evaluateLoss(Batch batch) {
        requireOpen();
        batch.requireClassLabels(loss.classes());
        Activation logits = program.forward(images(batch), false).get(graph.output());
        return (float) loss.evaluate(logits, batch.labels(), false).loss();
    }

    @Override
    public Prediction predict(Batch batch, boolean withFeatures) {
        requireOpen();
        Map<String, Activation> outputs = program.forward(images(batch), false);
        return new Prediction(rows(outputs.get(graph.output())),
                withFeatures ? rows(outputs.get(graph.features())) : null);
    }

    private Activation images(Batch batch) {
        Op.Input in = graph.inputOp();
        if (batch.channels() != in.channels() || batch.height() != in.height() || batch.width() != in.width()) {
            throw new IllegalArgumentException("batch images are " + batch.channels() + "x" + batch.height() + "x"
                    + batch.width() + " (channels x height x width) but model '" + graph.architecture()
                    + "' takes " + in.channels() + "x" + in.height() + "x" + in.width());
        }
        if (batch.size() == 0) throw new IllegalArgumentException("the batch is empty");
        return new Activation(batch.images(), batch.size(), batch.channels(), batch.height(), batch.width());
    }

    private static float[][] rows(Activation vectors) {
        Activation flat = vectors.flat();
        float[][] rows = new float[flat.n()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat.data(), i * flat.channels(), (i + 1) * flat.channels());
        }
        return rows;
    }

    @Override
    public void freeze(Collection<String> nodeNames) {
        requireOpen();
        Set<String> nodes = nodeNames.stream().map(name -> graph.node(name).name())  // unknown name: error naming it
                .collect(Collectors.toUnmodifiableSet());
        Set<String> trainedNodes = weights.definitions().stream()
                .filter(def -> def.trainable() && !nodes.contains(def.node()))
                .map(ParameterDef::node).collect(Collectors.toSet());
        program.configure(nodes, trainedNodes);
        frozen = nodes;
    }

    @Override
    public void setLearningRate(double learningRate) {
        requireOpen();
        optimizer.setLearningRate(learningRate);
    }

    @Override
    public NamedTensors exportWeights() {
        requireOpen();
        return weights.export();
    }

    @Override
    public void importWeights(NamedTensors imported, boolean strict) {
        requireOpen();
        weights.load(imported, strict, "imported weights");
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("model '" + graph.architecture() + "' is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        onClose.accept(this);
    }
}
