package org.backprop.engine.recurrent;

import org.backprop.engine.Projects;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** The per-step gradient norms are exact: they agree with DL4J's own gradients and with the custom layer's. */
class TimeStepGradientsTest {

    private static DataType previousDefault;

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

    private static Project chain(List<LayerSpec> layers, EdgeSpec... feedback) {
        List<EdgeSpec> edges = new ArrayList<>();
        for (int i = 1; i < layers.size(); i++) edges.add(EdgeSpec.forward(layers.get(i - 1).id(), layers.get(i).id()));
        edges.addAll(List.of(feedback));
        return Projects.of(new NetworkSpec(layers, edges), Projects.gradientCheck());
    }

    private static DataSet batch(int features, int outputs, int steps) {
        Nd4j.getRandom().setSeed(7);
        return new DataSet(Nd4j.rand(DataType.DOUBLE, 3, features, steps).subi(0.5), Nd4j.rand(DataType.DOUBLE, 3, outputs, steps));
    }

    @Test
    void elmanAndLstmNormsComeFromTheBackwardPassThatGivesDl4jsOwnWeightGradients() throws Exception {
        CompiledNetwork c = NetworkCompiler.compile(chain(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("elman", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("lstm", LSTM, "units", 3),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "identity", "loss", "mse")),
                EdgeSpec.feedback("elman", "elman"), EdgeSpec.feedback("lstm", "lstm")));
        MultiLayerNetwork net = c.multiLayer();
        DataSet d = batch(2, 2, 6);
        Map<String, INDArray> implied = TimeStepGradients.impliedWeightGradients(net, d);
        net.setInput(d.getFeatures());
        net.setLabels(d.getLabels());
        net.computeGradientAndScore();
        var dl4j = net.gradient().gradientForVariable();
        assertEquals(0, dl4j.get("0_W").distance2(implied.get("elman")), 1e-10);
        assertEquals(0, dl4j.get("1_W").distance2(implied.get("lstm")), 1e-10);
        Map<String, double[]> norms = TimeStepGradients.of(net, d);
        assertEquals(List.of("elman", "lstm"), List.copyOf(norms.keySet()));
        assertEquals(6, norms.get("lstm").length);
        for (double v : norms.get("elman")) assertTrue(v > 0);
    }

    @Test
    void anElmanLayerAndTheSameLayerInAFeedbackLoopReportTheSameNorms() throws Exception {
        CompiledNetwork c = NetworkCompiler.compile(chain(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 1, "activation", "identity", "loss", "mse")),
                EdgeSpec.feedback("h", "h")));
        MultiLayerNetwork elman = c.multiLayer();
        // The same network with h as a one-cell FeedbackLoop: same equations, same parameter values.
        MultiLayerNetwork loop = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().updater(new Sgd(1)).dataType(DataType.DOUBLE).list()
                .layer(new FeedbackLoop("h", List.of(new LoopCell("h", 4, Activation.TANH.getActivationFunction(), null, null, List.of("h"))), false))
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nOut(1).build())
                .setInputType(InputType.recurrent(2)).build());
        loop.init();
        loop.getLayer(0).setParam("h/W", elman.getLayer(0).getParam("W"));
        loop.getLayer(0).setParam("h/RW", elman.getLayer(0).getParam("RW"));
        loop.getLayer(0).setParam("h/b", elman.getLayer(0).getParam("b"));
        loop.getLayer(1).setParams(elman.getLayer(1).params());
        DataSet d = batch(2, 1, 7);
        assertEquals(elman.output(d.getFeatures()), loop.output(d.getFeatures()));
        assertArrayEquals(TimeStepGradients.of(elman, d).get("h"), TimeStepGradients.of(loop, d).get("h"), 1e-12);
    }

    @Test
    void jordanCellsReportOneRowEachAndTheModelIsLeftUntouched() throws Exception {
        CompiledNetwork c = NetworkCompiler.compile(chain(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent")),
                EdgeSpec.feedback("out", "h")));
        DataSet d = batch(2, 2, 5);
        INDArray before = c.multiLayer().params().dup();
        Map<String, double[]> norms = TimeStepGradients.of(c.multiLayer(), d);
        assertEquals(List.of("h", "out"), List.copyOf(norms.keySet()));
        assertEquals(5, norms.get("h").length);
        assertEquals(before, c.multiLayer().params());
    }

    @Test
    void inABranchingNetworkTheLoopsAreMeasured() throws Exception {
        var net = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h1", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("h2", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("side", DENSE, "units", 2, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 1, "activation", "identity", "loss", "mse")),
                List.of(EdgeSpec.forward("in", "h1"), EdgeSpec.forward("h1", "h2"), EdgeSpec.forward("in", "side"),
                        EdgeSpec.forward("h2", "out"), EdgeSpec.forward("side", "out"), EdgeSpec.feedback("h2", "h1")));
        CompiledNetwork c = NetworkCompiler.compile(Projects.of(net, Projects.gradientCheck()));
        assertTrue(c.isGraph());
        Map<String, double[]> norms = TimeStepGradients.of(c.model(), batch(2, 1, 4));
        assertEquals(List.of("h1", "h2"), List.copyOf(norms.keySet()));
        assertEquals(4, norms.get("h2").length);
    }
}
