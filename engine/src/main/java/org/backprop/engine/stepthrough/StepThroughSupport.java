package org.backprop.engine.stepthrough;

import org.backprop.engine.compile.NetworkValidator;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.NumberText;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * What the step-through explains: a chain of dense layers small enough to read, or a tiny Elman
 * network (input, one dense layer with a self-loop, output) unrolled over a few time steps, trained
 * without randomness or extra terms in the gradient. Everything else is refused up front, naming
 * the layer or setting, rather than explained wrongly.
 */
public final class StepThroughSupport {
    /** "A few dozen": each parameter gets a gradient step and an update step per example. */
    public static final int MAX_PARAMETERS = 64;
    public static final int MAX_EXAMPLES = 8;
    /** An unrolled Elman network repeats every step per time step: fewer of everything. */
    public static final int MAX_RECURRENT_PARAMETERS = 32;
    public static final int MAX_TIME_STEPS = 4;
    public static final int MAX_SEQUENCES = 4;

    private StepThroughSupport() {}

    /** Why the project cannot be stepped through; empty when it can. Structural errors are the compiler's to report. */
    public static List<String> problems(Project project) {
        NetworkSpec net = project.network();
        List<String> out = new ArrayList<>();
        if (!NetworkValidator.problems(net).isEmpty()) return out;
        if (!NetworkValidator.isChain(net)) {
            out.add("the step-through explains a chain of layers, one after the other; this network branches");
            return out;
        }
        if (net.isRecurrent()) {
            List<String> shape = elmanShape(net);
            if (!shape.isEmpty()) return shape;
        }
        for (LayerSpec l : net.layers()) {
            switch (l.type()) {
                case INPUT, OUTPUT -> { }
                case DENSE -> {
                    if (l.doubleValue("dropout") > 0) {
                        out.add(l.describe() + ": dropout " + NumberText.format(l.doubleValue("dropout"))
                                + " drops units at random in every iteration; set it to 0 to step through");
                    }
                }
                default -> out.add(l.describe() + ": the step-through explains dense layers only, not " + l.type().id());
            }
        }
        TrainingSettings t = project.training();
        if (t.dropout() > 0) {
            out.add("training dropout " + NumberText.format(t.dropout()) + " drops units at random in every iteration; set it to 0 to step through");
        }
        if (t.l1() > 0 || t.l2() > 0) {
            out.add("training l1/l2 regularisation adds terms the step-through does not show; set l1 and l2 to 0 to step through");
        }
        if (t.gradientClipping().type() != GradientClipping.Type.NONE) {
            out.add("gradient clipping changes the gradient before the update; set it to none to step through");
        }
        if (net.isRecurrent() && t.tbpttLength() > 0) {
            out.add("truncated backpropagation through time (tbpttLength " + t.tbpttLength() + ") cuts the chain rule between "
                    + "time steps; set tbpttLength to 0 to step through");
        }
        if (out.isEmpty()) out.addAll(net.isRecurrent() ? elmanSize(net) : size(net));
        return out;
    }

