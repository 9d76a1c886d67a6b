package org.backprop.visual.dashboard;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DecimatorTest {

    @Test
    void aMillionPointsBecomeAtMostFourPerPixelColumnAndKeepEveryColumnsExtremes() {
        int n = 1_000_000;
        double[] x = new double[n];
        double[] y = new double[n];
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = Math.exp(-i / 200_000.0) + 0.2 * r.nextGaussian();
        }
        y[123_456] = 50; // a spike must survive
        y[654_321] = -50;
        int buckets = 800;
        Decimator.Line out = new Decimator.Line();
        Decimator.decimate(x, y, n, 1, n, buckets, out);

        assertTrue(out.size() <= 4 * buckets + 2, "points: " + out.size());
        assertTrue(out.size() >= 2 * buckets, "every column is drawn: " + out.size());
        for (int i = 1; i < out.size(); i++) assertTrue(out.x(i) > out.x(i - 1), "x ascending, no duplicates");

        // Per pixel column, the decimated line spans exactly the full line's min..max.
        double width = n - 1;
        double[] fullMin = new double[buckets + 1], fullMax = new double[buckets + 1];
        double[] outMin = new double[buckets + 1], outMax = new double[buckets + 1];
        java.util.Arrays.fill(fullMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(outMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(fullMax, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(outMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int b = Math.min(buckets, (int) ((x[i] - 1) / width * buckets));
            fullMin[b] = Math.min(fullMin[b], y[i]);
            fullMax[b] = Math.max(fullMax[b], y[i]);
        }
        for (int i = 0; i < out.size(); i++) {
            int b = Math.min(buckets, (int) ((out.x(i) - 1) / width * buckets));
            outMin[b] = Math.min(outMin[b], out.y(i));
            outMax[b] = Math.max(outMax[b], out.y(i));
        }
        assertArrayEquals(fullMin, outMin);
        assertArrayEquals(fullMax, outMax);
        assertTrue(contains(out, 123_457, 50));
        assertTrue(contains(out, 654_322, -50));
        assertEquals(1, out.x(0), "the first point");
        assertEquals(n, out.x(out.size() - 1), "the last point");
    }

    @Test
    void aShortLinePassesThroughUnchanged() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {5, 4, 3, 2, 1};
        Decimator.Line out = new Decimator.Line();
        Decimator.decimate(x, y, 5, 1, 5, 100, out);
        assertEquals(5, out.size());
        for (int i = 0; i < 5; i++) assertEquals(y[i], out.y(i));
    }

    @Test
    void aZoomedViewKeepsOnlyTheVisibleSliceAndOnePointEitherSide() {
        int n = 10_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = i; y[i] = i % 7; }
        Decimator.Line out = new Decimator.Line();
        Decimator.decimate(x, y, n, 5000, 5010, 100, out);
        assertEquals(13, out.size(), "11 visible points and one neighbour on each side");
        assertEquals(4999, out.x(0));
        assertEquals(5011, out.x(12));
    }

    @Test
    void nonFinitePointsAreSkippedAndTheBufferIsReused() {
        double[] x = {1, 2, 3, 4};
        double[] y = {1, Double.NaN, Double.POSITIVE_INFINITY, 2};
        Decimator.Line out = new Decimator.Line();
        Decimator.decimate(x, y, 4, 1, 4, 10, out);
        assertEquals(2, out.size());
        Decimator.decimate(x, y, 0, 1, 4, 10, out);
        assertEquals(0, out.size(), "cleared on every call");
    }

    @Test
    void aTrendLineBecomesOneMeanPerPixelColumn() {
        int n = 100_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = i; y[i] = (i % 2 == 0) ? 1 : 3; } // mean 2 everywhere
        Decimator.Line out = new Decimator.Line();
        Decimator.decimateMean(x, y, n, 0, n - 1, 500, out);
        assertTrue(out.size() >= 500 && out.size() <= 502, "one point per column: " + out.size());
        for (int i = 0; i < out.size(); i++) assertEquals(2, out.y(i), 0.02, "the column mean, not its extremes");
        Decimator.decimateMean(new double[]{1, 2}, new double[]{5, 6}, 2, 1, 2, 500, out);
        assertEquals(2, out.size(), "a short line passes through");
    }

    @Test
    void nearestFindsTheClosestX() {
        double[] x = {1, 5, 9};
        assertEquals(0, Decimator.nearest(x, 3, -3));
        assertEquals(1, Decimator.nearest(x, 3, 6.9));
        assertEquals(2, Decimator.nearest(x, 3, 7.1));
        assertEquals(2, Decimator.nearest(x, 3, 100));
        assertEquals(-1, Decimator.nearest(x, 0, 1));
    }

    @Test
    void emaSmoothsWithoutPullingTheStartToZero() {
        Ema e = new Ema(0.9);
        assertEquals(10, e.next(10), 1e-12, "debiased: the first value is itself");
        assertEquals(10, e.next(10), 1e-12);
        assertTrue(Double.isNaN(e.next(Double.NaN)), "NaN passes through");
        double s = e.next(0);
        assertTrue(s > 0 && s < 10, "moves towards the new value: " + s);
        assertEquals(3, new Ema(0).next(3), "weight 0 is no smoothing");
    }

    private static boolean contains(Decimator.Line l, double x, double y) {
        for (int i = 0; i < l.size(); i++) if (l.x(i) == x && l.y(i) == y) return true;
        return false;
    }
}
