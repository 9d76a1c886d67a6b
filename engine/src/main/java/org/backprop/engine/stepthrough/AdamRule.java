package org.backprop.engine.stepthrough;

import java.util.HashMap;
import java.util.Map;

/**
 * DL4J's Adam (libnd4j's adam updater helper): m_t = b1 m_{t-1} + (1 - b1) g,
 * v_t = b2 v_{t-1} + (1 - b2) g^2, alpha_t = eta sqrt(1 - b2^t) / (1 - b1^t) with t counted from 1,
 * and p+ = p - alpha_t m_t / (sqrt(v_t) + epsilon). The bias correction sits in alpha_t, with
 * epsilon outside the square root: not quite the paper's form, but DL4J's.
 */
final class AdamRule implements UpdateRule {
    private final double rate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<ParameterRef, double[]> moments = new HashMap<>();
    private double alpha;

    AdamRule(double rate, double beta1, double beta2, double epsilon) {
        this.rate = rate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public String describe() {
        return "adam, learning rate " + Tex.plain(rate) + ", beta1 " + Tex.plain(beta1)
                + ", beta2 " + Tex.plain(beta2) + ", epsilon " + Tex.plain(epsilon);
    }

    @Override
    public void begin(int iteration, Steps out) {
        int t = iteration + 1;
        alpha = rate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        out.draft(StepKind.LEARNING_RATE, -1, "Adam's step size for iteration " + t)
                .math("\\alpha_{" + t + "}", "\\eta " + Tex.frac("\\sqrt{1 - \\beta_2^{" + t + "}}", "1 - \\beta_1^{" + t + "}"),
                        Tex.num(rate) + " \\cdot " + Tex.frac("\\sqrt{1 - " + Tex.num(beta2) + "^{" + t + "}}", "1 - " + Tex.num(beta1) + "^{" + t + "}"),
                        alpha)
                .add();
    }

    @Override
    public Proposal propose(UpdateTarget p, int iteration, Steps out) {
        double[] before = moments.getOrDefault(p.ref(), new double[2]);
        double g = p.gradient();
        double m = beta1 * before[0] + (1 - beta1) * g;
        double v = beta2 * before[1] + (1 - beta2) * g * g;
        moments.put(p.ref(), new double[]{m, v});
        p.draft(out, StepKind.OPTIMIZER_STATE, "first moment (mean of gradients)")
                .math(p.state("m", false), "\\beta_1 " + p.state("m", true) + " + (1 - \\beta_1) " + p.gradientSymbol(),
                        Tex.times(Tex.num(beta1), Tex.factor(before[0])) + " + " + Tex.times(Tex.num(1 - beta1), Tex.factor(g)), m)
                .add();
        p.draft(out, StepKind.OPTIMIZER_STATE, "second moment (mean of squared gradients)")
                .math(p.state("v", false), "\\beta_2 " + p.state("v", true) + " + (1 - \\beta_2) " + Tex.paren(p.gradientSymbol()) + "^2",
                        Tex.times(Tex.num(beta2), Tex.factor(before[1])) + " + " + Tex.times(Tex.num(1 - beta2), Tex.squared(g)), v)
                .add();
        int t = iteration + 1;
        return new Proposal(p.symbol() + " - \\alpha_{" + t + "} " + Tex.frac(p.state("m", false), "\\sqrt{" + p.state("v", false) + "} + \\epsilon"),
                Tex.num(p.value()) + " - " + Tex.num(alpha) + " \\cdot " + Tex.frac(Tex.num(m), "\\sqrt{" + Tex.num(v) + "} + " + Tex.num(epsilon)),
                p.value() - alpha * m / (Math.sqrt(v) + epsilon));
    }
}
