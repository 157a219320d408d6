package io.ferbench.backend.tensorflow;

import io.ferbench.api.backend.AdamSchedule;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.backend.WeightImport;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Shapes;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * An IR graph compiled into one TensorFlow graph and session.
 *
 * <p>Everything is built up front: the variables, the evaluation pass and its loss, the training path
 * of the empty frozen set, and the checkpoint ops. The training loop only feeds and fetches; the
 * graph grows again only when {@link #freeze} meets a frozen set it has not seen (one training path
 * per distinct set, then reused).
 */
final class TfTrainableModel implements TrainableModel {
    static final String SERVING_SIGNATURE = Signature.DEFAULT_KEY;
    static final String TRAIN_SIGNATURE = "train_step";
    static final String LOSS_SIGNATURE = "evaluate_loss";
    static final String SAVED_MODEL_DIR = "saved_model";

    private final ModelGraph model;
    private final io.ferbench.api.ir.Op.Input input;
    private final Map<String, long[]> shapes;
    private final long seed;
    private final Graph graph;
    private final Ops tf;
    private final Session session;
    private final Placeholder<TFloat32> images;
    private final Placeholder<TInt32> labels;
    private final ModelVariables variables;
    private final TorchAdam adam;
    private final CrossEntropyLoss lossFunction;
    private final ForwardPass.Outputs evaluation;
    private final Operand<TFloat32> evaluationLoss;
    private final Map<Set<String>, TrainingPath> trainingPaths = new HashMap<>();
    private final Consumer<TfTrainableModel> onClose;
    private TrainingPath training;
    private boolean closed;

