package org.backprop.visual.dashboard;

/**
 * What the gradient heatmap reads: for each layer with weights, a value per sampled iteration.
 * The telemetry engine is adapted to this at merge (its per-parameter time series of the
 * gradient norm and the log10 update ratio); tests and stand-ins implement it directly.
 *
 * <p>Threading: {@link #version()} is called on the UI thread once per frame and must be a
 * cheap read; {@link #grid} is called only when the version moved, on the UI thread, and returns
 * a copy the caller owns.
 */
public interface LayerSeriesSource {

    /** The quantity a heatmap shows, always as log10. */
    enum Quantity {
        /** log10 of the L2 norm of the layer's weight gradient, ||dL/dW||. */
        GRADIENT_NORM,
        /** log10 of ||update|| / ||W||, the step the optimizer took relative to the weights. */
        UPDATE_RATIO
    }

    /** Changes whenever anything {@link #grid} returns would change (new samples, a reset). */
    long version();

    /** Layers in forward order (the rows), each row as many values as there are columns. */
    HeatmapGrid grid(Quantity quantity);

    LayerSeriesSource EMPTY = new LayerSeriesSource() {
        @Override
        public long version() { return 0; }

        @Override
        public HeatmapGrid grid(Quantity quantity) { return HeatmapGrid.EMPTY; }
    };
}
