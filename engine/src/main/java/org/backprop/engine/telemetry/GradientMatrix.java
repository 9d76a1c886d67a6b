package org.backprop.engine.telemetry;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A weight-gradient matrix as a heat map can draw it. Up to {@code limit x limit} it is the
 * gradient itself (signed, DL4J layout: rows are inputs, columns are units). A larger one is
 * cut into blocks and each cell is the block's mean |gradient|: a signed mean would cancel out
 * to noise, while the magnitude still shows which inputs and units get a gradient at all.
 *
 * @param values row-major, {@code rows * cols} of them
 */
public record GradientMatrix(long iteration, int rows, int cols, long sourceRows, long sourceCols,
                             boolean aggregated, float[] values) {

    static GradientMatrix of(long iteration, INDArray gradient, int limit) {
        // Convolution weights [out, in, kh, kw] are drawn as out x (in*kh*kw).
        INDArray g = gradient.rank() == 2 ? gradient : gradient.reshape('c', gradient.size(0), gradient.length() / gradient.size(0));
        long r = g.size(0);
        long c = g.size(1);
        ArrayScan.Reader in = ArrayScan.Reader.of(g);
        // Walk the buffer in memory order: DL4J's weights are column-major ('f').
        boolean columnMajor = in.rowStride <= in.colStride;
        long outer = columnMajor ? c : r;
        long inner = columnMajor ? r : c;
        if (r <= limit && c <= limit) {
            float[] v = new float[(int) (r * c)];
            for (long o = 0; o < outer; o++) {
                for (long k = 0; k < inner; k++) {
                    long i = columnMajor ? k : o;
                    long j = columnMajor ? o : k;
                    v[(int) (i * c + j)] = (float) in.get(i, j);
                }
            }
            return new GradientMatrix(iteration, (int) r, (int) c, r, c, false, v);
        }
        int br = (int) ((r + limit - 1) / limit);
        int bc = (int) ((c + limit - 1) / limit);
        int rows = (int) ((r + br - 1) / br);
        int cols = (int) ((c + bc - 1) / bc);
        // Cell of each row and column, computed once: a division per element cost milliseconds.
        int[] rowCell = new int[(int) r];
        int[] colCell = new int[(int) c];
        for (int i = 0; i < r; i++) rowCell[i] = (i / br) * cols;
        for (int j = 0; j < c; j++) colCell[j] = j / bc;
        double[] sum = new double[rows * cols];
        for (long o = 0; o < outer; o++) {
            for (long k = 0; k < inner; k++) {
                int i = (int) (columnMajor ? k : o);
                int j = (int) (columnMajor ? o : k);
                sum[rowCell[i] + colCell[j]] += Math.abs(in.get(i, j));
            }
        }
        float[] v = new float[sum.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                // Edge blocks are smaller when the size does not divide evenly.
                long n = (Math.min(r, (i + 1L) * br) - (long) i * br) * (Math.min(c, (j + 1L) * bc) - (long) j * bc);
                v[i * cols + j] = (float) (sum[i * cols + j] / n);
            }
        }
        return new GradientMatrix(iteration, rows, cols, r, c, true, v);
    }
}
