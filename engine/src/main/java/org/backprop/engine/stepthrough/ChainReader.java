package org.backprop.engine.stepthrough;

import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.Project;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.Comparator;
import java.util.List;

/** Reads a compiled chain's current weights out of DL4J into a plain {@link Chain}. */
final class ChainReader {
    private ChainReader() {}

    static Chain read(Project project, CompiledNetwork compiled) {
        MultiLayerNetwork net = compiled.multiLayer();
        List<Chain.Layer> layers = compiled.layers().values().stream()
                .filter(info -> info.dl4jIndex() >= 0)
                .sorted(Comparator.comparingInt(LayerInfo::dl4jIndex))
                .map(info -> {
                    LayerSpec spec = project.network().layer(info.id()).orElseThrow();
                    var layer = net.getLayer(info.dl4jIndex());
                    return new Chain.Layer(info.id(), info.dl4jIndex(), ActivationFunction.of(spec.stringValue("activation")),
                            layer.getParam("W").toDoubleMatrix(), layer.getParam("b").toDoubleVector());
                })
                .toList();
        LayerSpec output = project.network().layer(compiled.outputId()).orElseThrow();
        return new Chain(compiled.inputId(), (int) compiled.inputSize(), layers, LossFunction.of(output.stringValue("loss")));
    }
}
