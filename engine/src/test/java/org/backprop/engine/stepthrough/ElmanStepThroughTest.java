package org.backprop.engine.stepthrough;

import org.backprop.engine.Samples;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The step-through unrolls a tiny Elman network through time: every time-indexed step, and every
 * parameter's gradient (a sum over the steps) equal to DL4J's own gradient and to a finite
 * difference of DL4J's loss.
 */
class ElmanStepThroughTest {
    private static final String SAMPLE = "elman-steps";

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    private static Path dir() {
        return Samples.file(SAMPLE).getParent();
    }

    private static String sampleJson() throws Exception {
        return Files.readString(Samples.file(SAMPLE));
    }

    /** DL4J's own gradients on the compiled sample, in double precision, keyed "0_W", "0_RW", ... */
    private static Map<String, INDArray> dl4jGradients(Project p) throws Exception {
        Project d = p.withTraining(p.training().withDataType(TrainingSettings.Precision.DOUBLE));
        MultiLayerNetwork net = NetworkCompiler.compile(d).multiLayer();
        DataSet data = ProjectData.load(d, dir()).train();
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.setLayerMaskArrays(data.getFeaturesMaskArray(), data.getLabelsMaskArray());
        net.computeGradientAndScore();
        return net.gradient().gradientForVariable();
    }

    @Test
    void theSampleUnrollsThreeTimeStepsAndEveryGradientIsDl4js() throws Exception {
        Project p = Samples.load(SAMPLE);
        Transcript t = StepThrough.open(p, dir(), List.of()).next();
        assertEquals(3, t.timeSteps());
        assertEquals(List.of(1.0, -0.5, 0.5), t.examples().get(0).inputs());
        Map<String, INDArray> dl4j = dl4jGradients(p);
        assertEquals(11, t.parameters().size(), "W 1x2, RW 2x2, b 2, output W 2x1, b 1");
        for (ParameterChange c : t.parameters()) {
            double expected = StepThrough.valueAt(dl4j.get(c.dl4jKey()), c.parameter());
            assertEquals(expected, c.gradient(), 1e-12 + 1e-9 * Math.abs(expected), c.dl4jKey() + " " + c.parameter().label());
            assertEquals(c.before() - 0.1 * c.gradient(), c.after(), 1e-12, "plain SGD: " + c.parameter().label());
        }
        assertNotEquals(0, t.parameter(ParameterRef.recurrent("hidden", 1, 0)).gradient(), "RW carries the memory the task needs");
        assertTrue(t.lossAfter() < t.lossBefore(), t.lossBefore() + " -> " + t.lossAfter());
    }

    @Test
    void theForwardStepsFollowTheTextbookNumbers() throws Exception {
        Transcript t = StepThrough.open(Samples.load(SAMPLE), dir(), List.of()).next();
        List<Step> hidden = t.steps(StepKind.ACTIVATION).stream().filter(s -> s.unit().layer().equals("hidden")).toList();
        assertEquals(6, hidden.size(), "2 units x 3 steps");
        double h11 = Math.tanh(0.5), h12 = Math.tanh(-0.3);
        assertEquals(h11, hidden.get(0).result(), 1e-15);
        assertEquals(0, hidden.get(0).time());
        assertEquals(h12, hidden.get(1).result(), 1e-15);
        // z<2>_1 = w x<2> + r_{1,1} h<1>_1 + r_{2,1} h<1>_2 + b
        double z21 = 0.5 * -0.5 + 0.4 * h11 + 0.1 * h12;
        Step pre = t.steps(StepKind.PRE_ACTIVATION).stream().filter(s -> s.time() == 1 && s.unit().equals(new UnitRef("hidden", 0)))
                .findFirst().orElseThrow();
        assertEquals(z21, pre.result(), 1e-15);
        assertTrue(pre.formula().contains("r_{1,1} h^{\\langle 1\\rangle}_{1}"), pre.formula());
        assertTrue(pre.edges().contains(new EdgeRef("hidden", 1, 0, true)), "the self-loop carries h<1>_2 into unit 1");
        Step first = t.steps(StepKind.PRE_ACTIVATION).get(0);
        assertTrue(first.edges().stream().noneMatch(EdgeRef::recurrent), "nothing flows through RW into the first step");
        double loss = 0;
        for (Step s : t.steps(StepKind.LOSS)) loss += s.result();
        assertEquals(loss, t.steps(StepKind.SEQUENCE_LOSS).get(0).result(), 1e-15, "the sequence's loss is the sum over its steps");
        assertEquals(t.lossBefore(), loss, 1e-12);
        assertEquals(3, t.steps(StepKind.LOSS).size());
    }

