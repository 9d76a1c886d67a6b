package org.backprop.engine.compile;

import org.backprop.engine.Projects;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** What the fine-tuning properties become in DL4J, without any model file. */
class TransferCompileTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static Project net(double projectDropout) {
        TrainingSettings t = new TrainingSettings(OptimizerSpec.sgd(0.1), 8, 1, 1, 0, 0, projectDropout, null, null, "xavier");
        return Projects.chain(t,
                LayerSpec.of("in", INPUT, "size", 3),
                LayerSpec.of("h1", DENSE, "units", 4, "frozen", true),
                LayerSpec.of("h2", DENSE, "units", 4),
                LayerSpec.of("drop", DROPOUT, "rate", 0.5),
                LayerSpec.of("out", OUTPUT, "units", 2));
    }

    @Test
    void aFrozenLayerIsWrappedAndKeepsItsNameAndEveryLayerReportsFreshWeights() throws Exception {
        CompiledNetwork c = NetworkCompiler.compile(net(0));
        var conf = c.multiLayer().getLayerWiseConfigurations();
        assertInstanceOf(FrozenLayerWithBackprop.class, conf.getConf(0).getLayer());
        assertEquals("h1", conf.getConf(0).getLayer().getLayerName());
        assertEquals("h1", ((FrozenLayerWithBackprop) conf.getConf(0).getLayer()).getUnderlying().getLayerName());
        assertEquals(Set.of("h1"), c.frozenLayers());
        assertEquals(Map.of("h1", WeightSource.FRESH, "h2", WeightSource.FRESH, "drop", WeightSource.NONE, "out", WeightSource.FRESH),
                c.weightSources());
        assertEquals(4 * 4 + 4 + 4 * 2 + 2, c.trainableParameterCount());
    }

    @Test
    void aDropoutLayerKeepsItsOwnRateWhenTheProjectSetsADropoutForHiddenLayers() throws Exception {
        CompiledNetwork c = NetworkCompiler.compile(net(0.1));
        var conf = c.multiLayer().getLayerWiseConfigurations();
        assertEquals(0.5, ((Dropout) conf.getConf(2).getLayer().getIDropout()).getP(), 1e-12, "the layer's rate 0.5, not the project's 0.1");
        assertEquals(0.9, ((Dropout) conf.getConf(3).getLayer().getIDropout()).getP(), 1e-12, "the output after a hidden layer: the project's");
    }
}