    /** The one recurrent shape unrolled here: input -> dense with a self-loop (DL4J SimpleRnn) -> output, element-wise activations. */
    private static List<String> elmanShape(NetworkSpec net) {
        List<String> out = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            if (l.type() == LayerType.LSTM) {
                out.add(l.describe() + ": the step-through unrolls an Elman layer (a dense layer with a self-loop), "
                        + "not the gates and cell of an lstm");
            }
        }
        for (var e : net.feedbackEdges()) {
            if (!e.from().equals(e.to())) {
                out.add("edge " + e.from() + " -> " + e.to() + ": feedback from a later layer into an earlier one (a Jordan "
                        + "network) is not unrolled by the step-through; it unrolls a dense layer's self-loop (an Elman network)");
            } else if (net.layer(e.to()).orElseThrow().type() == LayerType.OUTPUT) {
                out.add("edge " + e.from() + " -> " + e.to() + ": the step-through unrolls a hidden dense layer's self-loop, "
                        + "not feedback into the output layer");
            }
        }
        if (!out.isEmpty()) return out;
        List<LayerSpec> hidden = net.layers().stream().filter(l -> l.type() != LayerType.INPUT && l.type() != LayerType.OUTPUT).toList();
        if (hidden.size() != 1 || hidden.get(0).type() != LayerType.DENSE) {
            out.add("the step-through unrolls an Elman network of three layers: input -> one dense layer with a self-loop -> output; "
                    + "this network has " + hidden.size() + " layers between input and output");
            return out;
        }
        for (LayerSpec l : net.layers()) {
            if (l.type() == LayerType.INPUT) continue;
            if (!ActivationFunction.of(l.stringValue("activation")).isElementWise()) {
                out.add(l.describe() + ": the unrolled step-through explains element-wise activations; softmax mixes the units of "
                        + "a time step (try sigmoid or identity)");
            }
        }
        return out;
    }

    private static List<String> elmanSize(NetworkSpec net) {
        long inputs = net.layers().stream().filter(l -> l.type() == LayerType.INPUT).findFirst().orElseThrow().intValue("size");
        LayerSpec hidden = net.layers().stream().filter(l -> l.type() == LayerType.DENSE).findFirst().orElseThrow();
        long units = hidden.intValue("units");
        long outputs = net.layers().stream().filter(l -> l.type() == LayerType.OUTPUT).findFirst().orElseThrow().intValue("units");
        long total = (inputs + units + 1) * units + (units + 1) * outputs;
        if (total <= MAX_RECURRENT_PARAMETERS) return List.of();
        return List.of("the network has " + total + " parameters; unrolled over time the step-through explains up to "
                + MAX_RECURRENT_PARAMETERS + " (layer '" + hidden.id() + "' holds " + (inputs + units + 1) * units
                + ": W, the recurrent RW and b)");
    }

    /** Why these sequences are too long or too many to unroll; empty when they are not. */
    static List<String> sequenceProblems(int sequences, int steps) {
        List<String> out = new ArrayList<>();
        if (steps > MAX_TIME_STEPS) {
            out.add("sequences of " + steps + " time steps are too long to unroll step by step; the step-through unrolls up to "
                    + MAX_TIME_STEPS + " (set the data's length)");
        }
        if (sequences > MAX_SEQUENCES) {
            out.add(sequences + " sequences are too many to read step by step; choose up to " + MAX_SEQUENCES);
        }
        return out;
    }

    private static List<String> size(NetworkSpec net) {
        LayerSpec at = net.layers().stream().filter(l -> l.type() == LayerType.INPUT).findFirst().orElseThrow();
        long inputs = at.intValue("height") > 0
                ? (long) at.intValue("height") * at.intValue("width") * Math.max(1, at.intValue("channels"))
                : at.intValue("size");
        long total = 0;
        long largest = 0;
        String largestId = "";
        while (!net.outputsOf(at.id()).isEmpty()) {
            at = net.layer(net.outputsOf(at.id()).get(0).to()).orElseThrow();
            long units = at.intValue("units");
            long count = (inputs + 1) * units;
            total += count;
            if (count > largest) {
                largest = count;
                largestId = at.id();
            }
            inputs = units;
        }
        if (total <= MAX_PARAMETERS) return List.of();
        return List.of("the network has " + total + " parameters; the step-through explains up to " + MAX_PARAMETERS
                + ", a few steps each (layer '" + largestId + "' alone holds " + largest + ")");
    }

    /** Why these examples cannot be stepped through with this loss; empty when they can. */
    static List<String> exampleProblems(double[][] targets, String loss) {
        List<String> out = new ArrayList<>();
        if (targets.length > MAX_EXAMPLES) {
            out.add(targets.length + " examples are too many to read step by step; choose up to " + MAX_EXAMPLES);
        }
        if (loss.equals("mcxent")) {
            for (int n = 0; n < targets.length; n++) {
                double sum = 0;
                boolean negative = false;
                for (double v : targets[n]) {
                    sum += v;
                    negative |= v < 0;
                }
                // DL4J's softmax + cross-entropy gradient y - t is the true gradient only then.
                if (negative || Math.abs(sum - 1) > 1e-9) {
                    out.add("example " + (n + 1) + ": cross-entropy with softmax needs targets that are probabilities adding up to 1 "
                            + "(one-hot rows), got " + java.util.Arrays.toString(targets[n]));
                }
            }
        }
        return out;
    }
}
