package org.backprop.engine.model;

import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Opens a trained model as a project: each DL4J layer becomes the editor's layer type of the same
 * id, and the network takes its weights from the model file ({@code network.weightsFrom}), so the
 * project stays small however large the model. What has no layer type in the editor is named
 * with its DL4J class.
 */
public final class ModelProjects {
    private ModelProjects() {}

    /**
     * @param project the project, its {@code weightsFrom} set; {@code data} as given (null when the
     *                caller lets the user choose it next)
     * @param notes   what was decided on the way, one sentence each (a loss chosen for a last layer
     *                that had none, an optimizer DL4J reported that the editor lacks)
     */
    public record Opened(Project project, List<String> notes) {}

    /**
     * @param weightsFrom how the project refers to the model file: a path relative to the
     *                    project file's folder
     * @param data        the data to train on, or null
     */
    public static Opened open(LoadedModel model, String weightsFrom, String name, DataSpec data) throws ModelFileException {
        Mapper m = new Mapper(model);
        NetworkSpec net = model.isGraph() ? m.graph() : m.chain();
        TrainingSettings training = m.training();
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            Double lr = m.learningRates.get(l.id());
            layers.add(lr != null && Math.abs(lr - training.optimizer().learningRate()) > 1e-12 * lr
                    ? l.with(LayerType.Transfer.LEARNING_RATE.name(), lr) : l);
        }
        String description = "Opened from " + model.source() + ", a DL4J " + model.kind() + " of "
                + String.format(Locale.ROOT, "%,d", model.parameterCount()) + " parameters; the layers start from its weights.";
        Project p = new Project(Project.FORMAT, Project.CURRENT_VERSION, name, description,
                new NetworkSpec(weightsFrom, layers, net.edges()), training, data);
        return new Opened(p, List.copyOf(m.notes));
    }

    private static final class Mapper {
        final LoadedModel model;
        final String source;
        final List<String> notes = new ArrayList<>();
        final Map<String, Double> learningRates = new LinkedHashMap<>();
        IUpdater firstUpdater;

        Mapper(LoadedModel model) {
            this.model = model;
            this.source = model.source();
        }

        NetworkSpec chain() throws ModelFileException {
            MultiLayerConfiguration conf = model.multiLayer().getLayerWiseConfigurations();
            int n = conf.getConfs().size();
            List<LayerSpec> layers = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) ids.add(conf.getConf(i).getLayer().getLayerName());
            LayerSpec input = input(conf.getInputPreProcess(0), conf.getConf(0).getLayer(), unique("input", ids));
            layers.add(input);
            for (int i = 0; i < n; i++) {
                Layer layer = conf.getConf(i).getLayer();
                if (unwrap(layer) instanceof LossLayer && i == n - 1 && i > 0 && unwrap(conf.getConf(i - 1).getLayer()) instanceof DenseLayer) {
                    continue; // folded into the dense layer before it
                }
                LossLayer lossAfter = i == n - 2 && unwrap(conf.getConf(n - 1).getLayer()) instanceof LossLayer ll ? ll : null;
                layers.add(layer(layer, i == n - 1 || lossAfter != null, lossAfter));
            }
            List<EdgeSpec> edges = new ArrayList<>();
            for (int i = 1; i < layers.size(); i++) edges.add(EdgeSpec.forward(layers.get(i - 1).id(), layers.get(i).id()));
            return new NetworkSpec(layers, edges);
        }

        NetworkSpec graph() throws ModelFileException {
            ComputationGraphConfiguration conf = model.graph().getConfiguration();
            if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
                throw new ModelFileException(source + ": the graph has " + conf.getNetworkInputs().size() + " input(s) and "
                        + conf.getNetworkOutputs().size() + " output(s); a workbench network has one of each");
            }
            String inputName = conf.getNetworkInputs().get(0);
            String outputName = conf.getNetworkOutputs().get(0);
            Map<String, GraphVertex> vertices = conf.getVertices();
            Map<String, List<String>> inputsOf = conf.getVertexInputs();
            // A dense layer whose only consumer is the loss layer at the end becomes the output layer.
            String lossFoldedInto = null;
            LossLayer loss = null;
            if (vertices.get(outputName) instanceof LayerVertex lv && unwrap(lv.getLayerConf().getLayer()) instanceof LossLayer ll) {
                List<String> in = inputsOf.get(outputName);
                if (in.size() == 1 && vertices.get(in.get(0)) instanceof LayerVertex d
                        && unwrap(d.getLayerConf().getLayer()) instanceof DenseLayer) {
                    lossFoldedInto = in.get(0);
                    loss = ll;
                }
            }
            List<String> order = new ArrayList<>();
            var g = model.graph();
            for (int idx : g.topologicalSortOrder()) order.add(g.getVertices()[idx].getVertexName());

            List<LayerSpec> layers = new ArrayList<>();
            List<EdgeSpec> edges = new ArrayList<>();
            String inputId = inputName;
            boolean inputAdded = false;
            for (String name : order) {
                if (name.equals(inputName) || (loss != null && name.equals(outputName))) continue;
                GraphVertex v = vertices.get(name);
                if (!(v instanceof LayerVertex lv)) {
                    if (v instanceof MergeVertex || v instanceof PreprocessorVertex) continue; // edges go through them
                    throw new ModelFileException(source + ": vertex '" + name + "' is a " + v.getClass().getSimpleName() + " ("
                            + v.getClass().getName() + "), which the workbench has no layer type for; a workbench graph joins"
                            + " branches by concatenating them (DL4J's MergeVertex)");
                }
                List<String> from = new ArrayList<>();
                for (String in : inputsOf.get(name)) from.addAll(sources(in, inputName, vertices, inputsOf));
                if (from.contains(inputName) && !inputAdded) {
                    layers.add(0, input(lv.getPreProcessor(), lv.getLayerConf().getLayer(), inputId));
                    inputAdded = true;
                }
                boolean last = name.equals(outputName) || name.equals(lossFoldedInto);
                layers.add(layer(lv.getLayerConf().getLayer(), last, name.equals(lossFoldedInto) ? loss : null));
                for (String f : from) edges.add(EdgeSpec.forward(f, name));
            }
            if (!inputAdded) throw new ModelFileException(source + ": no layer takes the graph's input '" + inputName + "'");
            return new NetworkSpec(layers, edges);
        }

        /** The layers whose output reaches {@code vertex} through merges and preprocessors. */
        private List<String> sources(String vertex, String inputName, Map<String, GraphVertex> vertices,
                                     Map<String, List<String>> inputsOf) throws ModelFileException {
            if (vertex.equals(inputName)) return List.of(inputName);
            GraphVertex v = vertices.get(vertex);
            if (v instanceof MergeVertex || v instanceof PreprocessorVertex) {
                List<String> out = new ArrayList<>();
                for (String in : inputsOf.get(vertex)) out.addAll(sources(in, inputName, vertices, inputsOf));
                return out;
            }
            if (v instanceof LayerVertex) return List.of(vertex);
            throw new ModelFileException(source + ": vertex '" + vertex + "' is a " + v.getClass().getSimpleName() + " ("
                    + v.getClass().getName() + "), which the workbench has no layer type for");
        }

        private LayerSpec input(InputPreProcessor pre, Layer first, String id) throws ModelFileException {
            if (pre instanceof FeedForwardToCnnPreProcessor p) {
                long size = p.getInputHeight() * p.getInputWidth() * p.getNumChannels();
                return LayerSpec.of(id, LayerType.INPUT, "size", (int) size, "height", (int) p.getInputHeight(),
                        "width", (int) p.getInputWidth(), "channels", (int) p.getNumChannels());
            }
            Layer l = unwrap(first);
            if ((l instanceof ConvolutionLayer c && c.getCnn2dDataFormat() == CNN2DFormat.NHWC)
                    || (l instanceof SubsamplingLayer s && s.getCnn2dDataFormat() == CNN2DFormat.NHWC)) {
                throw channelsLast(first.getLayerName());
            }
            if (l instanceof ConvolutionLayer || l instanceof SubsamplingLayer) {
                throw new ModelFileException(source + ": its first layer '" + first.getLayerName() + "' takes images, but the model"
                        + " does not record their height and width (it was built without DL4J's InputType.convolutionalFlat);"
                        + " the workbench feeds images as rows of height x width x channels values");
            }
            if (l instanceof FeedForwardLayer f && f.getNIn() > 0) {
                return LayerSpec.of(id, LayerType.INPUT, "size", (int) f.getNIn());
            }
            throw new ModelFileException(source + ": the size of its input cannot be told from its first layer '"
                    + first.getLayerName() + "' (" + l.getClass().getSimpleName() + ")");
        }

        private LayerSpec layer(Layer wrapped, boolean last, LossLayer lossAfter) throws ModelFileException {
            boolean frozen = wrapped instanceof FrozenLayer || wrapped instanceof FrozenLayerWithBackprop;
            Layer l = unwrap(wrapped);
            String id = wrapped.getLayerName();
            String what = "layer '" + id + "'";
            LayerSpec spec;
            if (l.getClass() == DenseLayer.class) {
                DenseLayer d = (DenseLayer) l;
                if (!d.hasBias()) throw unsupported(id, l, "a dense layer without bias");
                if (last) {
                    String act = activation(id, d.getActivationFn());
                    String loss = lossAfter != null ? loss(id, lossAfter.getLossFn()) : lossFor(act);
                    if (lossAfter == null) {
                        notes.add(what + " is the model's last layer and has no loss; it becomes the output layer with loss "
                                + loss + " (for its " + act + " activation)");
                    }
                    spec = LayerSpec.of(id, LayerType.OUTPUT, "units", (int) d.getNOut(), "activation", act, "loss", loss);
                } else {
                    spec = LayerSpec.of(id, LayerType.DENSE, "units", (int) d.getNOut(), "activation", activation(id, d.getActivationFn()));
                    double rate = dropRate(id, d);
                    if (rate > 0) spec = spec.with("dropout", rate);
                }
            } else if (l.getClass() == OutputLayer.class) {
                OutputLayer o = (OutputLayer) l;
                if (!o.hasBias()) throw unsupported(id, l, "an output layer without bias");
                spec = LayerSpec.of(id, LayerType.OUTPUT, "units", (int) o.getNOut(), "activation", activation(id, o.getActivationFn()),
                        "loss", loss(id, o.getLossFn()));
            } else if (l.getClass() == DropoutLayer.class) {
                spec = LayerSpec.of(id, LayerType.DROPOUT, "rate", dropRate(id, l));
            } else if (l.getClass() == BatchNormalization.class) {
                BatchNormalization b = (BatchNormalization) l;
                if (b.isLockGammaBeta()) throw unsupported(id, l, "batch normalization with fixed gamma and beta");
                if (b.getCnn2DFormat() == CNN2DFormat.NHWC) throw channelsLast(id);
                spec = LayerSpec.of(id, LayerType.BATCH_NORM, "decay", b.getDecay(), "eps", b.getEps());
            } else if (l.getClass() == ConvolutionLayer.class) {
                ConvolutionLayer c = (ConvolutionLayer) l;
                if (c.getCnn2dDataFormat() == CNN2DFormat.NHWC) throw channelsLast(id);
                int k = square(id, l, c.getKernelSize(), "kernel");
                int s = square(id, l, c.getStride(), "stride");
                if (c.getDilation()[0] != 1 || c.getDilation()[1] != 1) throw unsupported(id, l, "a dilated convolution");
                if (!c.hasBias()) throw unsupported(id, l, "a convolution without bias");
                spec = LayerSpec.of(id, LayerType.CONV2D, "filters", (int) c.getNOut(), "kernel", k, "stride", s,
                        "padding", padding(id, l, c.getConvolutionMode(), c.getPadding()), "activation", activation(id, c.getActivationFn()));
            } else if (l.getClass() == SubsamplingLayer.class) {
                SubsamplingLayer p = (SubsamplingLayer) l;
                if (p.getCnn2dDataFormat() == CNN2DFormat.NHWC) throw channelsLast(id);
                if (p.getPoolingType() != PoolingType.MAX && p.getPoolingType() != PoolingType.AVG) {
                    throw unsupported(id, l, p.getPoolingType() + " pooling");
                }
                if (!"valid".equals(padding(id, l, p.getConvolutionMode(), p.getPadding()))) throw unsupported(id, l, "pooling with padding");
                spec = LayerSpec.of(id, LayerType.POOL2D, "kernel", square(id, l, p.getKernelSize(), "kernel"),
                        "stride", square(id, l, p.getStride(), "stride"), "pooling", p.getPoolingType() == PoolingType.MAX ? "max" : "avg");
            } else {
                throw unsupported(id, wrapped, null);
            }
            if (last && spec.type() != LayerType.OUTPUT) {
                throw new ModelFileException(source + ": its last layer '" + id + "' is a " + l.getClass().getSimpleName()
                        + "; a workbench network ends in an output layer (DL4J's OutputLayer, or a DenseLayer)");
            }
            if (l instanceof BaseLayer b && b.getIUpdater() != null && spec.type().isTrainable()) {
                if (firstUpdater == null) firstUpdater = b.getIUpdater();
                if (b.getIUpdater().hasLearningRate()) learningRates.put(id, b.getIUpdater().getLearningRate(0, 0));
            }
            return frozen ? spec.with(LayerType.Transfer.FROZEN.name(), true) : spec;
        }

        TrainingSettings training() {
            TrainingSettings d = TrainingSettings.defaults();
            OptimizerSpec optimizer = optimizer(firstUpdater);
            DataType type = model.model().params().dataType();
            long seed = model.isGraph() ? model.graph().getConfiguration().getDefaultConfiguration().getSeed()
                    : model.multiLayer().getLayerWiseConfigurations().getConf(0).getSeed();
            return new TrainingSettings(optimizer, d.batchSize(), d.epochs(), seed, 0, 0, 0, d.gradientClipping(),
                    type == DataType.DOUBLE ? TrainingSettings.Precision.DOUBLE : TrainingSettings.Precision.FLOAT, d.weightInit());
        }

        private OptimizerSpec optimizer(IUpdater u) {
            if (u instanceof Adam a) return new OptimizerSpec(OptimizerSpec.Type.ADAM, a.getLearningRate(), null, a.getBeta1(), a.getBeta2(), a.getEpsilon());
            if (u instanceof Nesterovs n) return new OptimizerSpec(OptimizerSpec.Type.NESTEROVS, n.getLearningRate(), n.getMomentum(), null, null, null);
            if (u instanceof RmsProp r) return new OptimizerSpec(OptimizerSpec.Type.RMSPROP, r.getLearningRate(), null, null, null, null);
            if (u instanceof AdaGrad a) return new OptimizerSpec(OptimizerSpec.Type.ADAGRAD, a.getLearningRate(), null, null, null, null);
            if (u instanceof Sgd s) return OptimizerSpec.sgd(s.getLearningRate());
            OptimizerSpec fallback = TrainingSettings.defaults().optimizer();
            if (u != null) {
                notes.add("the model's optimizer " + u.getClass().getSimpleName() + " has no counterpart in the editor; training uses "
                        + "adam with learning rate " + fallback.learningRate());
            }
            return fallback;
        }

        private double dropRate(String id, Layer l) throws ModelFileException {
            if (l.getIDropout() == null) return 0;
            if (l.getIDropout() instanceof Dropout d && d.getPSchedule() == null) return round(1 - d.getP());
            throw unsupported(id, l, "dropout of kind " + l.getIDropout().getClass().getSimpleName());
        }

        private String padding(String id, Layer l, ConvolutionMode mode, int[] pad) throws ModelFileException {
            if (mode == ConvolutionMode.Same) return "same";
            if ((mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict) && (pad == null || (pad[0] == 0 && pad[1] == 0))) {
                return "valid";
            }
            throw unsupported(id, l, "padding " + java.util.Arrays.toString(pad) + " in mode " + mode);
        }

        private int square(String id, Layer l, int[] v, String what) throws ModelFileException {
            if (v[0] != v[1]) throw unsupported(id, l, "a " + v[0] + "x" + v[1] + " " + what + " (the editor's are square)");
            return v[0];
        }

        private String activation(String id, IActivation a) throws ModelFileException {
            if (a instanceof ActivationIdentity) return "identity";
            if (a instanceof ActivationSigmoid) return "sigmoid";
            if (a instanceof ActivationTanH) return "tanh";
            if (a instanceof ActivationReLU r && (r.getMax() == null || Double.isInfinite(r.getMax())) && zero(r.getThreshold()) && zero(r.getNegativeSlope())) return "relu";
            if (a instanceof ActivationLReLU l && l.getAlpha() == ActivationLReLU.DEFAULT_ALPHA) return "leakyrelu";
            if (a instanceof ActivationELU e && e.getAlpha() == ActivationELU.DEFAULT_ALPHA) return "elu";
            if (a instanceof ActivationSoftmax) return "softmax";
            if (a instanceof ActivationSoftPlus) return "softplus";
            throw new ModelFileException(source + ": layer '" + id + "' uses the activation " + a + " (" + a.getClass().getName()
                    + "), which the editor does not offer; it has " + String.join(", ", LayerType.Vocab.ACTIVATIONS));
        }

        private String loss(String id, ILossFunction f) throws ModelFileException {
            if (f instanceof LossMCXENT) return "mcxent";
            if (f != null && f.getClass() == LossMSE.class) return "mse";
            if (f instanceof LossBinaryXENT) return "xent";
            if (f != null && f.getClass() == LossL1.class) return "l1";
            throw new ModelFileException(source + ": layer '" + id + "' uses the loss " + f + " ("
                    + (f == null ? "none" : f.getClass().getName()) + "), which the editor does not offer; it has "
                    + String.join(", ", LayerType.Vocab.LOSSES));
        }

        private String unique(String want, Set<String> taken) {
            String id = want;
            for (int i = 2; taken.contains(id); i++) id = want + i;
            return id;
        }

        private ModelFileException unsupported(String id, Layer l, String detail) {
            Layer inner = unwrap(l);
            String cls = inner.getClass().getName() + (inner != l ? " inside " + l.getClass().getSimpleName() : "");
            return new ModelFileException(source + ": layer '" + id + "' is " + (detail != null ? detail + ", a " : "a ")
                    + inner.getClass().getSimpleName() + " (" + cls + "), which the workbench has no layer type for;"
                    + " it has " + LayerType.allIds() + ". The model still runs as it is; it cannot be opened as an editable project");
        }

        private ModelFileException channelsLast(String id) {
            return new ModelFileException(source + ": layer '" + id + "' takes images channels-last (NHWC, as Keras does);"
                    + " the editor builds channels-first (NCHW) networks, so the weights would not line up."
                    + " The model still runs as it is; it cannot be opened as an editable project");
        }
    }

    static Layer unwrap(Layer l) {
        if (l instanceof FrozenLayer f) return f.getLayer();
        if (l instanceof FrozenLayerWithBackprop f) return f.getUnderlying();
        return l;
    }

    private static boolean zero(Double d) {
        return d == null || d == 0;
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    private static String lossFor(String activation) {
        return switch (activation) {
            case "softmax" -> "mcxent";
            case "sigmoid" -> "xent";
            default -> "mse";
        };
    }
}
