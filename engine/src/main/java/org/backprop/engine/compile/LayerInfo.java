package org.backprop.engine.compile;

/**
 * What the compiler learned about one layer: the DL4J layer it became, what flows out of it
 * (e.g. "4" or "14x14x8") and how many parameters it holds.
 *
 * @param dl4jIndex the layer's index in a MultiLayerNetwork (its gradient keys are
 *                  "{index}_W"), or -1 for an input or in a ComputationGraph
 */
public record LayerInfo(String id, int dl4jIndex, String outputShape, long outputSize, long parameterCount) {}
