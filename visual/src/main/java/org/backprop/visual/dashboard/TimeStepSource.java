package org.backprop.visual.dashboard;

/**
 * The gradient reaching each time step of the recurrent layers, ||dL/dh_t||, at the newest
 * sampled iteration: rows are the recurrent layers, columns the time steps (0 = first), values
 * log10. A gradient that vanishes through time fades towards the early steps. The telemetry
 * engine's time-step norms are adapted to this at merge. Empty when the network has no
 * recurrent layer.
 */
public interface TimeStepSource {

    long version();

    HeatmapGrid grid();

    TimeStepSource EMPTY = new TimeStepSource() {
        @Override
        public long version() { return 0; }

        @Override
        public HeatmapGrid grid() { return HeatmapGrid.EMPTY; }
    };
}
