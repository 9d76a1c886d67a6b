package org.backprop.engine.telemetry;

import java.util.Arrays;

/**
 * A series of sampled values in a fixed amount of memory, however long the run. Each point
 * summarises one or more consecutive samples by their min, max and mean. When the series is
 * full, neighbouring points merge pairwise (min of mins, max of maxes, count-weighted mean) and
 * every later point summarises twice as many samples: a million samples fit the same arrays as a
 * hundred, and a single spike survives every merge in its point's max.
 *
 * <p>One writer (the training thread) and any number of readers: methods are synchronized, which
 * costs nothing uncontended and the writer only touches it at sampled iterations.
 */
public final class TimeSeries {
    private final long[] first;
    private final long[] last;
    private final double[] min;
    private final double[] max;
    private final double[] sum;
    private final long[] count;
    private int size;
    private long stride = 1;

    /** @param capacity points kept at most; even, so that pairs merge cleanly */
    public TimeSeries(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) throw new IllegalArgumentException("capacity must be even and at least 2, got " + capacity);
        first = new long[capacity];
        last = new long[capacity];
        min = new double[capacity];
        max = new double[capacity];
        sum = new double[capacity];
        count = new long[capacity];
    }

    public int capacity() {
        return first.length;
    }

    public synchronized void add(long iteration, double value) {
        int open = size - 1;
        if (size == 0 || count[open] >= stride) {
            if (size == capacity()) halve();
            open = size++;
            first[open] = iteration;
            min[open] = Double.NaN;
            max[open] = Double.NaN;
            sum[open] = 0;
            count[open] = 0;
        }
        last[open] = iteration;
        min[open] = nanMin(min[open], value);
        max[open] = nanMax(max[open], value);
        sum[open] += value;
        count[open]++;
    }

    public synchronized int size() {
        return size;
    }

    /** Samples each point summarises from now on (1 until the first merge). */
    public synchronized long stride() {
        return stride;
    }

    public synchronized boolean isEmpty() {
        return size == 0;
    }

    /** The mean of the newest point, or NaN when empty. */
    public synchronized double lastMean() {
        return size == 0 ? Double.NaN : sum[size - 1] / count[size - 1];
    }

    public synchronized void clear() {
        size = 0;
        stride = 1;
    }

    /** A copy of the points, oldest first. */
    public synchronized Points points() {
        double[] mean = new double[size];
        for (int i = 0; i < size; i++) mean[i] = sum[i] / count[i];
        return new Points(Arrays.copyOf(first, size), Arrays.copyOf(last, size), Arrays.copyOf(min, size),
                Arrays.copyOf(max, size), mean, Arrays.copyOf(count, size));
    }

    private void halve() {
        int half = size / 2;
        for (int i = 0; i < half; i++) {
            int a = 2 * i;
            int b = a + 1;
            first[i] = first[a];
            last[i] = last[b];
            min[i] = nanMin(min[a], min[b]);
            max[i] = nanMax(max[a], max[b]);
            sum[i] = sum[a] + sum[b];
            count[i] = count[a] + count[b];
        }
        size = half;
        stride *= 2;
    }

    // A NaN sample must not erase the extremes of the others; the mean still shows it as NaN.
    private static double nanMin(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double nanMax(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    /**
     * The points of a series: point {@code i} covers the samples from iteration {@code first[i]}
     * to {@code last[i]}, {@code count[i]} of them.
     */
    public record Points(long[] first, long[] last, double[] min, double[] max, double[] mean, long[] count) {
        public int size() {
            return first.length;
        }

        /** The median of the means of the newest {@code n} points (NaN when empty); robust to one odd point. */
        public double recentMedian(int n) {
            int from = Math.max(0, size() - n);
            double[] tail = Arrays.copyOfRange(mean, from, size());
            if (tail.length == 0) return Double.NaN;
            Arrays.sort(tail);
            return tail.length % 2 == 1 ? tail[tail.length / 2] : (tail[tail.length / 2 - 1] + tail[tail.length / 2]) / 2;
        }
    }
}
