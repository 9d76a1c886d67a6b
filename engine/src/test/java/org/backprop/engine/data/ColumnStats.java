package org.backprop.engine.data;

/** Population mean and standard deviation of one column, for checking scaled data. */
final class ColumnStats {
    private ColumnStats() {}

    static double mean(double[][] x, int j) {
        double s = 0;
        for (double[] row : x) s += row[j];
        return s / x.length;
    }

    static double sd(double[][] x, int j) {
        double m = mean(x, j), s = 0;
        for (double[] row : x) s += (row[j] - m) * (row[j] - m);
        return Math.sqrt(s / x.length);
    }
}
