package org.backprop.engine.stepthrough;

/**
 * One example forward and back through a {@link Chain} in plain double arithmetic: the
 * workbench's own chain rule, computed without DL4J so that tests can hold it against DL4J.
 * Arrays are indexed by layer (0 = input, as in {@link Chain}) then unit.
 */
final class Pass {
    final double[] x;
    final double[] t;
    final double[][] z;
    final double[][] a;
    /** f'(z) per unit; null for a softmax layer. */
    final double[][] slope;
    /** dL/da: the loss's derivative at the output (null for softmax with cross-entropy), sum of w * delta below it. */
    final double[][] error;
    final double[][] delta;
    final double loss;

    Pass(Chain chain, double[] x, double[] t) {
        int depth = chain.depth();
        this.x = x.clone();
        this.t = t.clone();
        z = new double[depth + 1][];
        a = new double[depth + 1][];
        slope = new double[depth + 1][];
        error = new double[depth + 1][];
        delta = new double[depth + 1][];
        a[0] = this.x;
        for (int l = 1; l <= depth; l++) forward(chain.layer(l), l);
        loss = chain.loss().value(a[depth], t);
        backward(chain);
    }

    private void forward(Chain.Layer layer, int l) {
        int n = layer.units();
        z[l] = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < layer.inputs(); i++) s += layer.w()[i][j] * a[l - 1][i];
            z[l][j] = s + layer.b()[j];
        }
        if (layer.activation().isElementWise()) {
            a[l] = new double[n];
            slope[l] = new double[n];
            for (int j = 0; j < n; j++) {
                a[l][j] = layer.activation().value(z[l][j]);
                slope[l][j] = layer.activation().slope(z[l][j], a[l][j]);
            }
        } else {
            a[l] = softmax(z[l]);
        }
    }

    private void backward(Chain chain) {
        int depth = chain.depth();
        int k = chain.output().units();
        if (chain.softmaxCrossEntropy()) {
            delta[depth] = new double[k];
            for (int j = 0; j < k; j++) delta[depth][j] = a[depth][j] - t[j];
        } else {
            error[depth] = new double[k];
            for (int j = 0; j < k; j++) error[depth][j] = chain.loss().derivative(a[depth][j], t[j], k);
            delta[depth] = delta(depth, chain.output().activation());
        }
        for (int l = depth - 1; l >= 1; l--) {
            Chain.Layer next = chain.layer(l + 1);
            error[l] = new double[chain.units(l)];
            for (int i = 0; i < error[l].length; i++) {
                double s = 0;
                for (int j = 0; j < next.units(); j++) s += next.w()[i][j] * delta[l + 1][j];
                error[l][i] = s;
            }
            delta[l] = delta(l, chain.layer(l).activation());
        }
    }

    /** dL/dz from dL/da: times the slope, or through softmax's Jacobian: a_j (g_j - sum_k a_k g_k). */
    private double[] delta(int l, ActivationFunction f) {
        double[] g = error[l];
        double[] d = new double[g.length];
        if (f.isElementWise()) {
            for (int j = 0; j < g.length; j++) d[j] = slope[l][j] * g[j];
        } else {
            double mean = weighted(l);
            for (int j = 0; j < g.length; j++) d[j] = a[l][j] * (g[j] - mean);
        }
        return d;
    }

    /** sum_k a_k g_k of a softmax layer. */
    double weighted(int l) {
        double s = 0;
        for (int k = 0; k < a[l].length; k++) s += a[l][k] * error[l][k];
        return s;
    }

    double weightGradient(int l, int i, int j) {
        return a[l - 1][i] * delta[l][j];
    }

    double biasGradient(int l, int j) {
        return delta[l][j];
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double[] e = new double[z.length];
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            e[j] = Math.exp(z[j] - max);
            sum += e[j];
        }
        for (int j = 0; j < z.length; j++) e[j] /= sum;
        return e;
    }
}
