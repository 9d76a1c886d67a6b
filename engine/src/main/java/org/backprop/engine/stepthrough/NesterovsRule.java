package org.backprop.engine.stepthrough;

import java.util.HashMap;
import java.util.Map;

/**
 * DL4J's Nesterov momentum (NesterovsUpdater, after cs231n): v_t = mu v_{t-1} - eta g, and the
 * parameter moves by mu v_{t-1} - (1 + mu) v_t the other way: p+ = p - (mu v_{t-1} - (1 + mu) v_t).
 */
final class NesterovsRule implements UpdateRule {
    private final double rate;
    private final double momentum;
    private final Map<ParameterRef, Double> velocity = new HashMap<>();

    NesterovsRule(double rate, double momentum) {
        this.rate = rate;
        this.momentum = momentum;
    }

    @Override
    public String describe() {
        return "nesterovs, learning rate " + Tex.plain(rate) + ", momentum " + Tex.plain(momentum);
    }

    @Override
    public Proposal propose(UpdateTarget p, int iteration, Steps out) {
        double before = velocity.getOrDefault(p.ref(), 0.0);
        double v = momentum * before - rate * p.gradient();
        velocity.put(p.ref(), v);
        String vPrev = p.state("v", true);
        String vNow = p.state("v", false);
        p.draft(out, StepKind.OPTIMIZER_STATE, "velocity")
                .math(vNow, "\\mu \\, " + vPrev + " - \\eta " + p.gradientSymbol(),
                        Tex.times(Tex.num(momentum), Tex.factor(before)) + " - " + Tex.times(Tex.num(rate), Tex.factor(p.gradient())), v)
                .add();
        double step = momentum * before - (1 + momentum) * v;
        return new Proposal(p.symbol() + " - " + Tex.paren("\\mu \\, " + vPrev + " - (1 + \\mu) \\, " + vNow),
                Tex.num(p.value()) + " - " + Tex.paren(Tex.times(Tex.num(momentum), Tex.factor(before)) + " - "
                        + Tex.times(Tex.num(1 + momentum), Tex.factor(v))),
                p.value() - step);
    }
}
