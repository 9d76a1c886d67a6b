package org.backprop.engine.stepthrough;

/**
 * One layer of the explained chain: its id, its number in the formulas (0 = the input, then
 * 1, 2, ... up to the output layer), its units and activation (null for the input).
 */
public record LayerSummary(String id, int number, int units, String activation) {}
