package org.backprop.engine.telemetry;

/**
 * The first NaN or Inf of a run: where it showed up first and how much of it there was.
 *
 * @param iteration the iteration (counted from 1) it appeared in
 * @param layer     the layer it appeared in first: for {@link Source#ACTIVATIONS} the first in
 *                  forward order; for {@link Source#GRADIENTS} the one nearest the output, because
 *                  backpropagation carries it from there toward the input; for
 *                  {@link Source#PARAMETERS} likewise the one nearest the output whose parameters
 *                  the update turned non-finite; for {@link Source#LOSS} the output layer
 * @param parameter for gradients and parameters, the parameter ("W", "b", "RW"), else null
 * @param loss      the loss of that iteration (NaN when not yet known)
 */
public record NonFiniteEvent(long iteration, Source source, String layer, String parameter,
                             long nanCount, long infCount, double loss) {

    public enum Source {
        LOSS,
        ACTIVATIONS,
        GRADIENTS,
        /**
         * The update of that iteration put NaN or Inf into the parameters, although the checks of
         * that iteration passed (its gradient overflowed in a layer the cheap checks do not read).
         * Found at the next forward pass.
         */
        PARAMETERS
    }
}
