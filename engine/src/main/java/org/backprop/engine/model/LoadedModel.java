package org.backprop.engine.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained DL4J model read from a file (a ModelSerializer zip, or a Keras HDF5 file through
 * DL4J's import): a MultiLayerNetwork or a ComputationGraph with its weights.
 *
 * @param source what it was read from, for messages: "pretrained.zip", "model.h5 (Keras 2.9.0)"
 */
public record LoadedModel(Path file, String source, Model model) {

    public boolean isGraph() {
        return model instanceof ComputationGraph;
    }

    public MultiLayerNetwork multiLayer() {
        return (MultiLayerNetwork) model;
    }

    public ComputationGraph graph() {
        return (ComputationGraph) model;
    }

    /** Names of the layers that hold parameters or transform data, in the model's order. */
    public List<String> layerNames() {
        List<String> names = new ArrayList<>();
        if (model instanceof MultiLayerNetwork n) {
            for (Layer l : n.getLayers()) names.add(l.conf().getLayer().getLayerName());
        } else {
            for (Layer l : graph().getLayers()) names.add(l.conf().getLayer().getLayerName());
        }
        return names;
    }

    /** The parameters of the named layer by DL4J key ("W", "b", ...); empty when it has none or no such layer. */
    public Map<String, INDArray> parameters(String layerName) {
        Layer layer = layer(layerName);
        if (layer == null) return Map.of();
        return Collections.unmodifiableMap(new LinkedHashMap<>(layer.paramTable()));
    }

    public boolean hasLayer(String layerName) {
        return layer(layerName) != null;
    }

    private Layer layer(String name) {
        if (model instanceof MultiLayerNetwork n) {
            for (Layer l : n.getLayers()) {
                if (name.equals(l.conf().getLayer().getLayerName())) return l;
            }
            return null;
        }
        var v = graph().getVertex(name);
        return v != null && v.hasLayer() ? v.getLayer() : null;
    }

    public long parameterCount() {
        return model.numParams();
    }

    /** Output in inference mode; the input in the model's own layout. */
    public INDArray output(INDArray input) {
        if (model instanceof MultiLayerNetwork n) return n.output(input, false);
        return graph().outputSingle(false, input);
    }

    public String kind() {
        return isGraph() ? "ComputationGraph" : "MultiLayerNetwork";
    }
}
