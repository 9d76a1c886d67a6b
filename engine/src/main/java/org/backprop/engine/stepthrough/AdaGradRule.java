package org.backprop.engine.stepthrough;

import java.util.HashMap;
import java.util.Map;

/**
 * DL4J's AdaGrad: h_t = h_{t-1} + g^2, p+ = p - eta g / (sqrt(h_t) + epsilon). DL4J starts h at
 * epsilon, not 0 (measured), which matters where gradients are tiny.
 */
final class AdaGradRule implements UpdateRule {
    private final double rate;
    private final double epsilon;
    private final Map<ParameterRef, Double> history = new HashMap<>();

    AdaGradRule(double rate, double epsilon) {
        this.rate = rate;
        this.epsilon = epsilon;
    }

    @Override
    public String describe() {
        return "adagrad, learning rate " + Tex.plain(rate) + ", epsilon " + Tex.plain(epsilon);
    }

    @Override
    public Proposal propose(UpdateTarget p, int iteration, Steps out) {
        double before = history.getOrDefault(p.ref(), epsilon);
        double g = p.gradient();
        double h = before + g * g;
        history.put(p.ref(), h);
        p.draft(out, StepKind.OPTIMIZER_STATE, "sum of squared gradients")
                .math(p.state("h", false), p.state("h", true) + " + " + Tex.paren(p.gradientSymbol()) + "^2",
                        Tex.num(before) + " + " + Tex.squared(g), h)
                .add();
        return new Proposal(p.symbol() + " - \\eta " + Tex.frac(p.gradientSymbol(), "\\sqrt{" + p.state("h", false) + "} + \\epsilon"),
                Tex.num(p.value()) + " - " + Tex.num(rate) + " \\cdot " + Tex.frac(Tex.num(g), "\\sqrt{" + Tex.num(h) + "} + " + Tex.num(epsilon)),
                p.value() - rate * g / (Math.sqrt(h) + epsilon));
    }
}