    TfTrainableModel(ModelGraph model, ModelSpec spec, ConfigProto sessionConfig, Consumer<TfTrainableModel> onClose) {
        this.model = model;
        this.input = model.inputOp();
        this.shapes = Shapes.infer(model);
        this.seed = spec.seed();
        this.onClose = onClose;
        AdamSchedule.check("tensorflow", spec.optimizer());
        int classes = Math.toIntExact(shapes.get(model.output())[0]);
        this.lossFunction = new CrossEntropyLoss(classes, spec.classWeights(), spec.labelSmoothing());
        NamedTensors initial = spec.initialWeights() != null
                ? spec.initialWeights()
                : WeightInitializer.initialise(model, spec.seed());

        this.graph = new Graph();
        Session started = null;
        try {
            this.tf = Ops.create(graph);
            TfNames names = new TfNames();
            this.images = tf.withName("images").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, input.channels(), input.height(), input.width())));
            this.labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
            this.variables = new ModelVariables(tf, model, shapes, names);
            WeightImport.check(initial, variables.all().stream().map(p -> p.def()).toList(), true, "initial weights",
                    model.architecture());
            List<ModelVariables.Parameter> trainable = variables.all().stream().filter(p -> p.def().trainable()).toList();
            this.adam = new TorchAdam(tf, spec.optimizer(), trainable, names);
            Op resetOptimizer = zeroOps(tf.withSubScope("adam_reset"), adam.zeroInitialised());

            this.evaluation = ForwardPass.build(tf.withSubScope("eval"), model, shapes, variables, images,
                    ForwardPass.Mode.evaluation());
            this.evaluationLoss = lossFunction.build(tf.withSubScope("eval_loss"), evaluation.logits(), labels);
            this.training = trainingPath(Set.of());

            List<ResourceVariable> all = new ArrayList<>();
            variables.all().forEach(p -> all.add(p.variable()));
            all.addAll(adam.variables());
            CheckpointOps.build(tf, all);

            started = new Session(graph, sessionConfig);
            this.session = started;
            session.runner().addTarget(resetOptimizer).run().close();
            setLearningRate(spec.optimizer().learningRate());
            assign(initial);
        } catch (RuntimeException e) {
            if (started != null) started.close();
            graph.close();
            throw e;
        }
    }

    /** One op that sets every variable in {@code variables} to zero. */
    private static Op zeroOps(Ops tf, List<ResourceVariable> variables) {
        List<Op> assigns = new ArrayList<>();
        Operand<TFloat32> zero = tf.constant(0f);
        for (ResourceVariable v : variables) {
            // Fill, not tf.zeros: that helper opens a sub-scope, which scans the whole graph each time
            Operand<TFloat32> zeros = tf.fill(tf.constant(v.shape()), zero);
            assigns.add(tf.assignVariableOp(v.handle(), zeros));
        }
        return tf.withControlDependencies(assigns).noOp();
    }

    private TrainingPath trainingPath(Set<String> frozenNodes) {
        return trainingPaths.computeIfAbsent(frozenNodes, frozen -> TrainingPath.build(graph, tf,
                trainingPaths.isEmpty() ? "train" : "train_" + trainingPaths.size(), model, shapes, variables, adam,
                lossFunction, images, labels, frozen, seed));
    }

    @Override
    public float trainStep(Batch batch) {
        requireOpen();
        batch.requireClassLabels(lossFunction.classes());
        return scalar(training.loss(), batch);
    }

    @Override
    public float evaluateLoss(Batch batch) {
        requireOpen();
        batch.requireClassLabels(lossFunction.classes());
        return scalar(evaluationLoss, batch);
    }

    private float scalar(Operand<TFloat32> loss, Batch batch) {
        try (TFloat32 x = imageTensor(batch); TInt32 y = Tensors.ints(batch.labels());
             Result r = session.runner().feed(images, x).feed(labels, y).fetch(loss).run()) {
            return Tensors.scalar(r.get(0));
        }
    }

    @Override
    public Prediction predict(Batch batch, boolean withFeatures) {
        requireOpen();
        try (TFloat32 x = imageTensor(batch)) {
            Session.Runner runner = session.runner().feed(images, x).fetch(evaluation.logits());
            if (withFeatures) runner.fetch(evaluation.features());
            try (Result r = runner.run()) {
                return new Prediction(Tensors.rows(r.get(0)), withFeatures ? Tensors.rows(r.get(1)) : null);
            }
        }
    }

    private TFloat32 imageTensor(Batch batch) {
        if (batch.channels() != input.channels() || batch.height() != input.height() || batch.width() != input.width()) {
            throw new IllegalArgumentException("batch images are " + batch.channels() + "x" + batch.height() + "x"
                    + batch.width() + " (channels x height x width) but model '" + model.architecture()
                    + "' takes " + input.channels() + "x" + input.height() + "x" + input.width());
        }
        if (batch.size() == 0) throw new IllegalArgumentException("the batch is empty");
        return Tensors.floats(Shape.of(batch.size(), batch.channels(), batch.height(), batch.width()), batch.images());
    }

    /**
     * Keras semantics, as the djl backend: frozen nodes' parameters get no updates and a frozen batch
     * norm normalises with its running statistics, which stay as they are. Only nodes with parameters
     * matter, so sets that differ in other nodes share one training path.
     */
    @Override
    public void freeze(Collection<String> nodeNames) {
        requireOpen();
        Set<String> frozen = new TreeSet<>();
        for (String name : nodeNames) {
            model.node(name); // an unknown name is an error naming it
            if (variables.all().stream().anyMatch(p -> p.def().node().equals(name))) frozen.add(name);
        }
        training = trainingPath(Set.copyOf(frozen));
    }

    /** The nodes with parameters that the current training path keeps fixed. */
    Set<String> frozenNodes() { return training.frozenNodes(); }

    @Override
    public void setLearningRate(double learningRate) {
        requireOpen();
        AdamSchedule.checkLearningRate(learningRate);
        ResourceVariable lr = adam.learningRate();
        try (TFloat32 value = TFloat32.scalarOf((float) learningRate)) {
            session.runner().feed(lr.feed(), value).addTarget(lr.assignFed()).run().close();
        }
    }

    @Override
    public NamedTensors exportWeights() {
        requireOpen();
        List<ModelVariables.Parameter> all = new ArrayList<>(variables.all());
        Session.Runner runner = session.runner();
        all.forEach(p -> runner.fetch(p.read()));
        NamedTensors out = new NamedTensors();
        try (Result r = runner.run()) {
            for (int i = 0; i < all.size(); i++) {
                ModelVariables.Parameter p = all.get(i);
                out.put(p.def().key(), new FloatTensor(p.def().shape(), p.layout().toIr(Tensors.copy(r.get(i)))));
            }
        }
        return out;
    }

    @Override
    public void importWeights(NamedTensors weights, boolean strict) {
        requireOpen();
        // everything first, so a failed import changes nothing
        WeightImport.check(weights, variables.all().stream().map(p -> p.def()).toList(), strict, "imported weights",
                model.architecture());
        assign(weights);
    }

    /** Stores every present key's values, converted to the variable's layout, in one session run. */
    private void assign(NamedTensors weights) {
        List<Tensor> fed = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (ModelVariables.Parameter p : variables.all()) {
                FloatTensor t = weights.get(p.def().key());
                if (t == null) continue;
                TFloat32 value = Tensors.floats(p.variable().shape(), p.layout().toTensorFlow(t.data()));
                fed.add(value);
                runner.feed(p.variable().feed(), value).addTarget(p.variable().assignFed());
            }
            if (!fed.isEmpty()) runner.run().close();
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    /**
     * Writes a SavedModel (tag {@code serve}) to {@code dir/saved_model}: the whole graph with the
     * training ops, every variable including the optimizer state, and the signatures
     * {@code serving_default} (images → logits, features), {@code train_step} (images, labels →
     * loss; runs one step) and {@code evaluate_loss}. Images are NCHW float32 as in the IR.
     */
    public Path saveNative(Path dir) {
        requireOpen();
        Path target = dir.resolve(SAVED_MODEL_DIR);
        try {
            Files.createDirectories(target);
            SavedModelBundle.exporter(target.toString())
                    .withSession(session)
                    .withSignature(Signature.builder().key(SERVING_SIGNATURE).input("images", images)
                            .output("logits", evaluation.logits()).output("features", evaluation.features()).build())
                    .withSignature(Signature.builder().key(TRAIN_SIGNATURE).input("images", images)
                            .input("labels", labels).output("loss", training.loss()).build())
                    .withSignature(Signature.builder().key(LOSS_SIGNATURE).input("images", images)
                            .input("labels", labels).output("loss", evaluationLoss).build())
                    .export();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SavedModel to " + target, e);
        }
        return target;
    }

    /** Values held by the TensorFlow variables of trainable parameters (by their TF shapes). */
    long trainableValues() {
        long n = 0;
        for (ModelVariables.Parameter p : variables.all()) {
            if (p.def().trainable()) n += p.variable().shape().size();
        }
        return n;
    }

    /** Operations in the graph: tests check that steps do not add any. */
    long graphSize() {
        long n = 0;
        for (var it = graph.operations(); it.hasNext(); it.next()) n++;
        return n;
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("model '" + model.architecture() + "' is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        session.close();
        graph.close();
        onClose.accept(this);
    }
}
