package org.backprop.engine.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is recorded for one layer: its parameters' gradients and updates, its activations, the
 * newest weight-gradient matrices and, for recurrent layers, the gradient per time step.
 */
public final class LayerTelemetry {
    private final String id;
    private final int index;
    private final String layerType;
    private final String activation;
    private final boolean recurrent;
    private final boolean output;
    private final boolean frozen;
    private final boolean gradientClipped;
    private final Map<String, ParameterTelemetry> parameters;
    private final TimeSeries activationMean;
    private final TimeSeries activationStd;
    private final TimeSeries saturatedFraction;
    private final TimeSeries deadFraction;
    private final Ring<GradientMatrix> gradientMatrices;
    private final Ring<TimeStepNorms> timeStepNorms;

    LayerTelemetry(String id, int index, String layerType, String activation, boolean recurrent, boolean output,
                   boolean frozen, boolean gradientClipped, List<String> parameterKeys, TelemetryConfig config) {
        this.id = id;
        this.index = index;
        this.layerType = layerType;
        this.activation = activation;
        this.recurrent = recurrent;
        this.output = output;
        this.frozen = frozen;
        this.gradientClipped = gradientClipped;
        Map<String, ParameterTelemetry> p = new LinkedHashMap<>();
        for (String k : parameterKeys) p.put(k, new ParameterTelemetry(k, config));
        this.parameters = Collections.unmodifiableMap(p);
        int cap = config.seriesCapacity();
        activationMean = new TimeSeries(cap);
        activationStd = new TimeSeries(cap);
        saturatedFraction = new TimeSeries(cap);
        deadFraction = new TimeSeries(cap);
        gradientMatrices = new Ring<>(config.historyLength());
        timeStepNorms = new Ring<>(config.historyLength());
    }

    /** The layer's id in the project (DL4J's layer name). */
    public String id() { return id; }

    /** Position in forward order, from 0 (DL4J's index in a MultiLayerNetwork). */
    public int index() { return index; }

    /** DL4J's layer class, e.g. "DenseLayer". */
    public String layerType() { return layerType; }

    /** DL4J's name of the activation function ("sigmoid", "relu", ...), or "" for none. */
    public String activation() { return activation; }

    public boolean recurrent() { return recurrent; }

    /** The output layer: DL4J hands listeners no activations of it. */
    public boolean output() { return output; }

    /**
     * Frozen for fine-tuning (DL4J's {@code FrozenLayerWithBackprop}): training never changes its
     * parameters. Its gradients and updates are recorded as exactly 0 at the sampled iterations
     * (update:parameter ratio log10 = -Infinity), so that "frozen" reads differently from "not sampled".
     */
    public boolean frozen() { return frozen; }
    /** DL4J clips or renormalises this layer's gradient before the update (the project's gradientClipping). */
    public boolean gradientClipped() { return gradientClipped; }

    /** By DL4J parameter key, in DL4J's order. */
    public Map<String, ParameterTelemetry> parameters() { return parameters; }

    public TimeSeries activationMean() { return activationMean; }

    public TimeSeries activationStd() { return activationStd; }

    /**
     * Sigmoid and tanh layers: fraction of activations in the flat tails (|z| > 4, read from
     * the activations: |a| > tanh(4), or a sigmoid below sigmoid(-4) or above sigmoid(4)).
     */
    public TimeSeries saturatedFraction() { return saturatedFraction; }

    /** ReLU layers: fraction of units that output 0 for every example of the minibatch. */
    public TimeSeries deadFraction() { return deadFraction; }

    /** The newest weight-gradient matrices ("W"), oldest first. */
    public Ring<GradientMatrix> gradientMatrices() { return gradientMatrices; }

    /** Recurrent layers: ||dL/dh_t|| per time step at the newest sampled iterations. */
    public Ring<TimeStepNorms> timeStepNorms() { return timeStepNorms; }

    void clear() {
        parameters.values().forEach(ParameterTelemetry::clear);
        activationMean.clear();
        activationStd.clear();
        saturatedFraction.clear();
        deadFraction.clear();
        gradientMatrices.clear();
        timeStepNorms.clear();
    }

    /** ||dL/dh_t|| for each time step t at one iteration. */
    public record TimeStepNorms(long iteration, double[] norms) {}
}
