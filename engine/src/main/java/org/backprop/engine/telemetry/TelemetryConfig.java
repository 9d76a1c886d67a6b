package org.backprop.engine.telemetry;

/**
 * How much the telemetry listener records, and so what it costs. NaN/Inf checks run at every
 * iteration regardless (on small arrays only: the loss, the last hidden activations and the
 * output layer's gradient).
 *
 * @param samplingInterval  the scalar series (norms, ratios, activation statistics) are recorded at
 *                          iteration 1 and every this many iterations
 * @param snapshotInterval  histograms and gradient matrices, which read every element of every
 *                          parameter several times, are taken at iteration 1 and every this many
 * @param timeStepInterval  the gradient per time step of recurrent layers ({@link TimeStepProbe}), an
 *                          extra pass back through time that costs about one training iteration, at
 *                          iteration 1 and every this many
 * @param histogramBins     bins of each parameter, gradient and update histogram
 * @param seriesCapacity    points per time series before pairs merge (see {@link TimeSeries})
 * @param historyLength     histograms and gradient matrices kept per parameter
 * @param matrixLimit       gradient matrices larger than this in either dimension are block-aggregated
 */
public record TelemetryConfig(int samplingInterval, int snapshotInterval, int timeStepInterval, int histogramBins,
                              int seriesCapacity, int historyLength, int matrixLimit) {

    public TelemetryConfig {
        if (samplingInterval < 1) throw new IllegalArgumentException("samplingInterval must be at least 1, got " + samplingInterval);
        if (snapshotInterval < 1) throw new IllegalArgumentException("snapshotInterval must be at least 1, got " + snapshotInterval);
        if (timeStepInterval < 1) throw new IllegalArgumentException("timeStepInterval must be at least 1, got " + timeStepInterval);
        if (histogramBins < 1) throw new IllegalArgumentException("histogramBins must be at least 1");
        if (historyLength < 1) throw new IllegalArgumentException("historyLength must be at least 1");
        if (matrixLimit < 1) throw new IllegalArgumentException("matrixLimit must be at least 1");
    }

    /**
     * Scalars every 20 iterations, snapshots every 200: measured to cost under 3% on the
     * 784-128-64-10 MLP with plain SGD, the fastest iteration and so the worst case (every 10 and
     * 100 cost about 5%). A short diagnosis can afford to sample more often. Time steps every 20
     * too: on elman-sine (32 steps, batch 16) they cost 4% of the iterations/s (every 5: 16%), on
     * lstm-adding 6% (measured with the TimeStepProbeOverhead benchmark).
     */
    public static TelemetryConfig defaults() {
        return new TelemetryConfig(20, 200, 20, 20, 256, 8, 64);
    }

    public TelemetryConfig withSamplingInterval(int n) {
        return new TelemetryConfig(n, snapshotInterval, timeStepInterval, histogramBins, seriesCapacity, historyLength, matrixLimit);
    }

    public TelemetryConfig withSnapshotInterval(int n) {
        return new TelemetryConfig(samplingInterval, n, timeStepInterval, histogramBins, seriesCapacity, historyLength, matrixLimit);
    }

    public TelemetryConfig withTimeStepInterval(int n) {
        return new TelemetryConfig(samplingInterval, snapshotInterval, n, histogramBins, seriesCapacity, historyLength, matrixLimit);
    }

    /** True for the iterations (counted from 1) whose scalar statistics are recorded. */
    public boolean samples(long iteration) {
        return iteration == 1 || iteration % samplingInterval == 0;
    }

    /** True for the iterations (counted from 1) whose gradient per time step is measured. */
    public boolean timeSteps(long iteration) {
        return iteration == 1 || iteration % timeStepInterval == 0;
    }

    /** True for the iterations (counted from 1) whose histograms and gradient matrices are recorded. */
    public boolean snapshots(long iteration) {
        return iteration == 1 || iteration % snapshotInterval == 0;
    }
}
