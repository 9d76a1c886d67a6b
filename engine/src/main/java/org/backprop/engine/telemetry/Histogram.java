package org.backprop.engine.telemetry;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts of values in {@code counts.length} equal bins from {@code min} to {@code max} (the last
 * bin includes {@code max}), as DL4J's training UI draws them. Arrays of more than
 * {@link #SAMPLE} elements are binned from that many evenly strided ones, so min and max are
 * those of the sample.
 *
 * @param iteration the iteration (counted from 1) the values were taken at
 * @param sampled   how many elements were binned (the sum of the counts)
 */
public record Histogram(long iteration, double min, double max, long[] counts, int sampled) {
    static final int SAMPLE = 8192;

    /** Null when the values hold NaN or Inf (there is no range to bin). */
    static Histogram of(long iteration, INDArray values, int bins) {
        double[] v = ArrayScan.sample(values, SAMPLE);
        if (v.length == 0) return null;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (!Double.isFinite(x)) return null;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        long[] counts = new long[bins];
        double scale = max > min ? bins / (max - min) : 0;
        for (double x : v) counts[Math.min(bins - 1, (int) ((x - min) * scale))]++;
        return new Histogram(iteration, min, max, counts, v.length);
    }
}
