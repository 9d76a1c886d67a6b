package org.backprop.visual.dashboard;

import java.util.Optional;

/**
 * The weight-gradient matrix of a layer at (or just before) an iteration: what the selected
 * layer's matrix view draws. The telemetry engine's gradient-matrix snapshots are adapted to this
 * at merge (transposed: they are DL4J's [nIn, nOut]).
 *
 * <p>{@link #version()} is a cheap read, called once per frame on the UI thread.
 */
public interface LayerMatrixSource {

    long version();

    /**
     * @param iteration the iteration wanted; {@code Long.MAX_VALUE} for the newest
     * @return the snapshot nearest at or before it (the oldest one kept if all are later), or empty
     */
    Optional<LayerMatrix> matrix(String layer, long iteration);

    LayerMatrixSource EMPTY = new LayerMatrixSource() {
        @Override
        public long version() { return 0; }

        @Override
        public Optional<LayerMatrix> matrix(String layer, long iteration) { return Optional.empty(); }
    };
}
