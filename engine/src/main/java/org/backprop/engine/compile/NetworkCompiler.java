package org.backprop.engine.compile;

import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.ParameterValues;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.conf.BackpropType;
import org.backprop.engine.recurrent.FeedbackLoop;
import org.backprop.engine.recurrent.LoopCell;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a project into an initialised DL4J model. DL4J infers every {@code nIn} from the input
 * type; what DL4J rejects is reported against the layer the user drew.
 */
public final class NetworkCompiler {
    private NetworkCompiler() {}

    /** Compiles a project that does not take its weights from a model file by a relative path. */
    public static CompiledNetwork compile(Project project) throws CompileException {
        return compile(project, null);
    }

    /**
     * @param baseDir the project file's folder, against which {@code network.weightsFrom} is
     *                resolved; may be null when the project has no {@code weightsFrom}
     */
    public static CompiledNetwork compile(Project project, java.nio.file.Path baseDir) throws CompileException {
        NetworkSpec net = project.network();
        List<String> problems = NetworkValidator.problems(net);
        if (!problems.isEmpty()) throw new CompileException(problems);
        TrainingSettings t = project.training();
        LayerSpec input = net.layers().stream().filter(l -> l.type() == LayerType.INPUT).findFirst().orElseThrow();
        LayerSpec output = net.layers().stream().filter(l -> l.type() == LayerType.OUTPUT).findFirst().orElseThrow();
        boolean recurrent = Recurrence.isRecurrent(net);
        InputType inputType = recurrent ? InputType.recurrent(input.intValue("size")) : inputType(input);
        List<Recurrence.Loop> loops = recurrent ? Recurrence.loops(net) : List.of();
        NeuralNetConfiguration.Builder base = baseBuilder(t);
        try {
            CompiledNetwork c = NetworkValidator.isChain(net)
                    ? compileChain(net, base, input, output, inputType, t, loops)
                    : compileGraph(net, base, input, output, inputType, t, loops);
            Map<String, WeightSource> sources = new java.util.LinkedHashMap<>();
            for (LayerSpec l : net.layers()) {
                if (l != input) sources.put(l.id(), c.layers().get(l.id()).parameterCount() > 0 ? WeightSource.FRESH : WeightSource.NONE);
            }
            if (net.weightsFrom() != null) sources.putAll(PretrainedWeights.apply(net, c, baseDir));
            pinParameters(net, c);
            for (LayerSpec l : net.layers()) if (!l.parameters().isEmpty()) sources.put(l.id(), WeightSource.PINNED);
            c.setTransfer(sources, net.layers().stream().filter(LayerSpec::frozen).map(LayerSpec::id)
                    .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
            return c;
        } catch (CompileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CompileException(explain(net, e));
        }
    }

    static InputType inputType(LayerSpec input) {
        int h = input.intValue("height");
        int w = input.intValue("width");
        int ch = input.intValue("channels");
        if (h > 0 || w > 0 || ch > 0) {
            return InputType.convolutionalFlat(h, w, Math.max(ch, 1));
        }
        return InputType.feedForward(input.intValue("size"));
    }

    private static NeuralNetConfiguration.Builder baseBuilder(TrainingSettings t) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(t.seed())
                .updater(updater(t))
                .weightInit(weightInit(t.weightInit()))
                .dataType(t.dataType() == TrainingSettings.Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT);
        if (t.l1() > 0) b.l1(t.l1());
        if (t.l2() > 0) b.l2(t.l2());
        if (t.gradientClipping().type() != GradientClipping.Type.NONE) {
            b.gradientNormalization(gradientNormalization(t.gradientClipping().type()))
                    .gradientNormalizationThreshold(t.gradientClipping().threshold());
        }
        return b;
    }

    private static GradientNormalization gradientNormalization(GradientClipping.Type type) {
        return switch (type) {
            case NONE -> GradientNormalization.None;
            case CLIP_ELEMENT_WISE -> GradientNormalization.ClipElementWiseAbsoluteValue;
            case CLIP_L2_PER_LAYER -> GradientNormalization.ClipL2PerLayer;
            case CLIP_L2_PER_PARAM_TYPE -> GradientNormalization.ClipL2PerParamType;
            case RENORMALIZE_L2_PER_LAYER -> GradientNormalization.RenormalizeL2PerLayer;
            case RENORMALIZE_L2_PER_PARAM_TYPE -> GradientNormalization.RenormalizeL2PerParamType;
        };
    }

