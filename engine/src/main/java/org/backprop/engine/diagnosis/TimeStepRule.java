package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.LayerTelemetry;
import org.backprop.engine.telemetry.Telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Vanishing and exploding gradients through time, from the gradient reaching each time step of
 * a recurrent layer, ||dL/dh_t|| (telemetry's time-step norms). Backpropagation through time
 * multiplies the gradient by the recurrent weights and the activation's slope at every step back;
 * where that factor stays below 1 the first steps get almost nothing, where it is 1 or more the
 * gradient piles up and the update of the recurrent weights, a sum over all steps, becomes huge.
 *
 * <p>Each sample gives two numbers; the rule judges the median sample of the newest
 * {@link Signals#WINDOW} by each (and quotes that sample's norms, so the numbers a finding shows
 * agree with each other):
 * <ul>
 *   <li>reach = ||dL/dh_0|| / max over t &lt; T-1 of ||dL/dh_t||. The last step is left out: in a
 *       sequence-to-one task it is where the loss enters, its size set by the output layer, not by
 *       the recurrence (an LSTM's last step has 4-5 times its penultimate's gradient, a plain
 *       layer's 1.7 times).</li>
 *   <li>growth = max over t of ||dL/dh_t|| / ||dL/dh_{T-1}||: how much the gradient grows on its
 *       way back from the last step.</li>
 * </ul>
 * Measured on the samples (full minibatches, sampled every 10 iterations, median of 5):
 * rnn-adding's reach stays between 1.7e-4 and 6.1e-3 for 300 iterations (2.3e-3 at 200); lstm-adding's
 * is as low while its gates learn (2.5e-3 at 100, 8.3e-3 at 180), 0.022 at 200 and 0.9 from 250 on;
 * elman-sine, jordan-sine: 0.7 to 1. Growth: rnn-exploding 16 at its first iteration (then it
 * overflows); elman-sine 4.5 to 7.8, jordan-sine 1 to 3.2, the adding problems 1. With clipping
 * rnn-exploding trains and still grows 5 to 16 times: a clipped layer is not reported.
 */
final class TimeStepRule implements Rule {
    /** Two orders of magnitude between the first step and the later ones. */
    static final double REACH = 1e-2;
    static final double CRITICAL_REACH = 1e-4;
    /** An order of magnitude more at the earlier steps than at the last. */
    static final double GROWTH = 10;
    static final double CRITICAL_GROWTH = 100;
    /** Fewer steps make no "through time". */
    static final int MIN_STEPS = 4;

    @Override
    public List<Finding> check(Telemetry t) {
        List<LayerTelemetry> vanishing = new ArrayList<>();
        List<LayerTelemetry> exploding = new ArrayList<>();
        Map<String, Double> reach = new LinkedHashMap<>();
        Map<String, Double> growth = new LinkedHashMap<>();
        Map<String, double[]> reachSample = new LinkedHashMap<>();
        Map<String, double[]> growthSample = new LinkedHashMap<>();
        for (LayerTelemetry l : t.layers()) {
            List<double[]> recent = recent(l);
            if (recent.isEmpty()) continue;
            reachSample.put(l.id(), median(recent, TimeStepRule::reach));
            growthSample.put(l.id(), median(recent, TimeStepRule::growth));
            double r = reach(reachSample.get(l.id()));
            double g = growth(growthSample.get(l.id()));
            reach.put(l.id(), r);
            growth.put(l.id(), g);
            if (r < REACH) vanishing.add(l);
            if (g >= GROWTH && !l.gradientClipped()) exploding.add(l);
        }
        List<Finding> out = new ArrayList<>();
        if (!vanishing.isEmpty()) {
            LayerTelemetry worst = vanishing.stream().min((a, b) -> Double.compare(reach.get(a.id()), reach.get(b.id()))).orElseThrow();
            double r = reach.get(worst.id());
            double[] n = reachSample.get(worst.id());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("orders", Math.floor(-Math.log10(r) * 10) / 10);
            evidence.put("firstNorm", n[0]);
            evidence.put("laterNorm", Arrays.stream(n, 0, n.length - 1).max().orElseThrow());
            evidence.put("steps", n.length);
            out.add(new Finding(Kind.VANISHING_THROUGH_TIME, r < CRITICAL_REACH ? Severity.CRITICAL : Severity.WARNING,
                    ids(vanishing), first(vanishing, v -> reach(v) < REACH), t.lastIteration(), evidence, reach,
                    List.of(Fix.LSTM)));
        }
        if (!exploding.isEmpty()) {
            LayerTelemetry worst = exploding.stream().max((a, b) -> Double.compare(growth.get(a.id()), growth.get(b.id()))).orElseThrow();
            double g = growth.get(worst.id());
            double[] n = growthSample.get(worst.id());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("factor", Math.round(g * 10) / 10.0);
            evidence.put("peakNorm", Arrays.stream(n).max().orElseThrow());
            evidence.put("lastNorm", n[n.length - 1]);
            evidence.put("steps", n.length);
            out.add(new Finding(Kind.EXPLODING_THROUGH_TIME, g >= CRITICAL_GROWTH ? Severity.CRITICAL : Severity.WARNING,
                    ids(exploding), first(exploding, v -> growth(v) >= GROWTH), t.lastIteration(), evidence, growth,
                    List.of(Fix.GRADIENT_CLIPPING, Fix.GRADIENT_RENORMALIZATION, Fix.LOWER_LEARNING_RATE)));
        }
        return out;
    }

    static double reach(double[] n) {
        return n[0] / Arrays.stream(n, 0, n.length - 1).max().orElseThrow();
    }

    static double growth(double[] n) {
        return Arrays.stream(n).max().orElseThrow() / n[n.length - 1];
    }

    /** The newest samples that can be judged: long enough, finite, and with a gradient at all. */
    private static List<double[]> recent(LayerTelemetry l) {
        List<double[]> all = l.timeStepNorms().toList().stream().map(LayerTelemetry.TimeStepNorms::norms)
                .filter(TimeStepRule::judgeable)
                .toList();
        return all.subList(Math.max(0, all.size() - Signals.WINDOW), all.size());
    }

    private static boolean judgeable(double[] n) {
        return n.length >= MIN_STEPS && Arrays.stream(n).allMatch(Double::isFinite) && n[n.length - 1] > 0
                && Arrays.stream(n, 0, n.length - 1).max().orElseThrow() > 0;
    }

    /** The sample in the middle when ordered by f (of an even number, the upper of the middle two). */
    private static double[] median(List<double[]> samples, ToDoubleFunction<double[]> f) {
        List<double[]> sorted = samples.stream().sorted(java.util.Comparator.comparingDouble(f)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The earliest kept sample of any flagged layer that already showed it. */
    private static long first(List<LayerTelemetry> layers, java.util.function.Predicate<double[]> shows) {
        long first = Long.MAX_VALUE;
        for (LayerTelemetry l : layers) {
            for (LayerTelemetry.TimeStepNorms s : l.timeStepNorms().toList()) {
                double[] n = s.norms();
                if (judgeable(n) && shows.test(n)) {
                    first = Math.min(first, s.iteration());
                    break;
                }
            }
        }
        return first == Long.MAX_VALUE ? -1 : first;
    }

    private static List<String> ids(List<LayerTelemetry> layers) {
        return layers.stream().map(LayerTelemetry::id).toList();
    }
}
