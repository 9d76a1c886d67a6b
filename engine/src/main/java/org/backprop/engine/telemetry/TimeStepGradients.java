package org.backprop.engine.telemetry;

import org.deeplearning4j.nn.api.Model;

/**
 * The gradient reaching each time step of a recurrent layer, ||dL/dh_t|| for t = 0..T-1: what
 * shows a gradient vanishing through time. The telemetry listener asks at sampled iterations,
 * right after backpropagation; the recurrent layers plug their implementation in here.
 */
@FunctionalInterface
public interface TimeStepGradients {

    /** For layers that keep no per-step gradients, and until recurrent layers exist. */
    TimeStepGradients NONE = (model, layerIndex) -> null;

    /**
     * @param layerIndex the layer's index in the model (as in {@link LayerTelemetry#index()})
     * @return one norm per time step of the last minibatch (averaged over its examples), or null
     */
    double[] norms(Model model, int layerIndex);
}
