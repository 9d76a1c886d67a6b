package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TimeSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exploding gradients in time: a layer's weight-gradient norm jumps far above its recent typical
 * value and above anything it reached before. Each point's max is compared with the median of the
 * points before it, so a spike still counts after old points have merged. The "above anything
 * before" keeps a converging network quiet: once most batches fit, their gradients are tiny and
 * one harder batch is ten times the median, but no larger than the gradients of early training.
 */
final class GradientSpikeRule implements Rule {
    /** An order of magnitude above the recent typical value. */
    static final double FACTOR = 10;
    /** Points the typical value is taken over; fewer points than this are not judged. */
    static final int HISTORY = 3;

    @Override
    public List<Finding> check(Telemetry t) {
        List<String> layers = new ArrayList<>();
        Map<String, Double> perLayer = new LinkedHashMap<>();
        long firstIteration = Long.MAX_VALUE;
        double spike = 0;
        double typical = 0;
        for (LayerTelemetry l : Signals.weighted(t)) {
            TimeSeries.Points p = Signals.weights(l).gradientNorm().points();
            double highest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.size(); i++) {
                boolean newHigh = p.max()[i] > highest;
                highest = Math.max(highest, p.max()[i]);
                if (i < HISTORY || !newHigh) continue;
                double base = median(Arrays.copyOfRange(p.mean(), i - HISTORY, i));
                if (!(base > 0) || !(p.max()[i] > FACTOR * base)) continue;
                if (!layers.contains(l.id())) layers.add(l.id());
                perLayer.merge(l.id(), p.max()[i] / base, Math::max);
                if (p.first()[i] < firstIteration) {
                    firstIteration = p.first()[i];
                    spike = p.max()[i];
                    typical = base;
                }
            }
        }
        if (layers.isEmpty()) return List.of();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spike", spike);
        evidence.put("typical", typical);
        evidence.put("factor", Math.round(spike / typical * 10) / 10.0);
        return List.of(new Finding(Kind.GRADIENT_SPIKE, Severity.WARNING, layers, firstIteration, t.lastIteration(),
                evidence, perLayer, List.of(Fix.GRADIENT_CLIPPING, Fix.LOWER_LEARNING_RATE)));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
