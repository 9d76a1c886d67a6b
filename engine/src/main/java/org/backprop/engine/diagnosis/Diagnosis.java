package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.Telemetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a run's telemetry and says what is wrong, grounded in the DL4J documentation's guidance
 * on visualising training (update:parameter ratio, activation spread, gradients through depth
 * and in time, NaN/Inf).
 */
public final class Diagnosis {
    private final List<Rule> rules;

    public Diagnosis(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Diagnosis standard() {
        return new Diagnosis(List.of(new NonFiniteRule(), new GradientDepthRule(), new TimeStepRule(), new GradientSpikeRule(),
                new UpdateRatioRule(), new ActivationScaleRule(), new SaturationRule(), new DeadReluRule()));
    }

    /** Most severe first, then earliest. */
    public List<Finding> findings(Telemetry t) {
        List<Finding> out = new ArrayList<>();
        for (Rule r : rules) out.addAll(r.check(t));
        out.sort(Comparator.comparing(Finding::severity).reversed().thenComparingLong(Finding::iteration));
        return out;
    }
}
