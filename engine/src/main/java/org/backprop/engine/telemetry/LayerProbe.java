package org.backprop.engine.telemetry;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the listener finds one layer's arrays in a DL4J model: the layer itself (its parameter
 * views), the prefix of its keys in the model's gradient ("0_" in a MultiLayerNetwork, "name_" in
 * a ComputationGraph), and what its activation function says about saturation and dead units.
 */
record LayerProbe(Layer layer, String gradientPrefix, Kind kind, LayerTelemetry telemetry) {

    enum Kind { SIGMOID, TANH, RELU, OTHER }

    /** The model's layers in forward order, each with a fresh {@link LayerTelemetry}. */
    static List<LayerProbe> of(Model model, TelemetryConfig config) {
        List<LayerProbe> out = new ArrayList<>();
        if (model instanceof MultiLayerNetwork net) {
            Layer[] layers = net.getLayers();
            for (int i = 0; i < layers.length; i++) out.add(probe(layers[i], i, i + "_", i == layers.length - 1, config));
        } else if (model instanceof ComputationGraph graph) {
            Set<String> outputs = Set.copyOf(graph.getConfiguration().getNetworkOutputs());
            Layer[] layers = graph.getLayers(); // topological order
            for (int i = 0; i < layers.length; i++) {
                String name = layers[i].conf().getLayer().getLayerName();
                out.add(probe(layers[i], i, name + "_", outputs.contains(name), config));
            }
        }
        return out;
    }

    private static LayerProbe probe(Layer layer, int index, String prefix, boolean output, TelemetryConfig config) {
        var conf = layer.conf().getLayer(); // a frozen wrapper hands out the configuration of the layer it wraps
        // DL4J's frozen wrappers: training never updates the layer they wrap.
        boolean frozen = layer instanceof FrozenLayerWithBackprop || layer instanceof FrozenLayer;
        IActivation fn = conf instanceof BaseLayer b ? b.getActivationFn() : null;
        Kind kind = fn instanceof ActivationSigmoid ? Kind.SIGMOID
                : fn instanceof ActivationTanH ? Kind.TANH
                : fn instanceof ActivationReLU ? Kind.RELU
                : Kind.OTHER;
        String name = conf.getLayerName() != null ? conf.getLayerName() : String.valueOf(index);
        List<String> keys = List.copyOf(layer.paramTable(true).keySet());
        LayerTelemetry t = new LayerTelemetry(name, index, conf.getClass().getSimpleName(),
                fn == null ? "" : fn.toString().toLowerCase(java.util.Locale.ROOT),
                conf instanceof BaseRecurrentLayer, output, frozen,
                conf instanceof BaseLayer bl && clips(bl.getGradientNormalization()), keys, config);
        return new LayerProbe(layer, prefix, kind, t);
    }

    private static boolean clips(GradientNormalization n) {
        return n != null && n != GradientNormalization.None;
    }
}