    static IUpdater updater(TrainingSettings t) {
        var o = t.optimizer();
        double lr = o.learningRate();
        return switch (o.type()) {
            case SGD -> new Sgd(lr);
            case NESTEROVS -> new Nesterovs(lr, o.momentum() == null ? Nesterovs.DEFAULT_NESTEROV_MOMENTUM : o.momentum());
            case ADAM -> new Adam(lr,
                    o.beta1() == null ? Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY : o.beta1(),
                    o.beta2() == null ? Adam.DEFAULT_ADAM_BETA2_VAR_DECAY : o.beta2(),
                    o.epsilon() == null ? Adam.DEFAULT_ADAM_EPSILON : o.epsilon());
            case RMSPROP -> new RmsProp(lr);
            case ADAGRAD -> new AdaGrad(lr);
        };
    }

    private static CompiledNetwork compileChain(NetworkSpec net, NeuralNetConfiguration.Builder base, LayerSpec input,
                                                LayerSpec output, InputType inputType, TrainingSettings t,
                                                List<Recurrence.Loop> loops) {
        List<LayerSpec> order = chainOrder(net, input);
        NeuralNetConfiguration.ListBuilder list = base.list();
        Map<String, Integer> dl4jIndex = new HashMap<>();
        int index = 0;
        for (int i = 1; i < order.size(); i++) {
            LayerSpec l = order.get(i);
            boolean afterHidden = order.get(i - 1) != input;
            Recurrence.Loop loop = loopOf(loops, l.id());
            if (loop == null) {
                dl4jIndex.put(l.id(), index);
                list.layer(index++, toDl4j(l, afterHidden, t, net));
            } else if (loop.first().id().equals(l.id())) {
                for (LayerSpec c : loop.cells()) dl4jIndex.put(c.id(), index);
                list.layer(index++, feedbackLoop(loop, afterHidden, t));
                if (loop.endsInOutput()) list.layer(index++, lossLayer(loop.last()));
            }
        }
        list.setInputType(inputType);
        if (t.tbpttLength() > 0 && Recurrence.isRecurrent(net)) {
            list.backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(t.tbpttLength()).tBPTTBackwardLength(t.tbpttLength());
        }
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork model = new MultiLayerNetwork(conf);
        model.init();
        List<InputType> types = conf.getLayerActivationTypes(inputType);
        List<LayerInfo> infos = new ArrayList<>();
        infos.add(new LayerInfo(input.id(), -1, shape(inputType), elements(inputType), 0));
        for (int i = 1; i < order.size(); i++) {
            LayerSpec l = order.get(i);
            int at = dl4jIndex.get(l.id());
            Recurrence.Loop loop = loopOf(loops, l.id());
            Layer layer = model.getLayer(at);
            if (loop == null) {
                InputType out = types.get(at);
                infos.add(new LayerInfo(l.id(), at, shape(out), elements(out), layer.numParams()));
            } else {
                infos.add(cellInfo(l, at, layer.conf().getLayer().getLayerName(), layer));
            }
        }
        return new CompiledNetwork(model, projectOrder(net, infos), input.id(), output.id());
    }

