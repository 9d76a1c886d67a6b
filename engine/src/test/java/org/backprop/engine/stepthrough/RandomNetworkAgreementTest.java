package org.backprop.engine.stepthrough;

import org.backprop.engine.Projects;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.ParameterValues;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The truth of the step-through: on many random small networks of every supported kind, every
 * gradient in the transcript equals DL4J's own (computeGradientAndScore, double precision) to
 * 1e-9 relative and a central finite difference of DL4J's score to 1e-6, over two iterations so
 * that optimizers with memory are checked too.
 */
class RandomNetworkAgreementTest {
    private static final int NETWORKS = 60;
    private static final List<String> HIDDEN = List.of("identity", "sigmoid", "tanh", "relu", "leakyrelu", "elu", "softplus", "softmax");
    /** Output activation with a loss that fits it. */
    private static final List<String[]> OUTPUTS = List.of(
            new String[]{"identity", "mse"}, new String[]{"sigmoid", "mse"}, new String[]{"tanh", "mse"},
            new String[]{"relu", "mse"}, new String[]{"softmax", "mcxent"}, new String[]{"sigmoid", "xent"},
            new String[]{"identity", "l1"});
    private static final List<String> INITS = List.of("xavier", "normal", "uniform", "relu", "lecun");
    /** Activations with a kink, where a finite difference across the kink measures nothing. */
    private static final Set<String> KINKED = Set.of("relu", "leakyrelu", "elu");

    private static DataType previousDefault;
    private final Set<String> covered = new TreeSet<>();
    private int finiteDifferencesSkipped;

