package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;

/**
 * Per-column feature scaling, x' = (x - offset) / scale. The statistics come from the training
 * part only and are then applied unchanged to the test part: test rows stand for data the
 * network has never seen, so they must not shape its inputs.
 *
 * @param method one of {@link DataSpec#NORMALIZATIONS}
 */
record FeatureScaling(String method, double[] offset, double[] scale) {

    /** Fits the method to the training rows. A constant column maps to 0, never to NaN. */
    static FeatureScaling fit(String method, double[][] train) throws DataException {
        int d = train.length == 0 ? 0 : train[0].length;
        double[] offset = new double[d];
        double[] scale = new double[d];
        java.util.Arrays.fill(scale, 1);
        switch (method) {
            case "none" -> { }
            case "scale255" -> java.util.Arrays.fill(scale, 255);
            case "minmax", "standardize" -> {
                for (int j = 0; j < d; j++) {
                    double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
                    for (double[] row : train) {
                        min = Math.min(min, row[j]);
                        max = Math.max(max, row[j]);
                        sum += row[j];
                    }
                    if (min == max) {
                        offset[j] = min;
                    } else if (method.equals("minmax")) {
                        offset[j] = min;
                        scale[j] = max - min;
                    } else {
                        double mean = sum / train.length;
                        double squares = 0;
                        for (double[] row : train) squares += (row[j] - mean) * (row[j] - mean);
                        double sd = Math.sqrt(squares / train.length);
                        offset[j] = mean;
                        scale[j] = sd > 0 ? sd : 1;
                    }
                }
            }
            default -> throw new DataException("unknown normalize \"" + method + "\"; expected one of "
                    + String.join(", ", DataSpec.NORMALIZATIONS));
        }
        return new FeatureScaling(method, offset, scale);
    }

    /** New rows; the given ones are shared between splits and shuffles, so they stay untouched. */
    double[][] apply(double[][] x) {
        if (method.equals("none")) return x;
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double[] r = new double[row.length];
            for (int j = 0; j < row.length; j++) r[j] = (row[j] - offset[j]) / scale[j];
            out[i] = r;
        }
        return out;
    }

    /** How the description of the data names it, e.g. "standardized"; empty for none. */
    String label() {
        return switch (method) {
            case "standardize" -> "standardized";
            case "minmax" -> "scaled to [0, 1]";
            case "scale255" -> "pixels / 255";
            default -> "";
        };
    }
}
