package org.backprop.visual.dashboard;

/**
 * Exponential moving average as TensorBoard smooths a noisy loss: {@code s = w * s + (1 - w) * y},
 * divided by {@code 1 - w^k} after {@code k} values so that the start is not pulled towards zero.
 * Non-finite values pass through without touching the average. Weight 0 is no smoothing.
 */
public final class Ema {
    private final double weight;
    private double average;
    private double debias = 1;

    public Ema(double weight) {
        if (!(weight >= 0 && weight < 1)) throw new IllegalArgumentException("weight in [0, 1), got " + weight);
        this.weight = weight;
    }

    public double weight() { return weight; }

    public double next(double y) {
        if (!Double.isFinite(y)) return y;
        average = weight * average + (1 - weight) * y;
        debias *= weight;
        return average / (1 - debias);
    }

    /** Smooths {@code from} into {@code to} (cleared first), keeping x. */
    public static void smooth(SeriesBuffer from, SeriesBuffer to, double weight) {
        to.clear();
        Ema e = new Ema(weight);
        for (int i = 0; i < from.size(); i++) to.add(from.x(i), e.next(from.y(i)));
    }
}
