package org.backprop.visual.dashboard;

import java.util.Arrays;

/**
 * Reduces a line of any length to what a chart of a given width can show. The visible x range is
 * cut into one bucket per pixel column and each bucket keeps four points: its first, lowest,
 * highest and last (in x order; the "M4" aggregation of Jugel et al., VLDB 2014). Drawn as a
 * polyline, the result colours the same pixel columns from the same lowest to the same highest
 * value as the full line would, so a run of a million iterations costs the chart about four
 * points per pixel column, never a million.
 *
 * <p>Points whose y is not finite are skipped. The one point on each side of the visible range is
 * kept, so that the line runs to the chart's edges when zoomed in. Pure and allocation-free in
 * steady state: the output buffer is reused from frame to frame.
 */
public final class Decimator {
    private Decimator() {}

    /** A reusable output: {@code size} points in {@code x} and {@code y}. */
    public static final class Line {
        private double[] x = new double[64];
        private double[] y = new double[64];
        private int size;

        public int size() { return size; }

        public double x(int i) { return x[i]; }

        public double y(int i) { return y[i]; }

        void clear() { size = 0; }

        void add(double px, double py) {
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
            }
            x[size] = px;
            y[size] = py;
            size++;
        }
    }

    /**
     * @param x       ascending x values (iterations), {@code n} of them
     * @param y       the values
     * @param n       how many of the arrays' entries are valid
     * @param x0      left edge of the visible range
     * @param x1      right edge of the visible range ({@code > x0})
     * @param buckets pixel columns of the plot area (at least 1)
     * @param out     cleared, then filled; at most {@code 4 * buckets + 2} points
     */
    public static void decimate(double[] x, double[] y, int n, double x0, double x1, int buckets, Line out) {
        out.clear();
        if (n == 0) return;
        buckets = Math.max(1, buckets);
        // The visible slice, widened by one point on each side.
        int from = Math.max(0, lowerBound(x, n, x0) - 1);
        int to = Math.min(n, upperBound(x, n, x1) + 1);
        if (to - from <= 4 * buckets) {
            for (int i = from; i < to; i++) if (Double.isFinite(y[i])) out.add(x[i], y[i]);
            return;
        }
        double width = x1 - x0;
        int bucket = Integer.MIN_VALUE;
        int first = -1, min = -1, max = -1, last = -1;
        for (int i = from; i < to; i++) {
            double v = y[i];
            if (!Double.isFinite(v)) continue;
            int b = bucketOf(x[i], x0, width, buckets);
            if (b != bucket) {
                emit(x, y, first, min, max, last, out);
                bucket = b;
                first = min = max = last = i;
                continue;
            }
            if (v < y[min]) min = i;
            if (v > y[max]) max = i;
            last = i;
        }
        emit(x, y, first, min, max, last, out);
    }

    /**
     * One point per pixel column, the mean of the column's points: for a line that is already a
     * trend (the smoothed loss), where the column's extremes would be noise again. Short lines pass
     * through unchanged; the point on each side of the visible range is kept.
     */
    public static void decimateMean(double[] x, double[] y, int n, double x0, double x1, int buckets, Line out) {
        out.clear();
        if (n == 0) return;
        buckets = Math.max(1, buckets);
        int from = Math.max(0, lowerBound(x, n, x0) - 1);
        int to = Math.min(n, upperBound(x, n, x1) + 1);
        if (to - from <= buckets) {
            for (int i = from; i < to; i++) if (Double.isFinite(y[i])) out.add(x[i], y[i]);
            return;
        }
        double width = x1 - x0;
        int bucket = Integer.MIN_VALUE;
        double sx = 0, sy = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(y[i])) continue;
            int b = bucketOf(x[i], x0, width, buckets);
            if (b != bucket) {
                if (count > 0) out.add(sx / count, sy / count);
                bucket = b;
                sx = sy = 0;
                count = 0;
            }
            sx += x[i];
            sy += y[i];
            count++;
        }
        if (count > 0) out.add(sx / count, sy / count);
    }

    /**
     * Points before the visible range fall in bucket -1, after it in {@code buckets}: both kept as
     * they are. A point exactly on the right edge belongs to the last column.
     */
    private static int bucketOf(double x, double x0, double width, int buckets) {
        if (x < x0) return -1;
        if (x > x0 + width) return buckets;
        return Math.min((int) ((x - x0) / width * buckets), buckets - 1);
    }

    /** The bucket's four points in x order, each once. */
    private static void emit(double[] x, double[] y, int first, int min, int max, int last, Line out) {
        if (first < 0) return;
        int a = Math.min(min, max);
        int b = Math.max(min, max);
        out.add(x[first], y[first]);
        if (a != first) out.add(x[a], y[a]);
        if (b != a && b != first) out.add(x[b], y[b]);
        if (last != b && last != first) out.add(x[last], y[last]);
    }

    /** First index with x[i] >= v. */
    static int lowerBound(double[] x, int n, double v) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** First index with x[i] > v. */
    static int upperBound(double[] x, int n, double v) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Index of the point whose x is nearest to {@code v} (for hover read-outs), or -1 when empty. */
    public static int nearest(double[] x, int n, double v) {
        if (n == 0) return -1;
        int i = lowerBound(x, n, v);
        if (i == 0) return 0;
        if (i == n) return n - 1;
        return v - x[i - 1] <= x[i] - v ? i - 1 : i;
    }
}
