package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.Telemetry;

import java.util.List;

/**
 * ReLU layers where most units output 0 for a whole minibatch. A dead unit gets no gradient and
 * so never recovers; a few are normal, most of a layer means lost capacity (often after a too
 * large step pushed the biases negative).
 */
final class DeadReluRule implements Rule {
    static final double MOSTLY = 0.5;

    @Override
    public List<Finding> check(Telemetry t) {
        return Signals.perLayer(t, Kind.DEAD_RELUS, Severity.WARNING, LayerTelemetry::deadFraction,
                v -> v > MOSTLY, "percent", 100, Math::max,
                List.of(Fix.LOWER_LEARNING_RATE, Fix.LEAKY_RELU, Fix.RELU_HE_INIT));
    }
}
