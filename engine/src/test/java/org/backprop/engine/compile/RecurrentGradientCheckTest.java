package org.backprop.engine.compile;

import org.backprop.engine.Projects;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.recurrent.FeedbackLoop;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of recurrence the editor can draw, compiled as the editor compiles it, against DL4J's
 * finite-difference checker in double precision; each with and without a mask (sequences of
 * different lengths in one batch).
 */
class RecurrentGradientCheckTest {

    private static DataType previousDefault;
    private static final int FEATURES = 3;
    private static final int STEPS = 5;

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

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void elmanSelfLoopIsDl4jSimpleRnn(boolean masked) throws Exception {
        Project p = net(List.of(
                LayerSpec.of("in", INPUT, "size", FEATURES),
                LayerSpec.of("h", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent")),
                EdgeSpec.feedback("h", "h"));
        CompiledNetwork c = NetworkCompiler.compile(p);
        assertInstanceOf(SimpleRnn.class, c.multiLayer().getLayer(0).conf().getLayer());
        check(c, masked);
    }

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void lstm(boolean masked) throws Exception {
        Project p = net(List.of(
                LayerSpec.of("in", INPUT, "size", FEATURES),
                LayerSpec.of("h", LSTM, "units", 3),
                LayerSpec.of("out", OUTPUT, "units", 1, "activation", "identity", "loss", "mse")),
                EdgeSpec.feedback("h", "h"));
        CompiledNetwork c = NetworkCompiler.compile(p);
        assertInstanceOf(LSTM.class, c.multiLayer().getLayer(0).conf().getLayer());
        check(c, masked);
    }

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void jordanFeedbackFromTheOutput(boolean masked) throws Exception {
        Project p = net(List.of(
                LayerSpec.of("in", INPUT, "size", FEATURES),
                LayerSpec.of("h", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 3, "activation", "softmax", "loss", "mcxent")),
                EdgeSpec.feedback("out", "h"));
        CompiledNetwork c = NetworkCompiler.compile(p);
        assertInstanceOf(FeedbackLoop.class, c.multiLayer().getLayer(0).conf().getLayer());
        check(c, masked);
    }

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void jordanFeedbackIntoARegressionOutput(boolean masked) throws Exception {
        check(NetworkCompiler.compile(net(List.of(
                LayerSpec.of("in", INPUT, "size", FEATURES),
                LayerSpec.of("h", DENSE, "units", 3, "activation", "sigmoid"),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "identity", "loss", "mse")),
                EdgeSpec.feedback("out", "h"), EdgeSpec.feedback("out", "out"))), masked);
    }

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void feedbackAcrossTwoLayers(boolean masked) throws Exception {
        check(NetworkCompiler.compile(net(List.of(
                LayerSpec.of("in", INPUT, "size", FEATURES),
                LayerSpec.of("h1", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("h2", DENSE, "units", 3, "activation", "sigmoid"),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent")),
                EdgeSpec.feedback("h2", "h1"))), masked);
    }

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void selfLoopsAndFeedbackTogetherInOneLoop(boolean masked) throws Exception {
        check(NetworkCompiler.compile(net(List.of(
                LayerSpec.of("in", INPUT, "size", FEATURES),
                LayerSpec.of("h1", DENSE, "units", 3, "activation", "tanh", "recurrentWeightInit", "identity"),
                LayerSpec.of("h2", DENSE, "units", 2, "activation", "elu"),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "sigmoid", "loss", "xent")),
                EdgeSpec.feedback("h1", "h1"), EdgeSpec.feedback("out", "h1"), EdgeSpec.feedback("h2", "h2"),
                EdgeSpec.feedback("out", "h2"))), masked);
    }

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void loopBeforeElmanAndLstmWithTimeDistributedDense(boolean masked) throws Exception {
        check(NetworkCompiler.compile(net(List.of(
                LayerSpec.of("in", INPUT, "size", FEATURES),
                LayerSpec.of("d", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("h1", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("h2", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("e", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("l", LSTM, "units", 2),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent")),
                EdgeSpec.feedback("h2", "h1"), EdgeSpec.feedback("e", "e"), EdgeSpec.feedback("l", "l"))), masked);
    }

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void sequenceToOneOnlyTheLastStepCounts(boolean masked) throws Exception {
        CompiledNetwork c = NetworkCompiler.compile(net(List.of(
                LayerSpec.of("in", INPUT, "size", FEATURES),
                LayerSpec.of("h", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 1, "activation", "identity", "loss", "mse", "steps", "last")),
                EdgeSpec.feedback("out", "h")));
        INDArray labelMask = Nd4j.zeros(DataType.DOUBLE, 4, STEPS);
        for (int i = 0; i < 4; i++) labelMask.putScalar(i, masked ? STEPS - 1 - i % 2 : STEPS - 1, 1.0);
        check(c, masked ? featureMask() : null, labelMask);
    }

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void aLoopInsideABranchingGraph(boolean masked) throws Exception {
        NetworkSpec net = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", FEATURES),
                LayerSpec.of("h1", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("h2", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("side", DENSE, "units", 2, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent")),
                List.of(EdgeSpec.forward("in", "h1"), EdgeSpec.forward("h1", "h2"), EdgeSpec.forward("in", "side"),
                        EdgeSpec.forward("h2", "out"), EdgeSpec.forward("side", "out"), EdgeSpec.feedback("h2", "h1"),
                        EdgeSpec.feedback("side", "side")));
        CompiledNetwork c = NetworkCompiler.compile(Projects.of(net, Projects.gradientCheck()));
        assertTrue(c.isGraph());
        Data d = data(c, masked ? featureMask() : null, null);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig()
                .net(c.graph()).inputs(new INDArray[]{d.x}).labels(new INDArray[]{d.y})
                .inputMask(d.featureMask == null ? null : new INDArray[]{d.featureMask})
                .labelMask(d.labelMask == null ? null : new INDArray[]{d.labelMask})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertTrue(ok, "gradient check failed");
    }

    static Project net(List<LayerSpec> layers, EdgeSpec... feedback) {
        List<EdgeSpec> edges = new ArrayList<>();
        for (int i = 1; i < layers.size(); i++) edges.add(EdgeSpec.forward(layers.get(i - 1).id(), layers.get(i).id()));
        edges.addAll(List.of(feedback));
        return Projects.of(new NetworkSpec(layers, edges), Projects.gradientCheck());
    }

    /** Four sequences of 5, 4, 3 and 5 steps. */
    private static INDArray featureMask() {
        INDArray m = Nd4j.ones(DataType.DOUBLE, 4, STEPS);
        m.putScalar(1, 4, 0);
        m.putScalar(2, 3, 0);
        m.putScalar(2, 4, 0);
        return m;
    }

    private record Data(INDArray x, INDArray y, INDArray featureMask, INDArray labelMask) {}

    private static Data data(CompiledNetwork c, INDArray featureMask, INDArray labelMask) {
        Nd4j.getRandom().setSeed(12345);
        int n = 4;
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, FEATURES, STEPS).subi(0.5).muli(2);
        int k = (int) c.outputSize();
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, k, STEPS);
        for (int i = 0; i < n; i++) for (int t = 0; t < STEPS; t++) y.putScalar(new int[]{i, (i + t) % k, t}, 1.0);
        if (k == 1) y = Nd4j.rand(DataType.DOUBLE, n, k, STEPS);
        return new Data(x, y, featureMask, labelMask != null ? labelMask : featureMask);
    }

    private static void check(CompiledNetwork c, boolean masked) {
        check(c, masked ? featureMask() : null, null);
    }

    private static void check(CompiledNetwork c, INDArray featureMask, INDArray labelMask) {
        Data d = data(c, featureMask, labelMask);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(c.multiLayer()).input(d.x).labels(d.y).inputMask(d.featureMask).labelMask(d.labelMask)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertTrue(ok, "gradient check failed");
    }
}
