package org.backprop.engine.finetune;

import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkValidator;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Plain DL4J Java code that rebuilds a project's network with DL4J's builders, exactly as the
 * workbench compiles it (layer names, frozen layers, per-layer updaters, the input type), and
 * loads a trained model zip's weights into it. A learner can read the network as code and run
 * the trained model without the workbench.
 */
public final class JavaSnippet {
    private final TreeSet<String> imports = new TreeSet<>();

    private JavaSnippet() {}

    /**
     * @param compiled  the project compiled (its effective dropout per layer is read from it)
     * @param modelFile the zip the snippet loads by default, as the user would pass it
     * @param className a Java identifier
     */
    public static String generate(Project project, CompiledNetwork compiled, String modelFile, String className) {
        if (!className.matches("[A-Za-z_$][A-Za-z0-9_$]*")) throw new IllegalArgumentException("not a Java class name: " + className);
        return new JavaSnippet().write(project, compiled, modelFile, className);
    }

    /** A class name from a file name: "fashion-finetune.bpw.json" gives "FashionFinetune". */
    public static String className(String fileName) {
        String base = fileName.replaceAll("\\.(java|bpw\\.json|json)$", "");
        StringBuilder b = new StringBuilder();
        for (String part : base.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        String s = b.toString();
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "Model" + s : s;
    }

    private String write(Project project, CompiledNetwork compiled, String modelFile, String className) {
        NetworkSpec net = project.network();
        TrainingSettings t = project.training();
        boolean graph = compiled.isGraph();
        String type = graph ? "ComputationGraph" : "MultiLayerNetwork";
        use("org.deeplearning4j.nn.conf.NeuralNetConfiguration", "org.deeplearning4j.nn.conf.inputs.InputType",
                "org.deeplearning4j.util.ModelSerializer", "java.io.File", "java.io.IOException",
                graph ? "org.deeplearning4j.nn.graph.ComputationGraph" : "org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
                graph ? "org.deeplearning4j.nn.conf.ComputationGraphConfiguration" : "org.deeplearning4j.nn.conf.MultiLayerConfiguration");

        StringBuilder body = new StringBuilder();
        String conf = graph ? "ComputationGraphConfiguration" : "MultiLayerConfiguration";
        body.append("        ").append(conf).append(" conf = new NeuralNetConfiguration.Builder()\n");
        for (String line : global(t)) body.append("                ").append(line).append('\n');
        LayerSpec input = net.layers().stream().filter(l -> l.type() == LayerType.INPUT).findFirst().orElseThrow();
        LayerSpec output = net.layers().stream().filter(l -> l.type() == LayerType.OUTPUT).findFirst().orElseThrow();
        if (graph) {
            body.append("                .graphBuilder()\n");
            body.append("                .addInputs(").append(str(input.id())).append(")\n");
            body.append("                .setInputTypes(").append(inputType(input)).append(")\n");
            for (LayerSpec l : net.layers()) {
                if (l == input) continue;
                List<String> from = net.inputsOf(l.id()).stream().map(EdgeSpec::from).toList();
                String in;
                if (from.size() > 1) {
                    use("org.deeplearning4j.nn.conf.graph.MergeVertex");
                    in = str(l.id() + "/merge");
                    body.append("                .addVertex(").append(in).append(", new MergeVertex(), ")
                            .append(String.join(", ", from.stream().map(JavaSnippet::str).toList())).append(")\n");
                } else {
                    in = str(from.get(0));
                }
                body.append("                .addLayer(").append(str(l.id())).append(", ").append(layer(l, compiled, t)).append(", ").append(in).append(")\n");
            }
            body.append("                .setOutputs(").append(str(output.id())).append(")\n");
        } else {
            body.append("                .list()\n");
            for (LayerSpec l : chain(net, input)) {
                body.append("                .layer(").append(layer(l, compiled, t)).append(")\n");
            }
            body.append("                .setInputType(").append(inputType(input)).append(")\n");
        }
        body.append("                .build();\n");

        boolean anyFrozen = net.layers().stream().anyMatch(LayerSpec::frozen);
        if (anyFrozen) use("org.deeplearning4j.nn.conf.layers.Layer", "org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop");

        StringBuilder s = new StringBuilder();
        for (String i : imports) s.append("import ").append(i).append(";\n");
        s.append('\n');
        s.append("/**\n");
        s.append(" * ").append(javadoc(project.name())).append(", rebuilt in plain Deeplearning4j (1.0.0-M2.1) as Backprop Workbench\n");
        s.append(" * compiles it, then given the trained weights of a model zip (DL4J's ModelSerializer format).\n");
        s.append(" * Needs deeplearning4j-nn and nd4j-native on the class path.\n");
        if (net.weightsFrom() != null) {
            s.append(" * The project started from the weights of ").append(javadoc(net.weightsFrom()))
                    .append("; the trained zip holds them as they are now.\n");
        }
        s.append(" */\n");
        s.append("public final class ").append(className).append(" {\n\n");
        s.append("    /** The network with fresh initial weights. */\n");
        s.append("    public static ").append(type).append(" build() {\n");
        s.append(body);
        s.append("        ").append(type).append(" net = new ").append(type).append("(conf);\n");
        s.append("        net.init();\n");
        s.append("        return net;\n");
        s.append("    }\n\n");
        s.append("    /** The network with the weights of a trained model zip. */\n");
        s.append("    public static ").append(type).append(" load(File modelZip) throws IOException {\n");
        s.append("        ").append(type).append(" net = build();\n");
        s.append("        ").append(type).append(" trained = ModelSerializer.restore").append(type).append("(modelZip, false);\n");
        s.append("        if (trained.numParams() != net.numParams()) {\n");
        s.append("            throw new IllegalArgumentException(modelZip + \" has \" + trained.numParams() + \" parameters, this network \" + net.numParams());\n");
        s.append("        }\n");
        s.append("        net.setParams(trained.params()); // the same layers in the same order: the same parameter layout\n");
        s.append("        return net;\n");
        s.append("    }\n");
        if (anyFrozen) {
            s.append("\n    /** A layer whose parameters training leaves as they are; layers before it still learn. */\n");
            s.append("    private static Layer frozen(Layer layer) {\n");
            s.append("        FrozenLayerWithBackprop f = new FrozenLayerWithBackprop(layer);\n");
            s.append("        f.setLayerName(layer.getLayerName());\n");
            s.append("        return f;\n");
            s.append("    }\n");
        }
        s.append("\n    public static void main(String[] args) throws IOException {\n");
        s.append("        ").append(type).append(" net = load(new File(args.length > 0 ? args[0] : ").append(str(modelFile)).append("));\n");
        s.append("        System.out.println(net.summary());\n");
        s.append("    }\n");
        s.append("}\n");
        return s.toString();
    }

    private List<String> global(TrainingSettings t) {
        List<String> out = new ArrayList<>();
        use("org.deeplearning4j.nn.weights.WeightInit", "org.nd4j.linalg.api.buffer.DataType");
        out.add(".seed(" + t.seed() + "L)");
        out.add(".updater(" + updater(t.optimizer(), t.optimizer().learningRate()) + ")");
        out.add(".weightInit(WeightInit." + weightInit(t.weightInit()) + ")");
        out.add(".dataType(DataType." + (t.dataType() == TrainingSettings.Precision.DOUBLE ? "DOUBLE" : "FLOAT") + ")");
        if (t.l1() > 0) out.add(".l1(" + lit(t.l1()) + ")");
        if (t.l2() > 0) out.add(".l2(" + lit(t.l2()) + ")");
        if (t.gradientClipping().type() != GradientClipping.Type.NONE) {
            use("org.deeplearning4j.nn.conf.GradientNormalization");
            out.add(".gradientNormalization(GradientNormalization." + switch (t.gradientClipping().type()) {
                case NONE -> "None";
                case CLIP_ELEMENT_WISE -> "ClipElementWiseAbsoluteValue";
                case CLIP_L2_PER_LAYER -> "ClipL2PerLayer";
                case CLIP_L2_PER_PARAM_TYPE -> "ClipL2PerParamType";
                case RENORMALIZE_L2_PER_LAYER -> "RenormalizeL2PerLayer";
                case RENORMALIZE_L2_PER_PARAM_TYPE -> "RenormalizeL2PerParamType";
            } + ")");
            out.add(".gradientNormalizationThreshold(" + lit(t.gradientClipping().threshold()) + ")");
        }
        return out;
    }

    private String layer(LayerSpec l, CompiledNetwork compiled, TrainingSettings t) {
        StringBuilder b = new StringBuilder();
        String name = ".name(" + str(l.id()) + ")";
        switch (l.type()) {
            case DENSE -> {
                use("org.deeplearning4j.nn.conf.layers.DenseLayer");
                b.append("new DenseLayer.Builder()").append(name).append(".nOut(").append(l.intValue("units")).append(")")
                        .append(activation(l));
            }
            case OUTPUT -> {
                use("org.deeplearning4j.nn.conf.layers.OutputLayer", "org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction");
                b.append("new OutputLayer.Builder(LossFunction.").append(l.stringValue("loss").toUpperCase(Locale.ROOT)).append(")")
                        .append(name).append(".nOut(").append(l.intValue("units")).append(")").append(activation(l));
            }
            case DROPOUT -> {
                use("org.deeplearning4j.nn.conf.layers.DropoutLayer");
                b.append("new DropoutLayer.Builder(").append(lit(1.0 - l.doubleValue("rate"))).append(" /* probability of keeping a value */)")
                        .append(name);
            }
            case BATCH_NORM -> {
                use("org.deeplearning4j.nn.conf.layers.BatchNormalization");
                b.append("new BatchNormalization.Builder()").append(name).append(".decay(").append(lit(l.doubleValue("decay")))
                        .append(").eps(").append(lit(l.doubleValue("eps"))).append(")");
            }
            case CONV2D -> {
                use("org.deeplearning4j.nn.conf.layers.ConvolutionLayer", "org.deeplearning4j.nn.conf.ConvolutionMode");
                int k = l.intValue("kernel");
                int s = l.intValue("stride");
                b.append("new ConvolutionLayer.Builder(").append(k).append(", ").append(k).append(")").append(name)
                        .append(".stride(").append(s).append(", ").append(s).append(").nOut(").append(l.intValue("filters")).append(")")
                        .append(".convolutionMode(ConvolutionMode.").append(l.stringValue("padding").equals("same") ? "Same" : "Truncate").append(")")
                        .append(activation(l));
            }
            case POOL2D -> {
                use("org.deeplearning4j.nn.conf.layers.SubsamplingLayer", "org.deeplearning4j.nn.conf.layers.PoolingType",
                        "org.deeplearning4j.nn.conf.ConvolutionMode");
                int k = l.intValue("kernel");
                int s = l.intValue("stride");
                b.append("new SubsamplingLayer.Builder(PoolingType.").append(l.stringValue("pooling").equals("avg") ? "AVG" : "MAX").append(")")
                        .append(name).append(".kernelSize(").append(k).append(", ").append(k).append(").stride(").append(s).append(", ")
                        .append(s).append(").convolutionMode(ConvolutionMode.Truncate)");
            }
            case INPUT -> throw new IllegalStateException("the input layer has no DL4J layer");
        }
        if (l.type().property("weightInit").isPresent() && !l.stringValue("weightInit").equals("default")) {
            b.append(".weightInit(WeightInit.").append(weightInit(l.stringValue("weightInit"))).append(")");
        }
        double keep = keepProbability(compiled, l);
        if (l.type() != LayerType.DROPOUT && keep < 1) {
            use("org.deeplearning4j.nn.conf.dropout.Dropout");
            b.append(".dropOut(new Dropout(").append(lit(keep)).append("))");
        }
        if (l.type().isTrainable() && l.doubleValue(LayerType.Transfer.LEARNING_RATE.name()) > 0) {
            b.append(".updater(").append(updater(t.optimizer(), l.doubleValue(LayerType.Transfer.LEARNING_RATE.name()))).append(")");
        }
        b.append(".build()");
        return l.frozen() ? "frozen(" + b + ")" : b.toString();
    }

    /** DL4J's retain probability of the layer as compiled (the project-wide dropout included); 1 for none. */
    private static double keepProbability(CompiledNetwork compiled, LayerSpec l) {
        var dl4j = compiled.layer(l.id());
        if (dl4j == null) return 1;
        Layer conf = dl4j.conf().getLayer();
        if (conf instanceof FrozenLayerWithBackprop f) conf = f.getUnderlying();
        return conf.getIDropout() instanceof Dropout d ? d.getP() : 1;
    }

    private String activation(LayerSpec l) {
        use("org.nd4j.linalg.activations.Activation");
        return ".activation(Activation." + l.stringValue("activation").toUpperCase(Locale.ROOT) + ")";
    }

    private String updater(OptimizerSpec o, double lr) {
        return switch (o.type()) {
            case SGD -> {
                use("org.nd4j.linalg.learning.config.Sgd");
                yield "new Sgd(" + lit(lr) + ")";
            }
            case NESTEROVS -> {
                use("org.nd4j.linalg.learning.config.Nesterovs");
                yield "new Nesterovs(" + lit(lr) + ", " + lit(o.momentum() == null ? Nesterovs.DEFAULT_NESTEROV_MOMENTUM : o.momentum()) + ")";
            }
            case ADAM -> {
                use("org.nd4j.linalg.learning.config.Adam");
                yield "new Adam(" + lit(lr) + ", " + lit(o.beta1() == null ? Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY : o.beta1()) + ", "
                        + lit(o.beta2() == null ? Adam.DEFAULT_ADAM_BETA2_VAR_DECAY : o.beta2()) + ", "
                        + lit(o.epsilon() == null ? Adam.DEFAULT_ADAM_EPSILON : o.epsilon()) + ")";
            }
            case RMSPROP -> {
                use("org.nd4j.linalg.learning.config.RmsProp");
                yield "new RmsProp(" + lit(lr) + ")";
            }
            case ADAGRAD -> {
                use("org.nd4j.linalg.learning.config.AdaGrad");
                yield "new AdaGrad(" + lit(lr) + ")";
            }
        };
    }

    private static String weightInit(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "lecun" -> "LECUN_NORMAL";
            default -> name.toUpperCase(Locale.ROOT);
        };
    }

    private String inputType(LayerSpec input) {
        int h = input.intValue("height");
        int w = input.intValue("width");
        int c = input.intValue("channels");
        if (h > 0 || w > 0 || c > 0) return "InputType.convolutionalFlat(" + h + ", " + w + ", " + Math.max(c, 1) + ")";
        return "InputType.feedForward(" + input.intValue("size") + ")";
    }

    private static List<LayerSpec> chain(NetworkSpec net, LayerSpec input) {
        if (!NetworkValidator.isChain(net)) throw new IllegalStateException("not a chain");
        List<LayerSpec> order = new ArrayList<>();
        String at = input.id();
        while (!net.outputsOf(at).isEmpty()) {
            at = net.outputsOf(at).get(0).to();
            order.add(net.layer(at).orElseThrow());
        }
        return order;
    }

    private void use(String... classes) {
        imports.addAll(List.of(classes));
    }

    private static String lit(double v) {
        return Double.toString(v);
    }

    private static String str(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String javadoc(String s) {
        return s.replace("*/", "*&#47;");
    }
}
