package org.backprop.visual.diagram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the network diagram marks on top of the network: neurons and connections to emphasise
 * (the current step of a step-through, a weight's chain) and short numbers beside them. Plain
 * data, worked out without the toolkit; {@link NetworkDiagram#overlayProperty()} draws it.
 *
 * @param neurons   emphasis per neuron; neurons not named are dimmed while the overlay is not empty
 * @param synapses  emphasis per connection, likewise
 * @param values    a number beside a neuron (its activation)
 * @param gradients a second number below it (its delta)
 * @param weights   a number on a connection (its weight)
 * @param badges    a short note above a layer (the time step an unrolled recurrent layer is at)
 */
public record DiagramOverlay(Map<Neuron, Emphasis> neurons, Map<Synapse, Emphasis> synapses,
                             Map<Neuron, String> values, Map<Neuron, String> gradients, Map<Synapse, String> weights,
                             Map<String, String> badges) {

    public static final DiagramOverlay NONE = new DiagramOverlay(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** Strongest first: where two apply to one element, the stronger wins. */
    public enum Emphasis {
        /** What the current step computes. */
        FOCUS,
        /** A weight the user picked. */
        SELECTED,
        /** What the current step reads. */
        INVOLVED,
        /** On the chain from the loss to the picked weight. */
        CHAIN;

        /** The style class the diagram gives the shape. */
        public String styleClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Unit {@code unit} (0-based) of layer {@code layer}. */
    public record Neuron(String layer, int unit) {}

    /**
     * The connection from unit {@code fromUnit} of layer {@code from} into unit {@code toUnit} of layer {@code to};
     * {@code from} equal to {@code to} is a self-loop connection, from the unit's previous time step.
     */
    public record Synapse(String from, int fromUnit, String to, int toUnit) {}

    public DiagramOverlay {
        neurons = Collections.unmodifiableMap(new LinkedHashMap<>(neurons));
        synapses = Collections.unmodifiableMap(new LinkedHashMap<>(synapses));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        gradients = Collections.unmodifiableMap(new LinkedHashMap<>(gradients));
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        badges = Collections.unmodifiableMap(new LinkedHashMap<>(badges));
    }

    /** Whether nothing is emphasised (then nothing is dimmed either). */
    public boolean isEmpty() {
        return neurons.isEmpty() && synapses.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects emphasis, keeping the strongest per element. */
    public static final class Builder {
        private final Map<Neuron, Emphasis> neurons = new LinkedHashMap<>();
        private final Map<Synapse, Emphasis> synapses = new LinkedHashMap<>();
        private final Map<Neuron, String> values = new LinkedHashMap<>();
        private final Map<Neuron, String> gradients = new LinkedHashMap<>();
        private final Map<Synapse, String> weights = new LinkedHashMap<>();
        private final Map<String, String> badges = new LinkedHashMap<>();

        private Builder() {}

        public Builder badge(String layer, String text) {
            badges.put(layer, text);
            return this;
        }

        public Builder neuron(Neuron n, Emphasis e) {
            neurons.merge(n, e, Builder::stronger);
            return this;
        }

        public Builder synapse(Synapse s, Emphasis e) {
            synapses.merge(s, e, Builder::stronger);
            return this;
        }

        public Builder value(Neuron n, String text) {
            values.put(n, text);
            return this;
        }

        public Builder gradient(Neuron n, String text) {
            gradients.put(n, text);
            return this;
        }

        public Builder weight(Synapse s, String text) {
            weights.put(s, text);
            return this;
        }

        public DiagramOverlay build() {
            return new DiagramOverlay(neurons, synapses, values, gradients, weights, badges);
        }

        private static Emphasis stronger(Emphasis a, Emphasis b) {
            return a.ordinal() <= b.ordinal() ? a : b;
        }
    }
}
