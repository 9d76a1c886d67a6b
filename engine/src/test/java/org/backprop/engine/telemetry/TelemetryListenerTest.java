package org.backprop.engine.telemetry;

import org.backprop.engine.Projects;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

class TelemetryListenerTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    /** Double precision, SGD with learning rate 1: the update is the gradient over the minibatch size. */
    static MultiLayerNetwork network() throws Exception {
        return NetworkCompiler.compile(Projects.chain(Projects.gradientCheck(),
                LayerSpec.of("in", INPUT, "size", 3),
                LayerSpec.of("h1", DENSE, "units", 5, "activation", "tanh"),
                LayerSpec.of("h2", DENSE, "units", 4, "activation", "relu"),
                LayerSpec.of("out", OUTPUT, "units", 2, "activation", "softmax", "loss", "mcxent"))).multiLayer();
    }

    static DataSet batch() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 8, 3);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 8, 2);
        for (int i = 0; i < 8; i++) y.putScalar(i, i % 2, 1);
        return new DataSet(x, y);
    }

    @Test
    void gradientStatisticsEqualDl4jsOwnGradientOnTheSameBatch() throws Exception {
        MultiLayerNetwork net = network();
        DataSet batch = batch();
        MultiLayerNetwork reference = net.clone();
        reference.setInput(batch.getFeatures());
        reference.setLabels(batch.getLabels());
        reference.computeGradientAndScore();
        Map<String, INDArray> expected = reference.gradient().gradientForVariable();
        List<INDArray> activations = reference.feedForward(batch.getFeatures(), true);

        Telemetry t = new Telemetry(TelemetryConfig.defaults());
        net.addListeners(new TelemetryListener(t));
        net.fit(batch);

        assertEquals(List.of("h1", "h2", "out"), t.layers().stream().map(LayerTelemetry::id).toList());
        List<String> checked = new ArrayList<>();
        for (LayerTelemetry l : t.layers()) {
            for (ParameterTelemetry p : l.parameters().values()) {
                INDArray g = expected.get(l.index() + "_" + p.key());
                close(g.norm2Number().doubleValue(), p.gradientNorm().lastMean());
                close(g.norm1Number().doubleValue() / g.length(), p.gradientMeanAbs().lastMean());
                close(g.amaxNumber().doubleValue(), p.gradientMaxAbs().lastMean());
                // DL4J's gradient is summed over the minibatch; its updater divides by the minibatch
                // size, then SGD at rate 1 subtracts it. The ratio is to the parameters after the step.
                INDArray after = net.getLayer(l.index()).getParam(p.key());
                double update = g.norm1Number().doubleValue() / g.length() / batch.numExamples();
                double ratio = update / (after.norm1Number().doubleValue() / after.length());
                close(Math.log10(ratio), p.updateRatioLog10().lastMean());
                checked.add(l.id() + "_" + p.key());
            }
        }
        assertEquals(List.of("h1_W", "h1_b", "h2_W", "h2_b", "out_W", "out_b"), checked);

        for (int i = 0; i < 2; i++) {
            INDArray a = activations.get(i + 1);
            LayerTelemetry l = t.layers().get(i);
            close(a.meanNumber().doubleValue(), l.activationMean().lastMean());
            close(a.stdNumber().doubleValue(), l.activationStd().lastMean());
        }
        GradientMatrix m = t.layers().get(0).gradientMatrices().newest();
        INDArray w = expected.get("0_W");
        assertEquals(3, m.rows());
        assertEquals(5, m.cols());
        assertEquals(w.getDouble(2, 4), m.values()[2 * 5 + 4], 1e-7);
        assertTrue(t.nonFinite().isEmpty());
        assertEquals(1, t.sampledIterations());
    }

    @Test
    void onlySampledIterationsAreRecordedButTheLossAlways() throws Exception {
        MultiLayerNetwork net = network();
        Telemetry t = new Telemetry(TelemetryConfig.defaults().withSamplingInterval(5));
        net.addListeners(new TelemetryListener(t));
        DataSet b = batch();
        for (int i = 0; i < 12; i++) net.fit(b);
        TimeSeries.Points norms = t.layers().get(0).parameters().get("W").gradientNorm().points();
        assertArrayEquals(new long[]{1, 5, 10}, norms.first());
        assertEquals(12, t.loss().points().size());
        assertEquals(12, t.lastIteration());
    }

    @Test
    void aNanTargetIsFoundInTheOutputLayersGradientAtItsIteration() throws Exception {
        MultiLayerNetwork net = network();
        Telemetry t = new Telemetry(TelemetryConfig.defaults());
        TelemetryListener listener = new TelemetryListener(t);
        List<NonFiniteEvent> seen = new ArrayList<>();
        listener.onNonFinite(seen::add);
        net.addListeners(listener);
        DataSet good = batch();
        net.fit(good);
        net.fit(good);
        INDArray labels = good.getLabels().dup();
        labels.putScalar(3, 0, Double.NaN);
        net.fit(new DataSet(good.getFeatures(), labels));
        net.fit(good); // reported once only

        NonFiniteEvent e = t.nonFinite().orElseThrow();
        assertEquals(List.of(e), seen);
        assertEquals(3, e.iteration());
        assertEquals(NonFiniteEvent.Source.GRADIENTS, e.source());
        assertEquals("out", e.layer(), "backpropagation starts at the output");
        assertTrue(e.nanCount() > 0);
    }

    @Test
    void weightsThatTheLastStepBrokeAreBlamedOnThatStep() throws Exception {
        MultiLayerNetwork net = network();
        Telemetry t = new Telemetry(TelemetryConfig.defaults());
        net.addListeners(new TelemetryListener(t));
        DataSet b = batch();
        net.fit(b);
        net.fit(b);
        // As an overflowing update would. (An infinite weight alone can hide: tanh(inf) = 1.)
        net.getLayer(0).getParam("W").putScalar(1, 1, Double.NaN);
        net.fit(b);

        NonFiniteEvent e = t.nonFinite().orElseThrow();
        assertEquals(NonFiniteEvent.Source.PARAMETERS, e.source());
        assertEquals("h1", e.layer());
        assertEquals("W", e.parameter());
        assertEquals(2, e.iteration(), "the update of iteration 2 left them so; iteration 3's forward pass showed it");
        assertEquals(1, e.nanCount());
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)));
    }
}
