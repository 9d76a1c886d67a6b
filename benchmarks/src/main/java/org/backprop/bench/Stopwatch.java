package org.backprop.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/** Repeats a measurement and reports the median, so one slow round does not decide. */
final class Stopwatch {
    private Stopwatch() {}

    /** Runs {@code rounds} measurements of a rate (higher is better) and returns them sorted. */
    static double[] rates(int rounds, DoubleSupplier measure) {
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) r[i] = measure.getAsDouble();
        Arrays.sort(r);
        return r;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
