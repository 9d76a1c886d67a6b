package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TimeSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vanishing and exploding gradients through depth: compares each layer's mean |weight gradient|
 * with the output layer's. Backpropagation multiplies the gradient by every layer's weights and
 * activation slope on its way back; when those factors stay below (above) 1, the gradient shrinks
 * (grows) by orders of magnitude toward the input. Mean |g| rather than the norm, so that layers
 * of different sizes compare fairly.
 */
final class GradientDepthRule implements Rule {
    /** Two orders of magnitude: far beyond what layer sizes or one noisy batch explain. */
    static final double FACTOR = 1e2;
    /** Four orders of magnitude: the first layers practically do not learn. */
    static final double CRITICAL_FACTOR = 1e4;

    @Override
    public List<Finding> check(Telemetry t) {
        List<LayerTelemetry> layers = Signals.weighted(t);
        if (layers.size() < 2) return List.of();
        LayerTelemetry output = layers.get(layers.size() - 1);
        double reference = Signals.recent(Signals.weights(output).gradientMeanAbs());
        if (!(reference > 0) || !Double.isFinite(reference)) return List.of();
        Map<String, Double> perLayer = new LinkedHashMap<>();
        List<LayerTelemetry> small = new ArrayList<>();
        List<LayerTelemetry> large = new ArrayList<>();
        for (LayerTelemetry l : layers) {
            double v = Signals.recent(Signals.weights(l).gradientMeanAbs());
            perLayer.put(l.id(), v);
            if (l == output || !Double.isFinite(v)) continue;
            if (v < reference / FACTOR) small.add(l);
            if (v > reference * FACTOR) large.add(l);
        }
        List<Finding> out = new ArrayList<>();
        if (!small.isEmpty()) out.add(finding(Kind.VANISHING_GRADIENTS, small, output, reference, perLayer, t, false));
        if (!large.isEmpty()) out.add(finding(Kind.EXPLODING_GRADIENTS, large, output, reference, perLayer, t, true));
        return out;
    }

    private static Finding finding(Kind kind, List<LayerTelemetry> flagged, LayerTelemetry output, double reference,
                                   Map<String, Double> perLayer, Telemetry t, boolean growing) {
        double extreme = flagged.stream().mapToDouble(l -> perLayer.get(l.id()))
                .reduce(growing ? Double::max : Double::min).orElseThrow();
        double ratio = growing ? extreme / reference : reference / extreme;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("orders", Math.floor(Math.log10(ratio) * 10) / 10);
        evidence.put(growing ? "largestMeanAbs" : "weakestMeanAbs", extreme);
        evidence.put("outputLayer", output.id());
        evidence.put("outputMeanAbs", reference);
        List<Fix> fixes = new ArrayList<>();
        if (growing) {
            fixes.addAll(List.of(Fix.GRADIENT_CLIPPING, Fix.LOWER_LEARNING_RATE, Fix.WEIGHT_INIT, Fix.BATCH_NORMALIZATION));
        } else {
            fixes.add(Fix.RELU_HE_INIT);
            if (flagged.stream().anyMatch(l -> l.activation().equals("sigmoid"))) fixes.add(Fix.TANH_XAVIER_INIT);
            fixes.add(Fix.BATCH_NORMALIZATION);
        }
        if (flagged.stream().anyMatch(LayerTelemetry::recurrent)) fixes.add(Fix.LSTM);
        Severity severity = ratio >= CRITICAL_FACTOR ? Severity.CRITICAL : Severity.WARNING;
        return new Finding(kind, severity, flagged.stream().map(LayerTelemetry::id).toList(),
                firstIteration(flagged, output, growing), t.lastIteration(), evidence, perLayer, fixes);
    }

    /** The first sampled iteration at which any flagged layer was already that far from the output layer. */
    private static long firstIteration(List<LayerTelemetry> flagged, LayerTelemetry output, boolean growing) {
        TimeSeries.Points ref = Signals.weights(output).gradientMeanAbs().points();
        long first = Long.MAX_VALUE;
        for (LayerTelemetry l : flagged) {
            TimeSeries.Points p = Signals.weights(l).gradientMeanAbs().points();
            // All gradient series are sampled at the same iterations and merge in step.
            for (int i = 0; i < Math.min(p.size(), ref.size()); i++) {
                double r = p.mean()[i] / ref.mean()[i];
                if (growing ? r > FACTOR : r < 1 / FACTOR) {
                    first = Math.min(first, p.first()[i]);
                    break;
                }
            }
        }
        return first == Long.MAX_VALUE ? ref.last()[ref.size() - 1] : first;
    }
}
