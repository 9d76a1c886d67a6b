package org.backprop.engine.project;

import java.util.Arrays;

/**
 * Pinned values of one parameter array, in DL4J's layout: a dense layer's W is
 * [nIn, nOut] (rows are inputs), b is [nOut]. In a file a matrix is a list of rows
 * and a vector a flat list.
 */
public record ParameterValues(int[] shape, double[] values) {

    public ParameterValues {
        long n = 1;
        for (int d : shape) n *= d;
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
        }
        shape = shape.clone();
        values = values.clone();
    }

    public static ParameterValues vector(double... v) {
        return new ParameterValues(new int[]{v.length}, v);
    }

    public static ParameterValues matrix(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return new ParameterValues(new int[]{rows.length, cols}, flat);
    }

    public long length() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterValues p && Arrays.equals(shape, p.shape) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ParameterValues" + Arrays.toString(shape);
    }
}
