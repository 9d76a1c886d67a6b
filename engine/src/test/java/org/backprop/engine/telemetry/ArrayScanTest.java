package org.backprop.engine.telemetry;

import org.backprop.engine.runtime.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.*;

/** The one-pass statistics read DL4J's buffers in place: they must agree with ND4J's own reductions. */
class ArrayScanTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
        Nd4j.getRandom().setSeed(11);
    }

    @Test
    void aWeightViewInsideAFlatBufferReadsLikeNd4j() {
        for (DataType dt : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            INDArray flat = Nd4j.randn(dt, 1, 1000);
            // As DL4J lays out a dense layer's W: an 'f'-ordered view at an offset of the flat vector.
            INDArray w = flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(37, 37 + 30 * 20)).reshape('f', 30, 20);
            assertSameStatistics(w, dt == DataType.DOUBLE ? 1e-12 : 1e-5);
        }
    }

    @Test
    void aNonContiguousViewIsCopiedFirst() {
        INDArray m = Nd4j.randn(DataType.FLOAT, 40, 30);
        INDArray column = m.getColumn(7); // stride 30 in a 'c' buffer
        assertSameStatistics(column, 1e-5);
    }

    @Test
    void matricesAreReadByTheirStrides() {
        INDArray f = Nd4j.randn(DataType.DOUBLE, 5, 7).dup('f');
        GradientMatrix g = GradientMatrix.of(1, f, 64);
        assertFalse(g.aggregated());
        for (int i = 0; i < 5; i++) for (int j = 0; j < 7; j++) assertEquals(f.getDouble(i, j), g.values()[i * 7 + j], 1e-6);
    }

    @Test
    void largeMatricesBecomeBlocksOfMeanMagnitude() {
        INDArray w = Nd4j.randn(DataType.FLOAT, 784, 128).dup('f');
        GradientMatrix g = GradientMatrix.of(1, w, 64);
        assertTrue(g.aggregated());
        assertTrue(g.rows() <= 64 && g.cols() <= 64, g.rows() + "x" + g.cols());
        // 784 rows in blocks of 13, 128 columns in blocks of 2: cell (1, 3) is rows 13-25, columns 6-7.
        INDArray block = w.get(NDArrayIndex.interval(13, 26), NDArrayIndex.interval(6, 8));
        assertEquals(block.norm1Number().doubleValue() / block.length(), g.values()[g.cols() + 3], 1e-5);
    }

    @Test
    void nonFiniteValuesAreCounted() {
        INDArray a = Nd4j.createFromArray(1.0, Double.NaN, Double.POSITIVE_INFINITY, -2.0, Double.NEGATIVE_INFINITY);
        ArrayScan.NonFinite s = ArrayScan.nonFinite(a);
        assertEquals(1, s.nan());
        assertEquals(2, s.inf());
        assertTrue(ArrayScan.hasNonFinite(a));
        assertFalse(ArrayScan.magnitudes(a).finite());
        assertFalse(ArrayScan.hasNonFinite(Nd4j.ones(3)));
        assertNull(Histogram.of(1, a, 10), "no range to bin");
    }

    @Test
    void anOverflowingSumOfFiniteValuesIsNotANan() {
        INDArray a = Nd4j.createFromArray(3e38f, 3e38f, 3e38f);
        assertFalse(ArrayScan.hasNonFinite(a), "their float sum would overflow; the values are finite");
    }

    @Test
    void histogramsCountEveryValueOnce() {
        INDArray a = Nd4j.createFromArray(0.0, 0.1, 0.5, 0.9, 1.0);
        Histogram h = Histogram.of(1, a, 2);
        assertArrayEquals(new long[]{2, 3}, h.counts());
        assertEquals(0, h.min());
        assertEquals(1, h.max());
        assertEquals(5, h.sampled());
    }

    @Test
    void largeArraysAreBinnedFromAnEvenSample() {
        INDArray a = Nd4j.arange(100_000).castTo(DataType.FLOAT).divi(100_000);
        Histogram h = Histogram.of(1, a, 4);
        assertEquals(Histogram.SAMPLE, h.sampled());
        assertEquals(Histogram.SAMPLE, java.util.Arrays.stream(h.counts()).sum());
        for (long c : h.counts()) assertEquals(Histogram.SAMPLE / 4.0, c, 2, "a uniform ramp stays uniform");
    }

    private static void assertSameStatistics(INDArray a, double tolerance) {
        ArrayScan.Magnitudes m = ArrayScan.magnitudes(a);
        assertEquals(a.length(), m.length());
        assertEquals(a.norm2Number().doubleValue(), m.norm2(), tolerance * m.norm2());
        assertEquals(a.norm1Number().doubleValue() / a.length(), m.meanAbs(), tolerance * m.meanAbs());
        assertEquals(a.norm1Number().doubleValue() / a.length(), ArrayScan.meanAbs(a), tolerance * m.meanAbs());
        assertEquals(a.amaxNumber().doubleValue(), m.maxAbs(), tolerance * m.maxAbs());
        ArrayScan.Moments s = ArrayScan.moments(a, -1, 1);
        assertEquals(a.meanNumber().doubleValue(), s.mean(), tolerance);
        assertEquals(a.stdNumber().doubleValue(), s.std(), tolerance * s.std());
        assertEquals(a.lt(-1).castTo(DataType.INT).sumNumber().longValue(), s.below());
        assertEquals(a.gt(1).castTo(DataType.INT).sumNumber().longValue(), s.above());
        double[] all = ArrayScan.sample(a, Integer.MAX_VALUE);
        assertEquals(a.length(), all.length);
        assertEquals(a.minNumber().doubleValue(), java.util.Arrays.stream(all).min().orElseThrow(), 0);
        assertEquals(a.maxNumber().doubleValue(), java.util.Arrays.stream(all).max().orElseThrow(), 0);
        assertFalse(ArrayScan.hasNonFinite(a));
    }
}
