package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TimeSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DL4J's rule of thumb for the update:parameter ratio (mean |update| / mean |weight|, as its
 * training UI shows it on a log10 scale): about -3 is healthy; above -2 training tends to be
 * unstable; below -4 the weights learn too slowly. Only weights are judged: biases start at 0,
 * where the ratio means nothing.
 *
 * <p>A network that has already fitted its data also makes tiny updates, so "too slow" is only
 * reported while the loss is still above half its starting value.
 */
final class UpdateRatioRule implements Rule {
    static final double HIGH = -2;
    static final double LOW = -4;
    static final double STALLED_LOSS_FRACTION = 0.5;

    @Override
    public List<Finding> check(Telemetry t) {
        Map<String, Double> perLayer = new LinkedHashMap<>();
        List<LayerTelemetry> high = new ArrayList<>();
        List<LayerTelemetry> low = new ArrayList<>();
        for (LayerTelemetry l : Signals.weighted(t)) {
            double r = Signals.recent(Signals.weights(l).updateRatioLog10());
            if (!Double.isFinite(r)) continue;
            perLayer.put(l.id(), r);
            if (r > HIGH) high.add(l);
            if (r < LOW) low.add(l);
        }
        List<Finding> out = new ArrayList<>();
        if (!high.isEmpty()) {
            double worst = high.stream().mapToDouble(l -> perLayer.get(l.id())).max().orElseThrow();
            out.add(new Finding(Kind.UPDATE_RATIO_HIGH, Severity.WARNING, ids(high), first(high, r -> r > HIGH),
                    t.lastIteration(), Map.of("log10Ratio", round(worst)), perLayer,
                    List.of(Fix.LOWER_LEARNING_RATE, Fix.GRADIENT_CLIPPING)));
        }
        double lossFraction = lossFraction(t);
        if (!low.isEmpty() && lossFraction > STALLED_LOSS_FRACTION) {
            double worst = low.stream().mapToDouble(l -> perLayer.get(l.id())).min().orElseThrow();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("log10Ratio", round(worst));
            evidence.put("lossFraction", round(lossFraction));
            out.add(new Finding(Kind.UPDATE_RATIO_LOW, Severity.WARNING, ids(low), first(low, r -> r < LOW),
                    t.lastIteration(), evidence, perLayer,
                    List.of(Fix.HIGHER_LEARNING_RATE, Fix.RELU_HE_INIT, Fix.BATCH_NORMALIZATION)));
        }
        return out;
    }

    /** The recent loss over the loss at the start; NaN when unknown. */
    private static double lossFraction(Telemetry t) {
        TimeSeries.Points p = t.loss().points();
        if (p.size() == 0) return Double.NaN;
        return p.recentMedian(Signals.WINDOW) / p.mean()[0];
    }

    private static long first(List<LayerTelemetry> layers, java.util.function.DoublePredicate test) {
        return layers.stream().mapToLong(l -> Signals.firstIteration(Signals.weights(l).updateRatioLog10(), test))
                .filter(i -> i > 0).min().orElse(-1);
    }

    private static List<String> ids(List<LayerTelemetry> l) {
        return l.stream().map(LayerTelemetry::id).toList();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
