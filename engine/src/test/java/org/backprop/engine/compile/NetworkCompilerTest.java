package org.backprop.engine.compile;

import org.backprop.engine.Projects;
import org.backprop.engine.Samples;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.ParameterValues;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

class NetworkCompilerTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    @Test
    void xorBecomesAMultiLayerNetworkWithEveryInputSizeInferred() throws Exception {
        CompiledNetwork c = NetworkCompiler.compile(Samples.load("xor"));
        assertFalse(c.isGraph());
        assertArrayEquals(new long[]{2, 3}, c.multiLayer().getLayer(0).getParam("W").shape(), "W is [nIn, nOut]");
        assertEquals(9, c.layers().get("hidden").parameterCount());
        assertEquals(4, c.layers().get("output").parameterCount());
        assertEquals(13, c.parameterCount());
        assertEquals("3", c.layers().get("hidden").outputShape());
    }

    @Test
    void twoBranchesMeetingInOneLayerBecomeAComputationGraphThatTrains() throws Exception {
        var net = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("a", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("b", DENSE, "units", 2, "activation", "relu"),
                LayerSpec.of("out", OUTPUT, "units", 2)),
                List.of(EdgeSpec.forward("in", "a"), EdgeSpec.forward("in", "b"),
                        EdgeSpec.forward("a", "out"), EdgeSpec.forward("b", "out")));
        CompiledNetwork c = NetworkCompiler.compile(Projects.of(net, Projects.gradientCheck()));
        assertTrue(c.isGraph());
        assertEquals((3 + 2) * 2 + 2, c.layers().get("out").parameterCount(), "out takes the merged 5 values");
        DataSet d = new DataSet(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 4, 2),
                Nd4j.createFromArray(new double[][]{{1, 0}, {0, 1}, {1, 0}, {0, 1}}));
        double before = c.score(d);
        for (int i = 0; i < 20; i++) c.fit(d);
        assertTrue(c.score(d) < before);
    }

    @Test
    void pinnedWeightsAreTheOnesDl4jUses() throws Exception {
        Project p = Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 1),
                LayerSpec.of("h", DENSE, "units", 2, "activation", "relu").withParameters(Map.of(
                        "W", ParameterValues.matrix(new double[][]{{2, 3}}), "b", ParameterValues.vector(0, 0))),
                LayerSpec.of("y", OUTPUT, "units", 1, "activation", "identity", "loss", "mse").withParameters(Map.of(
                        "W", ParameterValues.matrix(new double[][]{{2}, {3}}), "b", ParameterValues.vector(0))));
        CompiledNetwork c = NetworkCompiler.compile(p);
        INDArray y = c.output(Nd4j.createFromArray(new double[][]{{2}}));
        assertEquals(26.0, y.getDouble(0), 1e-12, "the seeds' 1-2-1 example: 2*(2*2) + 3*(2*3) = 26");
    }

    @Test
    void pinnedWeightsOfTheWrongShapeAreRefusedWithTheShapeDl4jExpects() {
        Project p = Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h", DENSE, "units", 2).withParameters(Map.of("W", ParameterValues.matrix(new double[][]{{1, 2, 3}}))),
                LayerSpec.of("y", OUTPUT, "units", 2));
        var e = assertThrows(CompileException.class, () -> NetworkCompiler.compile(p));
        assertTrue(e.getMessage().contains("layer 'h' (dense): parameter W must have shape [2, 2]"), e.getMessage());
    }

    @Test
    void layersThatCannotConnectAreNamedWithTheReason() {
        var dangling = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("lost", DENSE, "units", 3),
                LayerSpec.of("out", OUTPUT, "units", 2)),
                List.of(EdgeSpec.forward("in", "out"), EdgeSpec.forward("in", "lost")));
        var e = assertThrows(CompileException.class, () -> NetworkCompiler.compile(Projects.of(dangling, Projects.gradientCheck())));
        assertEquals(List.of("layer 'lost' (dense) leads nowhere; connect it towards the output layer"), e.problems());

        var backwards = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h", DENSE, "units", 3),
                LayerSpec.of("out", OUTPUT, "units", 2)),
                List.of(EdgeSpec.forward("in", "h"), EdgeSpec.forward("out", "h"), EdgeSpec.forward("h", "out")));
        e = assertThrows(CompileException.class, () -> NetworkCompiler.compile(Projects.of(backwards, Projects.gradientCheck())));
        assertTrue(e.getMessage().contains("edge out -> h: a forward edge must go to a later layer"), e.getMessage());

        var missing = new NetworkSpec(List.of(LayerSpec.of("in", INPUT, "size", 2), LayerSpec.of("h", DENSE, "units", 3)),
                List.of(EdgeSpec.forward("in", "h"), EdgeSpec.forward("h", "nowhere")));
        e = assertThrows(CompileException.class, () -> NetworkCompiler.compile(Projects.of(missing, Projects.gradientCheck())));
        assertTrue(e.problems().contains("edge h -> nowhere: there is no layer 'nowhere'"), e.getMessage());
        assertTrue(e.problems().contains("the network needs exactly one output layer, it has 0"), e.getMessage());
    }

    @Test
    void aSoftmaxOutputWithASquaredErrorLossIsRefused() {
        Project p = Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mse"));
        var e = assertThrows(CompileException.class, () -> NetworkCompiler.compile(p));
        assertTrue(e.getMessage().contains("layer 'out' (output): a softmax output needs the classification loss mcxent, not mse"));
    }

    @Test
    void aConvolutionWithoutAnImageInputIsRefusedAgainstItsLayer() {
        Project p = Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 8),
                LayerSpec.of("c", CONV2D, "filters", 2, "kernel", 5, "padding", "valid"),
                LayerSpec.of("out", OUTPUT, "units", 2));
        var e = assertThrows(CompileException.class, () -> NetworkCompiler.compile(p));
        assertTrue(e.getMessage().startsWith("layer 'c' (conv2d) cannot connect"), e.getMessage());
    }
}
