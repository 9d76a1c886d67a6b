package org.backprop.engine.compile;

/** Where a layer's initial parameters came from when the network was compiled. */
public enum WeightSource {
    /** Fresh initial weights from the seed (and the layer's weight init). */
    FRESH,
    /** Copied from the layer of the same id in the project's {@code weightsFrom} model. */
    PRETRAINED,
    /** Fresh, although the {@code weightsFrom} model has the layer: it is marked {@code reinit}. */
    REINITIALISED,
    /** Pinned in the project file ({@code parameters}). */
    PINNED,
    /** The layer holds no parameters (input, dropout, pooling). */
    NONE
}
