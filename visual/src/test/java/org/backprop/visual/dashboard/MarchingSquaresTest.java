package org.backprop.visual.dashboard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MarchingSquaresTest {

    @Test
    void aCircleOfRadiusFourIsTracedAtRadiusFour() {
        int n = 21;
        double[] f = new double[n * n];
        for (int iy = 0; iy < n; iy++) for (int ix = 0; ix < n; ix++) f[iy * n + ix] = Math.hypot(ix - 10, iy - 10);
        List<double[]> segs = MarchingSquares.segments(f, n, n, 4);
        assertTrue(segs.size() >= 20, "a closed curve of many segments: " + segs.size());
        for (double[] s : segs) {
            assertEquals(4, Math.hypot(s[0] - 10, s[1] - 10), 0.1);
            assertEquals(4, Math.hypot(s[2] - 10, s[3] - 10), 0.1);
        }
    }

    @Test
    void aFieldThatNeverCrossesTheLevelHasNoLine() {
        double[] f = {1, 2, 3, 4};
        assertTrue(MarchingSquares.segments(f, 2, 2, 0).isEmpty());
        assertTrue(MarchingSquares.segments(new double[]{Double.NaN, 1, -1, 1}, 2, 2, 0).isEmpty(), "NaN cells are skipped");
    }

    @Test
    void aStraightBoundaryIsPlacedByInterpolation() {
        // f = x - 0.25 on a 2x2 grid: the line x = 0.25 from bottom to top.
        double[] f = {-0.25, 0.75, -0.25, 0.75};
        List<double[]> segs = MarchingSquares.segments(f, 2, 2, 0);
        assertEquals(1, segs.size());
        assertArrayEquals(new double[]{0.25, 0, 0.25, 1}, segs.get(0), 1e-12);
    }

    @Test
    void confusionMatrixCountsAndPerClassAccuracy() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "c"), new int[]{0, 0, 1, 1, 1, 2}, new int[]{0, 1, 1, 1, 0, 2}, 5);
        assertEquals(2, m.rowTotal(0));
        assertEquals(0.5, m.perClassAccuracy(0));
        assertEquals(2.0 / 3, m.perClassAccuracy(1), 1e-12);
        assertEquals(1.0, m.perClassAccuracy(2));
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
        assertTrue(Double.isNaN(ConfusionMatrix.of(List.of("a", "b"), new int[]{0}, new int[]{0}, 0).perClassAccuracy(1)));
    }
}
