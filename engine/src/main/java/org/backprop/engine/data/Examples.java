package org.backprop.engine.data;

import java.util.List;

/**
 * Rows as plain arrays, before encoding: features, and either a class index per row
 * ({@code classNames} non-empty) or target values per row (regression).
 */
record Examples(double[][] features, int[] classes, double[][] values, List<String> classNames) {

    static Examples classes(double[][] x, int[] y, List<String> names) {
        return new Examples(x, y, null, List.copyOf(names));
    }

    static Examples values(double[][] x, double[][] y) {
        return new Examples(x, null, y, List.of());
    }

    int size() {
        return features.length;
    }

    int featureCount() {
        return features.length == 0 ? 0 : features[0].length;
    }

    Examples withFeatures(double[][] x) {
        return new Examples(x, classes, values, classNames);
    }

    boolean isClassification() {
        return !classNames.isEmpty();
    }

    Examples slice(int from, int to) {
        double[][] x = java.util.Arrays.copyOfRange(features, from, to);
        return isClassification()
                ? new Examples(x, java.util.Arrays.copyOfRange(classes, from, to), null, classNames)
                : new Examples(x, null, java.util.Arrays.copyOfRange(values, from, to), classNames);
    }

    /** Fisher-Yates with the given seed, so a split is the same on every run. */
    Examples shuffled(long seed) {
        java.util.Random r = new java.util.Random(seed);
        int n = size();
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        double[][] x = new double[n][];
        int[] c = isClassification() ? new int[n] : null;
        double[][] v = isClassification() ? null : new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = features[order[i]];
            if (c != null) c[i] = classes[order[i]];
            else v[i] = values[order[i]];
        }
        return new Examples(x, c, v, classNames);
    }
}
