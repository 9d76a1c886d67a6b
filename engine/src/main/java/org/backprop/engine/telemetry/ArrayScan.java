package org.backprop.engine.telemetry;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statistics telemetry takes of an array, each from one pass over DL4J's own buffer (a view
 * into the flat parameter, gradient or activation memory; on the CPU backend that is host memory,
 * read without a copy). Why not ND4J reductions: measured on the 784-128-64-10 MLP, every ND4J
 * op costs 5-30 us of fixed overhead even on a 650-element array, and norm1, norm2 and amax of the
 * 100k-element weight matrix are three passes (~160 us) where {@link #magnitudes} is one (~70 us).
 *
 * <p>Each loop computes only what its caller needs, without data-dependent branches, and has a
 * float and a double version: a generic element accessor or one more comparison per element
 * doubles the time of these loops. Sums are accumulated in double.
 */
final class ArrayScan {
    private ArrayScan() {}

    /** What the per-parameter series need; NaN or Inf anywhere makes the sums non-finite. */
    record Magnitudes(long length, double sumAbs, double sumSquares, double maxAbs) {
        double meanAbs() {
            return sumAbs / length;
        }

        double norm2() {
            return Math.sqrt(sumSquares);
        }

        boolean finite() {
            return Double.isFinite(sumAbs) && Double.isFinite(sumSquares);
        }
    }

    /** Mean and standard deviation, and how many elements lie below {@code lo} and above {@code hi}. */
    record Moments(long length, double sum, double sumSquares, long below, long above) {
        double mean() {
            return sum / length;
        }

        /** Bias-corrected, as ND4J's {@code stdNumber()}. */
        double std() {
            if (length < 2) return 0;
            return Math.sqrt(Math.max(0, (sumSquares - sum * sum / length) / (length - 1)));
        }
    }

    record NonFinite(long nan, long inf) {
        long total() {
            return nan + inf;
        }
    }

    static Magnitudes magnitudes(INDArray a) {
        Reader r = Reader.of(a);
        double abs = 0, sq = 0, max = 0;
        if (r.floats != null) {
            for (int i = 0; i < r.length; i++) {
                double v = r.floats.get(i);
                double m = Math.abs(v);
                abs += m;
                sq += v * v;
                if (m > max) max = m;
            }
        } else {
            for (int i = 0; i < r.length; i++) {
                double v = r.doubles.get(i);
                double m = Math.abs(v);
                abs += m;
                sq += v * v;
                if (m > max) max = m;
            }
        }
        return new Magnitudes(r.length, abs, sq, max);
    }

    /** Mean magnitude as DL4J's training UI computes it: L1 norm over length. */
    static double meanAbs(INDArray a) {
        Reader r = Reader.of(a);
        double abs = 0;
        if (r.floats != null) {
            for (int i = 0; i < r.length; i++) abs += Math.abs(r.floats.get(i));
        } else {
            for (int i = 0; i < r.length; i++) abs += Math.abs(r.doubles.get(i));
        }
        return abs / r.length;
    }

    /** The every-iteration check: a sum is NaN or infinite when any element is. */
    static boolean hasNonFinite(INDArray a) {
        Reader r = Reader.of(a);
        double sum = 0;
        if (r.floats != null) {
            for (int i = 0; i < r.length; i++) sum += r.floats.get(i);
        } else {
            for (int i = 0; i < r.length; i++) sum += r.doubles.get(i);
        }
        // A finite sum proves every element finite; a sum can also overflow, so confirm by counting.
        return !Double.isFinite(sum) && nonFinite(a).total() > 0;
    }

    static Moments moments(INDArray a, double lo, double hi) {
        Reader r = Reader.of(a);
        double sum = 0, sq = 0;
        long below = 0, above = 0;
        if (r.floats != null) {
            for (int i = 0; i < r.length; i++) {
                double v = r.floats.get(i);
                sum += v;
                sq += v * v;
                below += v < lo ? 1 : 0;
                above += v > hi ? 1 : 0;
            }
        } else {
            for (int i = 0; i < r.length; i++) {
                double v = r.doubles.get(i);
                sum += v;
                sq += v * v;
                below += v < lo ? 1 : 0;
                above += v > hi ? 1 : 0;
            }
        }
        return new Moments(r.length, sum, sq, below, above);
    }

    /** Rare (locating a NaN, confirming an overflow), so one generic loop. */
    static NonFinite nonFinite(INDArray a) {
        Reader r = Reader.of(a);
        long nan = 0, inf = 0;
        for (int i = 0; i < r.length; i++) {
            double v = r.get(i);
            if (v != v) nan++;
            else if (Double.isInfinite(v)) inf++;
        }
        return new NonFinite(nan, inf);
    }

    /**
     * Up to {@code limit} elements, evenly strided over the whole array, as doubles: what a
     * histogram is drawn from. Binning every element of a 100k weight matrix cost more than all
     * the scalar statistics together, and 8,192 evenly spread elements show the same shape.
     */
    static double[] sample(INDArray a, int limit) {
        Reader r = Reader.of(a);
        int n = Math.min(limit, r.length);
        double step = r.length / (double) n;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) out[k] = r.get((int) (k * step));
        return out;
    }

    /**
     * An array's elements where they lie: float and double arrays contiguous in their buffer are
     * read in place (in buffer order, which no statistic here cares about; matrices by their
     * strides); anything else is first copied to a contiguous double array.
     */
    static final class Reader {
        /**
         * Buffers over native memory by (address, length, type). DataBuffer.asNioFloat() took
         * 3-25 us on DL4J's workspace arrays and even a plain JNI buffer costs a few us, while
         * parameters, gradients and workspace activations keep their addresses from one iteration
         * to the next. Safe: an entry is used only for an array that lies at that address with
         * that length now, so it reads exactly that array's memory.
         */
        private static final Map<View, Buffer> VIEWS = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<View, Buffer> eldest) {
                return size() > 256;
            }
        });

        private record View(long address, int length, boolean isFloat) {}

        final int length;
        final FloatBuffer floats;
        final DoubleBuffer doubles;
        final long rowStride;
        final long colStride;

        private Reader(INDArray a) {
            length = Math.toIntExact(a.length());
            rowStride = a.rank() == 2 ? a.stride(0) : 0;
            colStride = a.rank() == 2 ? a.stride(1) : 0;
            Pointer at = a.data().addressPointer();
            boolean isFloat = a.dataType() == DataType.FLOAT;
            Buffer b = VIEWS.computeIfAbsent(new View(at.address(), length, isFloat), v -> isFloat
                    ? new FloatPointer(at).capacity(length).asBuffer()
                    : new DoublePointer(at).capacity(length).asBuffer());
            // Absolute gets only, so sharing one buffer object between readers is safe.
            floats = isFloat ? (FloatBuffer) b : null;
            doubles = isFloat ? null : (DoubleBuffer) b;
        }

        static Reader of(INDArray a) {
            boolean direct = (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE) && Shape.isContiguousInBuffer(a);
            return new Reader(direct ? a : a.castTo(DataType.DOUBLE).dup('c'));
        }

        double get(int i) {
            return floats != null ? floats.get(i) : doubles.get(i);
        }

        /** Element (row, col) of a rank-2 array. */
        double get(long row, long col) {
            int i = (int) (row * rowStride + col * colStride);
            return floats != null ? floats.get(i) : doubles.get(i);
        }
    }
}
