package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.backend.WeightImport;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Shapes;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.backend.dl4j.nn.BuiltInBackwardConvolutionHelper;
import io.ferbench.backend.dl4j.nn.TorchCrossEntropy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An IR graph compiled to a DL4J {@link ComputationGraph}. DL4J computes the forward and backward
 * passes ({@code computeGradientAndScore}); the parameters are then updated here with {@link TorchAdam}
 * and the batch-norm running statistics with PyTorch's rule, so that training follows the IR's
 * (PyTorch's) semantics rather than DL4J's.
 *
 * <p>Batch-norm running statistics: DL4J hands them over as "gradients" {@code (1−d)·(running − batch)}
 * with the <em>biased</em> batch variance, which it would subtract. PyTorch updates the running variance
 * with the <em>unbiased</em> batch variance ({@code n/(n−1)}, n values per channel); the step below
 * converts DL4J's delta into PyTorch's.
 */
final class Dl4jTrainableModel implements TrainableModel {
    private final ModelGraph graph;
    private final GraphCompiler compiler;
    private final Map<String, long[]> shapes;
    private final ModelSpec spec;
    private final Dl4jSettings settings;
    private final TorchCrossEntropy loss;
    private final TorchAdam optimizer;
    private final int classes;
    private final Consumer<Dl4jTrainableModel> onClose;
    private ComputationGraph network;
    private List<ParameterBinding> bindings;
    private Map<String, INDArray> parameterViews;
    private Set<String> frozenNodes = Set.of();
    private long lastCollection = System.nanoTime();
    private final StepPhases phases = new StepPhases();
    private boolean closed;

    Dl4jTrainableModel(ModelGraph graph, ModelSpec spec, Dl4jSettings settings, Consumer<Dl4jTrainableModel> onClose) {
        this.graph = graph;
        this.spec = spec;
        this.settings = settings;
        this.onClose = onClose;
        this.shapes = Shapes.infer(graph);
        this.compiler = new GraphCompiler(graph, shapes);
        this.classes = Math.toIntExact(shapes.get(graph.output())[0]);
        this.loss = new TorchCrossEntropy(classWeights(spec.classWeights(), classes), spec.labelSmoothing());
        this.optimizer = new TorchAdam(spec.optimizer());
        // dropout masks draw from ND4J's global generator
        Nd4j.getRandom().setSeed(spec.seed());
        NamedTensors initial = spec.initialWeights() != null
                ? spec.initialWeights()
                : WeightInitializer.initialise(graph, spec.seed());
        rebuild(Set.of());
        try {
            WeightImport.check(initial, bindings.stream().map(ParameterBinding::def).toList(), true, "initial weights",
                    graph.architecture());
            load(initial);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private static double[] classWeights(float[] weights, int classes) {
        if (weights == null) return null;
        if (weights.length != classes) {
            throw new IllegalArgumentException("class weights: the model has " + classes + " classes but "
                    + weights.length + " weights were given");
        }
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) w[i] = weights[i];
        return w;
    }

    /** Compiles the graph with {@code frozen} nodes and starts a new DL4J network (parameters not set). */
    private void rebuild(Set<String> frozen) {
        GraphCompiler.Compiled compiled = compiler.compile(frozen, loss, spec.optimizer(), spec.seed());
        ComputationGraph fresh = new ComputationGraph(compiled.configuration());
        Nd4jRuntime.withLayerHelpers(settings.onednn(), () -> {
            fresh.init();
            return null;
        });
        fresh.initGradientsView();
        if (!settings.oneDnn3x3Backward()) BuiltInBackwardConvolutionHelper.install(fresh);
        if (network != null) network.close();
        network = fresh;
        bindings = compiled.bindings();
        parameterViews = new HashMap<>();
        for (ParameterBinding b : bindings) {
            INDArray view = network.getVertex(b.vertex()).paramTable(false).get(b.dl4jKey());
            if (view == null) {
                throw new IllegalStateException("DL4J vertex '" + b.vertex() + "' has no parameter '" + b.dl4jKey() + "'");
            }
            parameterViews.put(b.def().key(), view);
        }
        frozenNodes = Set.copyOf(frozen);
    }

    @Override
    public float trainStep(Batch batch) {
        requireOpen();
        batch.requireClassLabels(classes);  // before anything is allocated natively
        long start = System.nanoTime();
        INDArray labels = oneHot(batch.labels());
        INDArray images = null;
        try {
            images = images(batch);
            long converted = System.nanoTime();
            network.setInputs(images);
            network.setLabels(labels);
            network.computeGradientAndScore();
            float score = (float) network.score();
            long backward = System.nanoTime();
            applyUpdates(network.gradient(), batch);
            network.clearLayersStates();
            phases.inputNanos += converted - start;
            phases.forwardBackwardNanos += backward - converted;
            phases.updateNanos += System.nanoTime() - backward;
            return score;
        } finally {
            if (images != null) images.close();
            labels.close();
            collectGarbageIfDue();
            phases.stepNanos += System.nanoTime() - start;
            phases.steps++;
        }
    }

    /** See {@link Dl4jSettings#gcIntervalMs()}: frees native memory that ND4J releases only on GC. */
    private void collectGarbageIfDue() {
        if (settings.gcIntervalMs() == 0) return;
        long now = System.nanoTime();
        if (now - lastCollection >= settings.gcIntervalMs() * 1_000_000L) {
            System.gc();
            lastCollection = System.nanoTime();
        }
    }

    /** Adam on every trainable, non-frozen parameter; PyTorch's running-statistics rule on batch norms. */
    private void applyUpdates(Gradient gradient, Batch batch) {
        Map<String, INDArray> gradients = gradient.gradientForVariable();
        try (MemoryWorkspace ignored = optimizer.scratch()) {
            for (ParameterBinding b : bindings) {
                ParameterDef def = b.def();
                if (frozenNodes.contains(def.node())) continue;
                INDArray g = gradients.get(b.gradientKey());
                if (g == null) continue;  // no backward pass reached it (nothing trainable upstream or here)
                INDArray parameter = parameterViews.get(def.key());
                if (def.trainable()) {
                    // DL4J sums per-example gradients; its updater would divide by the batch size, as here
                    optimizer.update(def.key(), parameter, g.divi(batch.size()));
                } else if (def.kind().equals(ParameterDef.RUNNING_MEAN)) {
                    parameter.subi(g);  // running ← running − m·(running − batchMean)
                } else {
                    parameter.subi(unbiasedVarianceDelta(def.node(), g, parameter, batch));
                }
            }
        }
    }

    /**
     * DL4J's delta {@code g = m·(v − σ²_biased)} rewritten for PyTorch's
     * {@code v ← (1−m)·v + m·σ²_biased·n/(n−1)}: with {@code c = n/(n−1)} the delta is
     * {@code c·g − (c−1)·m·v}.
     */
    private INDArray unbiasedVarianceDelta(String node, INDArray delta, INDArray variance, Batch batch) {
        long[] shape = shapes.get(graph.node(node).inputs().get(0));
        long n = batch.size();
        for (int i = 1; i < shape.length; i++) n *= shape[i];
        if (n < 2) {
            throw new IllegalArgumentException("batch norm '" + node + "' needs more than one value per channel in "
                    + "training; got a batch of " + batch.size());
        }
        double c = n / (n - 1.0);
        double momentum = ((Op.BatchNorm) graph.node(node).op()).momentum();
        return delta.mul(c).subi(variance.mul((c - 1) * momentum));
    }

    @Override
    public float evaluateLoss(Batch batch) {
        requireOpen();
        batch.requireClassLabels(classes);
        INDArray labels = oneHot(batch.labels());
        try {
            INDArray logits = forward(batch, List.of(graph.output()))[0];
            try {
                double total = loss.computeScore(labels, logits, new ActivationIdentity(), null, false);
                return (float) (total / batch.size());
            } finally {
                logits.close();
            }
        } finally {
            labels.close();
            collectGarbageIfDue();
        }
    }

    @Override
    public Prediction predict(Batch batch, boolean withFeatures) {
        requireOpen();
        List<String> wanted = withFeatures ? List.of(graph.output(), graph.features()) : List.of(graph.output());
        INDArray[] out = forward(batch, wanted);
        try {
            return new Prediction(out[0].toFloatMatrix(), withFeatures ? out[1].toFloatMatrix() : null);
        } finally {
            for (INDArray a : out) a.close();
            collectGarbageIfDue();
        }
    }

    /** Evaluation-mode activations of the named vertices, detached from DL4J's workspaces. */
    private INDArray[] forward(Batch batch, List<String> vertices) {
        INDArray images = images(batch);
        try {
            return network.output(vertices, false, new INDArray[] {images}, null);
        } finally {
            images.close();
        }
    }

    private INDArray images(Batch batch) {
        Op.Input in = graph.inputOp();
        if (batch.channels() != in.channels() || batch.height() != in.height() || batch.width() != in.width()) {
            throw new IllegalArgumentException("batch images are " + batch.channels() + "x" + batch.height() + "x"
                    + batch.width() + " (channels x height x width) but model '" + graph.architecture()
                    + "' takes " + in.channels() + "x" + in.height() + "x" + in.width());
        }
        if (batch.size() == 0) throw new IllegalArgumentException("the batch is empty");
        return Nd4j.create(batch.images(), new long[] {batch.size(), batch.channels(), batch.height(), batch.width()}, 'c');
    }

    /** One-hot rows of labels already checked by {@link Batch#requireClassLabels}. */
    private INDArray oneHot(int[] labels) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) values[i * classes + labels[i]] = 1f;
        return Nd4j.create(values, new long[] {labels.length, classes}, 'c');
    }

    @Override
    public void freeze(Collection<String> nodeNames) {
        requireOpen();
        Set<String> nodes = new TreeSet<>();
        for (String name : nodeNames) nodes.add(graph.node(name).name());  // unknown name: error naming it
        if (nodes.equals(frozenNodes)) return;
        NamedTensors current = exportWeights();
        Set<String> previous = frozenNodes;
        try {
            rebuild(nodes);
        } catch (RuntimeException e) {
            rebuild(previous);
            load(current);
            throw e;
        }
        load(current);
    }

    /** The nodes frozen by the last {@link #freeze} call. */
    Set<String> frozenNodes() {
        return frozenNodes;
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
        for (ParameterBinding b : bindings) out.put(b.def().key(), b.read(parameterViews.get(b.def().key())));
        return out;
    }

    @Override
    public void importWeights(NamedTensors weights, boolean strict) {
        requireOpen();
        WeightImport.check(weights, bindings.stream().map(ParameterBinding::def).toList(), strict, "imported weights",
                graph.architecture());
        load(weights);
    }

    private void load(NamedTensors weights) {
        for (ParameterBinding b : bindings) {
            FloatTensor tensor = weights.get(b.def().key());
            if (tensor != null) b.write(tensor, parameterViews.get(b.def().key()));
        }
    }

    /**
     * Writes DL4J's own model file ({@link ModelSerializer}'s zip: configuration JSON and parameters, no
     * optimizer state) as {@code <architecture>.dl4j.zip} under {@code dir}, replacing any; it loads with
     * {@code ComputationGraph.load(file, false)}.
     */
    public Path saveNative(Path dir) {
        requireOpen();
        Path file = dir.resolve(graph.fileSafeName() + ".dl4j.zip");
        try {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, ".partial-", ".zip");
            try {
                ModelSerializer.writeModel(network, partial.toFile(), false);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the DL4J model under " + dir, e);
        }
        return file;
    }


    /** Where the training steps' time went, for the profiler. */
    StepPhases phases() {
        return phases;
    }

    /** The DL4J network, for tests and tools. */
    ComputationGraph network() {
        return network;
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("model '" + graph.architecture() + "' is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        optimizer.close();
        network.close();
        onClose.accept(this);
    }
}
