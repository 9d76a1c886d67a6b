package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.Telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * DL4J's guidance puts a healthy activation standard deviation between 0.5 and 2. Bounded
 * activations (sigmoid) sit below that range by design, so only values an order of magnitude
 * outside it are reported: activations that hardly vary between examples, or that blow up.
 */
final class ActivationScaleRule implements Rule {
    static final double COLLAPSED_BELOW = 0.5 / 10;
    static final double EXPLODING_ABOVE = 2 * 10;

    @Override
    public List<Finding> check(Telemetry t) {
        List<Finding> out = new ArrayList<>();
        out.addAll(Signals.perLayer(t, Kind.ACTIVATIONS_COLLAPSED, Severity.WARNING, LayerTelemetry::activationStd,
                v -> v < COLLAPSED_BELOW, "std", 1, Math::min,
                List.of(Fix.WEIGHT_INIT, Fix.BATCH_NORMALIZATION, Fix.NORMALIZE_INPUTS)));
        out.addAll(Signals.perLayer(t, Kind.ACTIVATIONS_EXPLODING, Severity.WARNING, LayerTelemetry::activationStd,
                v -> v > EXPLODING_ABOVE, "std", 1, Math::max,
                List.of(Fix.WEIGHT_INIT, Fix.LOWER_LEARNING_RATE, Fix.BATCH_NORMALIZATION, Fix.NORMALIZE_INPUTS)));
        return out;
    }
}
