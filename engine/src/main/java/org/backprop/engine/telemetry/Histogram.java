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
        double[] range = ArrayScan.finiteRange(values);
        if (range == null || values.length() == 0) return null;
        return new Histogram(iteration, range[0], range[1], ArrayScan.histogram(values, range[0], range[1], bins));
    }
}