    private static CompiledNetwork compileGraph(NetworkSpec net, NeuralNetConfiguration.Builder base, LayerSpec input,
                                                LayerSpec output, InputType inputType, TrainingSettings t,
                                                List<Recurrence.Loop> loops) {
        ComputationGraphConfiguration.GraphBuilder g = base.graphBuilder()
                .addInputs(input.id())
                .setInputTypes(inputType);
        for (LayerSpec l : net.layers()) {
            if (l == input) continue;
            Recurrence.Loop loop = loopOf(loops, l.id());
            if (loop != null && !loop.first().id().equals(l.id())) continue;
            List<String> from = net.inputsOf(l.id()).stream().map(EdgeSpec::from).toList();
            boolean afterHidden = from.stream().noneMatch(f -> f.equals(input.id()));
            String[] in = from.stream().map(f -> vertexOf(loops, f)).toArray(String[]::new);
            if (in.length > 1) {
                String merge = l.id() + "/merge";
                g.addVertex(merge, new MergeVertex(), in);
                in = new String[]{merge};
            }
            if (loop == null) {
                g.addLayer(l.id(), toDl4j(l, afterHidden, t, net), in);
            } else {
                g.addLayer(loop.dl4jName(), feedbackLoop(loop, afterHidden, t), in);
                if (loop.endsInOutput()) g.addLayer(loop.last().id(), lossLayer(loop.last()), loop.dl4jName());
            }
        }
        g.setOutputs(output.id());
        if (t.tbpttLength() > 0 && Recurrence.isRecurrent(net)) {
            g.backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(t.tbpttLength()).tBPTTBackwardLength(t.tbpttLength());
        }
        ComputationGraphConfiguration conf = g.build();
        ComputationGraph model = new ComputationGraph(conf);
        model.init();
        Map<String, InputType> types = conf.getLayerActivationTypes(inputType);
        List<LayerInfo> infos = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            Recurrence.Loop loop = loopOf(loops, l.id());
            if (l == input) {
                infos.add(new LayerInfo(l.id(), -1, shape(inputType), elements(inputType), 0));
            } else if (loop == null) {
                InputType out = types.get(l.id());
                infos.add(new LayerInfo(l.id(), -1, shape(out), elements(out), model.getLayer(l.id()).numParams()));
            } else {
                infos.add(cellInfo(l, -1, loop.dl4jName(), model.getLayer(loop.dl4jName())));
            }
        }
        return new CompiledNetwork(model, infos, input.id(), output.id());
    }

    private static Recurrence.Loop loopOf(List<Recurrence.Loop> loops, String id) {
        return loops.stream().filter(l -> l.contains(id)).findFirst().orElse(null);
    }

    /** The graph vertex that carries a layer's activations: a loop's own, for its last layer. */
    private static String vertexOf(List<Recurrence.Loop> loops, String id) {
        Recurrence.Loop loop = loopOf(loops, id);
        return loop == null ? id : loop.dl4jName();
    }

    /** A layer computed inside a FeedbackLoop: its parameters are the loop's keys "{id}/...". */
    private static LayerInfo cellInfo(LayerSpec l, int index, String dl4jName, Layer loopLayer) {
        String prefix = l.id() + "/";
        long params = loopLayer.paramTable().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().length()).sum();
        int units = l.intValue("units");
        return new LayerInfo(l.id(), index, units + LayerInfo.PER_STEP, units, params, dl4jName, prefix);
    }

    private static FeedbackLoop feedbackLoop(Recurrence.Loop loop, boolean afterHidden, TrainingSettings t) {
        List<LoopCell> cells = loop.cells().stream().map(c -> new LoopCell(c.id(), c.intValue("units"),
                activation(c).getActivationFunction(),
                c.stringValue("weightInit").equals("default") ? null : weightInit(c.stringValue("weightInit")).getWeightInitFunction(),
                c.stringValue("recurrentWeightInit").equals("default") ? null
                        : weightInit(c.stringValue("recurrentWeightInit")).getWeightInitFunction(),
                loop.feedbackInto().get(c.id()))).toList();
        FeedbackLoop f = new FeedbackLoop(loop.dl4jName(), cells, loop.endsInOutput());
        double lr = loop.first().doubleValue(LayerType.Transfer.LEARNING_RATE.name()); // the same for every cell (validated)
        if (lr > 0) {
            IUpdater own = updater(t);
            own.setLrAndSchedule(lr, null);
            f.setIUpdater(own);
        }
        LayerSpec first = loop.first();
        double rate = first.type().property("dropout").isPresent() && first.doubleValue("dropout") > 0
                ? first.doubleValue("dropout") : (afterHidden ? t.dropout() : 0);
        if (rate > 0) f.setIDropout(new org.deeplearning4j.nn.conf.dropout.Dropout(1.0 - rate));
        return f;
    }

    /** Applies the output's activation and loss to the pre-activations a loop ending in the output emits. */
    private static RnnLossLayer lossLayer(LayerSpec output) {
        RnnLossLayer loss = new RnnLossLayer.Builder(loss(output)).activation(activation(output)).build();
        loss.setLayerName(output.id());
        return loss;
    }

    /** Layers of a chain from the input along its edges. */
    private static List<LayerSpec> chainOrder(NetworkSpec net, LayerSpec input) {
        List<LayerSpec> order = new ArrayList<>(List.of(input));
        String at = input.id();
        while (!net.outputsOf(at).isEmpty()) {
            at = net.outputsOf(at).get(0).to();
            order.add(net.layer(at).orElseThrow());
        }
        return order;
    }

    private static List<LayerInfo> projectOrder(NetworkSpec net, List<LayerInfo> infos) {
        return net.layers().stream()
                .map(l -> infos.stream().filter(i -> i.id().equals(l.id())).findFirst().orElseThrow())
                .toList();
    }

    /**
     * One project layer as a DL4J layer. {@code afterHidden}: the layer's input is a hidden
     * layer, so the project-wide dropout applies to it (never to the raw input features).
     */
    static org.deeplearning4j.nn.conf.layers.Layer toDl4j(LayerSpec l, boolean afterHidden, TrainingSettings t, NetworkSpec net) {
        boolean recurrent = Recurrence.isRecurrent(net);
        org.deeplearning4j.nn.conf.layers.Layer layer = switch (l.type()) {
            case DENSE -> Recurrence.hasSelfLoop(net, l.id())
                    ? new SimpleRnn.Builder().nOut(l.intValue("units")).activation(activation(l)).build()
                    : new DenseLayer.Builder().nOut(l.intValue("units")).activation(activation(l)).build();
            case OUTPUT -> recurrent
                    ? new RnnOutputLayer.Builder(loss(l)).nOut(l.intValue("units")).activation(activation(l)).build()
                    : new OutputLayer.Builder(loss(l)).nOut(l.intValue("units")).activation(activation(l)).build();
            case LSTM -> new LSTM.Builder().nOut(l.intValue("units")).activation(activation(l))
                    .gateActivationFunction(Activation.SIGMOID).forgetGateBiasInit(l.doubleValue("forgetGateBias")).build();
            case DROPOUT -> new DropoutLayer.Builder(1.0 - l.doubleValue("rate")).build();
            case BATCH_NORM -> new BatchNormalization.Builder().decay(l.doubleValue("decay")).eps(l.doubleValue("eps")).build();
            case CONV2D -> new ConvolutionLayer.Builder(l.intValue("kernel"), l.intValue("kernel"))
                    .stride(l.intValue("stride"), l.intValue("stride"))
                    .nOut(l.intValue("filters"))
                    .convolutionMode(l.stringValue("padding").equals("same") ? ConvolutionMode.Same : ConvolutionMode.Truncate)
                    .activation(activation(l))
                    .build();
            case POOL2D -> new SubsamplingLayer.Builder(l.stringValue("pooling").equals("avg") ? PoolingType.AVG : PoolingType.MAX)
                    .kernelSize(l.intValue("kernel"), l.intValue("kernel"))
                    .stride(l.intValue("stride"), l.intValue("stride"))
                    .convolutionMode(ConvolutionMode.Truncate)
                    .build();
            case INPUT -> throw new IllegalStateException("the input layer has no DL4J layer");
        };
        layer.setLayerName(l.id());
        if (layer instanceof BaseLayer b) {
            if (l.type().property("weightInit").isPresent() && !l.stringValue("weightInit").equals("default")) {
                b.setWeightInitFn(weightInit(l.stringValue("weightInit")).getWeightInitFunction());
            }
            double rate = l.type().property("dropout").isPresent() && l.doubleValue("dropout") > 0
                    ? l.doubleValue("dropout") : (afterHidden ? t.dropout() : 0);
            // A dropout layer keeps its own rate; the project-wide one must not overwrite it.
            if (rate > 0 && l.type() != LayerType.DROPOUT) b.setIDropout(new org.deeplearning4j.nn.conf.dropout.Dropout(1.0 - rate));
            double lr = l.type().isTrainable() ? l.doubleValue(LayerType.Transfer.LEARNING_RATE.name()) : 0;
            if (lr > 0) {
                IUpdater own = updater(t);
                own.setLrAndSchedule(lr, null);
                b.setIUpdater(own);
            }
        }
        if (layer instanceof BaseRecurrentLayer r && !l.stringValue("recurrentWeightInit").equals("default")) {
            r.setWeightInitFnRecurrent(weightInit(l.stringValue("recurrentWeightInit")).getWeightInitFunction());
        }
        if (recurrent && layer instanceof DenseLayer) {
            // Applied at every time step and still [batch, units, time] after, also where a graph merges it.
            layer = new TimeDistributed(layer);
            layer.setLayerName(l.id());
        }
        if (l.frozen()) {
            // WithBackprop: layers before a frozen one still receive their gradient and learn.
            layer = new FrozenLayerWithBackprop(layer);
            layer.setLayerName(l.id());
        }
        return layer;
    }

    static Activation activation(LayerSpec l) {
        return switch (l.stringValue("activation")) {
            case "identity" -> Activation.IDENTITY;
            case "sigmoid" -> Activation.SIGMOID;
            case "tanh" -> Activation.TANH;
            case "relu" -> Activation.RELU;
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "softmax" -> Activation.SOFTMAX;
            case "softplus" -> Activation.SOFTPLUS;
            default -> throw new IllegalArgumentException(l.describe() + ": unknown activation " + l.get("activation"));
        };
    }

    static LossFunctions.LossFunction loss(LayerSpec l) {
        return switch (l.stringValue("loss")) {
            case "mse" -> LossFunctions.LossFunction.MSE;
            case "mcxent" -> LossFunctions.LossFunction.MCXENT;
            case "xent" -> LossFunctions.LossFunction.XENT;
            case "l1" -> LossFunctions.LossFunction.L1;
            default -> throw new IllegalArgumentException(l.describe() + ": unknown loss " + l.get("loss"));
        };
    }

    static WeightInit weightInit(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "xavier" -> WeightInit.XAVIER;
            case "relu" -> WeightInit.RELU;
            case "normal" -> WeightInit.NORMAL;
            case "uniform" -> WeightInit.UNIFORM;
            case "zero" -> WeightInit.ZERO;
            case "lecun" -> WeightInit.LECUN_NORMAL;
            case "identity" -> WeightInit.IDENTITY;
            default -> throw new IllegalArgumentException("unknown weight init " + name);
        };
    }

    private static void pinParameters(NetworkSpec net, CompiledNetwork c) throws CompileException {
        List<String> problems = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            if (l.parameters().isEmpty()) continue;
            LayerInfo info = c.layers().get(l.id());
            Layer layer = c.layer(l.id());
            Map<String, INDArray> table = layer.paramTable();
            for (Map.Entry<String, ParameterValues> e : l.parameters().entrySet()) {
                INDArray current = table.get(info.paramPrefix() + e.getKey());
                if (current == null) {
                    problems.add(l.describe() + ": has no parameter \"" + e.getKey() + "\"; it has " + String.join(", ",
                            table.keySet().stream().filter(k -> k.startsWith(info.paramPrefix()))
                                    .map(k -> k.substring(info.paramPrefix().length())).toList()));
                    continue;
                }
                ParameterValues pv = e.getValue();
                long[] want = current.shape();
                if (current.length() != pv.length() || !sameShape(want, pv.shape())) {
                    problems.add(l.describe() + ": parameter " + e.getKey() + " must have shape " + Arrays.toString(want)
                            + " (DL4J layout: rows are inputs), the file gives " + Arrays.toString(pv.shape()));
                    continue;
                }
                INDArray v = Nd4j.create(pv.values(), want, 'c').castTo(current.dataType());
                layer.setParam(info.paramPrefix() + e.getKey(), v);
            }
        }
        if (!problems.isEmpty()) throw new CompileException(problems);
    }

    private static boolean sameShape(long[] dl4j, int[] given) {
        // DL4J keeps biases as [1, n]; a flat list of n values is the same thing.
        long[] a = Arrays.stream(dl4j).filter(d -> d != 1).toArray();
        long[] b = Arrays.stream(given).asLongStream().filter(d -> d != 1).toArray();
        return Arrays.equals(a, b);
    }

    /** Values per example, or per time step for a recurrent type (its length is not known in advance). */
    private static long elements(InputType t) {
        return t instanceof InputType.InputTypeRecurrent r ? r.getSize() : t.arrayElementsPerExample();
    }

    private static String shape(InputType t) {
        return switch (t.getType()) {
            case FF -> String.valueOf(((InputType.InputTypeFeedForward) t).getSize());
            case CNN -> {
                var c = (InputType.InputTypeConvolutional) t;
                yield c.getHeight() + "x" + c.getWidth() + "x" + c.getChannels();
            }
            case CNNFlat -> {
                var c = (InputType.InputTypeConvolutionalFlat) t;
                yield c.getHeight() + "x" + c.getWidth() + "x" + c.getDepth();
            }
            case RNN -> ((InputType.InputTypeRecurrent) t).getSize() + LayerInfo.PER_STEP;
            default -> t.toString();
        };
    }

    /** Turns a DL4J configuration error into a sentence about the layer it concerns. */
    private static String explain(NetworkSpec net, RuntimeException e) {
        String msg = String.valueOf(e.getMessage());
        for (LayerSpec l : net.layers()) {
            if (msg.contains("name=" + l.id() + ",") || msg.contains("\"" + l.id() + "\"") || msg.contains("layer \"" + l.id())
                    || msg.contains("(" + l.id() + ")") || msg.contains("name=\"" + l.id() + "\"")) {
                return l.describe() + " cannot connect: " + firstLine(msg);
            }
        }
        return "the network cannot be built: " + firstLine(msg);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
