package org.backprop.engine.compile;

import org.backprop.engine.Projects;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Set;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the backward pass of every layer the editor offers, as the editor compiles it, with
 * DL4J's own finite-difference checker in double precision.
 */
class LayerGradientCheckTest {

    private static DataType previousDefault;

    @BeforeAll
    static void doublePrecision() {
        Nd4jRuntime.configure();
        Nd4j.getRandom().setSeed(12345);
        previousDefault = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // GradientCheckUtil insists
    }

    @AfterAll
    static void restorePrecision() {
        Nd4j.setDefaultDataTypes(previousDefault, previousDefault);
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "sigmoid", "tanh", "relu", "leakyrelu", "elu", "softplus"})
    void denseWithEveryActivation(String activation) throws Exception {
        check(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 3),
                LayerSpec.of("h", DENSE, "units", 4, "activation", activation),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent")), 3);
    }

    @ParameterizedTest
    @CsvSource({"identity,mse,1", "tanh,mse,2", "sigmoid,mse,1", "softmax,mcxent,3", "sigmoid,xent,1", "identity,l1,2"})
    void outputWithEveryLossItAllows(String activation, String loss, int units) throws Exception {
        check(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 3),
                LayerSpec.of("h", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", units, "activation", activation, "loss", loss)), 3);
    }

    @Test
    void batchNormalisation() throws Exception {
        check(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 3),
                LayerSpec.of("h", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("bn", BATCH_NORM),
                LayerSpec.of("out", OUTPUT, "units", 2)), 3,
                // Running mean and variance are statistics, not trained by gradient (as in DL4J's own BN checks).
                Set.of("1_mean", "1_var", "1_log10stdev"));
    }

    @Test
    void dropoutLayerAndDenseDropout() throws Exception {
        // Dropout draws a random mask; reseeding before every pass makes the mask the same in the
        // forward passes of the finite difference and in backprop (as DL4J's own dropout checks do).
        check(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 3),
                LayerSpec.of("h", DENSE, "units", 6, "activation", "tanh"),
                LayerSpec.of("drop", DROPOUT, "rate", 0.3),
                LayerSpec.of("h2", DENSE, "units", 4, "activation", "sigmoid", "dropout", 0.2),
                LayerSpec.of("out", OUTPUT, "units", 2)), 3);
    }

    @ParameterizedTest
    @CsvSource({"same,max", "valid,avg"})
    void convolutionAndPooling(String padding, String pooling) throws Exception {
        check(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 36, "height", 6, "width", 6, "channels", 1),
                LayerSpec.of("conv", CONV2D, "filters", 2, "kernel", 3, "padding", padding, "activation", "tanh"),
                LayerSpec.of("pool", POOL2D, "kernel", 2, "stride", 2, "pooling", pooling),
                LayerSpec.of("out", OUTPUT, "units", 3)), 36);
    }

    @Test
    void everyLayerTypeIsCoveredHere() {
        // A new layer type in the editor must get a gradient check above; recurrent ones (lstm, and
        // dense or output layers with feedback edges) are checked in RecurrentGradientCheckTest.
        assertTrue(Arrays.stream(LayerType.values()).allMatch(t ->
                        java.util.Set.of(INPUT, DENSE, OUTPUT, DROPOUT, BATCH_NORM, CONV2D, POOL2D, LSTM).contains(t)),
                "unchecked layer type: add it to LayerGradientCheckTest");
    }

    private static void check(Project p, int features) throws Exception {
        check(p, features, Set.of());
    }

    private static void check(Project p, int features, Set<String> exclude) throws Exception {
        CompiledNetwork c = NetworkCompiler.compile(p);
        int n = 5;
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, features).subi(0.5).muli(2);
        int k = (int) c.outputSize();
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, k);
        for (int i = 0; i < n; i++) y.putScalar(i, i % k, 1.0);
        if (k == 1) y = Nd4j.rand(DataType.DOUBLE, n, 1);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(c.multiLayer()).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .excludeParams(exclude)
                .callEachIter(net -> Nd4j.getRandom().setSeed(12345))
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertTrue(ok, "gradient check failed for " + p.network().layers());
    }
}
