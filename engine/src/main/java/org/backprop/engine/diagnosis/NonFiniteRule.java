package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.NonFiniteEvent;
import org.backprop.engine.telemetry.Telemetry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The first NaN or Inf of the run, where the listener located it. */
final class NonFiniteRule implements Rule {

    @Override
    public List<Finding> check(Telemetry t) {
        return t.nonFinite().map(e -> List.of(finding(e, t))).orElse(List.of());
    }

    private static Finding finding(NonFiniteEvent e, Telemetry t) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        Kind kind = switch (e.source()) {
            case LOSS -> Kind.NON_FINITE_LOSS;
            case ACTIVATIONS -> Kind.NON_FINITE_ACTIVATIONS;
            case GRADIENTS -> Kind.NON_FINITE_GRADIENTS;
            case PARAMETERS -> Kind.NON_FINITE_PARAMETERS;
        };
        if (kind == Kind.NON_FINITE_LOSS) {
            evidence.put("loss", e.loss());
        } else {
            evidence.put("nanCount", e.nanCount());
            evidence.put("infCount", e.infCount());
        }
        if (e.parameter() != null) evidence.put("parameter", e.parameter());
        return new Finding(kind, Severity.CRITICAL, List.of(e.layer()), e.iteration(), t.lastIteration(), evidence, Map.of(),
                List.of(Fix.LOWER_LEARNING_RATE, Fix.GRADIENT_CLIPPING, Fix.WEIGHT_INIT, Fix.NORMALIZE_INPUTS));
    }
}
