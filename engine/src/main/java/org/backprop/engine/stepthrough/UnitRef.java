package org.backprop.engine.stepthrough;

/** One neuron: unit {@code unit} (0-based, as in DL4J's arrays) of the layer with id {@code layer}. */
public record UnitRef(String layer, int unit) {}
