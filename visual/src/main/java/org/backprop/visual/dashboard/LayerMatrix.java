package org.backprop.visual.dashboard;

/**
 * A layer's weight matrix, or its weight gradient, as outputs x inputs (the transpose of DL4J's
 * {@code W}, which is [nIn, nOut]): row {@code o} holds what reaches unit {@code o} from every input.
 *
 * @param iteration  the iteration it was taken at
 * @param values     row-major, {@code outputs * inputs} of them
 * @param magnitudes true when a large matrix was reduced to blocks of mean |value| (unsigned),
 *                   false for the signed values themselves
 * @param sourceOutputs outputs of the full matrix (equal to {@code outputs} unless reduced)
 * @param sourceInputs  inputs of the full matrix
 */
public record LayerMatrix(String layer, long iteration, int outputs, int inputs, float[] values,
                          boolean magnitudes, long sourceOutputs, long sourceInputs) {

    public LayerMatrix {
        if (values.length != outputs * inputs) {
            throw new IllegalArgumentException(values.length + " values for " + outputs + " x " + inputs);
        }
    }

    /** A full, signed matrix. */
    public static LayerMatrix of(String layer, long iteration, int outputs, int inputs, float[] values) {
        return new LayerMatrix(layer, iteration, outputs, inputs, values, false, outputs, inputs);
    }

    /** From DL4J's layout, {@code w[i * nOut + o]} for input i and output o (row-major [nIn, nOut]). */
    public static LayerMatrix fromInputMajor(String layer, long iteration, int nIn, int nOut, float[] w) {
        float[] t = new float[nIn * nOut];
        for (int i = 0; i < nIn; i++) for (int o = 0; o < nOut; o++) t[o * nIn + i] = w[i * nOut + o];
        return of(layer, iteration, nOut, nIn, t);
    }

    public float get(int output, int input) {
        return values[output * inputs + input];
    }

    /** Largest |value|, ignoring non-finite ones; 0 for an all-zero matrix. */
    public double maxAbs() {
        double m = 0;
        for (float v : values) if (Float.isFinite(v)) m = Math.max(m, Math.abs(v));
        return m;
    }

    /**
     * A robust scale for colouring: the 99th percentile of |value| (so one outlier does not wash
     * out the rest), or the largest |value| for small matrices. Large matrices are sampled at an
     * even stride (at most about 8,000 values), which keeps this cheap enough for every frame.
     */
    public double robustScale() {
        int stride = Math.max(1, values.length / 8192);
        int n = 0;
        float[] a = new float[(values.length + stride - 1) / stride];
        for (int i = 0; i < values.length; i += stride) if (Float.isFinite(values[i])) a[n++] = Math.abs(values[i]);
        if (n == 0) return 0;
        java.util.Arrays.sort(a, 0, n);
        return n < 100 ? a[n - 1] : a[(int) Math.floor(0.99 * (n - 1))];
    }

    /** Reduced to at most {@code limit x limit} blocks of mean |value| (this when already small enough). */
    public LayerMatrix reduced(int limit) {
        if (outputs <= limit && inputs <= limit) return this;
        int bo = (outputs + limit - 1) / limit;
        int bi = (inputs + limit - 1) / limit;
        int ro = (outputs + bo - 1) / bo;
        int ri = (inputs + bi - 1) / bi;
        double[] sum = new double[ro * ri];
        int[] count = new int[ro * ri];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                int cell = (o / bo) * ri + i / bi;
                sum[cell] += Math.abs(values[o * inputs + i]);
                count[cell]++;
            }
        }
        float[] v = new float[sum.length];
        for (int k = 0; k < v.length; k++) v[k] = (float) (sum[k] / count[k]);
        return new LayerMatrix(layer, iteration, ro, ri, v, true, sourceOutputs, sourceInputs);
    }
}
