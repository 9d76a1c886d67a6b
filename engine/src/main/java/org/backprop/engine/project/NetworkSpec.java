package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Optional;

/**
 * The network as a graph: layers in a chosen order and the edges between them.
 * Forward edges must go from an earlier layer to a later one; an edge marked
 * {@code feedback} goes from a layer back to itself or to an earlier layer.
 */
@JsonPropertyOrder({"layers", "edges"})
public record NetworkSpec(List<LayerSpec> layers, List<EdgeSpec> edges) {

    public NetworkSpec {
        layers = layers == null ? List.of() : List.copyOf(layers);
        edges = edges == null ? List.of() : List.copyOf(edges);
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
