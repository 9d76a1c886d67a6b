package org.backprop.engine.stepthrough;

import java.util.HashMap;
import java.util.Map;

/**
 * DL4J's RMSProp: s_t = rho s_{t-1} + (1 - rho) g^2, p+ = p - eta g / (sqrt(s_t) + epsilon).
 * DL4J starts s at epsilon, not 0 (measured), which matters where gradients are tiny.
 */
final class RmsPropRule implements UpdateRule {
    private final double rate;
    private final double decay;
    private final double epsilon;
    private final Map<ParameterRef, Double> squares = new HashMap<>();

    RmsPropRule(double rate, double decay, double epsilon) {
        this.rate = rate;
        this.decay = decay;
        this.epsilon = epsilon;
    }

    @Override
    public String describe() {
        return "rmsprop, learning rate " + Tex.plain(rate) + ", decay " + Tex.plain(decay)
                + ", epsilon " + Tex.plain(epsilon);
    }

    @Override
    public Proposal propose(UpdateTarget p, int iteration, Steps out) {
        double before = squares.getOrDefault(p.ref(), epsilon);
        double g = p.gradient();
        double s = decay * before + (1 - decay) * g * g;
        squares.put(p.ref(), s);
        p.draft(out, StepKind.OPTIMIZER_STATE, "moving mean of squared gradients")
                .math(p.state("s", false), "\\rho \\, " + p.state("s", true) + " + (1 - \\rho) " + Tex.paren(p.gradientSymbol()) + "^2",
                        Tex.times(Tex.num(decay), Tex.factor(before)) + " + " + Tex.times(Tex.num(1 - decay), Tex.squared(g)), s)
                .add();
        return new Proposal(p.symbol() + " - \\eta " + Tex.frac(p.gradientSymbol(), "\\sqrt{" + p.state("s", false) + "} + \\epsilon"),
                Tex.num(p.value()) + " - " + Tex.num(rate) + " \\cdot " + Tex.frac(Tex.num(g), "\\sqrt{" + Tex.num(s) + "} + " + Tex.num(epsilon)),
                p.value() - rate * g / (Math.sqrt(s) + epsilon));
    }
}
