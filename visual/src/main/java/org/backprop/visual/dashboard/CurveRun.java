package org.backprop.visual.dashboard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.EnumMap;
import java.util.Map;

/**
 * The curves of one training run, kept after the run ends so that later runs can be overlaid
 * on it. x is always the iteration; the epoch axis divides by {@link #iterationsPerEpoch()}.
 * Lives on the UI thread.
 */
public final class CurveRun {

    public enum Series {
        /** The loss of each minibatch as it was trained on. */
        MINIBATCH_LOSS,
        /** Mean minibatch loss of each epoch, as the engine reports it at an evaluation. */
        TRAIN_LOSS,
        VALIDATION_LOSS,
        /** Accuracy on the training part, measured on a model snapshot. */
        TRAIN_ACCURACY,
        VALIDATION_ACCURACY
    }

    private final int number;
    private final String description;
    private final double iterationsPerEpoch;
    private final Map<Series, SeriesBuffer> series = new EnumMap<>(Series.class);
    private final SeriesBuffer smoothedLoss = new SeriesBuffer();
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private Ema ema;
    private long version;

    /**
     * @param number             1 for the first run of the session, counting up
     * @param description        what changed since the run before ("learning rate: 0.1 → 0.01")
     * @param iterationsPerEpoch minibatches per epoch, to put the runs on an epoch axis
     */
    public CurveRun(int number, String description, double iterationsPerEpoch, double smoothing) {
        this.number = number;
        this.description = description;
        this.iterationsPerEpoch = Math.max(1, iterationsPerEpoch);
        for (Series s : Series.values()) series.put(s, new SeriesBuffer());
        ema = new Ema(smoothing);
    }

    public int number() { return number; }

    public String description() { return description; }

    public double iterationsPerEpoch() { return iterationsPerEpoch; }

    public SeriesBuffer series(Series s) { return series.get(s); }

    /** The minibatch loss smoothed with the current weight. */
    public SeriesBuffer smoothedLoss() { return smoothedLoss; }

    /** Whether the run is overlaid (the current run is always drawn). */
    public BooleanProperty shownProperty() { return shown; }

    /** Grows with every change: views redraw when it moved. */
    public long version() { return version; }

    /** Appends a point; iterations must not go backwards within a series. Non-finite values are kept (as gaps). */
    public void add(Series s, double iteration, double value) {
        series.get(s).add(iteration, value);
        if (s == Series.MINIBATCH_LOSS) smoothedLoss.add(iteration, ema.next(value));
        version++;
    }

    /** Re-smooths the whole minibatch loss (when the slider moves). */
    public void setSmoothing(double weight) {
        if (weight == ema.weight()) return;
        ema = new Ema(weight);
        SeriesBuffer raw = series.get(Series.MINIBATCH_LOSS);
        smoothedLoss.clear();
        for (int i = 0; i < raw.size(); i++) smoothedLoss.add(raw.x(i), ema.next(raw.y(i)));
        version++;
    }

    /** Whether any iteration was trained (a snapshot of the initial model alone does not count). */
    public boolean trained() {
        return series.get(Series.MINIBATCH_LOSS).size() > 0;
    }
}
