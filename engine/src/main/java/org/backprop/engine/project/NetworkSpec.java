package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Optional;

/**
 * The network as a graph: layers in a chosen order and the edges between them.
 * Forward edges must go from an earlier layer to a later one; an edge marked
 * {@code feedback} goes from a layer back to itself or to an earlier layer.
 *
 * @param weightsFrom a trained DL4J model zip (ModelSerializer), relative to the project file's
 *                    folder, whose weights the network starts from: each layer takes the
 *                    parameters of the model's layer with the same id, unless it is marked
 *                    {@code reinit} or the model has no such layer; null to start from fresh
 *                    initial weights. The file is referred to, never copied into the project.
 */
@JsonPropertyOrder({"weightsFrom", "layers", "edges"})
public record NetworkSpec(
        @JsonInclude(JsonInclude.Include.NON_NULL) String weightsFrom,
        List<LayerSpec> layers,
        List<EdgeSpec> edges) {

    public NetworkSpec {
        layers = layers == null ? List.of() : List.copyOf(layers);
        edges = edges == null ? List.of() : List.copyOf(edges);
        TrainingSettings.require(weightsFrom == null || !weightsFrom.isBlank(),
                "weightsFrom must name a model file (a DL4J zip), or be left out");
    }

    public NetworkSpec(List<LayerSpec> layers, List<EdgeSpec> edges) {
        this(null, layers, edges);
    }

    public NetworkSpec withWeightsFrom(String modelFile) {
        return new NetworkSpec(modelFile, layers, edges);
    }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(weightsFrom, newLayers, edges);
    }

    /** The same network with one layer replaced (matched by its id). */
    public NetworkSpec withLayer(LayerSpec layer) {
        int i = indexOf(layer.id());
        if (i < 0) throw new IllegalArgumentException("the network has no layer '" + layer.id() + "'");
        List<LayerSpec> copy = new java.util.ArrayList<>(layers);
        copy.set(i, layer);
        return new NetworkSpec(weightsFrom, copy, edges);
    }

    public Optional<LayerSpec> layer(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public int indexOf(String id) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).id().equals(id)) return i;
        }
        return -1;
    }

    /** Forward edges into the given layer, in file order. */
    public List<EdgeSpec> inputsOf(String id) {
        return edges.stream().filter(e -> !e.feedback() && e.to().equals(id)).toList();
    }

    /** Forward edges out of the given layer, in file order. */
    public List<EdgeSpec> outputsOf(String id) {
        return edges.stream().filter(e -> !e.feedback() && e.from().equals(id)).toList();
    }

    @JsonIgnore
    public List<EdgeSpec> feedbackEdges() {
        return edges.stream().filter(EdgeSpec::feedback).toList();
    }

    /** A network with feedback (or an lstm layer) runs over time steps and takes sequences. */
    @JsonIgnore
    public boolean isRecurrent() {
        return edges.stream().anyMatch(EdgeSpec::feedback) || layers.stream().anyMatch(l -> l.type() == LayerType.LSTM);
    }
}
