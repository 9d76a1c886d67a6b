package org.backprop.engine.telemetry;

/**
 * What is recorded for one parameter array of a layer ("W", "b", "RW"), at sampled iterations.
 * Gradients are DL4J's raw gradients, as {@code computeGradientAndScore()} leaves them: summed
 * over the minibatch (DL4J's updater divides by the minibatch size), before clipping,
 * regularisation and the learning rate. Updates are what the updater then subtracted from the
 * parameters, as DL4J's training UI shows them.
 */
public final class ParameterTelemetry {
    private final String key;
    private final TimeSeries gradientNorm;
    private final TimeSeries gradientMeanAbs;
    private final TimeSeries gradientMaxAbs;
    private final TimeSeries updateRatioLog10;
    private final TimeSeries nonFinite;
    private final Ring<Histogram> parameterHistograms;
    private final Ring<Histogram> gradientHistograms;
    private final Ring<Histogram> updateHistograms;

    ParameterTelemetry(String key, TelemetryConfig config) {
        this.key = key;
        int cap = config.seriesCapacity();
        gradientNorm = new TimeSeries(cap);
        gradientMeanAbs = new TimeSeries(cap);
        gradientMaxAbs = new TimeSeries(cap);
        updateRatioLog10 = new TimeSeries(cap);
        nonFinite = new TimeSeries(cap);
        parameterHistograms = new Ring<>(config.historyLength());
        gradientHistograms = new Ring<>(config.historyLength());
        updateHistograms = new Ring<>(config.historyLength());
    }

    public String key() { return key; }

    /** L2 norm of the gradient. */
    public TimeSeries gradientNorm() { return gradientNorm; }

    /** Mean |g| (L1 norm over length). */
    public TimeSeries gradientMeanAbs() { return gradientMeanAbs; }

    /** Largest |g|. */
    public TimeSeries gradientMaxAbs() { return gradientMaxAbs; }

    /** log10(mean |update| / mean |parameter|): DL4J's guidance is about -3. */
    public TimeSeries updateRatioLog10() { return updateRatioLog10; }

    /** NaN plus Inf elements in the gradient. */
    public TimeSeries nonFinite() { return nonFinite; }

    public Ring<Histogram> parameterHistograms() { return parameterHistograms; }

    public Ring<Histogram> gradientHistograms() { return gradientHistograms; }

    public Ring<Histogram> updateHistograms() { return updateHistograms; }

    void clear() {
        gradientNorm.clear();
        gradientMeanAbs.clear();
        gradientMaxAbs.clear();
        updateRatioLog10.clear();
        nonFinite.clear();
        parameterHistograms.clear();
        gradientHistograms.clear();
        updateHistograms.clear();
    }
}
