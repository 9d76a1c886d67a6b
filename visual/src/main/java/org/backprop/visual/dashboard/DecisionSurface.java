package org.backprop.visual.dashboard;

import java.util.List;

/**
 * A model's output over the plane of a 2-D data set, sampled on an {@code nx x ny} grid, with the
 * training and test points: what {@link DecisionBoundaryView} draws.
 *
 * @param values    {@code values[(iy * nx + ix) * outputs + k]}, grid point (ix, iy) at
 *                  {@link #x(int)}, {@link #y(int)}; iy = 0 is the bottom row
 * @param classes   class names for classification, empty for regression
 * @param iteration the iteration of the model snapshot
 */
public record DecisionSurface(double xMin, double xMax, double yMin, double yMax, int nx, int ny, int outputs,
                              float[] values, List<String> classes, Points train, Points test, long iteration) {

    /**
     * Points of the data set.
     *
     * @param target the class index for classification, else the target value
     */
    public record Points(double[] x, double[] y, double[] target) {
        public int size() { return x.length; }
    }

    public enum Kind { BINARY, MULTICLASS, REGRESSION }

    public DecisionSurface {
        classes = List.copyOf(classes);
        if (values.length != nx * ny * outputs) throw new IllegalArgumentException("values: " + values.length);
    }

    public Kind kind() {
        if (classes.isEmpty()) return Kind.REGRESSION;
        return classes.size() == 2 && outputs <= 2 ? Kind.BINARY : Kind.MULTICLASS;
    }

    public double x(int ix) { return nx == 1 ? xMin : xMin + (xMax - xMin) * ix / (nx - 1); }

    public double y(int iy) { return ny == 1 ? yMin : yMin + (yMax - yMin) * iy / (ny - 1); }

    public float value(int ix, int iy, int k) { return values[(iy * nx + ix) * outputs + k]; }

    /** Binary: the probability of the second class (a sigmoid unit, or a softmax's second unit). */
    public double probability(int ix, int iy) {
        return outputs == 1 ? value(ix, iy, 0) : value(ix, iy, 1);
    }

    /** The class predicted at a grid point, and how sure (the winning output). */
    public int predicted(int ix, int iy) {
        if (kind() == Kind.BINARY) return probability(ix, iy) >= 0.5 ? 1 : 0;
        int best = 0;
        for (int k = 1; k < outputs; k++) if (value(ix, iy, k) > value(ix, iy, best)) best = k;
        return best;
    }

    /**
     * The fields whose zero level is a decision boundary: p - 0.5 for two classes; for more,
     * one per class, its output minus the best other output.
     */
    public double[][] boundaryFields() {
        int n = nx * ny;
        if (kind() == Kind.REGRESSION) return new double[0][];
        if (kind() == Kind.BINARY) {
            double[] f = new double[n];
            for (int iy = 0; iy < ny; iy++) for (int ix = 0; ix < nx; ix++) f[iy * nx + ix] = probability(ix, iy) - 0.5;
            return new double[][]{f};
        }
        double[][] f = new double[outputs][n];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < outputs; k++) {
                double other = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < outputs; j++) if (j != k) other = Math.max(other, values[p * outputs + j]);
                f[k][p] = values[p * outputs + k] - other;
            }
        }
        return f;
    }
}
