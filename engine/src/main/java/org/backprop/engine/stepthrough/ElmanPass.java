package org.backprop.engine.stepthrough;

/**
 * One sequence forward through an {@link Elman} network and back through time, in plain double
 * arithmetic. Arrays are indexed by time step (from 0), then unit. A step without a target (the
 * output layer's {@code steps: last}) adds nothing to the loss and sends no error back.
 */
final class ElmanPass {
    final double[][] x;
    final double[][] t;
    final boolean[] hasTarget;
    final double[][] z;
    final double[][] h;
    final double[][] hSlope;
    final double[][] o;
    final double[][] y;
    final double[][] ySlope;
    final double[] stepLoss;
    /** dL/dy per step, zero where the step has no target. */
    final double[][] dy;
    final double[][] outDelta;
    /** dL/dh_t: through the step's own output, and through z_{t+1} and RW (zero at the last step). */
    final double[][] dhOwn;
    final double[][] dhNext;
    final double[][] delta;
    final double loss;

    ElmanPass(Elman net, double[][] x, double[][] t, boolean[] hasTarget) {
        int steps = x.length;
        int units = net.hidden().units();
        int k = net.output().units();
        this.x = x;
        this.t = t;
        this.hasTarget = hasTarget;
        z = new double[steps][units];
        h = new double[steps][units];
        hSlope = new double[steps][units];
        o = new double[steps][k];
        y = new double[steps][k];
        ySlope = new double[steps][k];
        stepLoss = new double[steps];
        dy = new double[steps][k];
        outDelta = new double[steps][k];
        dhOwn = new double[steps][units];
        dhNext = new double[steps][units];
        delta = new double[steps][units];
        Elman.Cell c = net.hidden();
        Chain.Layer out = net.output();
        double total = 0;
        for (int s = 0; s < steps; s++) {
            for (int j = 0; j < units; j++) {
                double v = c.b()[j];
                for (int i = 0; i < x[s].length; i++) v += x[s][i] * c.w()[i][j];
                if (s > 0) for (int m = 0; m < units; m++) v += h[s - 1][m] * c.rw()[m][j];
                z[s][j] = v;
                h[s][j] = c.activation().value(v);
                hSlope[s][j] = c.activation().slope(v, h[s][j]);
            }
            for (int q = 0; q < k; q++) {
                double v = out.b()[q];
                for (int j = 0; j < units; j++) v += h[s][j] * out.w()[j][q];
                o[s][q] = v;
                y[s][q] = out.activation().value(v);
                ySlope[s][q] = out.activation().slope(v, y[s][q]);
            }
            if (hasTarget[s]) {
                stepLoss[s] = net.loss().value(y[s], t[s]);
                total += stepLoss[s];
            }
        }
        loss = total;
        for (int s = steps - 1; s >= 0; s--) {
            for (int q = 0; q < k; q++) {
                dy[s][q] = hasTarget[s] ? net.loss().derivative(y[s][q], t[s][q], k) : 0;
                outDelta[s][q] = dy[s][q] * ySlope[s][q];
            }
            for (int j = 0; j < units; j++) {
                double own = 0;
                for (int q = 0; q < k; q++) own += out.w()[j][q] * outDelta[s][q];
                double next = 0;
                if (s + 1 < steps) for (int m = 0; m < units; m++) next += c.rw()[j][m] * delta[s + 1][m];
                dhOwn[s][j] = own;
                dhNext[s][j] = next;
                delta[s][j] = hSlope[s][j] * (own + next);
            }
        }
    }

    int steps() {
        return x.length;
    }

    /** dL/dp of this sequence at time step s: what the parameter's gradient adds up over time. */
    double contribution(ParameterRef p, boolean output, int s) {
        if (output) return p.isWeight() ? h[s][p.row()] * outDelta[s][p.column()] : outDelta[s][p.column()];
        if (p.isRecurrent()) return s == 0 ? 0 : h[s - 1][p.row()] * delta[s][p.column()];
        return p.isWeight() ? x[s][p.row()] * delta[s][p.column()] : delta[s][p.column()];
    }

    double gradient(ParameterRef p, boolean output) {
        double sum = 0;
        for (int s = 0; s < steps(); s++) sum += contribution(p, output, s);
        return sum;
    }
}
