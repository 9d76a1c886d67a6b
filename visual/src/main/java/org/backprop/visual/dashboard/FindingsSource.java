package org.backprop.visual.dashboard;

import java.util.List;
import java.util.Optional;

/**
 * What the findings panel shows: the diagnosis' findings, most severe first, and whether
 * training was paused by a NaN or an infinity. The telemetry engine (its Diagnosis and its
 * NaN pause) is adapted to this at merge.
 */
public interface FindingsSource {

    /**
     * The first NaN or Inf of a run, which paused it.
     *
     * @param what  what turned non-finite, in words ("the loss", "the gradient of W")
     * @param layer where, or "" when not known
     */
    record NonFinite(long iteration, String what, String layer) {}

    long version();

    List<Finding> findings();

    Optional<NonFinite> nonFinite();

    FindingsSource EMPTY = new FindingsSource() {
        @Override
        public long version() { return 0; }

        @Override
        public List<Finding> findings() { return List.of(); }

        @Override
        public Optional<NonFinite> nonFinite() { return Optional.empty(); }
    };
}
