package org.backprop.engine.telemetry;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts of values in {@code counts.length} equal bins from {@code min} to {@code max} (the
 * array's own range; the last bin includes {@code max}), as DL4J's training UI draws them.
 *
 * @param iteration the iteration (counted from 1) the values were taken at
 */
public record Histogram(long iteration, double min, double max, long[] counts) {

    /** Null when the array holds NaN or Inf (there is no range to bin). */
    static Histogram of(long iteration, INDArray values, int bins) {
        return of(iteration, values, ArrayScan.of(values), bins);
    }

    /** @param s the scan of {@code values}, when there is one already */
    static Histogram of(long iteration, INDArray values, ArrayScan s, int bins) {
        if (s.nonFinite() > 0 || s.length() == 0) return null;
        long[] counts = new long[bins];
        double width = (s.max() - s.min()) / bins;
        ArrayScan.Reader r = ArrayScan.Reader.of(values);
        for (int i = 0; i < r.length; i++) {
            int b = width == 0 ? 0 : (int) ((r.get(i) - s.min()) / width);
            counts[Math.min(b, bins - 1)]++;
        }
        return new Histogram(iteration, s.min(), s.max(), counts);
    }
}