    @BeforeAll
    static void doublePrecision() {
        Nd4jRuntime.configure();
        previousDefault = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restorePrecision() {
        Nd4j.setDefaultDataTypes(previousDefault, previousDefault);
    }

    @Test
    void everyGradientEqualsDl4jsAndAFiniteDifferenceOnRandomNetworksOfEveryKind() throws Exception {
        Random r = new Random(20240607);
        for (int i = 0; i < NETWORKS; i++) {
            String[] output = OUTPUTS.get(i % OUTPUTS.size());
            OptimizerSpec.Type optimizer = OptimizerSpec.Type.values()[i % OptimizerSpec.Type.values().length];
            int examples = i % 2 == 0 ? 1 : 3;
            Project p = randomProject(r, output, optimizer, i);
            int inputs = p.network().layers().get(0).intValue("size");
            int outputs = p.network().layers().get(p.network().layers().size() - 1).intValue("units");
            StepThrough s = StepThrough.of(p, randomInputs(r, examples, inputs), randomTargets(r, examples, outputs, output[1]));
            String what = "network " + i + " " + p.network().layers() + " " + optimizer + " batch " + examples;
            for (int iteration = 1; iteration <= 2; iteration++) checkOneIteration(s, what + " iteration " + iteration);
            covered.add("loss " + output[1] + " with " + output[0]);
            covered.add("optimizer " + optimizer);
            covered.add("batch " + examples);
        }
        for (String h : HIDDEN) assertTrue(covered.contains("hidden " + h), "no random network had a hidden " + h + " layer: " + covered);
        for (String[] o : OUTPUTS) assertTrue(covered.contains("loss " + o[1] + " with " + o[0]), covered.toString());
        for (OptimizerSpec.Type o : OptimizerSpec.Type.values()) assertTrue(covered.contains("optimizer " + o), covered.toString());
        assertTrue(finiteDifferencesSkipped <= 3, finiteDifferencesSkipped + " networks sat on a kink; pick another seed");
    }

    private void checkOneIteration(StepThrough s, String what) {
        MultiLayerNetwork net = s.network().multiLayer().clone(); // DL4J's view before the update, taken independently
        Transcript t;
        try {
            t = s.next();
        } catch (IllegalStateException e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
        DataSet batch = batch(t);
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        assertClose(net.score(), t.lossBefore(), 1e-9, what + ": loss");
        Map<String, INDArray> dl4j = net.gradient().gradientForVariable();
        boolean kink = nearKink(t);
        if (kink) finiteDifferencesSkipped++;
        for (ParameterChange c : t.parameters()) {
            String where = what + ": " + c.parameter();
            INDArray g = dl4j.get(c.dl4jKey());
            assertClose(StepThrough.valueAt(g, c.parameter()), c.batchSum(), 1e-9, where + " against DL4J's gradient");
            assertClose(c.batchSum() / t.examples().size(), c.gradient(), 1e-12, where + " mean of the batch");
            if (!kink) {
                double fd = finiteDifference(net, batch, c);
                assertTrue(Math.abs(fd - c.gradient()) <= 1e-6 * Math.max(1, Math.abs(c.gradient())),
                        where + ": finite difference " + fd + ", chain rule " + c.gradient());
            }
            List<Step> update = t.steps(StepKind.UPDATE).stream().filter(st -> st.parameter().equals(c.parameter())).toList();
            assertEquals(1, update.size(), where);
            assertEquals(c.after(), update.get(0).result(), 0.0, where + ": the update step shows DL4J's new value");
        }
        for (Step st : t.steps()) assertNull(LatexCheck.problem(st.latex()), what + ": step " + st.index());
        List<Step> gradientSteps = new ArrayList<>(t.steps(StepKind.WEIGHT_GRADIENT));
        gradientSteps.addAll(t.steps(StepKind.BIAS_GRADIENT));
        assertEquals(t.parameters().size() * t.examples().size(), gradientSteps.size(), what + ": one gradient step per parameter and example");
    }

    private static double finiteDifference(MultiLayerNetwork net, DataSet batch, ParameterChange c) {
        double h = 1e-6;
        int layer = Integer.parseInt(c.dl4jKey().substring(0, c.dl4jKey().indexOf('_')));
        INDArray param = net.getLayer(layer).getParam(c.parameter().name());
        long[] at = c.parameter().isWeight() ? new long[]{c.parameter().row(), c.parameter().column()} : null;
        double original = StepThrough.valueAt(param, c.parameter());
        put(param, c.parameter(), at, original + h);
        double plus = net.score(batch, false);
        put(param, c.parameter(), at, original - h);
        double minus = net.score(batch, false);
        put(param, c.parameter(), at, original);
        return (plus - minus) / (2 * h);
    }

    private static void put(INDArray param, ParameterRef ref, long[] at, double v) {
        if (at != null) param.putScalar(at, v);
        else param.putScalar(ref.column(), v);
    }

    /** True when some unit with a kinked activation, or an L1 error, sits within reach of its kink. */
    private boolean nearKink(Transcript t) {
        for (Step s : t.steps(StepKind.PRE_ACTIVATION)) {
            String act = t.layers().stream().filter(l -> l.id().equals(s.unit().layer())).findFirst().orElseThrow().activation();
            if (KINKED.contains(act) && Math.abs(s.result()) < 1e-4) return true;
        }
        if (t.loss().equals("l1")) {
            for (Example e : t.examples()) {
                for (int k = 0; k < e.outputs().size(); k++) if (Math.abs(e.outputs().get(k) - e.targets().get(k)) < 1e-4) return true;
            }
        }
        return false;
    }

    private static DataSet batch(Transcript t) {
        double[][] x = t.examples().stream().map(e -> e.inputs().stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        double[][] y = t.examples().stream().map(e -> e.targets().stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    private Project randomProject(Random r, String[] output, OptimizerSpec.Type optimizer, int i) {
        while (true) {
            List<LayerSpec> layers = new ArrayList<>();
            int width = 1 + r.nextInt(3);
            layers.add(LayerSpec.of("in", INPUT, "size", width));
            int hidden = 1 + r.nextInt(3);
            List<String> activations = new ArrayList<>();
            for (int h = 0; h < hidden; h++) {
                String act = HIDDEN.get(r.nextInt(HIDDEN.size()));
                int units = 1 + r.nextInt(4);
                activations.add(act);
                layers.add(withRandomBias(r, LayerSpec.of("h" + (h + 1), DENSE, "units", units, "activation", act), units));
            }
            int outputs = output[0].equals("softmax") ? 2 + r.nextInt(2) : 1 + r.nextInt(3);
            layers.add(withRandomBias(r, LayerSpec.of("out", OUTPUT, "units", outputs, "activation", output[0], "loss", output[1]), outputs));
            Project p = Projects.chain(new TrainingSettings(optimizer(optimizer), 8, 1, 1000 + i, 0, 0, 0, GradientClipping.NONE,
                    TrainingSettings.Precision.DOUBLE, INITS.get(r.nextInt(INITS.size()))), layers.toArray(LayerSpec[]::new));
            if (StepThroughSupport.problems(p).isEmpty()) {
                activations.forEach(a -> covered.add("hidden " + a));
                return p;
            }
        }
    }

    /** DL4J starts biases at 0; random ones test the bias terms too. */
    private static LayerSpec withRandomBias(Random r, LayerSpec l, int units) {
        double[] b = new double[units];
        for (int j = 0; j < units; j++) b[j] = r.nextDouble() - 0.5;
        return l.withParameters(Map.of("b", ParameterValues.vector(b)));
    }

    private static OptimizerSpec optimizer(OptimizerSpec.Type type) {
        return switch (type) {
            case SGD -> OptimizerSpec.sgd(0.1);
            case NESTEROVS -> new OptimizerSpec(type, 0.05, 0.8, null, null, null);
            case ADAM -> new OptimizerSpec(type, 0.01, null, 0.85, 0.99, 1e-6);
            default -> new OptimizerSpec(type, 0.02, null, null, null, null);
        };
    }

    private static double[][] randomInputs(Random r, int examples, int width) {
        double[][] x = new double[examples][width];
        for (double[] row : x) for (int i = 0; i < width; i++) row[i] = 4 * r.nextDouble() - 2;
        return x;
    }

    private static double[][] randomTargets(Random r, int examples, int units, String loss) {
        double[][] t = new double[examples][units];
        for (double[] row : t) {
            switch (loss) {
                case "mcxent" -> row[r.nextInt(units)] = 1;
                case "xent" -> { for (int k = 0; k < units; k++) row[k] = r.nextInt(3) / 2.0; }
                default -> { for (int k = 0; k < units; k++) row[k] = 2 * r.nextDouble() - 1; }
            }
        }
        return t;
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= relative * Math.max(Math.abs(expected), Math.abs(actual)) + 1e-12,
                what + ": expected " + expected + ", got " + actual);
    }
}
