package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.Telemetry;

import java.util.List;

/**
 * Sigmoid and tanh layers whose activations mostly sit in the flat tails (|z| > 4), where the
 * slope is below 0.02 (sigmoid) or 0.0014 (tanh): almost no gradient passes such a layer.
 */
final class SaturationRule implements Rule {
    static final double MOSTLY = 0.5;

    @Override
    public List<Finding> check(Telemetry t) {
        return Signals.perLayer(t, Kind.SATURATED_UNITS, Severity.WARNING, LayerTelemetry::saturatedFraction,
                v -> v > MOSTLY, "percent", 100, Math::max,
                List.of(Fix.NORMALIZE_INPUTS, Fix.WEIGHT_INIT, Fix.BATCH_NORMALIZATION, Fix.RELU_HE_INIT));
    }
}