    @Test
    void backpropagationRunsFromTheLastStepToTheFirstThroughRw() throws Exception {
        Transcript t = StepThrough.open(Samples.load(SAMPLE), dir(), List.of()).next();
        List<Step> dh = t.steps(StepKind.BACKPROPAGATED_ERROR);
        assertEquals(List.of(2, 2, 1, 1, 0, 0), dh.stream().map(Step::time).toList(), "t = 3 first, back to t = 1");
        assertTrue(dh.get(0).edges().stream().noneMatch(EdgeRef::recurrent), "at the last step only the own output reaches h");
        assertTrue(dh.get(2).edges().contains(new EdgeRef("hidden", 0, 1, true)), "at t = 2 the error of t = 3 comes back through RW");
        // dE/dh<2>_1 = w^(2)_{1,1} delta^(2)<2> + r_{1,1} delta^(1)<3>_1 + r_{1,2} delta^(1)<3>_2
        double out2 = deltaOf(t, StepKind.DELTA, "output", 0, 1);
        double d31 = deltaOf(t, StepKind.HIDDEN_DELTA, "hidden", 0, 2), d32 = deltaOf(t, StepKind.HIDDEN_DELTA, "hidden", 1, 2);
        assertEquals(1.0 * out2 + 0.4 * d31 + -0.2 * d32, dh.get(2).result(), 1e-15);
        // The recurrent weight's gradient is the sum over t = 2, 3 of delta<t> h<t-1>.
        Step g = t.steps(StepKind.WEIGHT_GRADIENT).stream().filter(s -> s.parameter().equals(ParameterRef.recurrent("hidden", 0, 1)))
                .findFirst().orElseThrow();
        double h11 = Math.tanh(0.5);
        double h21 = t.steps(StepKind.ACTIVATION).stream().filter(s -> s.time() == 1 && s.unit().equals(new UnitRef("hidden", 0)))
                .findFirst().orElseThrow().result();
        assertEquals(deltaOf(t, StepKind.HIDDEN_DELTA, "hidden", 1, 1) * h11 + d32 * h21, g.result(), 1e-15);
        assertEquals(g.result(), t.parameter(ParameterRef.recurrent("hidden", 0, 1)).gradient(), 0.0);
        assertTrue(g.edges().contains(new EdgeRef("hidden", 0, 1, true)));
    }

    private static double deltaOf(Transcript t, StepKind kind, String layer, int unit, int time) {
        return t.steps(kind).stream().filter(s -> s.time() == time && s.unit().equals(new UnitRef(layer, unit)))
                .findFirst().orElseThrow().result();
    }

