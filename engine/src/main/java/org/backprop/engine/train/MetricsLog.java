package org.backprop.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The metrics stream of a run. One writer (the training thread) appends; any number of
 * readers (charts, the command line's progress bar, tests) read by index whenever they like,
 * without locks and without ever slowing the writer. Readers keep their own cursor and ask
 * for what is new since it: that is what lets the UI take one batch per frame.
 */
public final class MetricsLog {
    private volatile int[] iterations = new int[1024];
    private volatile int[] epochs = new int[1024];
    private volatile double[] losses = new double[1024];
    private volatile double[] rates = new double[1024];
    private volatile int size;
    private final List<Evaluation> evaluations = new ArrayList<>();
    private volatile int evaluationCount;

    /** Called by the training thread only. */
    void add(int iteration, int epoch, double loss, double samplesPerSecond) {
        int n = size;
        if (n == losses.length) {
            int cap = n * 2;
            iterations = Arrays.copyOf(iterations, cap);
            epochs = Arrays.copyOf(epochs, cap);
            losses = Arrays.copyOf(losses, cap);
            rates = Arrays.copyOf(rates, cap);
        }
        iterations[n] = iteration;
        epochs[n] = epoch;
        losses[n] = loss;
        rates[n] = samplesPerSecond;
        size = n + 1; // volatile write publishes the row
    }

    /** Called by the training thread only. */
    void add(Evaluation e) {
        synchronized (evaluations) {
            evaluations.add(e);
        }
        evaluationCount = evaluations.size();
    }

    void clear() {
        synchronized (evaluations) {
            evaluations.clear();
        }
        evaluationCount = 0;
        size = 0;
    }

    public int size() {
        return size;
    }

    public MetricPoint get(int i) {
        if (i >= size) throw new IndexOutOfBoundsException(i + " >= " + size);
        return new MetricPoint(iterations[i], epochs[i], losses[i], rates[i]);
    }

    /** Points from {@code from} (inclusive) to the newest. */
    public List<MetricPoint> since(int from) {
        int n = size;
        List<MetricPoint> out = new ArrayList<>(Math.max(0, n - from));
        for (int i = from; i < n; i++) out.add(get(i));
        return out;
    }

    public MetricPoint last() {
        int n = size;
        return n == 0 ? null : get(n - 1);
    }

    public int evaluationCount() {
        return evaluationCount;
    }

    public List<Evaluation> evaluations() {
        synchronized (evaluations) {
            return List.copyOf(evaluations);
        }
    }

    public Evaluation lastEvaluation() {
        synchronized (evaluations) {
            return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
        }
    }
}
