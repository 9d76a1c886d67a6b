package org.backprop.visual.dashboard;

import java.util.Arrays;

/**
 * A growable pair of primitive arrays (x ascending): one curve of a run, with room for a million
 * points at 16 bytes each and no boxing. Written and read on the UI thread.
 */
public final class SeriesBuffer {
    private double[] x = new double[256];
    private double[] y = new double[256];
    private int size;

    public void add(double px, double py) {
        if (size == x.length) {
            x = Arrays.copyOf(x, size * 2);
            y = Arrays.copyOf(y, size * 2);
        }
        x[size] = px;
        y[size] = py;
        size++;
    }

    public int size() { return size; }

    public double x(int i) { return x[i]; }

    public double y(int i) { return y[i]; }

    /** The backing arrays: valid up to {@link #size()}, replaced when the buffer grows. */
    public double[] xs() { return x; }

    public double[] ys() { return y; }

    public void setY(int i, double v) { y[i] = v; }

    public void clear() { size = 0; }

    public double lastX() { return size == 0 ? Double.NaN : x[size - 1]; }
}
