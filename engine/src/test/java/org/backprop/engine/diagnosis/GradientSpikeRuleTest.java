package org.backprop.engine.diagnosis;

import org.backprop.engine.Projects;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TelemetryConfig;
import org.backprop.engine.telemetry.TelemetryListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

class GradientSpikeRuleTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    @Test
    void aBatchFarOutsideTheDataIsASpikeAndNamedWithItsIteration() throws Exception {
        MultiLayerNetwork net = NetworkCompiler.compile(Projects.chain(Projects.gradientCheck().withOptimizer(OptimizerSpec.sgd(0.01)),
                LayerSpec.of("in", INPUT, "size", 2),
                LayerSpec.of("h", DENSE, "units", 4, "activation", "tanh"),
                LayerSpec.of("out", OUTPUT, "units", 1, "activation", "identity", "loss", "mse")))
                .multiLayer();
        Telemetry t = new Telemetry(TelemetryConfig.defaults().withSamplingInterval(1));
        net.addListeners(new TelemetryListener(t));
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 16, 2);
        DataSet normal = new DataSet(x, x.sum(true, 1).reshape(16, 1).mul(0.5));
        for (int i = 0; i < 10; i++) net.fit(normal);
        net.fit(new DataSet(x, normal.getLabels().mul(1000))); // iteration 11: targets a thousand times too large
        for (int i = 0; i < 3; i++) net.fit(normal);

        List<Finding> f = new GradientSpikeRule().check(t);
        assertEquals(1, f.size(), f.toString());
        assertEquals(Kind.GRADIENT_SPIKE, f.get(0).kind());
        assertEquals(11, f.get(0).iteration());
        assertTrue((double) f.get(0).evidence().get("factor") > 10, f.get(0).evidence().toString());
    }
}
