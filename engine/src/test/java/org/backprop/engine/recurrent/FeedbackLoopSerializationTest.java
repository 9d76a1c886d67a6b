package org.backprop.engine.recurrent;

import org.backprop.engine.Projects;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.File;
import java.util.List;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** A model with the custom layer is a plain DL4J model: ModelSerializer saves and restores it exactly. */
class FeedbackLoopSerializationTest {

    @TempDir
    File tmp;

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    @Test
    void aTrainedJordanNetworkRestoresToIdenticalOutputsAndKeepsTraining() throws Exception {
        var net = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h", DENSE, "units", 5, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent")),
                List.of(EdgeSpec.forward("in", "h"), EdgeSpec.forward("h", "out"), EdgeSpec.feedback("out", "h"),
                        EdgeSpec.feedback("h", "h")));
        CompiledNetwork c = NetworkCompiler.compile(Projects.of(net, Projects.gradientCheck().withOptimizer(
                org.backprop.engine.project.OptimizerSpec.adam(0.01))));
        DataSet d = new DataSet(Nd4j.rand(DataType.DOUBLE, 3, 2, 6), Nd4j.zeros(DataType.DOUBLE, 3, 2, 6).assign(0.5));
        for (int i = 0; i < 3; i++) c.fit(d);
        File file = new File(tmp, "jordan.zip");
        ModelSerializer.writeModel(c.model(), file, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertInstanceOf(FeedbackLoop.class, back.getLayer(0).conf().getLayer());
        assertEquals(c.multiLayer().getLayerWiseConfigurations(), back.getLayerWiseConfigurations());
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 2, 7);
        assertEquals(c.output(x), back.output(x, false));
        assertEquals(c.multiLayer().params(), back.params());
        c.fit(d);
        back.fit(d);
        assertEquals(c.multiLayer().params(), back.params(), "the updater state came back too");
    }

    @Test
    void aGraphWithALoopRestoresToIdenticalOutputs() throws Exception {
        var net = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h1", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("h2", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("side", DENSE, "units", 2, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 1, "activation", "identity", "loss", "mse")),
                List.of(EdgeSpec.forward("in", "h1"), EdgeSpec.forward("h1", "h2"), EdgeSpec.forward("in", "side"),
                        EdgeSpec.forward("h2", "out"), EdgeSpec.forward("side", "out"), EdgeSpec.feedback("h2", "h1")));
        CompiledNetwork c = NetworkCompiler.compile(Projects.of(net, Projects.gradientCheck()));
        File file = new File(tmp, "graph.zip");
        ModelSerializer.writeModel(c.model(), file, true);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(file, true);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 2, 4);
        assertEquals(c.output(x), back.outputSingle(false, x));
    }
}
