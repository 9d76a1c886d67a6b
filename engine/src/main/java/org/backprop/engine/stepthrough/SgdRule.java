package org.backprop.engine.stepthrough;

/** Plain gradient descent: p+ = p - eta * dE/dp. */
final class SgdRule implements UpdateRule {
    private final double rate;

    SgdRule(double rate) {
        this.rate = rate;
    }

    @Override
    public String describe() {
        return "sgd, learning rate " + Tex.plain(rate);
    }

    @Override
    public Proposal propose(UpdateTarget p, int iteration, Steps out) {
        return new Proposal(p.symbol() + " - \\eta " + p.gradientSymbol(),
                Tex.num(p.value()) + " - " + Tex.times(Tex.num(rate), Tex.factor(p.gradient())),
                p.value() - rate * p.gradient());
    }
}
