package org.backprop.engine.data;

import java.util.List;

/**
 * Sequences before encoding: per sequence and time step the features and the target values (one-hot
 * for classes), and whether the step has a target at all; steps without one are masked out of the
 * loss (the adding problem asks only at the last step).
 *
 * @param features  [sequence][step][feature]
 * @param targets   [sequence][step][target]
 * @param classNames one per target column for classification, empty for regression
 */
record SequenceExamples(double[][][] features, double[][][] targets, boolean[][] hasTarget, List<String> classNames) {

    int size() {
        return features.length;
    }

    int steps() {
        return features[0].length;
    }

    int featureCount() {
        return features[0][0].length;
    }

    int targetCount() {
        return targets[0][0].length;
    }

    SequenceExamples slice(int from, int to) {
        return new SequenceExamples(java.util.Arrays.copyOfRange(features, from, to), java.util.Arrays.copyOfRange(targets, from, to),
                java.util.Arrays.copyOfRange(hasTarget, from, to), classNames);
    }

    /** Fisher-Yates with the given seed, so a split is the same on every run. */
    SequenceExamples shuffled(long seed) {
        java.util.Random r = new java.util.Random(seed);
        int n = size();
        double[][][] x = features.clone();
        double[][][] y = targets.clone();
        boolean[][] m = hasTarget.clone();
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double[][] tx = x[i]; x[i] = x[j]; x[j] = tx;
            double[][] ty = y[i]; y[i] = y[j]; y[j] = ty;
            boolean[] tm = m[i]; m[i] = m[j]; m[j] = tm;
        }
        return new SequenceExamples(x, y, m, classNames);
    }

    /** Sequence to one: only the last step keeps its target. */
    SequenceExamples lastStepOnly() {
        boolean[][] m = new boolean[size()][steps()];
        for (boolean[] row : m) row[row.length - 1] = true;
        return new SequenceExamples(features, targets, m, classNames);
    }
}
