package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.ParameterTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TimeSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/** The readings the rules share. */
final class Signals {
    /**
     * Rules judge the median of the newest sampled points: the state the run is in now, robust to
     * a single odd minibatch (100 iterations at the default sampling).
     */
    static final int WINDOW = 5;

    private Signals() {}

    /**
     * Layers that learn, with a weight matrix whose gradient was sampled, in forward order. A
     * frozen layer's zero gradient and update are by design, not vanishing or slow learning.
     */
    static List<LayerTelemetry> weighted(Telemetry t) {
        return t.layers().stream()
                .filter(l -> !l.frozen())
                .filter(l -> l.parameters().containsKey("W") && !l.parameters().get("W").gradientMeanAbs().isEmpty())
                .toList();
    }

    static ParameterTelemetry weights(LayerTelemetry l) {
        return l.parameters().get("W");
    }

    static double recent(TimeSeries s) {
        return s.points().recentMedian(WINDOW);
    }

    /**
     * One finding over the hidden layers whose recent value of {@code series} passes {@code test},
     * or none. The evidence "{@code evidenceKey}" is the value furthest out ({@code worst}
     * chooses) times {@code scale} (100 for a percentage); {@code perLayer} holds every layer's value.
     */
    static List<Finding> perLayer(Telemetry t, Kind kind, Severity severity, Function<LayerTelemetry, TimeSeries> series,
                                  DoublePredicate test, String evidenceKey, double scale, DoubleBinaryOperator worst,
                                  List<Fix> fixes) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<LayerTelemetry> flagged = new ArrayList<>();
        for (LayerTelemetry l : t.layers()) {
            // A frozen layer's units are what pretraining left; no fix offered here changes them.
            if (l.output() || l.frozen() || series.apply(l).isEmpty()) continue;
            double v = recent(series.apply(l));
            values.put(l.id(), v);
            if (test.test(v)) flagged.add(l);
        }
        if (flagged.isEmpty()) return List.of();
        double extreme = flagged.stream().mapToDouble(l -> values.get(l.id())).reduce(worst).orElseThrow();
        long first = flagged.stream().mapToLong(l -> firstIteration(series.apply(l), test)).filter(i -> i > 0).min().orElse(-1);
        return List.of(new Finding(kind, severity, flagged.stream().map(LayerTelemetry::id).toList(), first,
                t.lastIteration(), Map.of(evidenceKey, extreme * scale), values, fixes));
    }

    /** The first iteration of the first point whose mean satisfies the test, or -1. */
    static long firstIteration(TimeSeries s, DoublePredicate test) {
        TimeSeries.Points p = s.points();
        for (int i = 0; i < p.size(); i++) if (test.test(p.mean()[i])) return p.first()[i];
        return -1;
    }
}
