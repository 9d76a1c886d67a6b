package org.backprop.engine.telemetry;

import java.util.List;
import java.util.Optional;

/**
 * Everything the telemetry listener recorded about one run, in a fixed amount of memory. The
 * training thread writes; the dashboard, the diagnosis and the JSON writer read at any time.
 */
public final class Telemetry {
    private final TelemetryConfig config;
    private final TimeSeries loss;
    private volatile List<LayerTelemetry> layers = List.of();
    private volatile NonFiniteEvent nonFinite;
    private volatile long lastIteration;
    private volatile long sampledIterations;

    public Telemetry(TelemetryConfig config) {
        this.config = config;
        this.loss = new TimeSeries(config.seriesCapacity());
    }

    public TelemetryConfig config() { return config; }

    /** The model's layers in forward order; empty until the first iteration. */
    public List<LayerTelemetry> layers() { return layers; }

    public Optional<LayerTelemetry> layer(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The loss of every iteration (not only sampled ones). */
    public TimeSeries loss() { return loss; }

    /** The first NaN or Inf of the run, if any. */
    public Optional<NonFiniteEvent> nonFinite() { return Optional.ofNullable(nonFinite); }

    /** The newest iteration seen, counted from 1; 0 before training. */
    public long lastIteration() { return lastIteration; }

    /** How many iterations had their full statistics recorded. */
    public long sampledIterations() { return sampledIterations; }

    /** Forgets the run (after a reset); layers reappear at the next iteration. */
    public synchronized void clear() {
        layers = List.of();
        loss.clear();
        nonFinite = null;
        lastIteration = 0;
        sampledIterations = 0;
    }

    synchronized void setLayers(List<LayerTelemetry> l) {
        layers = List.copyOf(l);
    }

    synchronized void iterationDone(long iteration, boolean sampled) {
        lastIteration = iteration;
        if (sampled) sampledIterations++;
    }

    /** Records the event unless an earlier one exists; true when it was the first. */
    synchronized boolean recordNonFinite(NonFiniteEvent e) {
        if (nonFinite != null) return false;
        nonFinite = e;
        return true;
    }
}
