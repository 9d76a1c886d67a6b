package org.backprop.visual.dashboard;

import java.util.List;

/**
 * Counts of test examples by true class (rows) and predicted class (columns).
 *
 * @param iteration the iteration of the model snapshot it was measured on
 */
public record ConfusionMatrix(List<String> classes, long[][] counts, long iteration) {

    public ConfusionMatrix {
        classes = List.copyOf(classes);
        if (counts.length != classes.size()) throw new IllegalArgumentException(counts.length + " rows for " + classes.size() + " classes");
        for (long[] r : counts) if (r.length != classes.size()) throw new IllegalArgumentException("not square");
    }

    /** From true and predicted class indices. */
    public static ConfusionMatrix of(List<String> classes, int[] truth, int[] predicted, long iteration) {
        long[][] c = new long[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) c[truth[i]][predicted[i]]++;
        return new ConfusionMatrix(classes, c, iteration);
    }

    public int size() { return classes.size(); }

    public long rowTotal(int c) {
        long s = 0;
        for (long v : counts[c]) s += v;
        return s;
    }

    /** Recall of each class: the share of its examples predicted right; NaN for a class with none. */
    public double perClassAccuracy(int c) {
        long t = rowTotal(c);
        return t == 0 ? Double.NaN : (double) counts[c][c] / t;
    }

    public double accuracy() {
        long right = 0, all = 0;
        for (int c = 0; c < size(); c++) {
            right += counts[c][c];
            all += rowTotal(c);
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }
}
