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
        InputType inputType = inputType(input);
        NeuralNetConfiguration.Builder base = baseBuilder(t);
        try {
            CompiledNetwork c = NetworkValidator.isChain(net)
                    ? compileChain(net, base, input, output, inputType, t)
                    : compileGraph(net, base, input, output, inputType, t);
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
                                                LayerSpec output, InputType inputType, TrainingSettings t) {
        List<LayerSpec> order = chainOrder(net, input);
        NeuralNetConfiguration.ListBuilder list = base.list();
        for (int i = 1; i < order.size(); i++) {
            list.layer(i - 1, toDl4j(order.get(i), order.get(i - 1) != input, t));
        }
        MultiLayerConfiguration conf = list.setInputType(inputType).build();
        MultiLayerNetwork model = new MultiLayerNetwork(conf);
        model.init();
        List<InputType> types = conf.getLayerActivationTypes(inputType);
        List<LayerInfo> infos = new ArrayList<>();
        infos.add(new LayerInfo(input.id(), -1, shape(inputType), inputType.arrayElementsPerExample(), 0));
        for (int i = 1; i < order.size(); i++) {
            InputType out = types.get(i - 1);
            infos.add(new LayerInfo(order.get(i).id(), i - 1, shape(out), out.arrayElementsPerExample(),
                    model.getLayer(i - 1).numParams()));
        }
        return new CompiledNetwork(model, projectOrder(net, infos), input.id(), output.id());
    }

    private static CompiledNetwork compileGraph(NetworkSpec net, NeuralNetConfiguration.Builder base, LayerSpec input,
                                                LayerSpec output, InputType inputType, TrainingSettings t) {
        ComputationGraphConfiguration.GraphBuilder g = base.graphBuilder()
                .addInputs(input.id())
                .setInputTypes(inputType);
        for (LayerSpec l : net.layers()) {
            if (l == input) continue;
            List<String> from = net.inputsOf(l.id()).stream().map(EdgeSpec::from).toList();
            boolean afterHidden = from.stream().noneMatch(f -> f.equals(input.id()));
            String[] in;
            if (from.size() > 1) {
                String merge = l.id() + "/merge";
                g.addVertex(merge, new MergeVertex(), from.toArray(String[]::new));
                in = new String[]{merge};
            } else {
                in = from.toArray(String[]::new);
            }
            g.addLayer(l.id(), toDl4j(l, afterHidden, t), in);
        }
        ComputationGraphConfiguration conf = g.setOutputs(output.id()).build();
        ComputationGraph model = new ComputationGraph(conf);
        model.init();
        Map<String, InputType> types = conf.getLayerActivationTypes(inputType);
        List<LayerInfo> infos = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            InputType out = l == input ? inputType : types.get(l.id());
            long params = l == input ? 0 : model.getLayer(l.id()).numParams();
            infos.add(new LayerInfo(l.id(), -1, shape(out), out.arrayElementsPerExample(), params));
        }
        return new CompiledNetwork(model, infos, input.id(), output.id());
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
    static org.deeplearning4j.nn.conf.layers.Layer toDl4j(LayerSpec l, boolean afterHidden, TrainingSettings t) {
        org.deeplearning4j.nn.conf.layers.Layer layer = switch (l.type()) {
            case DENSE -> new DenseLayer.Builder().nOut(l.intValue("units")).activation(activation(l)).build();
            case OUTPUT -> new OutputLayer.Builder(loss(l)).nOut(l.intValue("units")).activation(activation(l)).build();
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
            default -> throw new IllegalArgumentException("unknown weight init " + name);
        };
    }

    private static void pinParameters(NetworkSpec net, CompiledNetwork c) throws CompileException {
        List<String> problems = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            if (l.parameters().isEmpty()) continue;
            Layer layer = c.layer(l.id());
            Map<String, INDArray> table = layer.paramTable();
            for (Map.Entry<String, ParameterValues> e : l.parameters().entrySet()) {
                INDArray current = table.get(e.getKey());
                if (current == null) {
                    problems.add(l.describe() + ": has no parameter \"" + e.getKey() + "\"; it has " + String.join(", ", table.keySet()));
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
                layer.setParam(e.getKey(), v);
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
            case RNN -> ((InputType.InputTypeRecurrent) t).getSize() + " per step";
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