    @Test
    void dl4jsGradientOfRwIsTheSlopeOfItsLoss() throws Exception {
        Project p = Samples.load(SAMPLE);
        Transcript t = StepThrough.open(p, dir(), List.of()).next();
        MultiLayerNetwork net = NetworkCompiler.compile(p).multiLayer();
        DataSet data = ProjectData.load(p, dir()).train();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                INDArray rw = net.getLayer(0).getParam("RW");
                double v = rw.getDouble(i, j), eps = 1e-6;
                rw.putScalar(i, j, v + eps);
                double up = net.score(data, false);
                rw.putScalar(i, j, v - eps);
                double down = net.score(data, false);
                rw.putScalar(i, j, v);
                assertEquals((up - down) / (2 * eps), t.parameter(ParameterRef.recurrent("hidden", i, j)).gradient(), 1e-8, "RW " + i + "," + j);
            }
        }
    }

    @Test
    void laterIterationsAndOtherOptimizersStillAgreeWithDl4j() throws Exception {
        Project adam = ProjectFiles.parse(sampleJson().replace("\"type\": \"sgd\"", "\"type\": \"adam\""), "adam.bpw.json");
        StepThrough s = StepThrough.open(adam, dir(), List.of());
        s.next();
        s.next();
        Transcript third = s.next();
        assertEquals(3, third.iteration());
        assertFalse(third.steps(StepKind.OPTIMIZER_STATE).isEmpty(), "Adam's moments are written out");
    }

    @Test
    void sequenceToOneHasOneLossStepAndStillAgrees() throws Exception {
        Project last = ProjectFiles.parse(sampleJson().replace("\"loss\": \"mse\",", "\"loss\": \"mse\", \"steps\": \"last\","), "last.bpw.json");
        Transcript t = StepThrough.open(last, dir(), List.of()).next();
        assertEquals(List.of(2), t.steps(StepKind.LOSS).stream().map(Step::time).toList(), "only the last step has a target");
        assertEquals(1, t.steps(StepKind.OUTPUT_ERROR).size());
        Map<String, INDArray> dl4j = dl4jGradients(last);
        for (ParameterChange c : t.parameters()) {
            double expected = StepThrough.valueAt(dl4j.get(c.dl4jKey()), c.parameter());
            assertEquals(expected, c.gradient(), 1e-12 + 1e-9 * Math.abs(expected), c.dl4jKey() + " " + c.parameter().label());
        }
    }

    /** Random weights, two inputs, three sigmoid units, two outputs, two sequences: the agreement check inside next() must hold. */
    @Test
    void randomElmanNetworksAgreeWithDl4j() throws Exception {
        Random r = new Random(7);
        for (int trial = 0; trial < 3; trial++) {
            int steps = 2 + trial;
            String json = """
                    {"format": "backprop-workbench/project", "version": 1, "name": "random elman",
                     "network": {"layers": [
                       {"id": "in", "type": "input", "size": 2},
                       {"id": "rec", "type": "dense", "units": 3, "activation": "%s"},
                       {"id": "out", "type": "output", "units": 2, "activation": "sigmoid", "loss": "%s"}],
                      "edges": [{"from": "in", "to": "rec"}, {"from": "rec", "to": "out"}, {"from": "rec", "to": "rec", "feedback": true}]},
                     "training": {"optimizer": {"type": "nesterovs", "learningRate": 0.3}, "batchSize": 2, "epochs": 1, "seed": %d,
                       "l1": 0, "l2": 0, "dropout": 0, "gradientClipping": {"type": "none", "threshold": 1},
                       "dataType": "float", "weightInit": "xavier"},
                     "data": {"source": "table", "length": %d, "inputs": [%s, %s], "targets": [%s, %s]}}
                    """.formatted(trial == 1 ? "sigmoid" : "tanh", trial == 2 ? "xent" : "mse", 10 + trial, steps,
                    row(r, 2 * steps, -2, 2), row(r, 2 * steps, -2, 2), row(r, 2 * steps, 0, 1), row(r, 2 * steps, 0, 1));
            Project p = ProjectFiles.parse(json, "random.bpw.json");
            StepThrough s = StepThrough.open(p, dir(), List.of());
            Transcript t1 = s.next();
            Transcript t2 = s.next();
            assertEquals(2, t1.examples().size());
            assertEquals(steps, t2.timeSteps());
            Map<String, INDArray> dl4j = dl4jGradients(p);
            for (ParameterChange c : t1.parameters()) {
                double expected = StepThrough.valueAt(dl4j.get(c.dl4jKey()), c.parameter());
                assertEquals(expected, c.batchSum(), 1e-12 + 1e-9 * Math.abs(expected), "trial " + trial + " " + c.dl4jKey() + " " + c.parameter().label());
            }
        }
    }

    private static String row(Random r, int n, double lo, double hi) {
        return IntStream.range(0, n).mapToObj(i -> String.valueOf(Math.round((lo + (hi - lo) * r.nextDouble()) * 100) / 100.0))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    // ---- refusals

    private static String refusal(Project p) {
        return assertThrows(StepThroughException.class, () -> StepThrough.open(p, Samples.root(), List.of())).getMessage();
    }

    @Test
    void lstmJordanAndLargeRecurrentNetworksAreRefusedNamingTheLimit() throws Exception {
        String lstm = refusal(Samples.load("lstm-adding"));
        assertTrue(lstm.contains("not the gates and cell of an lstm"), lstm);
        String jordan = refusal(Samples.load("jordan-sine"));
        assertTrue(jordan.contains("(a Jordan network) is not unrolled"), jordan);
        String big = refusal(Samples.load("elman-sine"));
        assertTrue(big.contains("the network has 305 parameters; unrolled over time the step-through explains up to 32"), big);
    }

    @Test
    void tooManyTimeStepsOrSequencesAreRefused() throws Exception {
        String json = sampleJson().replace("\"length\": 3", "\"length\": 6")
                .replace("[1, -0.5, 0.5]", "[1, -0.5, 0.5, 1, 0, 0]").replace("[0, 1, -0.5]", "[0, 1, -0.5, 0.5, 1, 0]");
        String steps = assertThrows(StepThroughException.class,
                () -> StepThrough.open(ProjectFiles.parse(json, "long.bpw.json"), dir(), List.of())).getMessage();
        assertTrue(steps.contains("sequences of 6 time steps are too long to unroll step by step; the step-through unrolls up to 4"), steps);
        String tbptt = refusal(Samples.load(SAMPLE).withTraining(Samples.load(SAMPLE).training().withTbpttLength(2)));
        assertTrue(tbptt.contains("set tbpttLength to 0"), tbptt);
        String typed = assertThrows(StepThroughException.class,
                () -> StepThrough.of(Samples.load(SAMPLE), new double[][]{{1}}, new double[][]{{0}})).getMessage();
        assertTrue(typed.contains("a recurrent network steps through the sequences of its data"), typed);
    }
}
